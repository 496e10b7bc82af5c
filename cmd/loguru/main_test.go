package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
)

func TestDemo(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"demo"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit code %d: %s", code, errOut.String())
	}
	got := errOut.String()
	// In a test binary the main package is linked under its import path, so
	// {name} is that path here; a built command reports "main" (checked by
	// the CI script, which runs the demo).
	got = strings.ReplaceAll(got, "github.com/loguru-go/loguru/cmd/loguru:", "main:")
	for _, want := range []string{
		"| TRACE    | main:demo:",
		"| INFO     | main:demo:",
		"- Hello, world!\n",
		"| SUCCESS  | main:demo:",
		"- Order 1042 shipped {\"id\": 1042}\n",
		"- Values bound to a logger {\"request\": \"r-7\", \"user\": \"ann\"}\n",
		"- Context values land in Extra too {\"trace_id\": \"4bf92f35\"}\n",
		"- Disk usage at 93%\n",
		"| CRITICAL | main:demo:",
		"| NOTICE   | main:demo:",
		"- Markup in a message: red, green, bold\n",
		"- Errors carry their stack, wrap sites and values\nTraceback (most recent call last):\n",
		"\n*loguru.TracedError: loading config: port out of range\n",
		"- A panic, caught and logged\nTraceback (most recent call last):\n",
		"panic: runtime.errorString: runtime error: integer divide by zero [goroutine ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	line := regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \| [A-Z]+ +\| main:demo:\d+ - `)
	if first := strings.SplitN(got, "\n", 2)[0]; !line.MatchString(first) {
		t.Errorf("first line %q is not in the default format", first)
	}
	if strings.Contains(got, "\x1b[") {
		t.Error("a buffer is not a terminal: no color expected")
	}
}

// -h and --help print a command's usage and exit 0; a stray argument is a
// mistake (2).
func TestCommandHelp(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		code  int
		usage string
	}{
		{[]string{"demo", "--help"}, 0, "usage: loguru demo\n"},
		{[]string{"demo", "-h"}, 0, "usage: loguru demo\n"},
		{[]string{"parse", "--help"}, 0, "usage: loguru parse [-pattern regexp] [file ...]\n"},
		{[]string{"serve", "--help"}, 0, "usage: loguru serve --key-file F"},
		{[]string{"serve", "-h"}, 0, "usage: loguru serve --key-file F"},
		{[]string{"demo", "extra"}, 2, "loguru demo: unexpected argument \"extra\"\n"},
		{[]string{"parse", "--nope"}, 2, "flag provided but not defined: -nope\n"},
		{[]string{"serve", "extra"}, 2, "loguru serve: unexpected argument \"extra\"\n"},
	} {
		var out, errOut bytes.Buffer
		code := run(tc.args, strings.NewReader(""), &out, &errOut)
		if code != tc.code || !strings.HasPrefix(errOut.String(), tc.usage) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut.String(), tc.code, tc.usage)
		}
	}
}

func TestUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(nil, nil, &out, &errOut); code != 2 || !strings.HasPrefix(errOut.String(), "usage: loguru") {
		t.Fatalf("no command: code %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"nope"}, nil, &out, &errOut); code != 2 || !strings.HasPrefix(errOut.String(), `loguru: unknown command "nope"`) {
		t.Fatalf("unknown command: code %d, %q", code, errOut.String())
	}
}

func TestParsePrintsRecordsAsJSON(t *testing.T) {
	in := "2026-11-22 10:01:02.345 | INFO     | main:main:10 - started <ok>\n" +
		"2026-11-22 10:01:02.346 | ERROR    | github.com/acme/app:load:12 - failed\n" +
		"*errors.errorString: boom\n" +
		"2026-11-22 10:01:03.000 | NOTICE   | main:main:14 - done\n"
	var out, errOut bytes.Buffer
	if code := run([]string{"parse"}, strings.NewReader(in), &out, &errOut); code != 0 {
		t.Fatalf("exit code %d: %s", code, errOut.String())
	}
	want := `{"function":"main","level":"INFO","line":10,"message":"started <ok>","name":"main","time":"2026-11-22 10:01:02.345"}
{"function":"load","level":"ERROR","line":12,"message":"failed\n*errors.errorString: boom","name":"github.com/acme/app","time":"2026-11-22 10:01:02.346"}
{"function":"main","level":"NOTICE","line":14,"message":"done","name":"main","time":"2026-11-22 10:01:03.000"}
`
	if out.String() != want {
		t.Errorf("parse output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestParseReadsTheDemo(t *testing.T) {
	var demoOut bytes.Buffer
	run([]string{"demo"}, nil, io.Discard, &demoOut)
	records := regexp.MustCompile(`(?m)^\d{4}-`).FindAllStringIndex(demoOut.String(), -1)
	var out, errOut bytes.Buffer
	if code := run([]string{"parse"}, &demoOut, &out, &errOut); code != 0 {
		t.Fatalf("exit code %d: %s", code, errOut.String())
	}
	if got := strings.Count(out.String(), "\n"); got != len(records) || got == 0 {
		t.Errorf("parsed %d records of %d:\n%s", got, len(records), out.String())
	}
}

func TestParseErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"parse", "-pattern", "(", "x"}, nil, &out, &errOut)
	if code != 1 || errOut.String() != "loguru parse: open x: no such file or directory\n" {
		t.Errorf("missing file: code %d, %q", code, errOut.String())
	}
	errOut.Reset()
	code = run([]string{"parse", "-pattern", "("}, strings.NewReader(""), &out, &errOut)
	want := "loguru parse: standard input: loguru: invalid pattern for Parse: error parsing regexp: missing closing ): `(`\n"
	if code != 1 || errOut.String() != want {
		t.Errorf("bad pattern: code %d, %q", code, errOut.String())
	}
}

