package loguru

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// faultInterval is the least time between two reports of one failing
// handler: a full disk or a dead collector would otherwise print a block
// for every record.
const faultInterval = 10 * time.Second

// faults limits the reports of a failing handler. The first failure is
// reported whole, as Loguru does; while the sink keeps failing, at most one
// summary per faultInterval counts the records lost since the last report;
// the first write that works again says so, with the count of records lost
// in all; a handler stopped while failing reports what it had not yet.
type faults struct {
	failing atomic.Bool // read on every write: the healthy path is one load

	mu       sync.Mutex
	first    time.Time // when the sink began failing
	reported time.Time // when the last report was written
	pending  uint64    // records lost since the last report
	total    uint64    // records lost since the first failure
	lastErr  error
}

// failed counts n records lost to err and reports as described on faults.
func (h *handler) failed(r *Record, n uint64, err error) {
	f := &h.faults
	f.mu.Lock()
	defer f.mu.Unlock()
	t := h.core.now()
	if !f.failing.Load() {
		f.failing.Store(true)
		f.first, f.reported, f.pending, f.total, f.lastErr = t, t, 0, n, err
		h.core.report(h.id, r, err)
		return
	}
	f.pending += n
	f.total += n
	f.lastErr = err
	if t.Sub(f.reported) >= faultInterval {
		h.reportLost(t)
	}
}

// reportLost writes the summary of the records lost since the last report.
// The caller holds f.mu.
func (h *handler) reportLost(t time.Time) {
	f := &h.faults
	if f.pending == 0 {
		return
	}
	h.core.writeSummary(fmt.Sprintf("--- Logging error in Loguru Handler #%d ---\n"+
		"%d more %s lost since %s; the last error:\n", h.id, f.pending, recordWord(f.pending), f.reported.Format(time.DateTime)), f.lastErr)
	f.pending, f.reported = 0, t
}

// succeeded notes a write that worked: a failing handler recovers.
func (h *handler) succeeded() {
	if !h.faults.failing.Load() {
		return
	}
	f := &h.faults
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.failing.Load() {
		return
	}
	h.reportLost(h.core.now())
	h.core.errs.write(fmt.Appendf(nil, "--- Loguru Handler #%d is writing again: %d %s lost since %s ---\n",
		h.id, f.total, recordWord(f.total), f.first.Format(time.DateTime)))
	f.failing.Store(false)
}

// stopFaults reports the records lost since the last report of a handler
// that stops while failing.
func (h *handler) stopFaults() {
	f := &h.faults
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failing.Load() {
		h.reportLost(h.core.now())
	}
}

func recordWord(n uint64) string {
	if n == 1 {
		return "record"
	}
	return "records"
}
