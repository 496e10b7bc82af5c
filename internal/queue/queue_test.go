package queue

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// recorder is a Write function that keeps what it was given, and can be
// held so that records pile up in the queue.
type recorder struct {
	mu      sync.Mutex
	batches [][]string // the records of each batch
	vals    []int
	hold    chan struct{} // when non-nil, Write waits for it to be closed
	entered chan struct{} // receives once per Write call, when non-nil
}

func (r *recorder) write(b *Batch[int]) {
	if r.entered != nil {
		r.entered <- struct{}{}
	}
	if r.hold != nil {
		<-r.hold
	}
	var recs []string
	for i := range b.Items {
		recs = append(recs, string(b.Bytes(i)))
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.batches = append(r.batches, recs)
	for _, it := range b.Items {
		r.vals = append(r.vals, it.Val)
	}
}

func (r *recorder) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Concat(r.batches...)
}

// waitFor yields until cond holds under q.mu: the state it waits for is
// reached by other goroutines without any timing involved.
func waitFor[T any](q *Queue[T], cond func() bool) {
	for {
		q.mu.Lock()
		ok := cond()
		q.mu.Unlock()
		if ok {
			return
		}
		runtime.Gosched()
	}
}

func TestConsecutiveRecordsAreWrittenInOneBatch(t *testing.T) {
	defer goleak.VerifyNone(t)
	rec := &recorder{hold: make(chan struct{}), entered: make(chan struct{}, 10)}
	q := New(Options[int]{Write: rec.write})
	q.Push([]byte("first\n"), time.Time{}, 1, false)
	<-rec.entered // the writer holds the first record; the next ones wait
	for i := 2; i <= 5; i++ {
		q.Push(fmt.Appendf(nil, "line %d\n", i), time.Time{}, i, false)
	}
	close(rec.hold)
	q.Close(false)
	want := [][]string{{"first\n"}, {"line 2\n", "line 3\n", "line 4\n", "line 5\n"}}
	if fmt.Sprint(rec.batches) != fmt.Sprint(want) {
		t.Fatalf("batches = %q, want %q", rec.batches, want)
	}
	if fmt.Sprint(rec.vals) != "[1 2 3 4 5]" {
		t.Fatalf("values = %v", rec.vals)
	}
}

func TestFullQueueMakesProducersWait(t *testing.T) {
	defer goleak.VerifyNone(t)
	rec := &recorder{hold: make(chan struct{}), entered: make(chan struct{}, 10)}
	q := New(Options[int]{Capacity: 2, Write: rec.write})
	q.Push([]byte("a"), time.Time{}, 0, false)
	<-rec.entered
	q.Push([]byte("b"), time.Time{}, 0, false)
	q.Push([]byte("c"), time.Time{}, 0, false)
	done := make(chan bool)
	go func() { done <- q.Push([]byte("d"), time.Time{}, 0, false) }()
	waitFor(q, func() bool { return q.waiters == 1 })
	q.mu.Lock()
	pushed := q.pushed
	q.mu.Unlock()
	if pushed != 3 {
		t.Fatalf("pushed = %d while the queue is full, want 3", pushed)
	}
	close(rec.hold)
	if !<-done {
		t.Fatal("the waiting Push was refused")
	}
	q.Close(false)
	if got := strings.Join(rec.all(), ""); got != "abcd" {
		t.Fatalf("written %q, want abcd", got)
	}
}

func TestDropPolicyCountsAndReports(t *testing.T) {
	defer goleak.VerifyNone(t)
	rec := &recorder{hold: make(chan struct{}), entered: make(chan struct{}, 10)}
	var reports []uint64
	clock := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	q := New(Options[int]{
		Capacity: 2, Drop: true, Write: rec.write,
		Dropped: func(n uint64) { reports = append(reports, n) },
		Now:     func() time.Time { return clock },
	})
	q.Push([]byte("a"), time.Time{}, 0, false)
	<-rec.entered
	var accepted []bool
	for _, s := range []string{"b", "c", "d", "e", "f"} {
		accepted = append(accepted, q.Push([]byte(s), time.Time{}, 0, false))
	}
	if fmt.Sprint(accepted) != "[true true false false false]" {
		t.Fatalf("accepted = %v", accepted)
	}
	close(rec.hold)
	q.Flush(false)
	if fmt.Sprint(reports) != "[3]" || q.Dropped() != 3 {
		t.Fatalf("reports = %v, dropped %d; want one report of 3", reports, q.Dropped())
	}
	q.Close(false)
	if got := strings.Join(rec.all(), ""); got != "abc" {
		t.Fatalf("written %q, want abc", got)
	}
}