// A record comes back whole, traceback and Diagnose's blank lines
// included, from the text file of the default format and from the JSON
// lines of a Serialize handler alike.
func TestParseGivesBackTracebacks(t *testing.T) {
	l := loguru.New()
	var text, serialized bytes.Buffer
	l.Add(&text, loguru.HandlerOptions{Colorize: loguru.Off})
	l.Add(&serialized, loguru.HandlerOptions{Serialize: true})
	l.Info("started")
	l.Exception(errors.New("boom\n404 not found"), "failed for {}", "ann", loguru.F("user", "ann"))
	l.CatchFunc(func() { panic("lost") })
	l.Info("done")
	if !strings.Contains(text.String(), "\n\n") {
		t.Fatalf("no blank line in the fixture:\n%s", text.String())
	}
	var fromText, fromJSON, errOut bytes.Buffer
	if code := run([]string{"parse"}, strings.NewReader(text.String()), &fromText, &errOut); code != 0 {
		t.Fatalf("text: exit code %d: %s", code, errOut.String())
	}
	if code := run([]string{"parse"}, &serialized, &fromJSON, &errOut); code != 0 {
		t.Fatalf("serialized: exit code %d: %s", code, errOut.String())
	}
	if fromJSON.String() != fromText.String() {
		t.Fatalf("serialized input:\n%s\nwant the text file's records:\n%s", fromJSON.String(), fromText.String())
	}
	var messages []string
	dec := json.NewDecoder(&fromText)
	for dec.More() {
		var rec map[string]any
		if err := dec.Decode(&rec); err != nil {
			t.Fatal(err)
		}
		messages = append(messages, rec["message"].(string))
	}
	// Each record's message is everything it wrote after " - ", less the
	// final newline: the text file rebuilt from the messages is the file.
	heads := regexp.MustCompile(`(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \| [^\n]* - `).FindAllString(text.String(), -1)
	var rebuilt strings.Builder
	for i, m := range messages {
		rebuilt.WriteString(heads[i] + m + "\n")
	}
	if len(messages) != 4 || rebuilt.String() != text.String() {
		t.Fatalf("%d records; rebuilt:\n%s\nwant:\n%s", len(messages), rebuilt.String(), text.String())
	}
	if !strings.Contains(messages[2], "Traceback (most recent call last):\n") || !strings.Contains(messages[2], "\npanic: string: lost [goroutine ") {
		t.Fatalf("the caught panic's traceback is cut:\n%s", messages[2])
	}
}

func TestParseSerializedErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	in := `{"text": "2026-11-22 10:01:02.345 | INFO     | main:main:10 - ok\n", "record": {}}` + "\n\n" + `{"record": {}}` + "\nnot json\n" +
		`{"text": "2026-11-22 10:01:03.000 | INFO     | main:main:11 - after\n"}`
	if code := run([]string{"parse"}, strings.NewReader(in), &out, &errOut); code != 1 {
		t.Fatalf("exit code %d", code)
	}
	want := `{"function":"main","level":"INFO","line":10,"message":"ok","name":"main","time":"2026-11-22 10:01:02.345"}` + "\n" +
		`{"function":"main","level":"INFO","line":11,"message":"after","name":"main","time":"2026-11-22 10:01:03.000"}` + "\n"
	wantErr := "loguru parse: standard input: line 3 is not a serialized record (a JSON object with \"text\"); skipped\n" +
		"loguru parse: standard input: line 4 is not a serialized record (a JSON object with \"text\"); skipped\n"
	if out.String() != want || errOut.String() != wantErr {
		t.Fatalf("out %q, err %q", out.String(), errOut.String())
	}
}
