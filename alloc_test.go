package loguru_test

import (
	"io"
	"testing"

	"github.com/loguru-go/loguru"
)

// These pin the zero-allocation paths; allocation counts are deterministic,
// unlike timings.

func TestDisabledLevelDoesNotAllocate(t *testing.T) {
	l := loguru.New()
	l.Add(io.Discard, loguru.HandlerOptions{Level: "INFO"})
	if n := testing.AllocsPerRun(1000, func() { l.Debug("static message") }); n != 0 {
		t.Fatalf("disabled Debug allocates %v times", n)
	}
	if n := testing.AllocsPerRun(1000, func() { l.Debug("with {} {} args", 1, "two") }); n != 0 {
		t.Fatalf("disabled Debug with args allocates %v times", n)
	}
}

func TestDefaultFormatDoesNotAllocate(t *testing.T) {
	l := loguru.New()
	l.Add(io.Discard, loguru.HandlerOptions{Colorize: loguru.On})
	l.Info("warm up")
	if n := testing.AllocsPerRun(1000, func() { l.Info("static message") }); n != 0 {
		t.Fatalf("Info in the default format allocates %v times", n)
	}
	bound := l.Bind("user", "bob", "id", 42)
	if n := testing.AllocsPerRun(1000, func() { bound.Info("static message") }); n != 0 {
		t.Fatalf("Info with bound values allocates %v times", n)
	}
}

func TestTracebackOptionsCostRecordsWithoutErrorNothing(t *testing.T) {
	l := loguru.New()
	l.Add(io.Discard, loguru.HandlerOptions{Colorize: loguru.On, Backtrace: loguru.On, Diagnose: loguru.On})
	l.Info("warm up")
	if n := testing.AllocsPerRun(1000, func() { l.Info("static message") }); n != 0 {
		t.Fatalf("Info with Backtrace and Diagnose on allocates %v times", n)
	}
}

// A level given by name costs one map lookup, slog's spelling ("warn")
// included: the upper-case retry must not allocate either.
func TestLogByNameDoesNotAllocate(t *testing.T) {
	l := loguru.New()
	l.Add(io.Discard, loguru.HandlerOptions{Colorize: loguru.On})
	l.Info("warm up")
	for _, name := range []string{"WARNING", "warn", "Info"} {
		if n := testing.AllocsPerRun(1000, func() { l.Log(name, "static message") }); n != 0 {
			t.Errorf("Log(%q) allocates %v times", name, n)
		}
	}
}

// A slog.Handler with the default format is given the record's message
// itself: no line is formatted and copied for it.
func TestSlogSinkMessageIsNotCopied(t *testing.T) {
	l := loguru.New()
	h := &nopHandler{}
	l.Add(h)
	l.Info("warm up")
	if n := testing.AllocsPerRun(1000, func() { l.Info("static message") }); n != 0 {
		t.Fatalf("Info to a slog.Handler allocates %v times", n)
	}
	if h.n != len("warm up")+1001*len("static message") {
		t.Fatalf("the handler got %d bytes of messages", h.n)
	}
}
