package syslog

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"syscall"
	"time"
)

// errLost reports a connection that the server closed.
var errLost = errors.New("connection closed by the server")

// link is one connection to the server.
type link struct {
	c    net.Conn
	lost chan struct{} // closed when the server closes a stream; nil for datagrams
}

// watch reads the stream until it ends. Syslog servers send nothing, so
// the end means the server closed the connection: noticing it now, rather
// than at the next write, keeps that write from vanishing into a dead
// socket.
func (l *link) watch() {
	defer close(l.lost)
	var b [256]byte
	for {
		if _, err := l.c.Read(b[:]); err != nil {
			return
		}
	}
}

func (l *link) close() {
	_ = l.c.Close()
	if l.lost != nil {
		<-l.lost
	}
}

// dial connects, with TLS when configured.
func (s *Sink) dial() (*link, error) {
	ctx, cancel := context.WithTimeout(s.ctx, s.opts.DialTimeout)
	defer cancel()
	raw, err := s.opts.Dial(ctx, s.network, s.addr)
	if err != nil {
		return nil, err
	}
	c := raw
	if s.opts.TLS != nil {
		tc := tls.Client(raw, s.opts.TLS)
		if err := tc.HandshakeContext(ctx); err != nil {
			_ = raw.Close()
			return nil, err
		}
		c = tc
	}
	s.mu.Lock()
	if err := s.ctx.Err(); err != nil {
		// Close gave up while this connection was being made.
		s.mu.Unlock()
		_ = raw.Close()
		return nil, err
	}
	s.raw = raw
	s.mu.Unlock()
	l := &link{c: c}
	if s.enc.frame {
		l.lost = make(chan struct{})
		go l.watch()
	}
	return l, nil
}

// run is the writer goroutine.
func (s *Sink) run() {
	defer close(s.done)
	for s.step() {
	}
	s.shutdown()
}

// step connects or writes one batch; it returns false once the sink is
// closing and has either delivered everything or failed.
func (s *Sink) step() bool {
	if s.link == nil {
		return s.connect()
	}
	batch, more := s.next()
	if !more {
		return false
	}
	if batch == nil {
		s.fail(errLost)
		return !s.isClosing()
	}
	if err := s.send(batch); err != nil {
		s.fail(err)
		return !s.isClosing()
	}
	s.sent()
	return true
}

// connect dials after the backoff that the failures so far call for.
// Once the sink is closing there is no backoff and a single attempt.
func (s *Sink) connect() bool {
	if s.fails > 0 && !s.isClosing() {
		s.backoff()
	}
	if s.isClosing() && s.idle() {
		return false // nothing left that a connection would be for
	}
	l, err := s.dial()
	if err != nil {
		s.fail(err)
		return !s.isClosing()
	}
	s.link = l
	return true
}

// backoff waits MinBackoff, doubled for each further consecutive failure
// up to MaxBackoff, or less if Flush or Close asks for an attempt.
func (s *Sink) backoff() {
	d := s.opts.MinBackoff
	for i := 1; i < s.fails && d < s.opts.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, s.opts.MaxBackoff)
	select {
	case <-s.opts.After(d):
	case <-s.kick:
	case <-s.ctx.Done():
	}
}

// next waits for messages and takes a batch of them; the batch of a
// failed write is taken again. It returns a nil batch when the server
// closed the connection first, and false when the sink is closing and
// nothing is left.
func (s *Sink) next() ([]*buf, bool) {
	for {
		s.mu.Lock()
		if len(s.inflight) == 0 && s.q.n > 0 {
			s.inflightSeq = s.enq - uint64(s.q.n)
			for s.q.n > 0 && len(s.inflight) < maxBatch {
				s.inflight = append(s.inflight, s.q.pop())
			}
		}
		batch, closing := s.inflight, s.closing
		s.mu.Unlock()
		if len(batch) > 0 {
			return batch, true
		}
		if closing {
			return nil, false
		}
		select {
		case <-s.wake:
		case <-s.kick:
		case <-s.link.lost:
			return nil, true
		}
	}
}

