// Package netwriter is the network writer under the syslog and netsink
// sinks: a bounded queue of encoded messages and one goroutine that
// connects, writes them in batches, reconnects with backoff, and reports
// what an outage cost. The sinks bring the encoding and the connection
// (Conn); the rest, and its behaviour, is the same for both.
//
// A logging call only queues its message (Push): it never waits for the
// network, except, when the sink asks for it (Config.Block), for room in a
// full buffer while connected. When the buffer is full the oldest message
// is dropped, or with Block the new one after WriteTimeout. A write that
// fails keeps the messages the connection did not take, which go out again
// on the next connection. Flush and Close ask for a connection attempt at
// once instead of waiting out the backoff; Close makes at most one and
// gives up after FlushTimeout.
package netwriter

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// Conn is one connection made by Config.Dial. The writer's goroutine
// calls Write, Heartbeat and Close; Abort may be called from any
// goroutine while Write runs.
type Conn interface {
	// Write writes the batch and returns how many of its messages are
	// done with: taken whole by the connection, or refused for good (see
	// Writer.Reject). The others are written again on the next
	// connection.
	Write(batch []*Buf) (int, error)
	// Heartbeat tells the server the connection is alive; it is called
	// after Config.Heartbeat without a write.
	Heartbeat() error
	// Lost is closed when the connection is known to be lost without a
	// write: the server closed it. nil for a transport that cannot tell.
	Lost() <-chan struct{}
	// Why describes the loss, once Lost is closed.
	Why() string
	// Abort breaks a write in progress, for Close.
	Abort()
	// Close closes the connection and waits for its goroutines.
	Close()
}

// Config describes a Writer. Zero durations and sizes must have been
// replaced by the sink's defaults.
type Config struct {
	Name string // the sink's name in reports and errors: "syslog", "netsink"
	Addr string // the server, as reports name it
	Noun string // what a message is called: "messages", "records"

	// Dial makes a connection; ctx is cancelled by Close.
	Dial func(ctx context.Context) (Conn, error)

	BufferRecords int // messages queued at most
	BufferBytes   int // bytes queued at most; 0 means no limit
	MaxSize       int // bytes a message may have; 0 means no limit
	// Block makes a logging call wait, while connected, up to
	// WriteTimeout for room in a full buffer, then drop its message;
	// without Block the oldest queued message is dropped at once.
	Block        bool
	MaxBatch     int // messages per Write; 0 means all that are queued
	WriteTimeout time.Duration
	FlushTimeout time.Duration

	MinBackoff, MaxBackoff time.Duration
	// Heartbeat is how long the connection may stay idle before
	// Conn.Heartbeat; 0 means never.
	Heartbeat time.Duration

	ErrorOutput io.Writer
	// After paces reconnection: nil means time.After.
	After func(time.Duration) <-chan time.Time
	// Jitter turns a backoff into the wait; nil means a random wait
	// between half of it and all of it, so that clients cut off together
	// do not return together.
	Jitter func(time.Duration) time.Duration
}

// Writer is the queue and its goroutine.
type Writer struct {
	cfg    Config
	ctx    context.Context
	cancel context.CancelFunc // aborts a dial or a backoff for Close
	wake   chan struct{}      // messages were queued
	kick   chan struct{}      // Flush or Close wants an attempt now
	done   chan struct{}      // closed when the goroutine has stopped
	errMu  sync.Mutex         // serializes reports
	dials  atomic.Uint64      // connections made

	dropped atomic.Uint64 // every message dropped

	mu          sync.Mutex
	q           ring
	enq         uint64 // messages accepted; the next one's sequence number
	inflight    []*Buf // taken by the goroutine and not written yet
	inflightSeq uint64 // sequence number of inflight[0]
	drops       drops  // not reported yet
	failures    uint64 // failed attempts, which end a Flush
	lastErr     error
	changed     chan struct{} // closed and replaced at each step of the goroutine
	room        chan struct{} // closed when a blocked Push may go on; nil until one waits
	conn        Conn          // the current connection, for Abort
	connected   bool
	closing     bool
	aborted     bool
	closeErr    error
	stopped     bool   // the goroutine has dropped what was left
	lostFrom    uint64 // sequence number of the first message it dropped
	free        []*Buf // written buffers, for the next messages
	freeBytes   int    // their capacity

	// Owned by the goroutine.
	link      Conn
	fails     int  // consecutive failures, which set the backoff
	outage    bool // the server has been unreachable since the last report
	lost      bool // a connection was lost since the last write
	dialErr   bool // the last failure was a dial's
	heartbeat *time.Timer
}

