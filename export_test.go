package loguru

import (
	"io"
	"testing"
	"time"
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
