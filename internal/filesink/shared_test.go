//go:build unix

package filesink

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Two sinks on one path stand for two processes: they share the lock file,
// mapped twice. A record that reserved room in the file before the other
// rotated it lands in the rotated file, and the compression of that file
// waits until the record is written.
func TestCompressionWaitsForWritersOfTheRotatedFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	clk := &testClock{t: t0}
	var mu sync.Mutex
	var compressed string
	compress := func(p string) error {
		b, err := os.ReadFile(p)
		mu.Lock()
		compressed = string(b)
		mu.Unlock()
		if err != nil {
			return err
		}
		return os.Rename(p, p+".done")
	}
	a := open(t, path, Options{Size: 14, Now: clk.Now, Compress: compress})
	b := open(t, path, Options{Size: 14, Now: clk.Now})
	if a.shm == nil || b.shm == nil {
		t.Fatal("no shared memory: the lock file could not be mapped")
	}
	write(t, a, "a1", t0)

	inWindow, release, written := make(chan struct{}), make(chan struct{}), make(chan struct{})
	b.reserved = func() { close(inWindow); <-release }
	go func() {
		defer close(written)
		if err := b.Write([]byte("b1\n"), t0); err != nil {
			t.Error(err)
		}
	}()
	<-inWindow // b has room for "b1" in the current file, and has not written it
	released := false
	a.sleep = func(time.Duration) {
		if !released { // the compression waits: let the writer finish
			released = true
			close(release)
			<-written
		}
	}
	clk.Set(t0.Add(time.Second))
	write(t, a, "a2-rotates", t0) // 3+3+11 bytes > 14
	a.Wait()
	if !released { // compressed without waiting: let b go, and fail
		close(release)
		<-written
		t.Fatalf("compressed %q while a record reserved in the file was not written", compressed)
	}
	<-written
	if compressed != "a1\nb1\n" {
		t.Fatalf("compressed %q (after waiting: %v), want the rotated file with b's record", compressed, released)
	}
	b.reserved = nil
	write(t, b, "b2", t0) // b notices the rotation and writes to the new file
	same(t, files(t, dir), map[string]string{
		"app.2026-11-22_10-01-02_345678.log.done": "a1\nb1\n",
		"app.log": "a2-rotates\nb2\n",
	})
}

// A writer that never leaves (a killed process) holds the compression back
// only for drainTimeout; the sink says so.
func TestDrainGivesUpOnAKilledWriter(t *testing.T) {
	t.Parallel()
	f, err := os.OpenFile(filepath.Join(t.TempDir(), ".lock"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := mapShared(f)
	if m == nil {
		t.Fatal("cannot map")
	}
	defer m.unmap()
	m.publish(0, 0, 1, 2)
	m.enter(1) // and dies
	var slept time.Duration
	if m.drain(1, func(d time.Duration) { slept += d }) {
		t.Fatal("drained with a writer inside")
	}
	if slept < drainTimeout || slept > drainTimeout+20*time.Millisecond {
		t.Errorf("waited %v, want about %v", slept, drainTimeout)
	}
	if !m.drain(2, func(time.Duration) { t.Fatal("waited for an empty generation") }) {
		t.Error("the other generation did not drain")
	}
}

// The state word keeps generation and size apart: sizes saturate instead
// of spilling into the generation, and a stale generation reserves nothing.
func TestSharedReservations(t *testing.T) {
	t.Parallel()
	f, err := os.OpenFile(filepath.Join(t.TempDir(), ".lock"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := mapShared(f)
	defer m.unmap()
	g := m.publish(7, 5, 1, 2)
	if g != 8 || m.gen() != 8 || m.size() != 5 || !m.current(1, 2) || m.current(1, 3) {
		t.Fatalf("gen %d size %d", m.gen(), m.size())
	}
	for _, tt := range []struct {
		gen      uint64
		n, limit int64
		want     reserved
		size     int64
	}{
		{8, 5, 10, reserveOK, 10},
		{8, 1, 10, reserveFull, 10},
		{7, 1, 0, reserveStale, 10},
		{8, sizeMask, 0, reserveOK, sizeMask},
	} {
		if got := m.reserve(tt.gen, tt.n, tt.limit); got != tt.want || m.size() != tt.size || m.gen() != 8 {
			t.Errorf("reserve(%d, %d, %d) = %v, size %d gen %d; want %v, size %d", tt.gen, tt.n, tt.limit, got, m.size(), m.gen(), tt.want, tt.size)
		}
	}
	if g := m.publish(genMask, 0, 1, 2); g != 0 || m.gen() != 0 {
		t.Errorf("the generation wraps to %d", g)
	}
}