func TestDropReportsAreSpacedByTheClock(t *testing.T) {
	defer goleak.VerifyNone(t)
	var mu sync.Mutex
	clock := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var reports []uint64
	rec := &recorder{}
	q := New(Options[int]{
		Capacity: 1, Drop: true, Write: rec.write,
		Dropped: func(n uint64) { reports = append(reports, n) },
		Now: func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			return clock
		},
	})
	// Drops are made directly: the writer reports after its next batch.
	drop := func(n uint64) {
		q.mu.Lock()
		q.dropped += n
		q.mu.Unlock()
		q.Push([]byte("x"), time.Time{}, 0, false)
		q.Flush(false)
	}
	tick := func(d time.Duration) {
		mu.Lock()
		clock = clock.Add(d)
		mu.Unlock()
	}
	q.mu.Lock()
	q.dropped = 2
	q.mu.Unlock()
	q.Push([]byte("x"), time.Time{}, 0, false)
	waitFor(q, func() bool { return q.written == 1 && len(reports) == 1 })
	drop(5) // within the second: Flush reports it, being final
	tick(500 * time.Millisecond)
	q.mu.Lock()
	q.dropped += 4
	q.mu.Unlock()
	q.Push([]byte("x"), time.Time{}, 0, false)
	waitFor(q, func() bool { return q.written == 3 })
	q.mu.Lock()
	early := slices.Clone(reports)
	q.mu.Unlock()
	tick(600 * time.Millisecond)
	q.Push([]byte("x"), time.Time{}, 0, false)
	waitFor(q, func() bool { return q.written == 4 })
	q.Close(false)
	if fmt.Sprint(early) != "[2 5]" {
		t.Errorf("reports before a second passed = %v, want [2 5]", early)
	}
	if fmt.Sprint(reports) != "[2 5 4]" {
		t.Errorf("reports = %v, want [2 5 4]", reports)
	}
}

func TestFlushWaitsForEverythingPushedBefore(t *testing.T) {
	defer goleak.VerifyNone(t)
	rec := &recorder{hold: make(chan struct{}), entered: make(chan struct{}, 10)}
	q := New(Options[int]{Write: rec.write})
	for i := range 100 {
		q.Push(fmt.Appendf(nil, "%d,", i), time.Time{}, i, false)
		if i == 0 {
			<-rec.entered
		}
	}
	go close(rec.hold)
	q.Flush(false)
	if n := len(rec.all()); n != 100 {
		t.Fatalf("Flush returned with %d of 100 records written", n)
	}
	q.Close(false)
}

func TestCloseDrainsAndStopsTheWriter(t *testing.T) {
	defer goleak.VerifyNone(t)
	rec := &recorder{}
	q := New(Options[int]{Capacity: 16, Write: rec.write})
	for i := range 1000 {
		q.Push(fmt.Appendf(nil, "%d\n", i), time.Time{}, i, false)
	}
	q.Close(false)
	q.Close(false) // twice is harmless
	got := rec.all()
	if len(got) != 1000 {
		t.Fatalf("written %d of 1000", len(got))
	}
	for i, s := range got {
		if s != fmt.Sprintf("%d\n", i) {
			t.Fatalf("record %d = %q: out of order", i, s)
		}
	}
	if q.Push([]byte("late"), time.Time{}, 0, false) {
		t.Fatal("Push after Close was accepted")
	}
	select {
	case <-q.done:
	default:
		t.Fatal("the writer goroutine is still running after Close")
	}
}

func TestCloseReleasesWaitingProducers(t *testing.T) {
	defer goleak.VerifyNone(t)
	rec := &recorder{hold: make(chan struct{}), entered: make(chan struct{}, 10)}
	q := New(Options[int]{Capacity: 1, Write: rec.write})
	q.Push([]byte("a"), time.Time{}, 0, false)
	<-rec.entered
	q.Push([]byte("b"), time.Time{}, 0, false)
	done := make(chan bool)
	go func() { done <- q.Push([]byte("c"), time.Time{}, 0, false) }()
	waitFor(q, func() bool { return q.waiters == 1 })
	closed := make(chan struct{})
	go func() { q.Close(false); close(closed) }()
	if <-done {
		t.Fatal("a producer waiting when the queue closed was accepted")
	}
	close(rec.hold)
	<-closed
	if got := strings.Join(rec.all(), ""); got != "ab" {
		t.Fatalf("written %q, want ab", got)
	}
}

