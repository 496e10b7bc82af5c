// Package queue is the Enqueue machinery: logging goroutines append
// formatted records to a bounded buffer and one writer goroutine per handler
// hands them to the sink, as many consecutive records at a time as have
// accumulated.
//
// The buffer is a pair of batches swapped under one mutex: a producer copies
// its bytes into the filling batch and returns, the writer takes the whole
// filling batch in one swap and writes it outside the lock. A producer thus
// pays a lock and a copy, and a busy writer sees large batches.
package queue

import (
	"sync"
	"time"
)

// Item is one record in a batch.
type Item[T any] struct {
	End  int       // end of the record's bytes in Batch.Buf
	Time time.Time // when the record was logged
	Val  T         // what the producer attached, e.g. a copy of the record
}

// Batch is a run of consecutive records. Item i's bytes are
// Buf[Items[i-1].End:Items[i].End].
type Batch[T any] struct {
	Buf   []byte
	Items []Item[T]
}

// Bytes returns the bytes of record i.
func (b *Batch[T]) Bytes(i int) []byte {
	start := 0
	if i > 0 {
		start = b.Items[i-1].End
	}
	return b.Buf[start:b.Items[i].End]
}

// Len returns the number of records.
func (b *Batch[T]) Len() int { return len(b.Items) }

// End returns where record i ends in Buf.
func (b *Batch[T]) End(i int) int { return b.Items[i].End }

// Time returns when record i was logged.
func (b *Batch[T]) Time(i int) time.Time { return b.Items[i].Time }

func (b *Batch[T]) reset() {
	var zero Item[T]
	for i := range b.Items {
		b.Items[i] = zero // release attached values to the collector
	}
	b.Items = b.Items[:0]
	if cap(b.Buf) > maxKeptBytes {
		b.Buf = nil
	}
	b.Buf = b.Buf[:0]
}

// maxKeptBytes is the largest batch buffer kept for reuse, so that a burst
// of huge records does not pin their memory afterwards.
const maxKeptBytes = MaxBytes + 1<<20

// ReportEvery spaces the reports of dropped records.
const ReportEvery = time.Second

// DefaultCapacity is the number of records a queue holds when Options
// leaves it zero.
const DefaultCapacity = 8192

// MaxBytes bounds the bytes waiting in a queue, whatever the record count:
// a queue is full when either bound is reached. A single record larger than
// this is still accepted into an empty queue.
const MaxBytes = 4 << 20

// Options configure a Queue.
type Options[T any] struct {
	// Capacity is the number of records that may wait; 0 means
	// DefaultCapacity.
	Capacity int
	// Drop makes Push drop a record when the queue is full, counting it,
	// instead of waiting for room.
	Drop bool
	// Write writes one batch. It runs on the writer goroutine only, so
	// calls never overlap. The batch is reused once Write returns.
	Write func(b *Batch[T])
	// Dropped is called on the writer goroutine with the number of records
	// dropped since the previous call, at most once per ReportEvery, and by
	// Flush and Close for what is left to report.
	Dropped func(n uint64)
	// Now is the clock that spaces Dropped calls; nil means time.Now.
	Now func() time.Time
}

// Queue is a bounded queue with one writer goroutine. All methods are safe
// for concurrent use.
type Queue[T any] struct {
	opts Options[T]

	mu       sync.Mutex
	work     sync.Cond // the writer waits for records, a flush or close
	room     sync.Cond // producers wait for room
	progress sync.Cond // Flush waits for the writer to catch up

	fill    *Batch[T] // where producers append
	spare   *Batch[T] // the batch not being filled, when the writer is idle
	idle    bool      // the writer waits on work
	closed  bool
	pushed  uint64 // records accepted
	written uint64 // records the writer has handed to Write
	dropped uint64 // records dropped because the queue was full
	waiters int    // producers waiting for room

	reported   uint64 // dropped count already passed to Dropped
	lastReport time.Time

	done chan struct{} // closed when the writer goroutine returns
}

