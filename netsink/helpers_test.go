package netsink

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/syncbuf"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var testKey = []byte("0123456789abcdef0123456789abcdef")

// syncBuffer is the error output that goroutines write and the test reads.
type syncBuffer = syncbuf.Buffer

// collector keeps copies of the records a logger emits.
type collector struct {
	mu    sync.Mutex
	recs  []*loguru.Record
	texts []string
}

func (c *collector) sink(m loguru.Message) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.recs = append(c.recs, m.Record.Clone())
	c.texts = append(c.texts, m.Text)
}

func (c *collector) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.recs)
}

func (c *collector) get(i int) (*loguru.Record, string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.recs[i], c.texts[i]
}

// testServer is a running Serve on 127.0.0.1.
type testServer struct {
	addr   string
	stats  *Stats
	errOut *syncBuffer
	got    *collector
	log    *loguru.Logger
	stop   func()
}

// startServer serves on a fresh port; opts.Key defaults to testKey.
func startServer(t testing.TB, opts ServerOptions) *testServer {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return serveOn(t, l, opts)
}

func serveOn(t testing.TB, l net.Listener, opts ServerOptions) *testServer {
	t.Helper()
	if opts.Key == nil && opts.TLS == nil && !opts.Insecure {
		opts.Key = testKey
	}
	s := &testServer{addr: l.Addr().String(), stats: new(Stats), errOut: new(syncBuffer), got: new(collector), log: loguru.New()}
	if opts.Stats == nil {
		opts.Stats = s.stats
	}
	s.stats = opts.Stats
	if opts.ErrorOutput == nil {
		opts.ErrorOutput = s.errOut
	}
	if _, err := s.log.Add(s.got.sink, loguru.HandlerOptions{Level: "TRACE", Format: "{level} {name}:{function}:{line} {message} {extra}"}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, l, s.log, opts) }()
	var once sync.Once
	s.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Serve: %v", err)
			}
		})
	}
	t.Cleanup(s.stop)
	return s
}

// waitFor polls cond for up to 10 seconds.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// dialSink connects a Sink with testKey and closes it at the end.
func dialSink(t testing.TB, addr string, opts Options) *Sink {
	t.Helper()
	if opts.Key == nil && opts.TLS == nil && !opts.Insecure {
		opts.Key = testKey
	}
	if opts.ErrorOutput == nil {
		opts.ErrorOutput = testWriter{t}
	}
	s, err := Dial("tcp", addr, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// testWriter sends a sink's reports to the test's log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

// rawClient speaks the protocol by hand, to send bad frames.
type rawClient struct {
	t     testing.TB
	conn  net.Conn
	nonce [nonceSize]byte
	keyed bool
	seq   uint64
}

func dialRaw(t testing.TB, addr string) *rawClient {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(10 * time.Second))
	var hello [helloSize]byte
	if _, err := io.ReadFull(c, hello[:]); err != nil {
		t.Fatal(err)
	}
	nonce, keyed, err := parseHello(hello[:])
	if err != nil {
		t.Fatal(err)
	}
	return &rawClient{t: t, conn: c, nonce: nonce, keyed: keyed}
}

// frame builds a frame by hand: nil key means no MAC.
func frame(key []byte, nonce [nonceSize]byte, seq uint64, payload []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, uint32(len(payload)))
	b = binary.BigEndian.AppendUint64(b, seq)
	b = append(b, payload...)
	if key != nil {
		h := hmac.New(sha256.New, key)
		h.Write(nonce[:])
		h.Write(b[4:12])
		h.Write(payload)
		b = h.Sum(b)
	}
	return b
}

// send writes the next frame, MACed with testKey.
func (r *rawClient) send(payload string) []byte {
	r.seq++
	f := frame(testKey, r.nonce, r.seq, []byte(payload))
	r.write(f)
	return f
}

func (r *rawClient) write(b []byte) {
	r.t.Helper()
	if _, err := r.conn.Write(b); err != nil {
		r.t.Fatal(err)
	}
}

// expect reads what the server sends up to EOF.
func (r *rawClient) expect(want ...Reason) {
	r.t.Helper()
	got, err := io.ReadAll(r.conn)
	if err != nil && !errors.Is(err, net.ErrClosed) && !strings.Contains(err.Error(), "reset") {
		r.t.Fatalf("reading the server's answer: %v", err)
	}
	w := make([]byte, len(want))
	for i, x := range want {
		w[i] = byte(x)
	}
	if !bytes.Equal(got, w) {
		r.t.Fatalf("the server sent %v then closed, want %v", got, w)
	}
}

// readAck reads the acknowledgement of the first frame.
func (r *rawClient) readAck() {
	r.t.Helper()
	var b [1]byte
	if _, err := io.ReadFull(r.conn, b[:]); err != nil || b[0] != 0 {
		r.t.Fatalf("ack: %v %v", b, err)
	}
}

const goodPayload = `{"time":"2026-11-22T10:01:02.5+01:00","level":{"name":"INFO","no":20},"message":"raw {x}","name":"raw","line":7}`
