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
	conn          atomic.Pointer[clientConn] // the current connection, for tests

	ctx    context.Context // cancelled by Close: stops the goroutine, aborts a dial
	cancel context.CancelFunc
	wg     sync.WaitGroup
	once   sync.Once
	err    error
}

// ErrClosed is returned by Write after Close.
var ErrClosed = errors.New("netsink: the sink is closed")

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

// String names the sink in the logger's error reports.
func (s *Sink) String() string { return "netsink " + s.network + ":" + s.addr }

// Write queues the record. It reports no error for a dropped record, which
// is counted instead (see Dropped), so that an outage does not print an
// error for every record.
func (s *Sink) Write(m loguru.Message) error {
	var timer *time.Timer
	wait := true
	for {
		res, n, room := s.q.push(m.Record, wait)
		switch res {
		case closedSink:
			return ErrClosed
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
	q := s.q
	q.mu.Lock()
	target := q.queued
	q.mu.Unlock()
	timer := time.NewTimer(s.opts.WriteTimeout)
	defer timer.Stop()
	for {
		q.mu.Lock()
		handled, connected, progress := q.handled, q.connected, q.progress
		q.mu.Unlock()
		switch {
		case handled >= target:
			return nil
		case !connected:
			return fmt.Errorf("netsink: %s is unreachable: %d records wait to be sent", s.addr, target-handled)
		}
		select {
		case <-progress:
		case <-timer.C:
			return fmt.Errorf("netsink: flushing to %s timed out after %v with %d records not sent", s.addr, s.opts.WriteTimeout, target-handled)
		}
	}
}

// Close flushes (see Flush), closes the connection and stops the sink's
// goroutine. Records still queued are dropped and reported. Logger.Remove
// calls it.
func (s *Sink) Close() error {
	s.once.Do(func() {
		connected := s.isConnected()
		if connected {
			s.err = s.Flush()
		}
		s.cancel()
		s.wg.Wait()
		s.report(s.q.close())
	})
	return s.err
}

func (s *Sink) isConnected() bool {
	s.q.mu.Lock()
	defer s.q.mu.Unlock()
	return s.q.connected
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
