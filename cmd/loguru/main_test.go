package main

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
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
		"- Order 1042 shipped\n",
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
