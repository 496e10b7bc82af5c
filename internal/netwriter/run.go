package netwriter

import (
	"errors"
	"fmt"
	"time"
)

// run is the writer's goroutine.
func (w *Writer) run() {
	defer close(w.done)
	for w.step() {
	}
	w.shutdown()
}

// step connects, writes one batch or sends a heartbeat; it returns false
// once the writer is closing and has either delivered everything or
// failed.
func (w *Writer) step() bool {
	if w.link == nil {
		return w.connect()
	}
	batch, more, beat := w.next()
	switch {
	case !more:
		return false
	case beat:
		if err := w.link.Heartbeat(); err != nil {
			return w.fail(err)
		}
		w.resetHeartbeat()
		return true
	case batch == nil:
		return w.fail(errors.New(w.link.Why()))
	}
	n, err := w.link.Write(batch)
	w.settle(n)
	if err != nil {
		return w.fail(err)
	}
	w.sent()
	return true
}

// connect dials after the backoff that the failures so far call for.
// Once the writer is closing there is no backoff and a single attempt.
func (w *Writer) connect() bool {
	if w.fails > 0 && !w.isClosing() {
		w.backoff()
	}
	if w.isClosing() && w.idle() {
		return false // nothing left that a connection would be for
	}
	c, err := w.cfg.Dial(w.ctx)
	if err != nil {
		w.dialErr = true
		return w.fail(err)
	}
	w.setLink(c)
	return true
}

// setLink makes c the writer's connection.
func (w *Writer) setLink(c Conn) {
	w.link, w.dialErr = c, false
	w.dials.Add(1)
	w.mu.Lock()
	if w.aborted {
		// Close gave up while this connection was being made: its abort
		// found nothing to break, so the connection is broken now.
		c.Abort()
	}
	w.conn, w.connected = c, true
	w.notify()
	w.mu.Unlock()
	w.resetHeartbeat()
}

// backoff waits MinBackoff, doubled for each further consecutive failure
// up to MaxBackoff (with jitter), or less if Flush or Close asks for an
// attempt.
func (w *Writer) backoff() {
	d := w.cfg.MinBackoff
	for i := 1; i < w.fails && d < w.cfg.MaxBackoff; i++ {
		d *= 2
	}
	d = w.cfg.Jitter(min(d, w.cfg.MaxBackoff))
	select {
	case <-w.cfg.After(d):
	case <-w.kick:
	case <-w.ctx.Done():
	}
}

// next waits for messages and takes a batch of them; the rest of a failed
// batch is taken again. It returns a nil batch when the server closed the
// connection first or, with beat, when a heartbeat is due, and false when
// the writer is closing and nothing is left.
func (w *Writer) next() (batch []*Buf, more, beat bool) {
	for {
		w.mu.Lock()
		if len(w.inflight) == 0 && w.q.n > 0 {
			w.inflightSeq = w.enq - uint64(w.q.n)
			for w.q.n > 0 && (w.cfg.MaxBatch == 0 || len(w.inflight) < w.cfg.MaxBatch) {
				w.inflight = append(w.inflight, w.q.pop())
			}
			w.wakeRoom()
		}
		batch, closing := w.inflight, w.closing
		w.mu.Unlock()
		if len(batch) > 0 {
			return batch, true, false
		}
		if closing {
			return nil, false, false
		}
		select {
		case <-w.wake:
		case <-w.kick:
		case <-w.heartbeatC():
			return nil, true, true
		case <-w.link.Lost():
			return nil, true, false
		}
	}
}

// heartbeatC is the heartbeat timer's channel, nil without heartbeats.
func (w *Writer) heartbeatC() <-chan time.Time {
	if w.heartbeat == nil {
		return nil
	}
	return w.heartbeat.C
}

// resetHeartbeat starts the idle period again.
func (w *Writer) resetHeartbeat() {
	if w.heartbeat != nil {
		w.heartbeat.Reset(w.cfg.Heartbeat)
	}
}

// settle removes the first n messages of the batch, which are done with.
func (w *Writer) settle(n int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, m := range w.inflight[:n] {
		w.putBuf(m)
	}
	rest := copy(w.inflight, w.inflight[n:])
	clear(w.inflight[rest:])
	w.inflight = w.inflight[:rest]
	w.inflightSeq += uint64(n)
	w.notify()
}

// sent records a written batch: the connection works, and what the outage
// or a full buffer cost is reported once the writer has caught up.
func (w *Writer) sent() {
	w.fails = 0
	w.resetHeartbeat()
	back := w.outage || w.lost
	w.mu.Lock()
	d := w.drops
	report := back || w.q.n == 0
	if report {
		w.drops = drops{}
	}
	w.mu.Unlock()
	if back {
		w.report("reconnected to %s", w.cfg.Addr)
	}
	if report {
		w.reportDrops(d)
	}
	w.outage, w.lost = false, false
}

