package netsink

import (
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

func TestMaxPendingBoundsServerMemory(t *testing.T) {
	t.Parallel()
	const maxPending, records = 2 << 20, 100
	srv := startServer(t, ServerOptions{MaxPending: maxPending})
	release := make(chan struct{})
	var emitted atomic.Int64
	srv.log.RemoveAll()
	srv.log.Add(func(loguru.Message) {
		<-release
		emitted.Add(1)
	})
	// Room for every record on the client, so that logging does not wait
	// for the server while the test holds it.
	sink := dialSink(t, srv.addr, Options{BufferBytes: 64 << 20})
	l := loguru.New()
	l.Add(sink)
	big := strings.Repeat("x", 256<<10)
	for range records {
		l.Info(big)
	}
	// The handler holds the first record: the others pile up to the
	// budget, then the connection stops reading.
	peak := &srv.stats.pendingPeak
	waitFor(t, "the budget to fill", func() bool { return peak.Load() > maxPending-300<<10 })
	close(release)
	waitFor(t, "every record", func() bool { return emitted.Load() == records })
	if p := peak.Load(); p > maxPending {
		t.Errorf("%d bytes pending at most, more than MaxPending (%d)", p, maxPending)
	}
	if sink.Dropped() != 0 {
		t.Errorf("%d records dropped", sink.Dropped())
	}
}

// Shutting down must not wait for room that only emitting would free.
func TestMaxPendingShutdown(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{MaxPending: 1 << 20})
	release := make(chan struct{})
	srv.log.RemoveAll()
	srv.log.Add(func(loguru.Message) { <-release })
	sink := dialSink(t, srv.addr, Options{})
	l := loguru.New()
	l.Add(sink)
	big := strings.Repeat("x", 256<<10)
	for range 20 {
		l.Info(big)
	}
	waitFor(t, "the budget to fill", func() bool { return srv.stats.pendingPeak.Load() > 700<<10 })
	stopped := make(chan struct{})
	go func() { srv.stop(); close(stopped) }()
	close(release) // the handler lets the emitter drain what was admitted
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return")
	}
}

// A frame larger than the whole budget passes alone, and waits its turn:
// smaller frames arriving after it do not overtake it.
func TestBudgetLargeFrameAlone(t *testing.T) {
	t.Parallel()
	b := newBudget(10, new(atomic.Int64))
	if _, ok := b.admit(5); !ok {
		t.Fatal("admit(5)")
	}
	order := make(chan int64, 2)
	go func() { b.admit(20); order <- 20 }()
	waitFor(t, "the large frame to wait", func() bool { b.mu.Lock(); defer b.mu.Unlock(); return b.next == b.head+1 })
	go func() { b.admit(1); order <- 1 }()
	waitFor(t, "the small frame to wait", func() bool { b.mu.Lock(); defer b.mu.Unlock(); return b.next == b.head+2 })
	b.release(5)
	if got := <-order; got != 20 {
		t.Fatalf("admitted %d first", got)
	}
	b.release(20)
	if got := <-order; got != 1 {
		t.Fatalf("admitted %d second", got)
	}
}

// Connections holding the whole budget with their payloads must not wait
// for each other forever to add their decoded sizes.
func TestBudgetGrowWithoutDeadlock(t *testing.T) {
	t.Parallel()
	b := newBudget(100, new(atomic.Int64))
	b.admit(60)
	b.admit(40)
	grown := make(chan int64, 2)
	go func() { b.grow(10, 60); grown <- 60 }()
	go func() { b.grow(10, 40); grown <- 40 }()
	first := <-grown
	b.release(first + 10) // its record is emitted
	select {
	case <-grown:
	case <-time.After(10 * time.Second):
		t.Fatal("the second connection waits forever")
	}
}

// The estimate of a record's decoded size must cover what it holds, even
// for payloads made of many small values.
func TestRecordSizeEstimate(t *testing.T) {
	for name, elem := range map[string]string{
		"empty arrays":       "[],",
		"empty objects":      "{},",
		"one-member objects": `{"":0},`,
		"zeros":              "0,",
		"empty strings":      `"",`,
		"strings":            `"abcdefgh",`,
		"nulls":              "null,",
	} {
		t.Run(name, func(t *testing.T) {
			const n = 50_000
			payload := `{"time":"2026-11-22T10:01:02Z","level":{"name":"INFO","no":20},"message":"x","extra":{"a":[` +
				strings.TrimSuffix(strings.Repeat(elem, n), ",") + `]}}`
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			r := new(remote)
			if err := decode([]byte(payload), r, nil); err != nil {
				t.Fatal(err)
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			live := int64(after.HeapAlloc) - int64(before.HeapAlloc)
			runtime.KeepAlive(r)
			if r.size < live {
				t.Errorf("estimated %d bytes, %d held", r.size, live)
			}
		})
	}
}

func TestLargeFrameBufferNotKept(t *testing.T) {
	t.Parallel()
	small := make([]byte, 0, keptBuffer)
	if got := trimBuffer(small); cap(got) != keptBuffer {
		t.Fatalf("a buffer of %d bytes was dropped", keptBuffer)
	}
	if got := trimBuffer(make([]byte, DefaultMaxFrame)); got != nil {
		t.Fatalf("a buffer of %d bytes was kept", DefaultMaxFrame)
	}
}
