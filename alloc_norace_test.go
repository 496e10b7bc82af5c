//go:build !race

package loguru_test

import (
	"io"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// These pins hold without the race detector only: under it sync.Pool drops
// a quarter of what it is given, on purpose, so pooled records are
// allocated again.

var allocAt = time.Date(2026, 11, 22, 10, 1, 2, 0, time.UTC)

func tenFields(at time.Time) []loguru.Field {
	return []loguru.Field{
		loguru.F("user", "bob"), loguru.F("id", 42), loguru.F("ratio", 3.14), loguru.F("ok", true),
		loguru.F("elapsed", 1500*time.Microsecond), loguru.F("at", at), loguru.F("err", io.EOF),
		loguru.F("path", "/api/orders"), loguru.F("status", 200), loguru.F("bytes", 1024),
	}
}

func TestJSONLinesDoNotAllocate(t *testing.T) {
	l := loguru.New()
	l.Add(io.Discard, loguru.HandlerOptions{JSON: true})
	l.Info("warm up")
	if n := testing.AllocsPerRun(1000, func() { l.Info("static message") }); n != 0 {
		t.Fatalf("a static JSON line allocates %v times", n)
	}
	var bind []any
	for _, f := range tenFields(allocAt) {
		bind = append(bind, f)
	}
	bound := l.Bind(bind...)
	bound.Info("warm up")
	if n := testing.AllocsPerRun(1000, func() { bound.Info("static message") }); n != 0 {
		t.Fatalf("a JSON line with ten bound values allocates %v times", n)
	}
	// Boxing arguments into ...any is the caller's: with arguments boxed
	// beforehand, the logger itself allocates nothing.
	boxed := bind
	l.Info("warm up", boxed...)
	if n := testing.AllocsPerRun(1000, func() { l.Info("static message", boxed...) }); n != 0 {
		t.Fatalf("a JSON line with ten Fields allocates %v times in the logger", n)
	}
}

func TestLogFieldsAllocatesOnlyTheValuesItKeeps(t *testing.T) {
	l := loguru.New()
	l.Add(io.Discard, loguru.HandlerOptions{JSON: true})
	at := allocAt
	l.LogFields("INFO", "warm up", loguru.F("a", 1))
	// Written out at the call, as a user does: the ten Fields stay on the
	// caller's stack; only the time.Time, a non-constant value held in an
	// interface, is boxed.
	n := testing.AllocsPerRun(1000, func() {
		l.LogFields("INFO", "static message",
			loguru.F("user", "bob"), loguru.F("id", 42), loguru.F("ratio", 3.14), loguru.F("ok", true),
			loguru.F("elapsed", 1500*time.Microsecond), loguru.F("at", at), loguru.F("err", io.EOF),
			loguru.F("path", "/api/orders"), loguru.F("status", 200), loguru.F("bytes", 1024))
	})
	if n > 1 {
		t.Fatalf("LogFields with ten Fields allocates %v times, want at most 1", n)
	}
}

func TestEnqueueCallerDoesNotAllocate(t *testing.T) {
	l := loguru.New()
	l.Add(io.Discard, loguru.HandlerOptions{Enqueue: loguru.On})
	defer l.RemoveAll()
	for range 10000 {
		l.Info("warm up the queue's buffers")
	}
	l.Complete()
	if n := testing.AllocsPerRun(1000, func() { l.Info("static message") }); n != 0 {
		t.Fatalf("Info to an Enqueue handler allocates %v times on the caller's side", n)
	}
}

// A rotating file written through allocates nothing per line: the check
// for a rotation by another process reads shared memory, with no stat.
func TestRotatingFileDoesNotAllocate(t *testing.T) {
	for _, rotation := range []string{"1 GB", "1 GB, 00:00"} {
		l := loguru.New()
		if _, err := l.Add(t.TempDir()+"/app.log", loguru.HandlerOptions{Rotation: rotation, Compression: "gz", Retention: "3"}); err != nil {
			t.Fatal(err)
		}
		l.Info("warm up")
		if n := testing.AllocsPerRun(1000, func() { l.Info("static message") }); n != 0 {
			t.Errorf("a line to a file rotating at %q allocates %v times", rotation, n)
		}
		l.RemoveAll()
	}
}
