// Package clock reads the time of records with one clock read instead of
// two.
//
// time.Now reads both the wall clock and the monotonic clock. Now reads the
// monotonic clock only and adds the elapsed time to a recent time.Now, taken
// again every Resync. The monotonic clock runs at the rate the system keeps
// for the wall clock (NTP slews both), so the two agree but for a step of
// the wall clock (settimeofday, a VM resumed), which Now shows at the next
// resync, at most Resync later.
package clock

import (
	"sync/atomic"
	"time"
)

// Resync is how often Now takes the wall clock again.
const Resync = 100 * time.Millisecond

var anchor atomic.Pointer[time.Time]

// Now returns the current time, with its monotonic reading, in the local
// time zone.
func Now() time.Time {
	if a := anchor.Load(); a != nil {
		if d := time.Since(*a); d >= 0 && d < Resync {
			return a.Add(d)
		}
	}
	t := time.Now()
	anchor.Store(&t)
	return t
}
