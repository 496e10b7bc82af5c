package netsink

import (
	"context"
	"fmt"
	"net"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

func TestReconnect(t *testing.T) {
	t.Parallel()
	srv1 := startServer(t, ServerOptions{})
	var target atomic.Pointer[string]
	target.Store(&srv1.addr)
	errOut := new(syncBuffer)
	sink := dialSink(t, "logs", Options{
		BufferRecords: 10, MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond, ErrorOutput: errOut,
		// The address is only a name: the dialer follows the server.
		Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, *target.Load())
		},
	})
	l := loguru.New()
	l.Add(sink, loguru.HandlerOptions{Format: "{message}"})
	l.Info("before")
	waitFor(t, "the first record", func() bool { return srv1.got.len() == 1 })

	srv1.stop()
	waitFor(t, "the sink to notice", func() bool { return !sink.w.Connected() })
	for i := range 15 {
		l.Info("during", loguru.F("i", i))
	}
	if n := sink.Dropped(); n != 5 {
		t.Fatalf("Dropped() = %d, want 5", n)
	}
	if err := l.Complete(); err == nil || !strings.HasPrefix(err.Error(), "netsink: 10 records not written to logs: dial tcp ") {
		t.Errorf("Complete during the outage: %v", err)
	}

	srv2 := startServer(t, ServerOptions{})
	target.Store(&srv2.addr)
	waitFor(t, "the buffered records", func() bool { return srv2.got.len() == 10 })
	for i := range 10 {
		if rec, _ := srv2.got.get(i); rec.Extra["i"] != i {
			t.Errorf("record %d: %v", i, rec.Extra)
		}
	}
	l.Info("after")
	if err := l.Complete(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a new record", func() bool { return srv2.got.len() == 11 })
	report := errOut.String()
	for _, want := range []string{
		"loguru netsink: lost the connection to logs: the server closed it; reconnecting\n",
		"loguru netsink: reconnected to logs\n",
		"loguru netsink: dropped 5 records while logs was unreachable\n",
	} {
		if strings.Count(report, want) != 1 {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	if sink.Dropped() != 5 {
		t.Errorf("Dropped() = %d", sink.Dropped())
	}
}

func TestCloseWhileUnreachable(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{})
	errOut := new(syncBuffer)
	sink := dialSink(t, srv.addr, Options{MinBackoff: time.Hour, ErrorOutput: errOut})
	l := loguru.New()
	id, _ := l.Add(sink)
	srv.stop()
	waitFor(t, "the sink to notice", func() bool { return !sink.w.Connected() })
	l.Info("lost")
	l.Info("lost too")
	start := time.Now()
	l.Remove(id) // must not wait for the backoff
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Close took %v", d)
	}
	if !strings.Contains(errOut.String(), fmt.Sprintf("dropped 2 records while %s was unreachable\n", srv.addr)) {
		t.Error(errOut.String())
	}
	if sink.Dropped() != 2 {
		t.Errorf("Dropped() = %d", sink.Dropped())
	}
	if err := sink.Write(loguru.Message{}); err != ErrClosed {
		t.Errorf("Write after Close: %v", err)
	}
}

func TestDialErrors(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{})
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{Key: []byte("short")}, "the key is 5 bytes long; it must be at least 16"},
		{Options{}, "set Key, TLS or both"},
		{Options{Insecure: true}, "the server requires a key"},
		{Options{Key: []byte("fedcba9876543210fedcba9876543210")}, "the server rejected the connection: unauthenticated"},
	} {
		_, err := Dial("tcp", srv.addr, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Dial(%+v) = %v, want %q", tc.opts, err, tc.want)
		}
	}
	if _, err := Dial("tcp", "127.0.0.1:1", Options{Key: testKey}); err == nil {
		t.Error("Dial to a closed port succeeded")
	}
	if err := Serve(context.Background(), nopListener{}, loguru.New(), ServerOptions{Key: []byte("short")}); err == nil {
		t.Error("Serve with a short key")
	}
}

type nopListener struct{ net.Listener }

func (nopListener) Close() error { return nil }

func TestHeartbeatKeepsConnection(t *testing.T) {
	t.Parallel()
	const idle, beat = 100 * time.Millisecond, 5 * time.Millisecond
	srv := startServer(t, ServerOptions{IdleTimeout: idle})
	var writes atomic.Int64
	sink := dialSink(t, srv.addr, Options{Heartbeat: beat,
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			var d net.Dialer
			c, err := d.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return countingConn{c, &writes}, nil
		}})
	dials := sink.w.Dials()
	// Only heartbeats are written: three idle timeouts' worth of them
	// means the connection stayed silent for longer than IdleTimeout.
	start := time.Now()
	waitFor(t, "heartbeats", func() bool { return writes.Load() > int64(3*idle/beat) && time.Since(start) > 3*idle })
	if !sink.w.Connected() || sink.w.Dials() != dials || srv.stats.TimedOut.Load() != 0 {
		t.Fatalf("the connection was closed: %s", srv.errOut.String())
	}
}

// countingConn counts the writes to a connection.
type countingConn struct {
	net.Conn
	n *atomic.Int64
}

func (c countingConn) Write(p []byte) (int, error) {
	c.n.Add(1)
	return c.Conn.Write(p)
}

func TestServeStopsOnCancel(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{})
	dialSink(t, srv.addr, Options{MinBackoff: time.Hour})
	r := dialRaw(t, srv.addr)
	srv.stop() // returns only once every connection is closed
	r.expect()
}

func TestMaxConns(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{MaxConns: 1})
	first := dialSink(t, srv.addr, Options{})
	if _, err := Dial("tcp", srv.addr, Options{Key: testKey, DialTimeout: 50 * time.Millisecond}); err == nil {
		t.Fatal("a second connection was served")
	}
	first.Close()
	dialSink(t, srv.addr, Options{})
}

func TestReadKeyFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if k, err := ReadKeyFile(write("good", string(testKey)+"\n")); err != nil || string(k) != string(testKey) {
		t.Errorf("ReadKeyFile = %q, %v", k, err)
	}
	if k, err := ReadKeyFile(write("crlf", string(testKey)+"\r\n")); err != nil || string(k) != string(testKey) {
		t.Errorf("ReadKeyFile = %q, %v", k, err)
	}
	if _, err := ReadKeyFile(write("short", "secret\n")); err == nil || !strings.Contains(err.Error(), "is 6 bytes long; it must be at least 16") {
		t.Errorf("short key: %v", err)
	}
	if _, err := ReadKeyFile(dir + "/missing"); err == nil {
		t.Error("missing file")
	}
}