// New starts a queue and its writer goroutine. Close stops it.
func New[T any](opts Options[T]) *Queue[T] {
	if opts.Capacity <= 0 {
		opts.Capacity = DefaultCapacity
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	q := &Queue[T]{opts: opts, fill: new(Batch[T]), spare: new(Batch[T]), done: make(chan struct{})}
	q.work.L, q.room.L, q.progress.L = &q.mu, &q.mu, &q.mu
	go q.run()
	return q
}

// full reports whether the filling batch has no room for n more bytes.
// Callers hold q.mu.
func (q *Queue[T]) full(n int) bool {
	items := len(q.fill.Items)
	return items >= q.opts.Capacity || (items > 0 && len(q.fill.Buf)+n > MaxBytes)
}

// Push copies b into the queue with its time and value. When the queue is
// full it waits for room, or drops the record if the queue was made with
// Drop. It returns false when the record was not queued: dropped, or the
// queue is closed. self says that the caller is the writer goroutine (a
// sink logging): it never waits, since it would wait for itself, and drops
// instead when the queue is full.
func (q *Queue[T]) Push(b []byte, t time.Time, v T, self bool) bool {
	q.mu.Lock()
	for !q.closed && q.full(len(b)) {
		if q.opts.Drop || self {
			q.dropped++
			q.mu.Unlock()
			return false
		}
		q.waiters++
		q.room.Wait()
		q.waiters--
	}
	if q.closed {
		q.mu.Unlock()
		return false
	}
	q.put(b, t, v)
	q.mu.Unlock()
	return true
}

// TryPush is Push that never waits and never drops: it returns false,
// with nothing counted, when the queue is full or closed. A caller tries it
// first and calls Push only when it fails, so that what Push needs to know
// (self) is worked out only then.
func (q *Queue[T]) TryPush(b []byte, t time.Time, v T) bool {
	q.mu.Lock()
	if q.closed || q.full(len(b)) {
		q.mu.Unlock()
		return false
	}
	q.put(b, t, v)
	q.mu.Unlock()
	return true
}

// put appends a record and wakes the writer; q.mu is held.
func (q *Queue[T]) put(b []byte, t time.Time, v T) {
	q.fill.Buf = append(q.fill.Buf, b...)
	q.fill.Items = append(q.fill.Items, Item[T]{End: len(q.fill.Buf), Time: t, Val: v})
	q.pushed++
	if q.idle {
		q.idle = false
		q.work.Signal()
	}
}

// Flush returns once every record pushed before the call has been handed to
// Write, and reports the drops not yet reported. Called from the writer
// goroutine it returns at once.
func (q *Queue[T]) Flush(self bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if self {
		return
	}
	target := q.pushed
	for q.written < target {
		if q.idle {
			q.idle = false
			q.work.Signal()
		}
		q.progress.Wait()
	}
	q.reportDrops(true)
}

// Close stops accepting records, waits until the writer has written every
// queued record and exited, and reports the drops not yet reported. It is
// safe to call more than once. Called from the writer goroutine (self), it
// does not wait: the writer drains the queue and exits once it returns.
func (q *Queue[T]) Close(self bool) {
	q.mu.Lock()
	if !q.closed {
		q.closed = true
		q.work.Signal()
		q.room.Broadcast()
	}
	q.mu.Unlock()
	if self {
		return
	}
	<-q.done
	q.mu.Lock()
	q.reportDrops(true)
	q.mu.Unlock()
}

// Dropped returns the number of records dropped so far.
func (q *Queue[T]) Dropped() uint64 {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.dropped
}

// run is the writer goroutine.
func (q *Queue[T]) run() {
	defer close(q.done)
	q.mu.Lock()
	for {
		for len(q.fill.Items) == 0 && !q.closed {
			q.idle = true
			q.work.Wait()
		}
		q.idle = false
		if len(q.fill.Items) == 0 { // closed and drained
			q.mu.Unlock()
			return
		}
		b := q.fill
		q.fill, q.spare = q.spare, nil
		if q.waiters > 0 {
			q.room.Broadcast()
		}
		q.mu.Unlock()

		q.opts.Write(b)
		n := uint64(len(b.Items))
		b.reset()

		q.mu.Lock()
		q.spare = b
		q.written += n
		q.progress.Broadcast()
		q.reportDrops(false)
	}
}

// reportDrops passes the drops not yet reported to Dropped: always when
// final, otherwise at most once per ReportEvery. Callers hold q.mu; the
// callback runs under it, which keeps reports in order.
func (q *Queue[T]) reportDrops(final bool) {
	if q.dropped == q.reported || q.opts.Dropped == nil {
		return
	}
	t := q.opts.Now()
	if !final && !q.lastReport.IsZero() && t.Sub(q.lastReport) < ReportEvery {
		return
	}
	n := q.dropped - q.reported
	q.reported, q.lastReport = q.dropped, t
	q.opts.Dropped(n)
}
