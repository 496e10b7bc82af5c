package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// prettyLines runs the printer over input with f's options, without
// colors and in UTC.
func prettyLines(t *testing.T, f prettyFlags, input string) string {
	t.Helper()
	var out bytes.Buffer
	if f.color == "" {
		f.color = "never"
	}
	p, err := newPrinter(f, &out, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if err := eachLine(strings.NewReader(input), p.line); err != nil {
		t.Fatal(err)
	}
	p.flush()
	return out.String()
}

// loguruWant is what pretty prints of the fixture lines written by loguru
// in writeLoguru's closure fn: the same for its JSON lines and Serialize.
func loguruWant(fn string) []string {
	const at = "2026-11-22 10:01:02.345 | "
	caller := "main:main.writeLoguru." + fn + ":"
	return []string{
		at + "DEBUG    | " + caller + "103 - cache warmed {\"entries\": 1200}",
		at + "INFO     | " + caller + `104 - order placed {"order": 1042, "total": 9.5, "user": "ann"}`,
		at + "WARNING  | " + caller + "105 - slow payment {\"took\": \"812ms\"}",
		at + "ERROR    | " + caller + "106 - payment failed",
		"Traceback (most recent call last):",
		"",
		`  File "benchmarks/cmd/prettyfixtures/main.go", line 44, in main.main`,
		"    write(&b)",
		"",
		`> File "benchmarks/cmd/prettyfixtures/main.go", line 106, in main.main.writeLoguru.` + fn,
		`    l.Exception(errors.New("card declined"), "payment failed")`,
		"",
		"*errors.errorString: card declined",
	}
}

// The lines of zap, zerolog, slog (JSON and text) and loguru (JSON lines
// and Serialize), as each writes them (testdata/pretty, made by
// benchmarks/cmd/prettyfixtures), print in loguru's format with the
// caller they name and their other fields as Extra.
func TestPrettyReadsEveryLogger(t *testing.T) {
	const (
		order = ` - order placed {"order": 1042, "total": 9.5, "user": "ann"}`
		at    = "2026-11-22 10:01:02.345 | "
	)
	for file, want := range map[string][]string{
		"zap.jsonl": {
			at + "DEBUG    | prettyfixtures:64 - cache warmed {\"entries\": 1200}",
			at + "INFO     | prettyfixtures:65" + order,
			at + "WARNING  | prettyfixtures:66 - slow payment {\"took\": 0.812}",
			at + "ERROR    | prettyfixtures:67 - payment failed {\"error\": \"card declined\"}",
		},
		"zerolog.jsonl": {
			"2026-11-22 10:01:02.000 | DEBUG    | prettyfixtures:73 - cache warmed {\"entries\": 1200}",
			"2026-11-22 10:01:02.000 | INFO     | prettyfixtures:74" + order,
			"2026-11-22 10:01:02.000 | WARNING  | prettyfixtures:75 - slow payment {\"took\": 812}",
			"2026-11-22 10:01:02.000 | ERROR    | prettyfixtures:76 - payment failed {\"error\": \"card declined\"}",
		},
		"slog.jsonl": {
			at + "DEBUG    | main:writeSlog:89 - cache warmed {\"entries\": 1200}",
			at + "INFO     | main:writeSlog:90" + order,
			at + "WARNING  | main:writeSlog:91 - slow payment {\"took\": 812000000}",
			at + "ERROR    | main:writeSlog:92 - payment failed {\"err\": \"card declined\"}",
		},
		"slog.logfmt": {
			at + "DEBUG    | prettyfixtures:89 - cache warmed {\"entries\": 1200}",
			at + "INFO     | prettyfixtures:90" + order,
			at + "WARNING  | prettyfixtures:91 - slow payment {\"took\": \"812ms\"}",
			at + "ERROR    | prettyfixtures:92 - payment failed {\"err\": \"card declined\"}",
		},
		"loguru.jsonl":           loguruWant("func1"),
		"loguru-serialize.jsonl": loguruWant("func2"),
	} {
		input, err := os.ReadFile(filepath.Join("testdata", "pretty", file))
		if err != nil {
			t.Fatal(err)
		}
		got := prettyLines(t, prettyFlags{}, string(input))
		if w := strings.Join(want, "\n") + "\n"; got != w {
			t.Errorf("%s:\n got: %s\nwant: %s", file, got, w)
		}
	}
}

// Lines that are not JSON or logfmt records pass through as they are, in
// their place; --level and --where keep some records, --format replaces
// the line's template, and --color always colors.
func TestPrettyOptions(t *testing.T) {
	input := "starting up\n" +
		`{"level":"debug","ts":1795341662,"msg":"a","user":"ann"}` + "\n" +
		"{not json\n" +
		`{"level":"warn","ts":1795341662,"msg":"b","user":"bob"}` + "\n" +
		`{"level":"error","ts":1795341662,"msg":"c","user":"ann","n":3}` + "\n" +
		"\n"
	at := "2026-11-22 10:01:02.000 | "
	for _, tc := range []struct {
		f    prettyFlags
		want string
	}{
		{prettyFlags{}, "starting up\n" + at + "DEBUG    - a {\"user\": \"ann\"}\n{not json\n" +
			at + "WARNING  - b {\"user\": \"bob\"}\n" + at + "ERROR    - c {\"n\": 3, \"user\": \"ann\"}\n\n"},
		{prettyFlags{level: "WARN"}, "starting up\n{not json\n" + at + "WARNING  - b {\"user\": \"bob\"}\n" +
			at + "ERROR    - c {\"n\": 3, \"user\": \"ann\"}\n\n"},
		{prettyFlags{where: []string{"user=ann"}}, "starting up\n" + at + "DEBUG    - a {\"user\": \"ann\"}\n{not json\n" +
			at + "ERROR    - c {\"n\": 3, \"user\": \"ann\"}\n\n"},
		{prettyFlags{where: []string{"user=ann", "n=3"}, format: "{level.no} {message}"}, "starting up\n{not json\n40 c\n\n"},
		{prettyFlags{where: []string{"level=WARNING"}, format: "<red>{message}</red>", color: "always"}, "starting up\n{not json\n\x1b[31mb\x1b[0m\n\n"},
	} {
		if got := prettyLines(t, tc.f, input); got != tc.want {
			t.Errorf("%+v:\n got: %q\nwant: %q", tc.f, got, tc.want)
		}
	}
}

func TestPrettyCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	in := strings.NewReader(`{"level":"info","ts":1795341662,"msg":"hi"}` + "\n")
	if code := run([]string{"pretty", "--color", "never", "--format", "{level} {message}"}, in, &out, &errOut); code != 0 || out.String() != "INFO hi\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	for args, want := range map[string]string{
		"--color red":       `loguru pretty: --color "red": want auto, always or never` + "\n",
		"-f":                "loguru pretty: -f follows exactly one file\n",
		"--where user":      `invalid value "user" for flag -where: want key=value` + "\n",
		"--format {nope}":   `loguru pretty: loguru: invalid format "{nope}": unknown field {nope}`,
		"--level LOUD":      `loguru pretty: loguru: level "LOUD" does not exist`,
		"/nonexistent/file": "loguru pretty: open /nonexistent/file: no such file or directory\n",
	} {
		errOut.Reset()
		code := run(append([]string{"pretty"}, strings.Fields(args)...), strings.NewReader(""), &out, &errOut)
		if code == 0 || !strings.HasPrefix(errOut.String(), want) {
			t.Errorf("pretty %s: exit %d, stderr %q, want %q", args, code, errOut.String(), want)
		}
	}
}

