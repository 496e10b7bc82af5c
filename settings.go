package loguru

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/loguru-go/loguru/internal/clock"
)

// settings are what a logger takes from its surroundings: the clock of its
// records, the instant Elapsed counts from, where failures are reported,
// and the defaults read from the LOGURU_* environment. New copies the
// package's; each logger then owns its copy, so that one logger (a test's)
// can have a fixed clock or its own error output while others log.
type settings struct {
	now      func() time.Time
	start    time.Time
	errs     *errorOutput
	defaults *envDefaults
}

// start is when the program started logging; Record.Elapsed counts from it.
var start = time.Now()

// now is the clock of records: one clock read instead of time.Now's two
// (see internal/clock).
var now = clock.Now

// stderr is where failures are reported unless a logger is told otherwise.
var stderr = &errorOutput{w: os.Stderr}

func packageSettings() settings {
	return settings{now: now, start: start, errs: stderr, defaults: &defaults}
}

// errorOutput is a writer of failure reports, one report at a time so that
// reports from several goroutines do not interleave.
type errorOutput struct {
	mu sync.Mutex
	w  io.Writer
}

// write writes a report as it is. Writing to stderr may fail too; that
// error has nowhere left to go and is dropped, as in Loguru.
func (e *errorOutput) write(b []byte) {
	e.mu.Lock()
	defer e.mu.Unlock()
	_, _ = e.w.Write(b)
}
