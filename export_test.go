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

// SetClock makes the records of the default logger, and of loggers made
// afterwards, use fixed as their time for the rest of the test. A test that
// runs in parallel sets its own logger's clock with Logger.SetClock instead.
func SetClock(t testing.TB, fixed time.Time) {
	SetNow(t, func() time.Time { return fixed })
}

// SetNow is SetClock with a clock function: records (and file sinks) read
// the time from fn.
func SetNow(t testing.TB, fn func() time.Time) {
	old, oldStd := now, std.core.now
	now, std.core.now = fn, fn
	t.Cleanup(func() { now, std.core.now = old, oldStd })
}

// SetStart makes Elapsed count from t, as SetClock does for the time.
func SetStart(tb testing.TB, t time.Time) {
	old, oldStd := start, std.core.start
	start, std.core.start = t, t
	tb.Cleanup(func() { start, std.core.start = old, oldStd })
}

// SetErrorOutput captures, for the rest of the test, the failure reports of
// every logger that has no error output of its own.
func SetErrorOutput(t testing.TB, w io.Writer) {
	stderr.mu.Lock()
	old := stderr.w
	stderr.w = w
	stderr.mu.Unlock()
	t.Cleanup(func() {
		stderr.mu.Lock()
		stderr.w = old
		stderr.mu.Unlock()
	})
}

// StartTime is when Elapsed starts counting.
var StartTime = start

// SetEnv replaces, for the rest of the test, the defaults read from the
// LOGURU_* environment by those read from env, and returns the problems
// found, one per line. Every logger that has no defaults of its own sees
// them.
func SetEnv(t testing.TB, env map[string]string) string {
	d, problems := readEnvMap(env)
	old := defaults
	defaults = d
	t.Cleanup(func() { defaults = old })
	return problems
}

// readEnvMap reads the defaults from env instead of the environment.
func readEnvMap(env map[string]string) (envDefaults, string) {
	d, problems := readEnv(func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	})
	return d, strings.Join(problems, "\n")
}

// SetClock makes l's records use fixed as their time. Call it before Add:
// file sinks and queues take the clock when they are made.
func (l *Logger) SetClock(fixed time.Time) { l.SetNow(func() time.Time { return fixed }) }

// SetNow makes l's records (and file sinks) read the time from fn.
func (l *Logger) SetNow(fn func() time.Time) { l.core.now = fn }

// SetStart makes l's Elapsed count from t.
func (l *Logger) SetStart(t time.Time) { l.core.start = t }

// SetErrorOutput makes l report its failures to w.
func (l *Logger) SetErrorOutput(w io.Writer) { l.core.errs = &errorOutput{w: w} }

// SetEnv gives l the defaults read from env as its LOGURU_* environment and
// returns the problems found, one per line.
func (l *Logger) SetEnv(env map[string]string) string {
	d, problems := readEnvMap(env)
	l.core.defaults = &d
	return problems
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
