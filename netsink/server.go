package netsink

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
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
// l fail.
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
		records: make(chan *remote, 4096)}
	emitted := make(chan struct{})
	go func() {
		defer close(emitted)
		em := newEmitter(logger)
		for r := range s.records {
			em.emit(r)
			o.Stats.Accepted.Add(1)
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
	var delay time.Duration
	for {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		c, err := l.Accept()
		if err != nil {
			<-slots
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				return err
			}
			// Out of file descriptors and the like: wait and retry, as
			// net/http does, rather than stop serving.
			delay = min(max(2*delay, 5*time.Millisecond), time.Second)
			if !sleep(ctx, delay) {
				return ctx.Err()
			}
			continue
		}
		delay = 0
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

// closeAll closes every connection, which ends their reads.
func (s *server) closeAll() {
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
	s.opts.Stats.counter(r).Add(1)
	fmt.Fprintf(s.out, "loguru netsink: closed connection from %s: %s: %s\n", c.RemoteAddr(), r, detail)
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