// send writes a batch: a stream in one go, datagrams one by one.
func (s *Sink) send(batch []*buf) error {
	l := s.link
	select {
	case <-l.lost:
		return errLost
	default:
	}
	if err := l.c.SetWriteDeadline(time.Now().Add(s.opts.WriteTimeout)); err != nil {
		return err
	}
	if s.enc.frame {
		s.vec = s.vec[:0]
		for _, b := range batch {
			s.vec = append(s.vec, b.bytes())
		}
		v := s.vec // WriteTo consumes its receiver
		_, err := v.WriteTo(l.c)
		return err
	}
	for i, b := range batch {
		_, err := l.c.Write(b.bytes())
		if errors.Is(err, syscall.EMSGSIZE) {
			// Too big for this transport: retrying cannot help.
			s.dropped.Add(1)
			s.mu.Lock()
			s.overflow++
			s.mu.Unlock()
		} else if err != nil {
			s.settle(i)
			return err
		}
	}
	return nil
}

// settle removes the first n messages of the batch, which were written.
func (s *Sink) settle(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range s.inflight[:n] {
		putBuf(b)
	}
	rest := copy(s.inflight, s.inflight[n:])
	clear(s.inflight[rest:])
	s.inflight = s.inflight[:rest]
	s.inflightSeq += uint64(n)
	s.notify()
}

// sent records a written batch and reports what the outage or a full
// buffer cost.
func (s *Sink) sent() {
	s.settle(len(s.inflight))
	s.fails = 0
	s.mu.Lock()
	n, idle := s.overflow, s.q.n == 0
	if s.outage || idle {
		s.overflow = 0
	}
	s.mu.Unlock()
	switch {
	case n > 0 && (s.outage || idle):
		s.reportDrops(n, s.outage)
	case s.outage:
		s.report("reconnected to %s", s.addr)
	}
	s.outage = false
}

// fail drops the connection after err and counts the failure. The first
// failure of an outage is reported; a connection the server closed is
// not an outage until reconnecting fails.
func (s *Sink) fail(err error) {
	s.closeLink()
	s.fails++
	s.mu.Lock()
	s.raw = nil
	s.failures++
	s.lastErr = err
	s.notify()
	s.mu.Unlock()
	if !s.outage && err != errLost {
		s.outage = true
		s.report("%s unreachable: %v; keeping up to %d messages and retrying", s.addr, err, s.opts.BufferRecords)
	}
}

// shutdown closes the connection and drops what could not be delivered.
func (s *Sink) shutdown() {
	s.closeLink()
	s.mu.Lock()
	lost := uint64(len(s.inflight) + s.q.n)
	for _, b := range s.inflight {
		putBuf(b)
	}
	for s.q.n > 0 {
		putBuf(s.q.pop())
	}
	s.inflight = nil
	overflow := s.overflow
	s.overflow = 0
	s.raw = nil
	s.notify()
	s.mu.Unlock()
	s.dropped.Add(lost)
	s.lostAtClose.Store(lost)
	if n := overflow + lost; n > 0 {
		s.reportDrops(n, s.outage || lost > 0)
	}
}

// reportDrops reports n dropped messages, blaming the server's absence or,
// when the server was there, the full buffer.
func (s *Sink) reportDrops(n uint64, unreachable bool) {
	if unreachable {
		s.report("dropped %d messages while %s was unreachable", n, s.addr)
		return
	}
	s.report("dropped %d messages: the buffer of %d messages was full", n, s.opts.BufferRecords)
}

// closeLink closes the writer's connection, if any.
func (s *Sink) closeLink() {
	if s.link != nil {
		s.link.close()
		s.link = nil
	}
}

// notify wakes those waiting for the writer. Callers hold s.mu.
func (s *Sink) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Sink) isClosing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing
}

// idle reports whether nothing waits to be written.
func (s *Sink) idle() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.inflight) == 0 && s.q.n == 0
}
