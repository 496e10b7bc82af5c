package clock

import (
	"testing"
	"time"
)

// The clock is compared with time.Now around it: the monotonic readings
// order the three, whatever the machine's speed.
func TestNowIsBetweenTheClockReadsAroundIt(t *testing.T) {
	for i := range 1000 {
		before := time.Now()
		got := Now()
		a := *anchor.Load()
		after := time.Now()
		if got.Before(before) || got.After(after) {
			t.Fatalf("read %d: Now = %v, not within [%v, %v]", i, got, before, after)
		}
		// The wall time is the anchor's plus the monotonic time since it.
		// The machine's wall clock may have been stepped or slewed since
		// the anchor (NTP, a resumed VM): that drift, measured by the
		// two readings of after, is the only difference allowed between
		// the derived wall time and the real one.
		drift := after.Round(0).Sub(a.Round(0)) - after.Sub(a)
		lag := after.Sub(got)
		if off := after.Round(0).Sub(got.Round(0)) - drift; off < 0 || off > lag+time.Microsecond {
			t.Fatalf("read %d: wall time %v off by %v beyond the clock's drift %v (lag %v)", i, got, off, drift, lag)
		}
		if !got.Round(0).Equal(a.Round(0).Add(got.Sub(a))) {
			t.Fatalf("read %d: wall time %v is not the anchor %v plus %v", i, got, a, got.Sub(a))
		}
		if got.Location() != time.Local {
			t.Fatalf("location %v, want Local", got.Location())
		}
	}
}

func TestAStaleAnchorIsTakenAgain(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	anchor.Store(&old)
	before := time.Now()
	if got := Now(); got.Before(before) {
		t.Fatalf("Now = %v from an anchor an hour old, want at least %v", got, before)
	}
	if a := anchor.Load(); a.Before(before) {
		t.Fatal("the stale anchor was kept")
	}
}

func BenchmarkNow(b *testing.B) {
	for b.Loop() {
		Now()
	}
}

func BenchmarkTimeNow(b *testing.B) {
	for b.Loop() {
		time.Now()
	}
}