// follow prints what is appended, a line once its newline is written, and
// goes on through a rotation (the path names a new file: the rest of the
// old one is printed first) and a truncation. The test plays the clock:
// each call of wait is one poll.
func TestPrettyFollowsThroughRotation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	appendTo := func(p, s string) {
		f, err := os.OpenFile(p, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(s)
		f.Close()
	}
	appendTo(path, "one\ntw")
	var got []string
	steps := []func(){
		func() { appendTo(path, "o\nthree\n") },
		func() { // a rotation: the last lines of the old file, then a new file
			appendTo(path, "four\n")
			if err := os.Rename(path, path+".1"); err != nil {
				t.Fatal(err)
			}
			appendTo(path, "five\n")
		},
		func() {}, // nothing new
		func() { // a truncation, then shorter content
			if err := os.WriteFile(path, []byte("6\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		},
	}
	polls := 0
	wait := func() bool {
		if polls == len(steps) {
			return false
		}
		steps[polls]()
		polls++
		return true
	}
	if err := follow(path, func(b []byte) { got = append(got, string(b)) }, wait); err != nil {
		t.Fatal(err)
	}
	if want := "one two three four five 6"; strings.Join(got, " ") != want {
		t.Errorf("followed %q, want %q", got, want)
	}
}

// BenchmarkPretty prints zap's, zerolog's and slog's lines in the default
// format, without colors, and reports lines per second: an input of 8,000
// lines, so that reading a file costs what it costs per line.
func BenchmarkPretty(b *testing.B) {
	var input []byte
	for _, f := range []string{"zap.jsonl", "zerolog.jsonl", "slog.jsonl", "slog.logfmt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "pretty", f))
		if err != nil {
			b.Fatal(err)
		}
		input = append(input, data...)
	}
	input = bytes.Repeat(input, 500)
	lines := bytes.Count(input, []byte("\n"))
	p, err := newPrinter(prettyFlags{color: "never"}, io.Discard, time.UTC)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		if err := eachLine(bytes.NewReader(input), p.line); err != nil {
			b.Fatal(err)
		}
	}
	p.flush()
	b.ReportMetric(float64(lines*b.N)/b.Elapsed().Seconds(), "lines/s")
}

// FuzzPrettyLine: whatever a line holds, printing it does not panic, and a
// line that is not a record comes out as it went in.
func FuzzPrettyLine(f *testing.F) {
	for _, s := range []string{
		`{"level":"info","ts":1795341662.5,"caller":"a/b.go:1","msg":"x","k":[1,{"a":null}]}`,
		`{"text":"x","record":{"level":{"name":"INFO","no":20},"time":{"repr":"2026-11-22 10:01:02.345678+00:00"},"line":"7"}}`,
		`{"time":"2026-11-22T10:01:02Z","level":12,"source":{"line":-1},"msg":7}`,
		`time=2026 level=INFO msg="a \"b\"" k=`, `level="unterminated`, `{`, `=x`, "",
	} {
		f.Add(s)
	}
	var out bytes.Buffer
	p, err := newPrinter(prettyFlags{color: "never"}, &out, time.UTC)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if strings.ContainsAny(line, "\n\r") {
			return
		}
		out.Reset()
		_, isJSON := decodeLine([]byte(line), nil)
		_, isLogfmt := decodeLogfmt([]byte(line))
		p.line([]byte(line))
		p.flush()
		if !isJSON && !isLogfmt && out.String() != line+"\n" {
			t.Fatalf("a line that is no record came out as %q", out.String())
		}
	})
}

