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
		after := time.Now()
		if got.Before(before) || got.After(after) {
			t.Fatalf("read %d: Now = %v, not within [%v, %v]", i, got, before, after)
		}
		// Without a step of the wall clock, the derived wall time is
		// the real one.
		if d := got.Round(0).Sub(after.Round(0)); d > time.Millisecond || d < -time.Millisecond {
			t.Fatalf("wall clock off by %v", d)
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
