package loguru_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// The encoders take shortcuts for bound values and for the call's Fields;
// a patcher turns them off. Both must write the same line.
func TestExtraShortcutsWriteWhatTheMapWrites(t *testing.T) {
	t.Parallel()
	type user struct{ Name string }
	at := time.Date(2026, 11, 22, 10, 1, 2, 0, time.UTC)
	bound := []any{
		"s", "text \"quoted\"", "n", 42, "f", 2.5, "ok", true, "d", 1500 * time.Millisecond,
		"at", at, "err", errors.New("boom"), "ptr", &user{"bob"}, "m", map[string]any{"k": 1}, "z", nil,
	}
	for _, opts := range []loguru.HandlerOptions{{JSON: true}, {Serialize: true, Format: "{message}"}} {
		for name, call := range map[string]func(l *loguru.Logger){
			"bound":                  func(l *loguru.Logger) { l.Bind(bound...).Info("m") },
			"bound, dynamic first":   func(l *loguru.Logger) { l.Bind("a", &user{"al"}, "b", 1).Info("m") },
			"bound, dynamic only":    func(l *loguru.Logger) { l.Bind("e", errors.New("x")).Info("m") },
			"fields":                 func(l *loguru.Logger) { l.Info("m", loguru.F("b", 2), loguru.F("a", 1), loguru.F("c", "x")) },
			"fields, repeated key":   func(l *loguru.Logger) { l.Info("m {}", "p", loguru.F("k", 1), loguru.F("j", 0), loguru.F("k", 2)) },
			"fields and bound":       func(l *loguru.Logger) { l.Bind("k", 0, "z", 9).Info("m", loguru.F("k", 1)) },
			"bound, then bound more": func(l *loguru.Logger) { l.Bind("a", 1).Bind("b", 2).Info("m") },
		} {
			fast, fastBuf := newLogger(t, opts)
			slow, slowBuf := newLogger(t, opts)
			call(fast)
			call(slow.Patch(func(*loguru.Record) {}))
			if fastBuf.String() != slowBuf.String() {
				t.Errorf("%s (JSON %v): shortcut wrote\n%s\nthe map wrote\n%s", name, opts.JSON, fastBuf, slowBuf)
			}
		}
	}
}

func TestExtraShortcutExactLine(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{JSON: true})
	type user struct{ Name string }
	l.Bind("b", 1, "a", &user{"al"}, "c", "x").Info("m")
	l.Info("n", loguru.F("k", 1), loguru.F("j", "y"), loguru.F("k", 2))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	want := []string{`"message":"m","extra":{"a":{"Name":"al"},"b":1,"c":"x"}}`, `"message":"n","extra":{"j":"y","k":2}}`}
	for i, w := range want {
		if !strings.HasSuffix(lines[i], w) {
			t.Errorf("line %d = %s, want it to end with %s", i, lines[i], w)
		}
	}
}

func TestDeferredExtraIsBuiltForReports(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	reports := loggerErrors(l)
	l.SetClock(fixedTime)
	l.Add(failingWriter{}, loguru.HandlerOptions{JSON: true})
	l.Info("m", loguru.F("user", "bob"), loguru.F("n", 1))
	if !strings.Contains(reports.String(), `message: "m", extra: {"n": 1, "user": "bob"}}`) {
		t.Fatalf("report:\n%s", reports)
	}
}

func TestFieldsSortLikeTheirBytes(t *testing.T) {
	t.Parallel()
	keys := []string{"user", "id", "a", "a\x00", "", "abcdefgh", "abcdefghij", "abcdefghi", "ab", "zz", "é", "Z", "user"}
	opts := loguru.HandlerOptions{JSON: true}
	fast, fastBuf := newLogger(t, opts)
	slow, slowBuf := newLogger(t, opts)
	var fields []any
	for i, k := range keys {
		fields = append(fields, loguru.F(k, i))
	}
	log := func(l *loguru.Logger) { l.Info("m", fields...) } // one line for both
	log(fast)
	log(slow.Patch(func(*loguru.Record) {}))
	if fastBuf.String() != slowBuf.String() {
		t.Fatalf("sorted on the stack:\n%s\nfrom the map:\n%s", fastBuf, slowBuf)
	}
	if !strings.Contains(fastBuf.String(), `"extra":{"":4,"Z":11,"a":2,"a\u0000":3,"ab":8,"abcdefgh":5,"abcdefghi":7,"abcdefghij":6,"id":1,"user":12,"zz":9,"é":10}`) {
		t.Fatalf("line: %s", fastBuf)
	}
}

// JSON lines take the caller's fields from the call site's cache unless a
// patcher changed them.
func TestJSONCallerFieldsFollowPatchers(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{JSON: true})
	l.Info("a")
	l.Patch(func(r *loguru.Record) { r.Name, r.Function, r.Line = "x/y", "F", 7 }).Info("b")
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if !strings.Contains(lines[0], `,"name":"github.com/loguru-go/loguru_test","function":"TestJSONCallerFieldsFollowPatchers","line":`) {
		t.Errorf("line 0: %s", lines[0])
	}
	if !strings.Contains(lines[1], `,"name":"x/y","function":"F","line":7,"message":"b"`) {
		t.Errorf("line 1: %s", lines[1])
	}
}

type explodingStringer struct{}

func (explodingStringer) String() string { panic("boom") }

// A bound value whose String method panics costs the line its value, not the
// line: the record is written with fmt's marker and the panic is reported.
func TestPanickingBoundValueIsReported(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts loguru.HandlerOptions
		want string
		text string
	}{
		{"text", loguru.HandlerOptions{Format: "{extra[user]} | {message}"},
			"%!v(PANIC=String method: boom) | hi\n", "%!v(PANIC=String method: boom)"},
		{"extra dict", loguru.HandlerOptions{Format: "{extra} | {message}"},
			`{"user": %!v(PANIC=String method: boom)} | hi` + "\n", "%!v(PANIC=String method: boom)"},
		{"serialize", loguru.HandlerOptions{Format: "{message}", Serialize: true},
			"", "!PANIC: boom"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs := captureErrors(t)
			l, buf := newLogger(t, tc.opts)
			n := line() + 1
			l.Bind(loguru.F("user", explodingStringer{})).Info("hi")
			if tc.want != "" {
				expect(t, buf.String(), tc.want)
			} else if !strings.Contains(buf.String(), `"user": "!PANIC: boom"`) {
				t.Errorf("serialized record: %s", buf.String())
			}
			expect(t, errs.String(), fmt.Sprintf("--- Logging error in Loguru ---\nRecord was: None\n"+
				"Logged by github.com/loguru-go/loguru_test.TestPanickingBoundValueIsReported.func1 in extra_test.go:%d\n"+
				"*errors.errorString: loguru: a method of a logged value panicked; the value was written as %q\n"+
				"--- End of logging error ---\n", n, tc.text))
		})
	}
}