// fail drops the connection after err and counts the failure. It reports
// a lost connection, and the first failed attempt of an outage. It
// returns whether the goroutine goes on.
func (w *Writer) fail(err error) bool {
	wasConnected := w.link != nil
	// A Flush that asked for an attempt before this failure has its
	// answer (the failure ends it): its request must not cut short the
	// backoff that follows. Drained before the failure is recorded, so
	// that the request of a Flush begun after it is kept.
	select {
	case <-w.kick:
	default:
	}
	// The failure is recorded before the writer shows as disconnected: a
	// Flush that begins once it is must not take this failure for the
	// answer to its own request.
	w.mu.Lock()
	w.failures++
	w.lastErr = err
	w.notify()
	w.mu.Unlock()
	w.closeLink() // shows the writer disconnected
	w.fails++
	closing := w.isClosing()
	switch {
	case closing:
	case wasConnected:
		w.dialErr = false
		w.lost = true
		w.report("lost the connection to %s: %v; reconnecting", w.cfg.Addr, err)
	case !w.outage:
		w.outage = true
		w.report("%s unreachable: %v; keeping up to %d %s and retrying", w.cfg.Addr, err, w.cfg.BufferRecords, w.cfg.Noun)
	}
	return !closing
}

// closeLink closes the goroutine's connection, if any.
func (w *Writer) closeLink() {
	if w.link == nil {
		return
	}
	w.mu.Lock()
	w.connected = false
	w.wakeRoom() // blocked Pushes drop their messages now
	w.mu.Unlock()
	// Close may still Abort the connection while it closes: closing TLS
	// waits for the server to read its alert.
	w.link.Close()
	w.mu.Lock()
	w.conn = nil
	w.mu.Unlock()
	w.link = nil
}

// shutdown closes the connection and drops what could not be delivered.
func (w *Writer) shutdown() {
	w.closeLink()
	w.mu.Lock()
	lost := uint64(len(w.inflight) + w.q.n)
	w.lostFrom = w.enq - uint64(w.q.n)
	if len(w.inflight) > 0 {
		w.lostFrom = w.inflightSeq
	}
	w.stopped = true
	for _, m := range w.inflight {
		w.putBuf(m)
	}
	for w.q.n > 0 {
		w.putBuf(w.q.pop())
	}
	w.inflight = nil
	d := w.drops
	w.drops = drops{}
	aborted, err := w.aborted, w.lastErr
	w.notify()
	w.mu.Unlock()
	w.dropped.Add(lost)
	var why string
	switch {
	case lost == 0:
	case aborted:
		why = fmt.Sprintf("%s did not take them within FlushTimeout (%v)", w.cfg.Addr, w.cfg.FlushTimeout)
	case w.dialErr:
		d.unreachable += lost
		why = fmt.Sprintf("%s is unreachable: %v", w.cfg.Addr, err)
	default:
		why = fmt.Sprintf("the connection to %s failed: %v", w.cfg.Addr, err)
	}
	w.reportDrops(d)
	if lost == 0 {
		return
	}
	if !w.dialErr || aborted {
		w.report("dropped %d %s: %s", lost, w.cfg.Noun, why)
	}
	w.mu.Lock()
	w.closeErr = fmt.Errorf("%s: closing: %d %s not delivered: %s", w.cfg.Name, lost, w.cfg.Noun, why)
	w.mu.Unlock()
}

// reportDrops reports the messages dropped, by cause.
func (w *Writer) reportDrops(d drops) {
	if d.unreachable > 0 {
		w.report("dropped %d %s while %s was unreachable", d.unreachable, w.cfg.Noun, w.cfg.Addr)
	}
	if d.full > 0 {
		w.report("dropped %d %s: the buffer of %s was full", d.full, w.cfg.Noun, w.bufferSize())
	}
}

// bufferSize describes the buffer's bounds.
func (w *Writer) bufferSize() string {
	if w.cfg.BufferBytes > 0 {
		return fmt.Sprintf("%d %s or %d bytes", w.cfg.BufferRecords, w.cfg.Noun, w.cfg.BufferBytes)
	}
	return fmt.Sprintf("%d %s", w.cfg.BufferRecords, w.cfg.Noun)
}

// notify wakes those waiting for the goroutine. Callers hold mu.
func (w *Writer) notify() {
	close(w.changed)
	w.changed = make(chan struct{})
}

func (w *Writer) isClosing() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.closing
}

// idle reports whether nothing waits to be written.
func (w *Writer) idle() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.inflight) == 0 && w.q.n == 0
}
