package netsink

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"syscall"
	"time"

	"github.com/loguru-go/loguru"
)

// Serve accepts netsink connections on l and re-emits every verified
// record into logger's handlers, keeping the client's time, level, caller,
// process, thread, elapsed time, Extra and error. A rejected frame closes
// its connection only; Serve goes on serving the others.
//
// Serve closes l. It returns nil once ctx is cancelled and every
// connection is closed and its goroutine finished, or the error that made
// l fail. Accept errors that may pass (too many open files, out of
// buffers, a connection aborted before it was accepted, errors whose
// Temporary method says so) are retried with backoff instead, and
// reported on ErrorOutput once per streak; others stop Serve.
func Serve(ctx context.Context, l net.Listener, logger *loguru.Logger, opts ServerOptions) error {
	o, err := opts.withDefaults()
	if err != nil {
		l.Close()
		return err
	}
	if logger == nil {
		l.Close()
		return errors.New("netsink: Serve needs a logger")
	}
	s := &server{opts: o, out: &syncWriter{w: o.ErrorOutput}, conns: map[net.Conn]struct{}{}, recent: newNonceRing(),
		records: make(chan *remote, 4096), pending: newBudget(int64(o.MaxPending), &o.Stats.pendingPeak)}
	emitted := make(chan struct{})
	go func() {
		defer close(emitted)
		em := newEmitter(logger)
		// Until every connection's goroutine has returned: one may be
		// waiting to send a record, or for room that only emitting frees.
		for r := range s.records {
			em.emit(r)
			o.Stats.Accepted.Add(1)
			s.pending.release(r.size)
		}
	}()
	err = s.serve(ctx, l)
	close(s.records)
	<-emitted
	return err
}

type server struct {
	opts   ServerOptions
	out    *syncWriter
	recent *nonceRing
	// records go from the connections, which read, verify and decode
	// them in parallel, to the one goroutine that re-emits them: logging
	// from many goroutines at once contends on the runtime's locks, and
	// handlers serialise their writes anyway. Each connection's records
	// keep their order.
	records chan *remote
	// pending bounds the bytes of the records read and not yet emitted
	// (MaxPending); records bounds their number.
	pending *budget

	wg    sync.WaitGroup
	mu    sync.Mutex
	conns map[net.Conn]struct{}
	done  bool
}

func (s *server) serve(ctx context.Context, l net.Listener) error {
	stop := context.AfterFunc(ctx, func() { l.Close() })
	defer stop()
	slots := make(chan struct{}, s.opts.MaxConns)
	err := s.accept(ctx, l, slots)
	l.Close()
	s.closeAll()
	s.wg.Wait()
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// accept runs until l fails, taking a slot per connection so that at most
// MaxConns are served at once.
func (s *server) accept(ctx context.Context, l net.Listener, slots chan struct{}) error {
	var retry acceptRetry
	for {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		c, err := l.Accept()
		if err != nil {
			<-slots
			if err := retry.wait(ctx, s.out, err); err != nil {
				return err
			}
			continue
		}
		retry.reset(s.out)
		if !s.track(c) {
			c.Close()
			<-slots
			continue
		}
		s.wg.Add(1)
		go func() {
			defer func() { s.untrack(c); <-slots; s.wg.Done() }()
			s.serveConn(c)
		}()
	}
}

// acceptRetry paces the retries of temporary Accept errors, reporting
// each streak of them once rather than every attempt.
type acceptRetry struct {
	delay    time.Duration
	failures int
}

// wait returns nil after a pause when err may pass, as net/http does for
// running out of file descriptors; otherwise the error to stop with.
func (r *acceptRetry) wait(ctx context.Context, out io.Writer, err error) error {
	if ctx.Err() != nil || !temporary(err) {
		return fmt.Errorf("netsink: accepting connections: %w", err)
	}
	if r.failures++; r.failures == 1 {
		fmt.Fprintf(out, "loguru netsink: accepting connections: %s; retrying\n", clean(err.Error()))
	}
	r.delay = min(max(2*r.delay, 5*time.Millisecond), time.Second)
	if !sleep(ctx, r.delay) {
		return ctx.Err()
	}
	return nil
}

// reset ends a streak, once a connection is accepted.
func (r *acceptRetry) reset(out io.Writer) {
	if r.failures > 0 {
		fmt.Fprintf(out, "loguru netsink: accepting connections again after %d failures\n", r.failures)
	}
	*r = acceptRetry{}
}

// temporary reports whether an Accept error may pass: resources running
// out, or a client leaving before its connection was accepted.
func temporary(err error) bool {
	for _, errno := range []syscall.Errno{syscall.EMFILE, syscall.ENFILE, syscall.ENOBUFS, syscall.ENOMEM, syscall.ECONNABORTED} {
		if errors.Is(err, errno) {
			return true
		}
	}
	var t interface{ Temporary() bool }
	return errors.As(err, &t) && t.Temporary()
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// track registers a connection for closeAll; false once shutting down.
func (s *server) track(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return false
	}
	s.conns[c] = struct{}{}
	return true
}

func (s *server) untrack(c net.Conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	c.Close()
}

// closeAll closes every connection, which ends their reads, and wakes
// those waiting for room.
func (s *server) closeAll() {
	s.pending.close()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done = true
	for c := range s.conns {
		c.Close()
	}
}

// reject counts and reports a rejection, tells the client why, and leaves
// the closing to the connection's goroutine.
func (s *server) reject(c net.Conn, r Reason, detail string) {
	// Reported before counted: whoever sees the count can read the report.
	fmt.Fprintf(s.out, "loguru netsink: closed connection from %s: %s: %s\n", c.RemoteAddr(), r, detail)
	s.opts.Stats.counter(r).Add(1)
	c.SetWriteDeadline(time.Now().Add(time.Second))
	c.Write([]byte{byte(r)})
}

// syncWriter serialises the reports of concurrent connections.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}
