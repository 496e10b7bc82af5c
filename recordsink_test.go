package loguru_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// recordCollector is a RecordSink keeping copies of what it is given.
type recordCollector struct{ got []*loguru.Record }

func (c *recordCollector) WriteRecord(r *loguru.Record) error {
	c.got = append(c.got, r.Clone())
	return nil
}

// A RecordSink gets the record and no text is formatted for it: a bound
// value whose String panics is never rendered, so nothing is reported.
func TestRecordSinkIsGivenRecordsNotText(t *testing.T) {
	errs := captureErrors(t) // a panicking String is reported package-wide
	l := loguru.New()
	l.SetClock(fixedTime)
	c := &recordCollector{}
	if _, err := l.Add(c, loguru.HandlerOptions{Format: "{extra[bad]} {message}"}); err != nil {
		t.Fatal(err)
	}
	n := line() + 1
	l.Bind("bad", explodingStringer{}, "user", "bob").Warning("hello {}", "you")
	if len(c.got) != 1 {
		t.Fatalf("%d records", len(c.got))
	}
	r := c.got[0]
	if r.Message != "hello you" || r.Level.Name != "WARNING" || r.Line != n || r.Function != "TestRecordSinkIsGivenRecordsNotText" ||
		r.Extra["user"] != "bob" || !r.Time.Equal(fixedTime) {
		t.Errorf("record = %+v", *r)
	}
	if errs.String() != "" {
		t.Errorf("something was formatted: %s", errs.String())
	}
}

// Emit logs a record made elsewhere with its own time, level and caller,
// its message as it is, and the logger's bound values added to its Extra.
func TestEmitKeepsTheRecordsOwnFields(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{
		Level:  "INFO",
		Format: "{time:YYYY-MM-DD HH:mm:ss} {level} {name}:{function}:{line} {thread.id} {message} {extra}",
	})
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	warning, err := l.LookupLevel("WARNING")
	if err != nil {
		t.Fatal(err)
	}
	debug, _ := l.LookupLevel("DEBUG")
	remote := &loguru.Record{
		Time: at, Level: warning, Name: "remote/pkg", Function: "(*T).Run", Line: 42,
		Thread:  loguru.Thread{ID: 7, Name: "goroutine"},
		Message: "{not} formatted", Extra: map[string]any{"client": "c1", "shared": "client's"},
	}
	bound := l.Bind("server", "s1", "shared", "server's").Patch(func(r *loguru.Record) { r.Extra["patched"] = true })
	bound.Emit(remote)
	bound.Emit(&loguru.Record{Time: at, Level: debug, Name: "remote/pkg", Message: "below the level"})
	bound.Emit(nil)
	l.Disable("remote")
	bound.Emit(remote)
	expect(t, buf.String(), `2026-01-02 03:04:05 WARNING remote/pkg:(*T).Run:42 7 {not} formatted `+
		`{"client": "c1", "patched": true, "server": "s1", "shared": "client's"}`+"\n")
	if len(remote.Extra) != 2 {
		t.Errorf("Emit changed the record it was given: %v", remote.Extra)
	}
}

// A RecordSink may hand what it receives to another logger's Emit: the
// record arrives as it was logged.
func TestRecordSinkToEmit(t *testing.T) {
	t.Parallel()
	dst, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} {function}:{line} {message} {extra}"})
	src := loguru.New()
	src.Add(emitTo{dst}, loguru.HandlerOptions{})
	n := line() + 1
	src.Bind("k", 1).Error("forwarded")
	expect(t, buf.String(), fmt.Sprintf("ERROR TestRecordSinkToEmit:%d forwarded {\"k\": 1}\n", n))
}

type emitTo struct{ l *loguru.Logger }

func (e emitTo) WriteRecord(r *loguru.Record) error { e.l.Emit(r); return nil }

// ValueText renders a value as "{}" does in a message, and survives values
// that would crash fmt.
func TestValueText(t *testing.T) {
	loop := map[string]any{"a": 1}
	loop["self"] = loop
	errs := captureErrors(t)
	for v, want := range map[any]string{
		"s": "s", 1.5: "1.5", fmt.Errorf("e"): "e", time.Second: "1s",
	} {
		if got := loguru.ValueText(v); got != want {
			t.Errorf("ValueText(%#v) = %q; want %q", v, got, want)
		}
	}
	if got := loguru.ValueText(loop); got != "map[a:1 self:<cycle>]" {
		t.Errorf("ValueText(a map holding itself) = %q", got)
	}
	if got := loguru.ValueText(explodingStringer{}); got != "%!v(PANIC=String method: boom)" {
		t.Errorf("ValueText(a panicking Stringer) = %q", got)
	}
	if !strings.Contains(errs.String(), "a method of a logged value panicked") {
		t.Errorf("the panic was not reported: %q", errs.String())
	}
}

// textChooser is a RecordSink that is also a Sink and says at Add which
// one it wants to be.
type textChooser struct {
	text    bool
	records []string
	lines   []string
}

func (c *textChooser) WantsText() bool { return c.text }
func (c *textChooser) WriteRecord(r *loguru.Record) error {
	c.records = append(c.records, r.Message)
	return nil
}
func (c *textChooser) Write(m loguru.Message) error {
	c.lines = append(c.lines, m.Text)
	return nil
}

// A RecordSink whose WantsText returns true is given the formatted line;
// otherwise it gets records.
func TestRecordSinkCanAskForText(t *testing.T) {
	t.Parallel()
	for _, text := range []bool{false, true} {
		l := loguru.New()
		c := &textChooser{text: text}
		if _, err := l.Add(c, loguru.HandlerOptions{Format: "{level} {message}"}); err != nil {
			t.Fatal(err)
		}
		l.Info("hi")
		switch {
		case text && (len(c.records) != 0 || len(c.lines) != 1 || c.lines[0] != "INFO hi\n"):
			t.Errorf("WantsText true: records %q, lines %q", c.records, c.lines)
		case !text && (len(c.records) != 1 || c.records[0] != "hi" || len(c.lines) != 0):
			t.Errorf("WantsText false: records %q, lines %q", c.records, c.lines)
		}
	}
}
