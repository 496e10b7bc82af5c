package netwriter

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru/internal/syncbuf"
)

// server is a fake peer: it records the messages its connections take
// whole and follows a script of failures.
type server struct {
	mu        sync.Mutex
	got       []string
	dialFails int           // the next dials that fail
	takeOnly  int           // a write takes this many, then fails; -1: all
	after     int           // writes that pass before takeOnly applies
	hold      chan struct{} // when set, a write waits for it to close (or Abort)
	inWrite   chan struct{} // receives when a write begins, if set
	beats     chan struct{} // receives a heartbeat, if set
	conns     []*conn
}

func newServer() *server { return &server{takeOnly: -1} }

var errRefused = errors.New("connection refused")

func (s *server) dial(ctx context.Context) (Conn, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.dialFails > 0 {
		s.dialFails--
		return nil, errRefused
	}
	c := &conn{s: s, lost: make(chan struct{}), aborted: make(chan struct{})}
	s.conns = append(s.conns, c)
	return c, nil
}

// close closes the current connection from the server's side.
func (s *server) closeConn() {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.conns[len(s.conns)-1]
	c.once.Do(func() { close(c.lost) })
}

func (s *server) messages() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.got...)
}

type conn struct {
	s         *server
	lost      chan struct{}
	once      sync.Once
	aborted   chan struct{}
	abortOnce sync.Once
}

