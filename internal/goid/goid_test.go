package goid

import (
	"sync"
	"testing"
)

func TestCalibrated(t *testing.T) {
	if haveG && offset() < 0 {
		t.Fatal("calibration found no single offset for the goroutine id")
	}
}

func TestGetMatchesRuntimeStack(t *testing.T) {
	if got, want := Get(), Slow(); got != want {
		t.Fatalf("Get() = %d, runtime.Stack says %d", got, want)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, want := Get(), Slow(); got != want || got == 0 {
				errs <- "mismatch"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

func TestSlowParsesTheHeader(t *testing.T) {
	if id := Slow(); id <= 0 {
		t.Fatalf("Slow() = %d", id)
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