func TestTheWriterNeverWaitsForItself(t *testing.T) {
	defer goleak.VerifyNone(t)
	var q *Queue[int]
	var out []string
	var selfAccepted []bool
	q = New(Options[int]{Capacity: 1, Write: func(b *Batch[int]) {
		for i := range b.Items {
			out = append(out, string(b.Bytes(i)))
			if b.Items[i].Val == 0 {
				// A sink logging twice while the queue holds one record:
				// the first fits, the second is dropped, nothing hangs.
				selfAccepted = append(selfAccepted,
					q.Push([]byte("from the sink 1"), time.Time{}, 1, true),
					q.Push([]byte("from the sink 2"), time.Time{}, 1, true))
				q.Flush(true)
			}
		}
	}})
	q.Push([]byte("record"), time.Time{}, 0, false)
	q.Flush(false)
	q.Close(false)
	if fmt.Sprint(selfAccepted) != "[true false]" {
		t.Fatalf("self pushes accepted = %v, want [true false]", selfAccepted)
	}
	if fmt.Sprint(out) != "[record from the sink 1]" || q.Dropped() != 1 {
		t.Fatalf("written %q, dropped %d", out, q.Dropped())
	}
}

func TestByteBoundMakesTheQueueFull(t *testing.T) {
	defer goleak.VerifyNone(t)
	rec := &recorder{hold: make(chan struct{}), entered: make(chan struct{}, 10)}
	q := New(Options[int]{Drop: true, Write: rec.write})
	q.Push([]byte("a"), time.Time{}, 0, false)
	<-rec.entered
	big := make([]byte, MaxBytes)
	if !q.Push(big, time.Time{}, 0, false) {
		t.Fatal("a record as large as the byte bound was refused by an empty queue")
	}
	if q.Push([]byte("b"), time.Time{}, 0, false) {
		t.Fatal("a record past the byte bound was accepted")
	}
	close(rec.hold)
	q.Close(false)
}

func TestConcurrentProducersLoseAndDuplicateNothing(t *testing.T) {
	defer goleak.VerifyNone(t)
	rec := &recorder{}
	q := New(Options[int]{Capacity: 64, Write: rec.write})
	const producers, each = 8, 5000
	var wg sync.WaitGroup
	for p := range producers {
		wg.Go(func() {
			for i := range each {
				q.Push(fmt.Appendf(nil, "%d:%d", p, i), time.Time{}, p, false)
			}
		})
	}
	wg.Wait()
	q.Close(false)
	next := make([]int, producers)
	for _, s := range rec.all() {
		var p, i int
		fmt.Sscanf(s, "%d:%d", &p, &i)
		if i != next[p] {
			t.Fatalf("producer %d: record %d after %d", p, i, next[p]-1)
		}
		next[p]++
	}
	for p, n := range next {
		if n != each {
			t.Fatalf("producer %d: %d of %d records written", p, n, each)
		}
	}
}

// BenchmarkPush is the caller's cost of Enqueue: copying a formatted record
// onto the queue, from the benchmark's goroutines, while the writer drains.
func BenchmarkPush(b *testing.B) {
	line := []byte("2026-11-22 10:01:02.345 | INFO     | main:main:4 - Order shipped to the customer\n")
	var written int
	q := New(Options[int]{Capacity: 1 << 16, Write: func(bt *Batch[int]) { written += len(bt.Items) }})
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			q.Push(line, time.Time{}, 0, false)
		}
	})
	q.Close(false)
	if written != b.N {
		b.Fatalf("%d of %d written", written, b.N)
	}
}

// TryPush queues while there is room, and otherwise returns false without
// waiting or counting a drop.
func TestTryPushNeverWaitsNorDrops(t *testing.T) {
	defer goleak.VerifyNone(t)
	rec := &recorder{hold: make(chan struct{}), entered: make(chan struct{}, 10)}
	q := New(Options[int]{Capacity: 1, Drop: true, Write: rec.write})
	if !q.TryPush([]byte("a"), time.Time{}, 1) {
		t.Fatal("TryPush refused an empty queue")
	}
	<-rec.entered // the writer holds "a"
	if !q.TryPush([]byte("b"), time.Time{}, 2) {
		t.Fatal("TryPush refused a queue with room")
	}
	if q.TryPush([]byte("c"), time.Time{}, 3) {
		t.Fatal("TryPush took a record into a full queue")
	}
	q.mu.Lock()
	dropped, pushed := q.dropped, q.pushed
	q.mu.Unlock()
	if dropped != 0 || pushed != 2 {
		t.Fatalf("dropped %d, pushed %d; want 0, 2", dropped, pushed)
	}
	close(rec.hold)
	q.Close(false)
	if q.TryPush([]byte("d"), time.Time{}, 4) {
		t.Fatal("TryPush took a record into a closed queue")
	}
	if got := strings.Join(rec.all(), ""); got != "ab" {
		t.Fatalf("written %q, want ab", got)
	}
}