func (c *conn) Write(batch []*Buf) (int, error) {
	s := c.s
	if s.inWrite != nil {
		s.inWrite <- struct{}{}
	}
	if s.hold != nil {
		select {
		case <-s.hold:
		case <-c.aborted:
			return 0, errors.New("aborted")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(batch)
	var err error
	switch {
	case s.takeOnly < 0:
	case s.after > 0:
		s.after--
	default:
		n, err = min(n, s.takeOnly), errors.New("broken pipe")
		s.takeOnly = -1
	}
	for _, m := range batch[:n] {
		s.got = append(s.got, string(m.Bytes()))
	}
	return n, err
}

func (c *conn) Heartbeat() error {
	if c.s.beats != nil {
		c.s.beats <- struct{}{}
	}
	return nil
}

func (c *conn) Lost() <-chan struct{} { return c.lost }
func (c *conn) Why() string           { return "the server closed it" }
func (c *conn) Abort()                { c.abortOnce.Do(func() { close(c.aborted) }) }
func (c *conn) Close()                {}

// syncBuffer is the error output that goroutines write and the test reads.
type syncBuffer = syncbuf.Buffer

// now is a channel that has fired: backoffs end at once.
var now = func() <-chan time.Time {
	c := make(chan time.Time, 1)
	c <- time.Time{}
	return c
}

func config(s *server, out *syncBuffer) Config {
	return Config{
		Name: "test", Addr: "srv", Noun: "messages", Dial: s.dial,
		BufferRecords: 100, WriteTimeout: time.Minute, FlushTimeout: time.Minute,
		MinBackoff: time.Second, MaxBackoff: time.Second,
		ErrorOutput: out, After: func(time.Duration) <-chan time.Time { return now() },
		Jitter: func(d time.Duration) time.Duration { return d },
	}
}

func push(t *testing.T, w *Writer, msgs ...string) {
	t.Helper()
	for _, m := range msgs {
		if _, err := w.Push(func(b *Buf) { b.B = append(b.B, m...) }); err != nil {
			t.Fatalf("Push(%q): %v", m, err)
		}
	}
}

func start(t *testing.T, cfg Config) *Writer {
	t.Helper()
	w := New(cfg)
	c, err := cfg.Dial(w.Context())
	if err != nil {
		t.Fatal(err)
	}
	w.Start(c)
	return w
}

// flush flushes until it succeeds: a Flush fails when an attempt fails
// while it waits.
func flush(t *testing.T, w *Writer) {
	t.Helper()
	var err error
	for range 5 {
		if err = w.Flush(); err == nil {
			return
		}
	}
	t.Fatal(err)
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("%s:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A write that fails part way keeps what the connection did not take:
// the next connection gets it, in order, once.
func TestAFailedWriteIsResent(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	s.takeOnly, s.after = 2, 1 // the second write takes two messages and fails
	s.hold = make(chan struct{})
	s.inWrite = make(chan struct{}, 10)
	w := start(t, config(s, out))
	push(t, w, "m1")
	<-s.inWrite // the writer holds m1 in its write
	push(t, w, "m2", "m3", "m4", "m5")
	s.mu.Lock()
	s.dialFails = 1 // the first reconnection fails
	s.mu.Unlock()
	close(s.hold)
	flush(t, w)
	equal(t, "delivered", s.messages(), []string{"m1", "m2", "m3", "m4", "m5"})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	equal(t, "reports", out.Lines(), []string{
		"loguru test: lost the connection to srv: broken pipe; reconnecting",
		"loguru test: srv unreachable: connection refused; keeping up to 100 messages and retrying",
		"loguru test: reconnected to srv",
	})
}

// Without Block a full buffer drops its oldest message at once; the drops
// are reported once the writer has caught up.
func TestAFullBufferDropsTheOldest(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	s.hold, s.inWrite = make(chan struct{}), make(chan struct{}, 10)
	cfg := config(s, out)
	cfg.BufferRecords = 2
	w := start(t, cfg)
	push(t, w, "m1")
	<-s.inWrite
	push(t, w, "m2", "m3", "m4", "m5")
	if n := w.Dropped(); n != 2 {
		t.Fatalf("Dropped() = %d, want 2", n)
	}
	close(s.hold)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	equal(t, "delivered", s.messages(), []string{"m1", "m4", "m5"})
	equal(t, "reports", out.Lines(), []string{"loguru test: dropped 2 messages: the buffer of 2 messages was full"})
}

// With Block a call waits, while connected, for room; after WriteTimeout
// its message is dropped instead.
func TestBlockWaitsForRoomThenDropsTheNewMessage(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	s.hold, s.inWrite = make(chan struct{}), make(chan struct{}, 10)
	cfg := config(s, out)
	cfg.BufferRecords, cfg.BufferBytes, cfg.Block, cfg.WriteTimeout = 10, 4, true, 10*time.Millisecond
	w := start(t, cfg)
	push(t, w, "m1")
	<-s.inWrite
	push(t, w, "m2..", "m3") // m2 fills the 4 bytes: m3 waits WriteTimeout, then is dropped
	if n := w.Dropped(); n != 1 {
		t.Fatalf("Dropped() = %d, want 1", n)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		push(t, w, "m4") // waits for room, which the writer makes
	}()
	close(s.hold)
	<-done
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got := s.messages()
	if len(got) != 3 || got[0] != "m1" || got[1] != "m2.." || got[2] != "m4" {
		// m4 may have waited past WriteTimeout on a slow machine: then
		// it is counted.
		if !(len(got) == 2 && w.Dropped() == 2) {
			t.Fatalf("delivered %q, dropped %d", got, w.Dropped())
		}
	}
	equal(t, "reports", out.Lines()[:1], []string{"loguru test: dropped 1 messages: the buffer of 10 messages or 4 bytes was full"})
}

// Close gives up after FlushTimeout: it breaks the write in progress,
// counts and reports what was not delivered, and says so in its error.
func TestCloseBreaksAStuckWrite(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	s.hold, s.inWrite = make(chan struct{}), make(chan struct{}, 10)
	cfg := config(s, out)
	cfg.FlushTimeout = 10 * time.Millisecond
	w := start(t, cfg)
	push(t, w, "m1", "m2")
	<-s.inWrite
	push(t, w, "m3")
	err := w.Close()
	if want := "test: closing: 3 messages not delivered: srv did not take them within FlushTimeout (10ms)"; err == nil || err.Error() != want {
		t.Fatalf("Close = %v, want %q", err, want)
	}
	if w.Dropped() != 3 {
		t.Fatalf("Dropped() = %d", w.Dropped())
	}
	equal(t, "reports", out.Lines(), []string{"loguru test: dropped 3 messages: srv did not take them within FlushTimeout (10ms)"})
	if _, err := w.Push(func(*Buf) {}); err != ErrClosed {
		t.Fatalf("Push after Close: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
}

// Close while the server is away makes one attempt, without waiting out
// the backoff, and drops the rest as unreachable.
func TestCloseWhileUnreachable(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	cfg := config(s, out)
	asked := make(chan struct{}, 10)
	never := make(chan time.Time)
	cfg.After = func(time.Duration) <-chan time.Time { asked <- struct{}{}; return never }
	w := start(t, cfg)
	s.mu.Lock()
	s.dialFails = 100
	s.mu.Unlock()
	s.closeConn()
	<-asked // backing off
	push(t, w, "m1", "m2")
	err := w.Close()
	if want := "test: closing: 2 messages not delivered: srv is unreachable: connection refused"; err == nil || err.Error() != want {
		t.Fatalf("Close = %v, want %q", err, want)
	}
	equal(t, "reports", out.Lines(), []string{
		"loguru test: lost the connection to srv: the server closed it; reconnecting",
		"loguru test: dropped 2 messages while srv was unreachable",
	})
}

// The backoff doubles from MinBackoff to MaxBackoff, through Jitter.
func TestBackoffDoubles(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	s.dialFails = 5
	cfg := config(s, out)
	cfg.MinBackoff, cfg.MaxBackoff = time.Second, 5*time.Second
	waits := make(chan time.Duration, 10)
	cfg.After = func(d time.Duration) <-chan time.Time { waits <- d; return now() }
	cfg.Jitter = func(d time.Duration) time.Duration { return d + time.Millisecond }
	w := New(cfg)
	w.Start(nil)
	push(t, w, "m1")
	for _, want := range []time.Duration{1, 2, 4, 5, 5} {
		if d := <-waits; d != want*time.Second+time.Millisecond {
			t.Fatalf("wait %v, want %v", d, want*time.Second+time.Millisecond)
		}
	}
	flush(t, w)
	w.Close()
	if jitter(time.Second) < 500*time.Millisecond || jitter(time.Second) > time.Second {
		t.Fatal("jitter out of [d/2, d]")
	}
}

// An idle connection gets heartbeats.
func TestHeartbeat(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	s.beats = make(chan struct{})
	cfg := config(s, out)
	cfg.Heartbeat = time.Millisecond
	w := start(t, cfg)
	<-s.beats
	<-s.beats
	w.Close()
}

// TestAgainstModel runs random pushes, failed writes, lost connections
// and failed dials. Whatever happens, the messages delivered are in the
// order pushed, none twice, and every message pushed is delivered or
// counted as dropped; the reports' counts add up to Dropped; without
// overflow nothing is dropped.
func TestAgainstModel(t *testing.T) {
	t.Parallel()
	for seed := range uint64(200) {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(seed, 7))
			s, out := newServer(), &syncBuffer{}
			cfg := config(s, out)
			cfg.BufferRecords = 1 + rng.IntN(8)
			if rng.IntN(4) == 0 {
				cfg.BufferRecords = 100 // more than is pushed: nothing may be dropped
			}
			cfg.MaxBatch = rng.IntN(4)
			cfg.Block = rng.IntN(2) == 0
			cfg.WriteTimeout = time.Millisecond
			w := start(t, cfg)
			pushed := 0
			for range 60 {
				switch op := rng.IntN(10); {
				case op < 6:
					push(t, w, fmt.Sprint(pushed))
					pushed++
				case op == 6:
					s.mu.Lock()
					s.takeOnly = rng.IntN(3)
					s.mu.Unlock()
				case op == 7:
					s.closeConn()
				case op == 8:
					s.mu.Lock()
					s.dialFails = rng.IntN(3)
					s.mu.Unlock()
				default:
					_ = w.Flush()
				}
			}
			s.mu.Lock()
			s.dialFails, s.takeOnly = 0, -1
			s.mu.Unlock()
			flush(t, w)
			if err := w.Close(); err != nil {
				t.Fatalf("Close after a Flush: %v", err)
			}
			got := s.messages()
			last := -1
			for _, m := range got {
				n, _ := strconv.Atoi(m)
				if n <= last {
					t.Fatalf("delivered out of order or twice: %q", got)
				}
				last = n
			}
			if pushed <= cfg.BufferRecords && w.Dropped() != 0 {
				t.Fatalf("%d dropped of %d pushed into a buffer of %d", w.Dropped(), pushed, cfg.BufferRecords)
			}
			if len(got)+int(w.Dropped()) != pushed {
				t.Fatalf("%d pushed, %d delivered, %d dropped", pushed, len(got), w.Dropped())
			}
			reported := 0
			for _, l := range out.Lines() {
				if rest, ok := strings.CutPrefix(l, "loguru test: dropped "); ok {
					n, _ := strconv.Atoi(strings.Fields(rest)[0])
					reported += n
				}
			}
			if reported != int(w.Dropped()) {
				t.Fatalf("reports count %d drops, Dropped() = %d:\n%s", reported, w.Dropped(), strings.Join(out.Lines(), "\n"))
			}
		})
	}
}

// A message over MaxSize is not queued: Push says so and counts it.
func TestTooLarge(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	cfg := config(s, out)
	cfg.MaxSize = 3
	w := start(t, cfg)
	if n, err := w.Push(func(b *Buf) { b.B = append(b.B, "four"...) }); n != 4 || err != ErrTooLarge {
		t.Fatalf("Push = %d, %v", n, err)
	}
	push(t, w, "m1")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	equal(t, "delivered", s.messages(), []string{"m1"})
	if w.Dropped() != 1 {
		t.Fatalf("Dropped() = %d", w.Dropped())
	}
}

// Without Block, a message over MaxSize is refused before the oldest
// message loses its place for it.
func TestTooLargeCostsTheOldestNothing(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	s.hold, s.inWrite = make(chan struct{}), make(chan struct{}, 10)
	cfg := config(s, out)
	cfg.BufferRecords, cfg.MaxSize = 1, 3
	w := start(t, cfg)
	push(t, w, "m1")
	<-s.inWrite
	push(t, w, "m2") // fills the buffer
	if _, err := w.Push(func(b *Buf) { b.B = append(b.B, "four"...) }); err != ErrTooLarge {
		t.Fatalf("Push = %v", err)
	}
	close(s.hold)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	equal(t, "delivered", s.messages(), []string{"m1", "m2"})
}