// follow waits for a file that does not exist yet.
func TestPrettyFollowWaitsForTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "later.log")
	var got []string
	polls := 0
	wait := func() bool {
		polls++
		switch polls {
		case 1:
			return true // still no file
		case 2:
			if err := os.WriteFile(path, []byte("first\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			return true
		}
		return false
	}
	if err := follow(path, func(b []byte) { got = append(got, string(b)) }, wait); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "first" || polls != 3 {
		t.Errorf("followed %q in %d polls", got, polls)
	}
}

// Levels are loguru's, with their colors, whatever their spelling; zap's
// and zerolog's own names map to CRITICAL.
func TestPrettyLevelsAreLogurus(t *testing.T) {
	input := `{"level":"warn","msg":"a"}` + "\n" + `{"level":"WARNING","msg":"b"}` + "\n" +
		`{"level":"dpanic","msg":"c"}` + "\n" + `{"level":"fatal","msg":"d"}` + "\n" + `{"level":"15","msg":"e"}` + "\n"
	got := prettyLines(t, prettyFlags{format: "<level>{level}</level> {level.no} {message}", color: "always"}, input)
	want := "\x1b[33m\x1b[1mWARNING\x1b[0m 30 a\n\x1b[33m\x1b[1mWARNING\x1b[0m 30 b\n" +
		"\x1b[41m\x1b[1mCRITICAL\x1b[0m 50 c\n\x1b[41m\x1b[1mCRITICAL\x1b[0m 50 d\nLevel 15\x1b[0m 15 e\n" // an anonymous level has no color of its own
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
