package loguru

import (
	"fmt"
	"sync/atomic"

	"github.com/loguru-go/loguru/internal/queue"
)

// QueuePolicy says what a logging call does when the queue of an Enqueue
// handler is full.
type QueuePolicy int8

// The queue policies.
const (
	// QueueBlock makes the logging call wait for room: nothing is lost.
	QueueBlock QueuePolicy = iota
	// QueueDrop drops the record and counts it; the count is reported on
	// stderr, at most once a second and when the handler is completed or
	// removed.
	QueueDrop
)

// String returns "block" or "drop".
func (p QueuePolicy) String() string {
	if p == QueueDrop {
		return "drop"
	}
	return "block"
}

// batch is a run of formatted records waiting for an Enqueue handler's
// sink. Records reach sinks that run user code as copies: the logging call's
// record is reused as soon as the call returns.
type batch = queue.Batch[*Record]

// asyncWriter is the part of an Enqueue handler that the writer goroutine
// owns.
type asyncWriter struct {
	q *queue.Queue[*Record]
	// inSink is set while the writer runs a sink with user code, and gid is
	// the writer goroutine's id: a sink that logs to its own handler, or
	// calls Complete or Remove on it, must not wait for itself.
	inSink atomic.Bool
	gid    atomic.Int64
}

// startQueue gives h its queue and writer goroutine. It runs when h is
// published, so that a handler that fails to build leaves no goroutine.
func (h *handler) startQueue(size int, policy QueuePolicy) {
	h.async = &asyncWriter{}
	h.async.q = queue.New(queue.Options[*Record]{
		Capacity: size,
		Drop:     policy == QueueDrop,
		Write:    h.writeBatch,
		Dropped:  h.reportDropped,
		Now:      h.core.now,
	})
}

// enqueue copies the formatted record onto the queue.
func (h *handler) enqueue(b []byte, r *Record) {
	var rec *Record
	if h.sink.userCode() {
		rec = r.Clone()
	}
	if h.async.q.TryPush(b, r.Time, rec) {
		return
	}
	// Full (or closed): a sink logging from the writer goroutine must not
	// wait for itself. Only now is the goroutine id needed.
	h.async.q.Push(b, r.Time, rec, h.sink.userCode() && h.async.onWriter())
}

// onWriter reports whether the calling goroutine is the writer, inside a
// sink. The goroutine id is read only while the writer is in user code:
// the check is for sinks that log, not for every record.
func (a *asyncWriter) onWriter() bool {
	return a.inSink.Load() && a.gid.Load() == goroutineID()
}

// writeBatch runs on the writer goroutine: it hands a batch to the sink, in
// one write when the sink takes batches.
func (h *handler) writeBatch(b *batch) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if bs, ok := h.sink.(batchSink); ok && !h.sink.userCode() {
		if err := guard(func() error { return bs.writeBatch(b) }); err != nil {
			h.failed(nil, uint64(len(b.Items)), err)
		} else {
			h.succeeded()
		}
		return
	}
	a := h.async
	if a.gid.Load() == 0 {
		a.gid.Store(goroutineID())
	}
	a.inSink.Store(true)
	defer a.inSink.Store(false)
	for i := range b.Items {
		h.writeQueued(b.Bytes(i), b.Items[i].Val)
	}
}

// writeQueued writes one queued record. Failures are reported, never
// raised: there is no logging call left to raise them in, so Catch Off
// behaves as On for Enqueue handlers.
func (h *handler) writeQueued(text []byte, r *Record) {
	if err := guard(func() error { return h.sink.write(text, r) }); err != nil {
		h.failed(r, 1, err)
	} else {
		h.succeeded()
	}
}

// guard runs fn, turning a panic into an error.
func guard(fn func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = panicError{v}
		}
	}()
	return fn()
}

// queueFullError is reported when records were dropped.
type queueFullError struct {
	dropped uint64
}

func (e queueFullError) Error() string {
	return fmt.Sprintf("%d records dropped: the queue was full", e.dropped)
}

func (h *handler) reportDropped(n uint64) { h.core.report(h.id, nil, queueFullError{n}) }

// batchSink is a sink that writes a run of records at once.
type batchSink interface {
	writeBatch(b *batch) error
}

// writeBatch writes the whole batch with one Write call.
func (s *writerSink) writeBatch(b *batch) error {
	return s.write(b.Buf, nil)
}

// writeBatch writes the batch with as few writes as the rotation rules
// allow.
func (s *fileSink) writeBatch(b *batch) error { return s.f.WriteBatch(b.Buf, b) }
