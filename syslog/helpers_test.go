package syslog

import (
	"bufio"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/syncbuf"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fixedTime is the time of every test record.
var fixedTime = time.Date(2026, 1, 2, 3, 4, 5, 123456789, time.FixedZone("", 3600))

// fixedOptions makes the header deterministic.
func fixedOptions(o Options) Options {
	o.Hostname, o.AppName, o.ProcID = "host", "app", "42"
	o.jitter = func(d time.Duration) time.Duration { return d }
	if o.ErrorOutput == nil {
		o.ErrorOutput = io.Discard
	}
	return o
}

// newLogger returns a logger whose records have fixedTime and line 7, with
// one handler writing every level to s. The handler is removed, and s
// closed, at cleanup.
func newLogger(t *testing.T, s *Sink, ho loguru.HandlerOptions) *loguru.Logger {
	t.Helper()
	l := loguru.New().Patch(func(r *loguru.Record) { r.Time, r.Line = fixedTime, 7 })
	if ho.Level == "" {
		ho.Level = "TRACE"
	}
	id, err := l.Add(s, ho)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Remove(id) })
	return l
}

// origin is the record element of the tests' records.
func origin(function string) string {
	return `[loguru@32473 name="github.com/loguru-go/loguru/syslog" function="` + function + `" line="7"]`
}

// safeBuffer is the error output that goroutines write and the test reads.
type safeBuffer = syncbuf.Buffer

// packetServer collects datagrams.
type packetServer struct {
	conn net.PacketConn
	got  chan string
	done chan struct{}
}

func listenPacket(t *testing.T, network, addr string) *packetServer {
	t.Helper()
	c, err := net.ListenPacket(network, addr)
	if err != nil {
		t.Fatal(err)
	}
	s := &packetServer{conn: c, got: make(chan string, 100), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		b := make([]byte, 1<<16)
		for {
			n, _, err := c.ReadFrom(b)
			if err != nil {
				return
			}
			s.got <- string(b[:n])
		}
	}()
	t.Cleanup(s.close)
	return s
}

// close stops the server and, as a syslog daemon does, removes its
// socket file (Go removes only those of stream listeners).
func (s *packetServer) close() {
	addr := s.conn.LocalAddr()
	_ = s.conn.Close()
	<-s.done
	if addr.Network() == "unixgram" {
		_ = os.Remove(addr.String())
	}
}

// streamServer collects octet-counted frames from every connection. It
// can stop and start again on the same address.
type streamServer struct {
	t       *testing.T
	network string
	addr    string
	got     chan string
	raw     chan []byte // the bytes read, when keepRaw
	keepRaw bool

	mu    sync.Mutex
	ln    net.Listener
	conns []net.Conn
	wg    sync.WaitGroup
}

func listenStream(t *testing.T, network, addr string) *streamServer {
	t.Helper()
	s := &streamServer{t: t, network: network, addr: addr, got: make(chan string, 100), raw: make(chan []byte, 100)}
	s.start()
	t.Cleanup(s.stop)
	return s
}

func (s *streamServer) start() {
	s.t.Helper()
	ln, err := net.Listen(s.network, s.addr)
	if err != nil {
		s.t.Fatal(err)
	}
	s.mu.Lock()
	s.ln, s.addr = ln, ln.Addr().String()
	s.mu.Unlock()
	s.wg.Add(1)
	go s.accept(ln)
}

func (s *streamServer) accept(ln net.Listener) {
	defer s.wg.Done()
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conns = append(s.conns, c)
		s.mu.Unlock()
		s.wg.Add(1)
		go s.read(c)
	}
}

// read parses "LEN SP MSG" frames, failing the test on anything else.
func (s *streamServer) read(c net.Conn) {
	defer s.wg.Done()
	var r io.Reader = c
	if s.keepRaw {
		r = io.TeeReader(c, rawSink{s.raw})
	}
	br := bufio.NewReader(r)
	for {
		l, err := br.ReadString(' ')
		if err != nil {
			return
		}
		n, err := strconv.Atoi(l[:len(l)-1])
		if err != nil {
			s.t.Errorf("bad frame length %q", l)
			return
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			s.t.Errorf("short frame: %v", err)
			return
		}
		s.got <- string(b)
	}
}

type rawSink struct{ c chan []byte }

func (r rawSink) Write(p []byte) (int, error) {
	r.c <- append([]byte(nil), p...)
	return len(p), nil
}

// stop closes the listener and every connection, as a dying server does.
func (s *streamServer) stop() {
	s.mu.Lock()
	if s.ln != nil {
		_ = s.ln.Close()
		if s.network == "unix" {
			_ = os.Remove(s.addr)
		}
	}
	for _, c := range s.conns {
		_ = c.Close()
	}
	s.ln, s.conns = nil, nil
	s.mu.Unlock()
	s.wg.Wait()
}

// receive returns the next message or fails after a generous deadline.
func receive(t *testing.T, c <-chan string) string {
	t.Helper()
	select {
	case m := <-c:
		return m
	case <-time.After(10 * time.Second):
		t.Fatal("no message arrived")
		return ""
	}
}

func expect(t *testing.T, c <-chan string, want ...string) {
	t.Helper()
	for _, w := range want {
		if got := receive(t, c); got != w {
			t.Fatalf("got\n%q\nwant\n%q", got, w)
		}
	}
}

// fakeTimer stands in for time.After: each call is announced on asked,
// and returns only when the test fires it.
type fakeTimer struct {
	asked chan time.Duration
	fire  chan time.Time
}

func newFakeTimer() *fakeTimer {
	return &fakeTimer{asked: make(chan time.Duration, 10), fire: make(chan time.Time)}
}

func (f *fakeTimer) After(d time.Duration) <-chan time.Time {
	f.asked <- d
	return f.fire
}

// wait returns the duration the writer waits for now.
func (f *fakeTimer) wait(t *testing.T) time.Duration {
	t.Helper()
	select {
	case d := <-f.asked:
		return d
	case <-time.After(10 * time.Second):
		t.Fatal("the writer did not back off")
		return 0
	}
}

// freeAddr returns a loopback TCP address that nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

func socketPath(t *testing.T, name string) string {
	return filepath.Join(t.TempDir(), name)
}

func mustClose(t *testing.T, s *Sink) {
	t.Helper()
	if err := s.Close(); err != nil && !errors.Is(err, ErrClosed) {
		t.Fatal(err)
	}
}
