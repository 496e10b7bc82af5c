package loguru_test

import (
	"io"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
)

// fakeTB records what a test would log.
type fakeTB struct {
	logs     []string
	cleanups []func()
}

func (f *fakeTB) Helper()           {}
func (f *fakeTB) Log(args ...any)   { f.logs = append(f.logs, args[0].(string)) }
func (f *fakeTB) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }
func (f *fakeTB) end() {
	for _, fn := range f.cleanups {
		fn()
	}
}

type fakeTBWithOutput struct {
	fakeTB
	out strings.Builder
}

func (f *fakeTBWithOutput) Output() io.Writer { return &f.out }

func TestTestSinkWritesToTheTestLog(t *testing.T) {
	loguru.SetClock(t, fixedTime)
	tb := &fakeTB{}
	l := loguru.New()
	if _, err := l.Add(loguru.TestSink(tb), loguru.HandlerOptions{Format: "{level} {message}"}); err != nil {
		t.Fatal(err)
	}
	l.Info("one")
	l.Warning("two")
	if got := strings.Join(tb.logs, "|"); got != "INFO one|WARNING two" {
		t.Fatalf("test log = %q", got)
	}
}

func TestTestSinkPrefersOutput(t *testing.T) {
	tb := &fakeTBWithOutput{}
	l := loguru.New()
	if _, err := l.Add(loguru.TestSink(tb), loguru.HandlerOptions{Format: "{message}"}); err != nil {
		t.Fatal(err)
	}
	l.Info("plain line")
	if tb.out.String() != "plain line\n" || len(tb.logs) != 0 {
		t.Fatalf("output %q, logs %q", tb.out.String(), tb.logs)
	}
}

func TestTestSinkAfterTheTestEnds(t *testing.T) {
	tb := &fakeTB{}
	l := loguru.New()
	if _, err := l.Add(loguru.TestSink(tb), loguru.HandlerOptions{Format: "{message}"}); err != nil {
		t.Fatal(err)
	}
	tb.end()
	l.Info("late line goes to stderr")
	if len(tb.logs) != 0 {
		t.Fatalf("logged after the end: %q", tb.logs)
	}
}

func TestTestSinkWithARealTest(t *testing.T) {
	l := loguru.New()
	id, err := l.Add(loguru.TestSink(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Remove(id) })
	l.Info("visible with go test -v")
}
