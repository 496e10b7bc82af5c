package loguru_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

const pkg = "github.com/loguru-go/loguru_test"

func TestDefaultFormatPlain(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Colorize: loguru.Off})
	n := line() + 1
	l.Info("Hello, {}!", "world")
	want := fmt.Sprintf("2026-11-22 10:01:02.345 | INFO     | %s:TestDefaultFormatPlain:%d - Hello, world!\n", pkg, n)
	expect(t, buf.String(), want)
}

func TestDefaultFormatColored(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Colorize: loguru.On})
	n := line() + 1
	l.Info("Hello, {}!", "world")
	m := line() + 1
	l.Error("Bad")
	want := fmt.Sprintf("\x1b[32m2026-11-22 10:01:02.345\x1b[0m | \x1b[1mINFO    \x1b[0m | "+
		"\x1b[36m%s\x1b[0m:\x1b[36mTestDefaultFormatColored\x1b[0m:\x1b[36m%d\x1b[0m - \x1b[1mHello, world!\x1b[0m\n", pkg, n) +
		fmt.Sprintf("\x1b[32m2026-11-22 10:01:02.345\x1b[0m | \x1b[31m\x1b[1mERROR   \x1b[0m | "+
			"\x1b[36m%s\x1b[0m:\x1b[36mTestDefaultFormatColored\x1b[0m:\x1b[36m%d\x1b[0m - \x1b[31m\x1b[1mBad\x1b[0m\n", pkg, m)
	expect(t, buf.String(), want)
}

type cart struct{ l *loguru.Logger }

func (c *cart) add() int {
	c.l.Info("add")
	return line() - 1
}

func (c cart) total() int {
	c.l.Info("total")
	return line() - 1
}

func TestCallerFunctionNames(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{name}:{function}:{line}"})
	c := &cart{l}
	n1 := c.add()
	n2 := c.total()
	n3 := line() + 1
	func() { l.Info("closure") }()
	helper := func(msg string) { l.Opt(loguru.CallOptions{Depth: 1}).Info(msg) }
	n4 := line() + 1
	helper("depth")
	want := fmt.Sprintf("%[1]s:(*cart).add:%[2]d\n%[1]s:cart.total:%[3]d\n%[1]s:TestCallerFunctionNames.func1:%[4]d\n%[1]s:TestCallerFunctionNames:%[5]d\n",
		pkg, n1, n2, n3, n4)
	expect(t, buf.String(), want)
}

func TestPackageLevelFunctionsReportTheirCaller(t *testing.T) {
	loguru.SetClock(t, fixedTime)
	var buf syncBuffer
	id, err := loguru.Add(&buf, loguru.HandlerOptions{Format: "{level}:{function}:{line} {message}", Level: "TRACE", Backtrace: loguru.Off, Diagnose: loguru.Off})
	if err != nil {
		t.Fatal(err)
	}
	defer loguru.Remove(id)
	n := line() + 1
	loguru.Trace("t")
	loguru.Debug("d")
	loguru.Info("i")
	loguru.Success("s")
	loguru.Warning("w")
	loguru.Error("e")
	loguru.Critical("c")
	loguru.Log("INFO", "l")
	loguru.Exception(fmt.Errorf("boom"), "x")
	f := "TestPackageLevelFunctionsReportTheirCaller"
	want := fmt.Sprintf("TRACE:%[1]s:%[2]d t\nDEBUG:%[1]s:%[3]d d\nINFO:%[1]s:%[4]d i\nSUCCESS:%[1]s:%[5]d s\n"+
		"WARNING:%[1]s:%[6]d w\nERROR:%[1]s:%[7]d e\nCRITICAL:%[1]s:%[8]d c\nINFO:%[1]s:%[9]d l\nERROR:%[1]s:%[10]d x\n",
		f, n, n+1, n+2, n+3, n+4, n+5, n+6, n+7, n+8)
	// fmt.Errorf without %w returns *errors.errorString.
	want += shortTraceback(f, n+8, `loguru.Exception(fmt.Errorf("boom"), "x")`, "*errors.errorString", "boom")
	got := buf.String()
	expect(t, got, want)
}

func TestTemplateTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		format string
		want   string
	}{
		{"{time}", "2026-11-22T10:01:02.345678+0100"},
		{"{time:YYYY-MM-DD HH:mm:ss.SSS Z}", "2026-11-22 10:01:02.345 +01:00"},
		{"{time:HH:mm!UTC}", "09:01"},
		{"{time:dddd DDDD A hh X}", "Sunday 326 AM 10 1795338062"},
		{"{level}|{level.name}|{level.no}|{level.icon}", "WARNING|WARNING|30|\u26a0\ufe0f"},
		{"{level: <8}|{level:>9}|{level:^9}|{level.no:03d}|{level.no:>4}", "WARNING |  WARNING| WARNING |030|  30"},
		{"{message}|{message:*^9}", "hi|***hi****"},
		{"{name:.7}", "github."},
		{"{module}|{file}|{file.name}", "format_test|format_test.go|format_test.go"},
		{"{process.name}", filepathBase()},
		{"{extra}", `{"n": 7, "user": "bob"}`},
		{"{extra[user]}|{extra[n]:>3}|{extra[missing]}|", "bob|  7||"},
		{"{{literal}} {{{level}}}", "{literal} {WARNING}"},
		{"{exception}", ""},
		{"<red>{level}</red> <bold>b</>", "WARNING b"},
		{`\<red> kept`, "<red> kept"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			l, buf := newLogger(t, loguru.HandlerOptions{Format: tt.format, Colorize: loguru.Off})
			l.Bind("user", "bob", "n", 7).Warning("hi")
			expect(t, buf.String(), tt.want+"\n")
		})
	}
}

func TestTemplateRuntimeTokens(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{process}|{thread}|{thread.name}|{elapsed}|{file.path}|{line}"})
	l.SetClock(loguru.StartTime.Add(26*time.Hour + 2*time.Minute + 3*time.Second + 456789*time.Microsecond))
	n := line() + 1
	l.Info("x")
	parts := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "|")
	if len(parts) != 6 {
		t.Fatalf("got %q", buf.String())
	}
	if parts[0] != fmt.Sprint(osGetpid()) {
		t.Errorf("process = %q", parts[0])
	}
	if parts[1] == "0" || parts[1] == "" || parts[2] != "goroutine" {
		t.Errorf("thread = %q %q", parts[1], parts[2])
	}
	if want := "1 day, 2:02:03.456789"; parts[3] != want {
		t.Errorf("elapsed = %q, want %q", parts[3], want)
	}
	if !strings.HasSuffix(parts[4], "/format_test.go") || parts[5] != fmt.Sprint(n) {
		t.Errorf("file.path, line = %q %q", parts[4], parts[5])
	}
}

func TestTemplateColors(t *testing.T) {
	t.Parallel()
	tests := []struct{ format, want string }{
		{"<red>{message}</red>", "\x1b[31mhi\x1b[0m"},
		{"<level>{level}</level>", "\x1b[33m\x1b[1mWARNING\x1b[0m"},
		{"<b><r>x</r>y</b>", "\x1b[1m\x1b[31mx\x1b[0m\x1b[1my\x1b[0m"},
		{"<fg #ff0000>a</fg #ff0000><bg 100>b</bg 100><fg 255,0,0>c</>", "\x1b[38;2;255;0;0ma\x1b[0m\x1b[48;5;100mb\x1b[0m\x1b[38;2;255;0;0mc\x1b[0m"},
		{"<RED>a</RED><bg red>b</bg red><light-blue>c</light-blue>", "\x1b[41ma\x1b[0m\x1b[41mb\x1b[0m\x1b[94mc\x1b[0m"},
		{"<dim>a</dim><italic>b</italic><underline>c</underline><strike>d</strike><reverse>e</reverse><blink>f</blink><hide>g</hide>",
			"\x1b[2ma\x1b[0m\x1b[3mb\x1b[0m\x1b[4mc\x1b[0m\x1b[9md\x1b[0m\x1b[7me\x1b[0m\x1b[5mf\x1b[0m\x1b[8mg\x1b[0m"},
		{`\<red>{message}`, "<red>hi"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			l, buf := newLogger(t, loguru.HandlerOptions{Format: tt.format, Colorize: loguru.On})
			l.Warning("hi")
			expect(t, buf.String(), tt.want+"\n")
		})
	}
}

func TestBadTemplatesAreErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ format, want string }{
		{"{level", `loguru: invalid format "{level": "{" is never closed (write "{{" for a literal brace) (at position 0)`},
		{"x}", `loguru: invalid format "x}": single "}" (write "}}" for a literal brace) (at position 1)`},
		{"ab {nope}", `loguru: invalid format "ab {nope}": unknown field {nope} (for a bound value use {extra[nope]}) (at position 3)`},
		{"<red>{message}", `loguru: invalid format "<red>{message}": Opening tag "<red>" has no corresponding closing tag`},
		{"{message}</red>", `loguru: invalid format "{message}</red>": Closing tag "</red>" has no corresponding opening tag (at position 9)`},
		{"<red><b>x</red></b>", `loguru: invalid format "<red><b>x</red></b>": Closing tag "</red>" violates nesting rules (at position 9)`},
		{"<foo>x</foo>", `loguru: invalid format "<foo>x</foo>": Tag "<foo>" does not correspond to any known color directive, make sure you have not misspelled it (or prepend '\' to escape it) (at position 0)`},
		{"{time:SSSSSSS}", ""},
		{"{level:zz}", ""},
		{"{level!q}", `loguru: invalid format "{level!q}": unknown conversion "!q" in {level!q}: use !s, !r or !a (at position 0)`},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			_, err := loguru.New().Add(&syncBuffer{}, loguru.HandlerOptions{Format: tt.format})
			if err == nil {
				t.Fatal("Add accepted a bad format")
			}
			if tt.want != "" && err.Error() != tt.want {
				t.Errorf("error\n got: %s\nwant: %s", err, tt.want)
			}
		})
	}
}

