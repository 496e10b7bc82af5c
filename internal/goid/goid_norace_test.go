//go:build !race

// Under the race detector sync.Pool drops items on purpose.

package goid

import "testing"

func TestSlowDoesNotAllocate(t *testing.T) {
	Slow()
	if n := testing.AllocsPerRun(100, func() { Slow() }); n != 0 {
		t.Errorf("Slow allocates %v times", n)
	}
}