// drops counts dropped messages by cause.
type drops struct {
	unreachable uint64 // the server was unreachable
	full        uint64 // the buffer was full while connected
}

// ErrClosed is what Push returns after Close; sinks wrap it.
var ErrClosed = errors.New("closed")

// New returns a writer for cfg; Start starts it.
func New(cfg Config) *Writer {
	if cfg.After == nil {
		cfg.After = time.After
	}
	if cfg.Jitter == nil {
		cfg.Jitter = jitter
	}
	w := &Writer{
		cfg: cfg, wake: make(chan struct{}, 1), kick: make(chan struct{}, 1), done: make(chan struct{}),
		q: newRing(cfg.BufferRecords), changed: make(chan struct{}),
	}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	return w
}

// Start starts the writer's goroutine. first is a connection made
// already, or nil to connect in the background.
func (w *Writer) Start(first Conn) {
	if w.cfg.Heartbeat > 0 {
		w.heartbeat = time.NewTimer(w.cfg.Heartbeat)
	}
	if first != nil {
		w.setLink(first)
	}
	go w.run()
}

// Cancel releases a writer that is not started.
func (w *Writer) Cancel() { w.cancel() }

// Context is cancelled by Close; a sink's first Dial uses it too.
func (w *Writer) Context() context.Context { return w.ctx }

func jitter(d time.Duration) time.Duration { return d/2 + rand.N(d/2+1) }

// ErrTooLarge is what Push returns for a message longer than
// Config.MaxSize; it is not queued.
var ErrTooLarge = errors.New("message too large")

// Push queues a message that encode writes into an empty buffer, and
// returns its size. It returns ErrClosed after Close, and ErrTooLarge for
// a message over Config.MaxSize. A dropped message is counted, not an
// error; a message dropped before it is written is not encoded. encode
// runs under the writer's lock: it must not log.
func (w *Writer) Push(encode func(*Buf)) (int, error) {
	if w.cfg.Block {
		return w.pushWaiting(encode)
	}
	w.mu.Lock()
	if w.closing {
		w.mu.Unlock()
		return 0, ErrClosed
	}
	m, n, err := w.encode(encode)
	if err != nil {
		w.mu.Unlock()
		return n, err
	}
	// Room is made once the message is known to go: an oversized one
	// does not cost the oldest its place.
	for w.full() && w.q.n > 0 {
		w.drop(w.q.pop())
	}
	w.enqueue(m)
	return n, nil
}

// pushWaiting is Push with Block: while connected, it waits up to
// WriteTimeout for room, then drops the message without encoding it.
func (w *Writer) pushWaiting(encode func(*Buf)) (int, error) {
	var timer *time.Timer
	expired := false
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	w.mu.Lock()
	for {
		if w.closing {
			w.mu.Unlock()
			return 0, ErrClosed
		}
		if !w.full() {
			break
		}
		if !w.connected || expired {
			w.count(1)
			w.mu.Unlock()
			return 0, nil
		}
		if timer == nil {
			timer = time.NewTimer(w.cfg.WriteTimeout)
		}
		if w.room == nil {
			w.room = make(chan struct{})
		}
		room := w.room
		w.mu.Unlock()
		select {
		case <-room:
		case <-timer.C:
			expired = true
		}
		w.mu.Lock()
	}
	m, n, err := w.encode(encode)
	if err != nil {
		w.mu.Unlock()
		return n, err
	}
	w.enqueue(m)
	return n, nil
}

// encode writes a message into a buffer of the writer's, refusing one
// over MaxSize. Callers hold mu.
func (w *Writer) encode(encode func(*Buf)) (*Buf, int, error) {
	m := w.getBuf()
	encode(m)
	n := len(m.Bytes())
	if w.cfg.MaxSize > 0 && n > w.cfg.MaxSize {
		w.putBuf(m)
		w.dropped.Add(1)
		return nil, n, ErrTooLarge
	}
	return m, n, nil
}

// enqueue queues m and releases mu, then wakes the goroutine.
func (w *Writer) enqueue(m *Buf) {
	w.q.push(m)
	w.enq++
	w.mu.Unlock()
	signal(w.wake)
}

// full reports whether the queue has no room. Callers hold mu.
func (w *Writer) full() bool {
	return w.q.n == len(w.q.items) || (w.cfg.BufferBytes > 0 && w.q.bytes >= w.cfg.BufferBytes)
}

// drop drops a queued message. Callers hold mu.
func (w *Writer) drop(m *Buf) {
	w.putBuf(m)
	w.count(1)
}

// count counts n dropped messages, as lost to a full buffer or to the
// server's absence. Callers hold mu.
func (w *Writer) count(n uint64) {
	if w.connected {
		w.drops.full += n
	} else {
		w.drops.unreachable += n
	}
	w.dropped.Add(n)
}

