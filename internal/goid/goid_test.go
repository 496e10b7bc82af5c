package goid

import (
	"sync"
	"testing"
)

// Get gives runtime.Stack's id in every goroutine, on the fast path and
// with it disabled.
func TestGetMatchesRuntimeStack(t *testing.T) {
	for _, disabled := range []bool{false, true} {
		if disabled {
			restore := Disable()
			if Fast() {
				t.Fatal("Fast() after Disable")
			}
			defer restore()
		}
		if got, want := Get(), Slow(); got != want {
			t.Fatalf("disabled %t: Get() = %d, runtime.Stack says %d", disabled, got, want)
		}
		var wg sync.WaitGroup
		var bad sync.Map
		for range 100 {
			wg.Go(func() {
				if got, want := Get(), Slow(); got != want || got == 0 {
					bad.Store(got, want)
				}
			})
		}
		wg.Wait()
		bad.Range(func(got, want any) bool {
			t.Errorf("disabled %t: Get() = %d, runtime.Stack says %d", disabled, got, want)
			return true
		})
	}
}

func TestSlowParsesTheHeader(t *testing.T) {
	if id := Slow(); id <= 0 {
		t.Fatalf("Slow() = %d", id)
	}
	for in, want := range map[string]int64{
		"goroutine 42 [running]:": 42, "goroutine 7": 7, "goroutin 4": 0, "": 0, "goroutine x": 0,
	} {
		if got := parseHeader([]byte(in)); got != want {
			t.Errorf("parseHeader(%q) = %d; want %d", in, got, want)
		}
	}
}

func BenchmarkGet(b *testing.B) {
	for b.Loop() {
		Get()
	}
}

func BenchmarkSlow(b *testing.B) {
	for b.Loop() {
		Slow()
	}
}
