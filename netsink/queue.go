package netsink

import (
	"sync"
	"sync/atomic"

	"github.com/loguru-go/loguru"
)

// queue holds the encoded payloads waiting for the sender, back to back in
// one buffer: the sender swaps the whole buffer out at once, so a logging
// call only appends bytes under a short lock.
type queue struct {
	mu         sync.Mutex
	buf        []byte
	lens       []int
	maxRecords int
	maxBytes   int
	maxFrame   int
	ready      chan struct{} // wakes the sender; holds at most one wake-up
	room       chan struct{} // closed when room may have been made; nil until a call waits
	progress   chan struct{} // closed when records were handled; nil until Flush waits
	connected  bool
	closed     bool
	queued     uint64        // records ever queued
	handled    uint64        // records sent or lost after being taken
	drops      dropCounts    // not reported yet
	total      atomic.Uint64 // every record dropped
}

// dropCounts are the drops not reported yet, by cause.
type dropCounts struct {
	unreachable, slow uint64
}

func newQueue(o *Options) *queue {
	return &queue{
		maxRecords: o.BufferRecords, maxBytes: o.BufferBytes, maxFrame: o.MaxFrame,
		ready: make(chan struct{}, 1),
	}
}

// pushResult says what push did with a record.
type pushResult int

const (
	pushed     pushResult = iota
	full                  // no room while connected: the caller may wait
	dropped               // no room while disconnected
	tooLarge              // the record encodes to more than MaxFrame
	closedSink            // the sink is closed
	noRecord              // the message has no record to send
)

// push encodes r at the end of the buffer when there is room. With wait
// false a full buffer drops the record. It returns the encoded size for
// tooLarge, and the channel to wait on for full.
func (q *queue) push(r *loguru.Record, wait bool) (pushResult, int, <-chan struct{}) {
	q.mu.Lock()
	defer q.mu.Unlock()
	switch {
	case q.closed:
		return closedSink, 0, nil
	case r == nil:
		return noRecord, 0, nil
	case len(q.lens) >= q.maxRecords || len(q.buf) >= q.maxBytes:
		if q.connected && wait {
			if q.room == nil {
				q.room = make(chan struct{})
			}
			return full, 0, q.room
		}
		q.drop(1, q.connected)
		return dropped, 0, nil
	}
	start := len(q.buf)
	q.buf = r.AppendJSON(q.buf) // the payload: see Record.AppendJSON
	n := len(q.buf) - start
	if n > q.maxFrame {
		q.buf = q.buf[:start]
		q.total.Add(1)
		return tooLarge, n, nil
	}
	q.lens = append(q.lens, n)
	q.queued++
	select {
	case q.ready <- struct{}{}:
	default:
	}
	return pushed, 0, nil
}

// take swaps out everything queued, handing back the spare buffers.
func (q *queue) take(buf []byte, lens []int) ([]byte, []int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	buf, q.buf = q.buf, buf[:0]
	lens, q.lens = q.lens, lens[:0]
	q.wake()
	return buf, lens
}

// wake releases the logging calls waiting for room. Callers hold mu.
func (q *queue) wake() {
	if q.room != nil {
		close(q.room)
		q.room = nil
	}
}

// drop counts n records dropped, as too slow or as unreachable. Callers
// hold mu.
func (q *queue) drop(n uint64, slow bool) {
	if slow {
		q.drops.slow += n
	} else {
		q.drops.unreachable += n
	}
	q.total.Add(n)
}

// done records n taken records as handled, of which the connection took
// the first sent. The others are dropped: as too slow when Close's
// deadline cut them off, otherwise as lost with the connection.
func (q *queue) done(n, sent int, slow bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.handled += uint64(n)
	q.drop(uint64(n-sent), slow)
	if q.progress != nil {
		close(q.progress)
		q.progress = nil
	}
}

// queuedCount returns how many records were ever queued.
func (q *queue) queuedCount() uint64 {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.queued
}

// flushState returns how many records were handled, whether the sink is
// connected, and the channel closed when more are handled.
func (q *queue) flushState() (handled uint64, connected bool, progress <-chan struct{}) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.progress == nil {
		q.progress = make(chan struct{})
	}
	return q.handled, q.connected, q.progress
}

// setConnected changes the state and wakes the waiting calls, which drop
// their records at once when the connection is gone.
func (q *queue) setConnected(c bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.connected = c
	q.wake()
}

// refuse makes push refuse further records, so that Close sends or drops
// a known set, and wakes the calls waiting for room. It returns whether
// the sink is connected.
func (q *queue) refuse() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.wake()
	return q.connected
}

// close drops the records still queued, as too slow or as unreachable,
// and returns the unreported drops.
func (q *queue) close(slow bool) dropCounts {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.closed = true
	q.drop(uint64(len(q.lens)), slow)
	q.handled += uint64(len(q.lens))
	q.buf, q.lens = nil, nil
	return q.takeDrops()
}

// takeDrops returns and resets the unreported drops. Callers hold mu.
func (q *queue) takeDrops() dropCounts {
	d := q.drops
	q.drops = dropCounts{}
	return d
}

// reportable returns the unreported drops.
func (q *queue) reportable() dropCounts {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.takeDrops()
}