func TestFormatFunc(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{
		Colorize: loguru.On,
		FormatFunc: func(r *loguru.Record) string {
			if r.Level.No >= 40 {
				return "<red>{level}</red>: {message}\n"
			}
			return "{message}\n"
		},
	})
	l.Info("a")
	l.Error("b")
	l.Info("c")
	expect(t, buf.String(), "a\n\x1b[31mERROR\x1b[0m: b\nc\n")
}

func TestFormatFuncBadTemplateIsReported(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{FormatFunc: func(*loguru.Record) string { return "{nope}" }})
	errs := loggerErrors(l)
	l.Info("a")
	if buf.String() != "" {
		t.Fatalf("wrote %q", buf.String())
	}
	if !strings.Contains(errs.String(), "unknown field {nope}") {
		t.Fatalf("report = %q", errs.String())
	}
}

// fmt overflows the stack (a fatal error) on a map that contains itself;
// messages and {extra} print the cycle instead.
func TestCyclicValuesDoNotCrash(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message} {extra}"})
	loop := map[string]any{"n": 1}
	loop["self"] = []any{loop}
	l.Info("v={}", loop, loguru.F("v", []any{loop}))
	expect(t, buf.String(), `v=map[n:1 self:[<cycle>]] {"v": [map[n:1 self:[<cycle>]]]}`+"\n")
}

// Conversions in a handler format work as in a message: "!r" quotes, so a
// value cannot break the line, "!a" also escapes non-ASCII, "!s" is the
// plain text; a spec applies to the converted text.
func TestFormatConversions(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level!r} {message!r:>24}|{extra[user]!r} {extra[n]!r} {line!r:>4} {name!a} {message!s}"})
	l.Bind("user", "zoë\n", "n", 7).Info("a\nb \"c\"")
	n := strconv.Itoa(line() - 1)
	expect(t, buf.String(), `"INFO" `+strings.Repeat(" ", 24-len(`"a\nb \"c\""`))+`"a\nb \"c\""|"zoë\n" 7 `+strings.Repeat(" ", 4-len(n))+n+` "github.com/loguru-go/loguru_test" a`+"\n"+`b "c"`+"\n")
	for format, want := range map[string]string{
		"{message!x}": `loguru: invalid format "{message!x}": unknown conversion "!x" in {message!x}: use !s, !r or !a (at position 0)`,
		"{message!}":  `loguru: invalid format "{message!}": unknown conversion "!" in {message!}: use !s, !r or !a (at position 0)`,
		"{time!r}":    `loguru: invalid format "{time!r}": {time} takes no conversion (at position 0)`,
	} {
		_, err := loguru.New().Add(buf, loguru.HandlerOptions{Format: format})
		if err == nil || err.Error() != want {
			t.Errorf("Format %q: err = %v, want %s", format, err, want)
		}
	}
}

// "{extra[a][b]}" indexes nested maps and slices, as Python's format does;
// a key that is not there renders nothing, like a missing "{extra[x]}".
func TestFormatNestedExtra(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{extra[req][user][name]}|{extra[tags][1]}|{extra[req][nope][x]}|{extra[tags][9]}|{extra[env][region]}|{extra[req][user][name]!r:>6}"})
	l.Bind("req", map[string]any{"user": map[string]any{"name": "ann"}}, "tags", []any{"a", "b"}, "env", map[string]string{"region": "eu"}).Info("x")
	expect(t, buf.String(), `ann|b|||eu| "ann"`+"\n")
	for format, want := range map[string]string{
		"{extra[a][]}": `loguru: invalid format "{extra[a][]}": invalid field {extra[a][]}: write {extra[key]} or {extra[key][nested]} (at position 0)`,
		"{extra[a]b]}": `loguru: invalid format "{extra[a]b]}": invalid field {extra[a]b]}: write {extra[key]} or {extra[key][nested]} (at position 0)`,
		"{extra[a[b]}": `loguru: invalid format "{extra[a[b]}": invalid field {extra[a[b]}: write {extra[key]} or {extra[key][nested]} (at position 0)`,
	} {
		_, err := loguru.New().Add(buf, loguru.HandlerOptions{Format: format})
		if err == nil || err.Error() != want {
			t.Errorf("Format %q: err = %v, want %s", format, err, want)
		}
	}
}
