package syslog

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/loguru-go/loguru"
)

// ErrClosed is returned by Write after Close.
var ErrClosed = errors.New("syslog: sink closed")

// maxBatch is how many messages the writer takes per write.
const maxBatch = 64

// Sink is a loguru.Sink that sends records to a syslog server as RFC 5424
// messages. Write only encodes the record and queues it: one goroutine per
// Sink connects, writes and reconnects, so a logging call never waits for
// the network. Close it (logger.Remove does) to stop that goroutine.
type Sink struct {
	network, addr string
	opts          Options
	enc           *encoder

	wake   chan struct{} // new messages are queued
	kick   chan struct{} // Flush or Close wants an attempt now
	ctx    context.Context
	cancel context.CancelFunc // aborts a dial or a backoff for Close
	done   chan struct{}      // closed when the writer has stopped
	errMu  sync.Mutex         // serializes reports on ErrorOutput

	dropped     atomic.Uint64
	lostAtClose atomic.Uint64 // messages the writer dropped when it stopped

	mu          sync.Mutex
	q           ring
	enq         uint64 // messages accepted; the next one's sequence number
	inflight    []*buf // taken by the writer and not written yet
	inflightSeq uint64 // sequence number of inflight[0]
	overflow    uint64 // dropped messages not reported yet
	failures    uint64 // failed attempts, which end a Flush
	lastErr     error
	changed     chan struct{} // closed and replaced at each step of the writer
	raw         net.Conn      // the current connection, for Close to break a stuck write
	closing     bool

	// Owned by the writer goroutine.
	link   *link
	fails  int  // consecutive failures, which set the backoff
	outage bool // the server has been unreachable since the last report
	vec    net.Buffers
}

// New returns a Sink sending to addr over network: "tcp" (or "tcp4",
// "tcp6"), "udp" (or "udp4", "udp6"), "unix" (a stream socket) or
// "unixgram". It fails only on invalid options: the connection is made in
// the background and remade whenever it breaks, so a server that is down
// at start-up only delays delivery. Use Dial to fail when the server
// cannot be reached.
func New(network, addr string, opts Options) (*Sink, error) {
	s, err := newSink(network, addr, opts)
	if err != nil {
		return nil, err
	}
	go s.run()
	return s, nil
}

// Dial is New, but connects first and returns the error of that attempt.
func Dial(network, addr string, opts Options) (*Sink, error) {
	s, err := newSink(network, addr, opts)
	if err != nil {
		return nil, err
	}
	l, err := s.dial()
	if err != nil {
		s.cancel()
		return nil, fmt.Errorf("syslog: %w", err)
	}
	s.link = l
	go s.run()
	return s, nil
}

func newSink(network, addr string, opts Options) (*Sink, error) {
	o, t, err := withDefaults(network, addr, opts)
	if err != nil {
		return nil, err
	}
	enc, err := newEncoder(o, t)
	if err != nil {
		return nil, err
	}
	s := &Sink{
		network: network, addr: addr, opts: o, enc: enc,
		wake: make(chan struct{}, 1), kick: make(chan struct{}, 1), done: make(chan struct{}),
		q: newRing(o.BufferRecords), changed: make(chan struct{}),
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	return s, nil
}

// String names the sink in loguru's error reports.
func (s *Sink) String() string { return "syslog " + s.network + " " + s.addr }

// Write encodes m and queues it for the writer. It never waits for the
// network; when the buffer is full, the oldest queued message is dropped.
func (s *Sink) Write(m loguru.Message) error {
	b := s.enc.encode(m)
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		putBuf(b)
		return ErrClosed
	}
	if old := s.q.push(b); old != nil {
		putBuf(old)
		s.overflow++
		s.dropped.Add(1)
	}
	s.enq++
	s.mu.Unlock()
	signal(s.wake)
	return nil
}

// Dropped returns how many messages were dropped since the Sink was
// made: because the buffer was full, or because Close could not deliver
// them.
func (s *Sink) Dropped() uint64 { return s.dropped.Load() }

// Flush asks for an immediate connection attempt if the writer is waiting
// to reconnect, and waits until the messages queued before the call are
// written. It returns an error if an attempt fails meanwhile or if
// FlushTimeout passes first.
func (s *Sink) Flush() error {
	timer := time.NewTimer(s.opts.FlushTimeout)
	defer timer.Stop()
	s.mu.Lock()
	target, failures := s.enq, s.failures
	s.mu.Unlock()
	signal(s.kick)
	for {
		s.mu.Lock()
		pending := s.pendingBefore(target)
		failed, err, changed := s.failures != failures, s.lastErr, s.changed
		s.mu.Unlock()
		switch {
		case pending == 0:
			return nil
		case failed:
			return fmt.Errorf("syslog: %d messages not written to %s: %w", pending, s.addr, err)
		}
		select {
		case <-changed:
		case <-s.done:
			if n := s.lostAtClose.Load(); n > 0 {
				return fmt.Errorf("syslog: %d messages not written to %s: %w", n, s.addr, ErrClosed)
			}
			return nil
		case <-timer.C:
			return fmt.Errorf("syslog: %d messages not written to %s within %v", pending, s.addr, s.opts.FlushTimeout)
		}
	}
}

// pendingBefore counts the messages older than sequence number seq that
// are still waiting. Callers hold s.mu.
func (s *Sink) pendingBefore(seq uint64) int {
	n := 0
	if len(s.inflight) > 0 && s.inflightSeq < seq {
		n = int(min(uint64(len(s.inflight)), seq-s.inflightSeq))
	}
	if head := s.enq - uint64(s.q.n); head < seq {
		n += int(seq - head)
	}
	return n
}

// Close delivers what is queued, waiting at most FlushTimeout and making
// at most one more connection attempt, then stops the writer and closes
// the connection. Messages it could not deliver are dropped, counted and
// reported; Close then returns an error saying how many.
func (s *Sink) Close() error {
	s.mu.Lock()
	first := !s.closing
	s.closing = true
	s.mu.Unlock()
	if !first {
		<-s.done
		return nil
	}
	signal(s.kick)
	timer := time.NewTimer(s.opts.FlushTimeout)
	defer timer.Stop()
	select {
	case <-s.done:
	case <-timer.C:
		s.abort()
		<-s.done
	}
	s.cancel()
	if n := s.lostAtClose.Load(); n > 0 {
		return fmt.Errorf("syslog: %d messages not delivered to %s", n, s.addr)
	}
	return nil
}

// abort breaks the writer's dial, backoff or write.
func (s *Sink) abort() {
	s.cancel()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.raw != nil {
		_ = s.raw.Close()
	}
}

// report writes one line on ErrorOutput; a failing ErrorOutput has nowhere
// left to report to.
func (s *Sink) report(format string, args ...any) {
	s.errMu.Lock()
	defer s.errMu.Unlock()
	_, _ = fmt.Fprintf(s.opts.ErrorOutput, "loguru syslog: "+format+"\n", args...)
}

// signal wakes the goroutine waiting on c, if any, without blocking.
func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}