// Reject counts one message dropped for good, a message no server can
// take, and reports why at once. A message Push refused with ErrTooLarge
// is counted already: Report says why.
func (w *Writer) Reject(format string, args ...any) {
	w.dropped.Add(1)
	w.report(format, args...)
}

// Report writes one line on ErrorOutput.
func (w *Writer) Report(format string, args ...any) { w.report(format, args...) }

// Dropped returns how many messages were dropped.
func (w *Writer) Dropped() uint64 { return w.dropped.Load() }

// Connected reports whether the writer has a connection.
func (w *Writer) Connected() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.connected
}

// Closed reports whether Close was called.
func (w *Writer) Closed() bool { return w.isClosing() }

// Dials returns how many connections were made.
func (w *Writer) Dials() uint64 { return w.dials.Load() }

// Flush asks for a connection attempt at once if the writer waits to
// reconnect, and waits until the messages queued before the call are
// written. It fails when an attempt fails meanwhile or FlushTimeout
// passes first.
func (w *Writer) Flush() error {
	timer := time.NewTimer(w.cfg.FlushTimeout)
	defer timer.Stop()
	w.mu.Lock()
	target, failures := w.enq, w.failures
	w.mu.Unlock()
	signal(w.kick)
	for {
		w.mu.Lock()
		pending := w.pendingBefore(target)
		failed, err, changed := w.failures != failures, w.lastErr, w.changed
		var lost uint64
		if w.stopped && target > w.lostFrom {
			lost = target - w.lostFrom // queued before the Flush, dropped when the writer stopped
		}
		w.mu.Unlock()
		switch {
		case lost > 0:
			return fmt.Errorf("%s: %d %s not written to %s: the sink is closed", w.cfg.Name, lost, w.cfg.Noun, w.cfg.Addr)
		case pending == 0:
			return nil
		case failed:
			return fmt.Errorf("%s: %d %s not written to %s: %w", w.cfg.Name, pending, w.cfg.Noun, w.cfg.Addr, err)
		}
		select {
		case <-changed:
		case <-w.done:
			// The loop reads the outcome the goroutine left.
		case <-timer.C:
			return fmt.Errorf("%s: %d %s not written to %s within FlushTimeout (%v)", w.cfg.Name, pending, w.cfg.Noun, w.cfg.Addr, w.cfg.FlushTimeout)
		}
	}
}

// pendingBefore counts the messages older than sequence number seq that
// still wait. Callers hold mu.
func (w *Writer) pendingBefore(seq uint64) int {
	n := 0
	if len(w.inflight) > 0 && w.inflightSeq < seq {
		n = int(min(uint64(len(w.inflight)), seq-w.inflightSeq))
	}
	if head := w.enq - uint64(w.q.n); head < seq {
		n += int(seq - head)
	}
	return n
}

// Close delivers what is queued, waiting at most FlushTimeout and making
// at most one more connection attempt, then stops the goroutine and
// closes the connection. Messages it could not deliver are dropped,
// counted and reported, and Close returns an error saying how many; a
// second Close waits for the first and returns nil. Pushes from then on
// return ErrClosed.
func (w *Writer) Close() error {
	w.mu.Lock()
	first := !w.closing
	w.closing = true
	w.wakeRoom()
	w.mu.Unlock()
	if !first {
		<-w.done
		return nil // the first Close reported it
	}
	signal(w.kick)
	timer := time.NewTimer(w.cfg.FlushTimeout)
	defer timer.Stop()
	select {
	case <-w.done:
	case <-timer.C:
		w.abort()
		<-w.done
	}
	w.cancel()
	return w.closeError()
}

func (w *Writer) closeError() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.closeErr
}

// abort breaks the goroutine's dial, backoff or write.
func (w *Writer) abort() {
	w.cancel()
	w.mu.Lock()
	defer w.mu.Unlock()
	w.aborted = true
	if w.conn != nil {
		w.conn.Abort()
	}
}

// wakeRoom releases the Pushes waiting for room. Callers hold mu.
func (w *Writer) wakeRoom() {
	if w.room != nil {
		close(w.room)
		w.room = nil
	}
}

// report writes one line on ErrorOutput; a failing ErrorOutput has nowhere
// left to report to.
func (w *Writer) report(format string, args ...any) {
	w.errMu.Lock()
	defer w.errMu.Unlock()
	_, _ = fmt.Fprintf(w.cfg.ErrorOutput, "loguru "+w.cfg.Name+": "+format+"\n", args...)
}

// signal wakes the goroutine waiting on c, if any, without blocking.
func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}
