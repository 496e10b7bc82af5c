package netsink

import (
	"fmt"
	"time"
)

// run is the sink's goroutine: it writes the queue to the connection and
// reconnects when the connection is lost, until Close.
func (s *Sink) run(c *clientConn) {
	defer s.wg.Done()
	for c != nil {
		s.conn.Store(c)
		lost := s.pump(c)
		s.q.setConnected(false)
		s.conn.Store(nil)
		c.close(s.closeDeadline())
		if !lost {
			return
		}
		c = s.reconnect()
	}
}

// pump writes batches until the connection is lost (true) or the sink is
// closed (false). Between batches it sends heartbeats.
func (s *Sink) pump(c *clientConn) bool {
	heartbeat := time.NewTimer(s.opts.Heartbeat)
	defer heartbeat.Stop()
	var buf []byte
	var lens []int
	for {
		select {
		case <-s.q.ready:
		case <-heartbeat.C:
			if err := c.write(nil); err != nil {
				return s.failed(err)
			}
			heartbeat.Reset(s.opts.Heartbeat)
			continue
		case <-c.dead:
			s.lost(c.why())
			return true
		case <-s.ctx.Done():
			// Close refuses new records: send what was queued before.
			buf, lens = s.q.take(buf, lens)
			s.write(c, buf, lens)
			return false
		}
		buf, lens = s.q.take(buf, lens)
		if err := s.write(c, buf, lens); err != nil {
			return s.failed(err)
		}
		s.report(s.q.reportable())
		heartbeat.Reset(s.opts.Heartbeat)
	}
}

// write writes a batch and accounts for it, frame by frame: those the
// connection took count as sent, the others as dropped.
func (s *Sink) write(c *clientConn, buf []byte, lens []int) error {
	if len(lens) == 0 {
		return nil
	}
	sent, err := c.writeBatch(buf, lens)
	s.q.done(len(lens), sent, err != nil && s.ctx.Err() != nil)
	return err
}

// failed handles a failed write: the connection is lost, unless the sink
// is closing.
func (s *Sink) failed(err error) bool {
	if s.ctx.Err() != nil {
		return false
	}
	s.lost(err.Error())
	return true
}

func (s *Sink) lost(why string) {
	fmt.Fprintf(s.out, "loguru netsink: lost the connection to %s: %s; reconnecting\n", s.addr, why)
}

// closeDeadline bounds the closing of a connection: by Close's deadline
// once the sink is closing, by WriteTimeout otherwise.
func (s *Sink) closeDeadline() time.Time {
	if by := s.closeBy.Load(); by != 0 {
		return time.Unix(0, by)
	}
	return time.Now().Add(s.opts.WriteTimeout)
}

// reconnect tries again and again, with backoff, until it connects (the
// connection) or the sink is closed (nil).
func (s *Sink) reconnect() *clientConn {
	for n := 0; ; n++ {
		t := time.NewTimer(s.backoff(n))
		select {
		case <-t.C:
		case <-s.ctx.Done():
			t.Stop()
			return nil
		}
		c, err := s.connect()
		if err == nil {
			s.q.setConnected(true)
			fmt.Fprintf(s.out, "loguru netsink: reconnected to %s\n", s.addr)
			s.report(s.q.reportable())
			return c
		}
		if n == 0 {
			fmt.Fprintf(s.out, "loguru netsink: cannot reconnect to %s yet: %v; retrying\n", s.addr, err)
		}
	}
}
