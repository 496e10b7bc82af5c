package loguru

import (
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru/internal/caller"
	"github.com/loguru-go/loguru/internal/goid"
	"github.com/loguru-go/loguru/internal/reentry"
)

// SetClock makes records use fixed as their time for the rest of the test.
func SetClock(t testing.TB, fixed time.Time) {
	old := now
	now = func() time.Time { return fixed }
	t.Cleanup(func() { now = old })
}

// SetErrorOutput captures handler error reports for the rest of the test.
func SetErrorOutput(t testing.TB, w io.Writer) {
	errMu.Lock()
	old := errOutput
	errOutput = w
	errMu.Unlock()
	t.Cleanup(func() {
		errMu.Lock()
		errOutput = old
		errMu.Unlock()
	})
}

// StartTime is when Elapsed starts counting.
var StartTime = start

// SetEnv replaces, for the rest of the test, the defaults read from the
// LOGURU_* environment by those read from env, and returns the problems
// found, one per line.
func SetEnv(t testing.TB, env map[string]string) string {
	d, problems := readEnv(func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	})
	old := defaults
	defaults = d
	t.Cleanup(func() { defaults = old })
	return strings.Join(problems, "\n")
}

// SetStart makes Elapsed count from t for the rest of the test.
func SetStart(tb testing.TB, t time.Time) {
	old := start
	start = t
	tb.Cleanup(func() { start = old })
}

// SetNow makes records (and file sinks) read the time from fn for the rest
// of the test.
func SetNow(t testing.TB, fn func() time.Time) {
	old := now
	now = fn
	t.Cleanup(func() { now = old })
}

// TakeAllMarks holds every reentry mark for the test, so that handlers added
// meanwhile guard their sink with the goroutine id instead.
func TakeAllMarks(t testing.TB) {
	var held []reentry.Mark
	for {
		m, ok := reentry.Acquire()
		if !ok {
			break
		}
		held = append(held, m)
	}
	t.Cleanup(func() {
		for _, m := range held {
			m.Release()
		}
	})
}

// ReclaimMarks collects the handlers that earlier tests dropped without
// removing them, until a reentry mark is free.
func ReclaimMarks(t testing.TB) {
	for range 1000 {
		if m, ok := reentry.Acquire(); ok {
			m.Release()
			return
		}
		runtime.GC()
		runtime.Gosched() // cleanups run on their own goroutine
	}
	t.Fatal("no reentry mark is free")
}

// Guard describes how a handler guards its sink: "mark", "owner" or "none".
func (l *Logger) Guard(id int) string {
	for _, h := range l.core.state.Load().handlers {
		if h.id == id {
			switch {
			case !h.guarded:
				return "none"
			case h.mark.Valid():
				return "mark"
			}
			return "owner"
		}
	}
	return ""
}

// DisableFastPaths makes the caller lookup and the goroutine id take their
// portable paths for the test, as on an unverified Go release.
func DisableFastPaths(t testing.TB) {
	restoreCaller, restoreGoid := caller.Disable(), goid.Disable()
	t.Cleanup(func() { restoreCaller(); restoreGoid() })
}

// SlowGoroutineID is the goroutine id as runtime.Stack gives it.
func SlowGoroutineID() int64 { return goid.Slow() }
