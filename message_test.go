package loguru_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
)

func TestMessageFormatting(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		log  func(l *loguru.Logger)
		want string
	}{
		{"no args, no formatting", func(l *loguru.Logger) { l.Info("{x} {} {0} {") }, "{x} {} {0} {"},
		{"auto", func(l *loguru.Logger) { l.Info("{} and {}", 1, "two") }, "1 and two"},
		{"explicit", func(l *loguru.Logger) { l.Info("{1} {0} {1}", "a", "b") }, "b a b"},
		{"named", func(l *loguru.Logger) { l.Info("Hello {name}, {}", "hi", loguru.F("name", "bob")) }, "Hello bob, hi"},
		{"escapes", func(l *loguru.Logger) { l.Info("{{}} {}", 1) }, "{} 1"},
		{"specs", func(l *loguru.Logger) { l.Info("{:.2f}|{:>5}|{:08d}|{:x}|{:,}", 3.14159, "ab", 42, 255, 1234567) }, "3.14|   ab|00000042|ff|1,234,567"},
		{"missing", func(l *loguru.Logger) { l.Info("{} {} {nope}", 1) }, "1 %!{}(MISSING) %!{nope}(MISSING)"},                                                            //loguru-vet:ignore markers are the case under test
		{"traversal refused", func(l *loguru.Logger) { l.Info("{0.Secret} {0[k]}", struct{ Secret string }{"s3cr3t"}) }, "%!{0.Secret}(NOTALLOWED) %!{0[k]}(NOTALLOWED)"}, //loguru-vet:ignore markers are the case under test
		{"bad spec type", func(l *loguru.Logger) { l.Info("{:d}", "hello") }, "%!{:d}(string=hello)"},
		{"arg braces stay", func(l *loguru.Logger) { l.Info("{}", "{{!}} {0}") }, "{{!}} {0}"},
		{"record field without Record", func(l *loguru.Logger) { l.Info("{record.line}", 1) }, "%!{record.line}(NOTALLOWED)"}, //loguru-vet:ignore markers are the case under test
		// Surplus positional arguments never vanish: fmt's EXTRA marker shows them.
		{"slog key-value style", func(l *loguru.Logger) { l.Info("user", "id", 42) }, "user%!(EXTRA string=id, int=42)"}, //loguru-vet:ignore EXTRA is the case under test
		{"more args than fields", func(l *loguru.Logger) { l.Info("user {}", "id", 42) }, "user id%!(EXTRA int=42)"},     //loguru-vet:ignore EXTRA is the case under test
		{"unused explicit", func(l *loguru.Logger) { l.Info("{1}", "a", "b") }, "b%!(EXTRA string=a)"},
		{"fields are not surplus", func(l *loguru.Logger) { l.Info("user {}", "bob", loguru.F("id", 42)) }, "user bob"},
		{"surplus with colors", func(l *loguru.Logger) { l.Opt(loguru.CallOptions{Colors: true}).Info("<red>user</red>", "id") }, "user%!(EXTRA string=id)"}, //loguru-vet:ignore EXTRA is the case under test
		{"surplus with Record", func(l *loguru.Logger) { l.Opt(loguru.CallOptions{Record: true}).Info("{record.level}", 7) }, "INFO%!(EXTRA int=7)"},         //loguru-vet:ignore EXTRA is the case under test
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
			tt.log(l)
			expect(t, buf.String(), tt.want+"\n")
		})
	}
}

func TestFieldsLandInExtra(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message} {extra}"})
	l.Bind("user", "bob").Info("order {id}", loguru.F("id", 42))
	l.Opt(loguru.CallOptions{Capture: loguru.Off}).Info("order {id}", loguru.F("id", 43))
	l.Info("fields without placeholders", loguru.F("a", 1), loguru.F("b", "x"))
	expect(t, buf.String(), "order 42 {\"id\": 42, \"user\": \"bob\"}\norder 43 {}\n"+
		"fields without placeholders {\"a\": 1, \"b\": \"x\"}\n")
}

func TestOptLazy(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message} {extra}", Level: "INFO"})
	calls := 0
	expensive := func() any { calls++; return 42 }
	lazy := l.Opt(loguru.CallOptions{Lazy: true})
	lazy.Debug("skipped {}", expensive)
	if calls != 0 {
		t.Fatal("a lazy argument was called for a level no handler wants")
	}
	lazy.Info("value {} {n}", expensive, loguru.F("n", expensive))
	if calls != 2 {
		t.Fatalf("calls = %d", calls)
	}
	expect(t, buf.String(), "value 42 42 {\"n\": 42}\n")
}

func TestOptRecord(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	n := line() + 1
	l.Bind("user", "bob").Opt(loguru.CallOptions{Record: true}).Warning("{record.level} {record.level.no} {record.line} {record[function]} {record.extra[user]} {record[extra][user]} {}", 1)
	expect(t, buf.String(), fmt.Sprintf("WARNING 30 %d TestOptRecord bob bob 1\n", n))
}

