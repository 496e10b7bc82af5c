package netsink

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/loguru-go/loguru"
)

// Sink sends records to a netsink server; add it to a logger with
// Logger.Add. A logging call encodes the record and queues it; one
// goroutine per Sink writes the queue in batches, reconnecting with
// exponential backoff when the connection is lost. A logging call never
// waits longer than Options.WriteTimeout, and only while the connection is
// up: while the server is unreachable, records are buffered up to the
// bounds of Options, then dropped and counted.
type Sink struct {
	network, addr string
	opts          Options
	q             *queue
	out           *syncWriter
	conn          atomic.Pointer[clientConn] // the current connection, for Close and tests
	closeBy       atomic.Int64               // Close's deadline in Unix nanoseconds, 0 before Close

	ctx    context.Context // cancelled by Close: stops the goroutine, aborts a dial
	cancel context.CancelFunc
	wg     sync.WaitGroup
	once   sync.Once
	err    error
}

// ErrClosed is returned by Write after Close.
var ErrClosed = errors.New("netsink: the sink is closed")

// errNoRecord is returned by Write for a Message made by hand without its
// Record: there is nothing to send.
var errNoRecord = errors.New("netsink: a message without a record")

// Dial connects to the netsink server at addr and returns a Sink for it.
// The first connection is made before Dial returns, so that a wrong
// address, key or certificate shows at once; later failures are retried.
// network is "tcp", "tcp4", "tcp6" or "unix".
func Dial(network, addr string, opts Options) (*Sink, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	s := &Sink{network: network, addr: addr, opts: o, q: newQueue(&o), out: &syncWriter{w: o.ErrorOutput}}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	c, err := s.connect()
	if err != nil {
		s.cancel()
		return nil, err
	}
	s.q.setConnected(true)
	s.conn.Store(c)
	s.wg.Add(1)
	go s.run(c)
	return s, nil
}

// Write queues m's record, as WriteRecord does; a Message without a
// Record, made by hand, is an error.
func (s *Sink) Write(m loguru.Message) error { return s.WriteRecord(m.Record) }

// String names the sink in the logger's error reports.
func (s *Sink) String() string { return "netsink " + s.network + ":" + s.addr }

// WriteRecord queues the record: Sink is a loguru.RecordSink, so the
// handler formats no text for it. It reports no error for a dropped
// record, which is counted instead (see Dropped), so that an outage does
// not print an error for every record; a nil record is an error.
func (s *Sink) WriteRecord(r *loguru.Record) error {
	var timer *time.Timer
	wait := true
	for {
		res, n, room := s.q.push(r, wait)
		switch res {
		case closedSink:
			return ErrClosed
		case noRecord:
			return errNoRecord
		case tooLarge:
			fmt.Fprintf(s.out, "loguru netsink: dropped a record of %d bytes for %s: more than MaxFrame (%d)\n", n, s.addr, s.opts.MaxFrame)
			return nil
		case full:
			if timer == nil {
				timer = time.NewTimer(s.opts.WriteTimeout)
				defer timer.Stop()
			}
			select {
			case <-room:
			case <-timer.C:
				wait = false // still full: drop it
			}
			continue
		}
		return nil // pushed, or dropped and counted
	}
}

// Dropped returns the number of records dropped so far: while the server
// was unreachable or too slow, or for exceeding MaxFrame.
func (s *Sink) Dropped() uint64 { return s.q.total.Load() }

// Flush waits until every record queued before it has been written to the
// connection, for at most Options.WriteTimeout. It fails at once while the
// server is unreachable. Logger.Complete calls it.
func (s *Sink) Flush() error {
	target := s.q.queuedCount()
	timer := time.NewTimer(s.opts.WriteTimeout)
	defer timer.Stop()
	for {
		handled, connected, progress := s.q.flushState()
		switch {
		case handled >= target:
			return nil
		case !connected:
			return fmt.Errorf("netsink: %s is unreachable: %d records wait to be sent", s.addr, target-handled)
		}
		select {
		case <-progress:
		case <-timer.C:
			return fmt.Errorf("netsink: flushing to %s timed out after %v with %d records not sent yet", s.addr, s.opts.WriteTimeout, target-handled)
		}
	}
}

// Close sends the records queued, closes the connection and stops the
// sink's goroutine, all within Options.WriteTimeout: what the server has
// not taken by then, or all of it while the server is unreachable, is
// dropped, counted by Dropped and reported, and Close returns an error
// saying how many. Records logged once Close has begun are refused with
// ErrClosed. Logger.Remove calls it.
func (s *Sink) Close() error {
	s.once.Do(func() {
		by := time.Now().Add(s.opts.WriteTimeout)
		before := s.q.total.Load()
		connected := s.q.refuse()
		s.closeBy.Store(by.UnixNano())
		if c := s.conn.Load(); c != nil {
			c.w.setDeadline() // cuts short a write in progress
		}
		s.cancel()
		s.wg.Wait()
		s.report(s.q.close(connected))
		if n := s.q.total.Load() - before; n > 0 {
			s.err = s.closeError(n, connected)
		}
	})
	return s.err
}

// closeError says how many records Close dropped, and why.
func (s *Sink) closeError(n uint64, connected bool) error {
	if connected {
		return fmt.Errorf("netsink: closing: %d records not sent to %s within WriteTimeout (%v)", n, s.addr, s.opts.WriteTimeout)
	}
	return fmt.Errorf("netsink: closing: %d records not sent: %s is unreachable", n, s.addr)
}

// report prints the drops not reported yet.
func (s *Sink) report(d dropCounts) {
	if d.unreachable > 0 {
		fmt.Fprintf(s.out, "loguru netsink: dropped %d records while %s was unreachable\n", d.unreachable, s.addr)
	}
	if d.slow > 0 {
		fmt.Fprintf(s.out, "loguru netsink: dropped %d records: %s did not keep up within WriteTimeout (%v)\n", d.slow, s.addr, s.opts.WriteTimeout)
	}
}