func TestOptRaw(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} {message}"})
	raw := l.Opt(loguru.CallOptions{Raw: true})
	raw.Info("progress ")
	raw.Info("{}%", 50)
	l.Info("done")
	expect(t, buf.String(), "progress 50%INFO done\n")
}

func TestOptColors(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "<green>[{message}]</green>", Colorize: loguru.On})
	plain := &syncBuffer{}
	l.Add(plain, loguru.HandlerOptions{Format: "{message}"})
	var seen string
	l.Patch(func(r *loguru.Record) { seen = r.Message }).
		Opt(loguru.CallOptions{Colors: true}).Info("a <red>b</red> {} <level>c</level>", "<blue>arg</blue>")
	expect(t, buf.String(), "\x1b[32m[a \x1b[31mb\x1b[0m\x1b[32m <blue>arg</blue> \x1b[1mc\x1b[0m\x1b[32m]\x1b[0m\n")
	expect(t, plain.String(), "a b <blue>arg</blue> c\n")
	expect(t, seen, "a b <blue>arg</blue> c")

	// A patcher that rewrites the message turns its colors off.
	buf2 := &syncBuffer{}
	l2 := loguru.New()
	l2.Add(buf2, loguru.HandlerOptions{Format: "{message}", Colorize: loguru.On})
	l2.Patch(func(r *loguru.Record) { r.Message = "<red>new</red>" }).Opt(loguru.CallOptions{Colors: true}).Info("<red>old</red>")
	expect(t, buf2.String(), "<red>new</red>\n")

	// Invalid markup leaves the message as written.
	buf3 := &syncBuffer{}
	l3 := loguru.New()
	l3.Add(buf3, loguru.HandlerOptions{Format: "{message}", Colorize: loguru.On})
	l3.Opt(loguru.CallOptions{Colors: true}).Info("<red>unclosed {}", 1)
	expect(t, buf3.String(), "<red>unclosed 1\n")
}

func TestOptException(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} {message}", Backtrace: loguru.Off, Diagnose: loguru.Off})
	err := fmt.Errorf("open config: %w", errors.New("missing"))
	n := line() + 1
	l.Opt(loguru.CallOptions{Exception: err}).Warning("careful")
	l.Exception(err, "failed {}", 1)
	var seen *loguru.ExceptionInfo
	l.Patch(func(r *loguru.Record) { seen = r.Exception }).Exception(err, "x")
	chain := "Error chain (outermost first):\n  *fmt.wrapError: open config\n  └─ *errors.errorString: missing\n"
	f, typ, msg := "TestOptException", "*fmt.wrapError", "open config: missing"
	tb := func(n int, src string) string {
		s := shortTraceback(f, n, src, typ, msg)
		i := strings.Index(s, typ)
		return s[:i] + chain + s[i:]
	}
	expect(t, buf.String(), "WARNING careful\n"+tb(n, `l.Opt(loguru.CallOptions{Exception: err}).Warning("careful")`)+
		"ERROR failed 1\n"+tb(n+1, `l.Exception(err, "failed {}", 1)`)+
		"ERROR x\n"+tb(n+3, `l.Patch(func(r *loguru.Record) { seen = r.Exception }).Exception(err, "x")`))
	if seen == nil || seen.Err != err || seen.Type != "*fmt.wrapError" || seen.Value != "open config: missing" {
		t.Fatalf("Record.Exception = %+v", seen)
	}
}

type badErr struct{}

func (badErr) Error() string { panic("Error exploded") }

func TestPanickingErrorIsContained(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", Backtrace: loguru.Off, Diagnose: loguru.Off})
	n := line() + 1
	l.Exception(badErr{}, "x")
	expect(t, buf.String(), "x\n"+shortTraceback("TestPanickingErrorIsContained", n, `l.Exception(badErr{}, "x")`,
		"loguru_test.badErr", "%!v(PANIC=Error method: Error exploded)"))
}

// Record is an explicit opt-in that reaches only record fields, so a
// message is formatted with it even when no argument is given, as Loguru's
// opt(record=True) does: with Raw too, and through Bind.
func TestOptRecordWithoutArguments(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} {message}"})
	rec := l.Opt(loguru.CallOptions{Record: true})
	rec.Debug("{record[level]}")
	rec.Info("{record.level.no} {{literal}}")
	l.Opt(loguru.CallOptions{Record: true, Raw: true}).Info("raw {record[level]}\n")
	rec.Bind("user", "ann").Warning("{record[extra][user]}")
	l.Info("{record[level]}")
	expect(t, buf.String(), "DEBUG DEBUG\nINFO 20 {literal}\nraw INFO\nWARNING ann\nINFO {record[level]}\n")
}
