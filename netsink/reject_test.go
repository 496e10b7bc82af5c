package netsink

import (
	"encoding/binary"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// counts returns the rejection counters in Reason order.
func counts(s *Stats) [6]uint64 {
	return [6]uint64{s.Accepted.Load(), s.TooLarge.Load(), s.Unauthenticated.Load(), s.Malformed.Load(), s.Replayed.Load(), s.TimedOut.Load()}
}

// checkRejected asserts that exactly one rejection for want was counted
// and reported, and that a well-behaved client is still served.
func checkRejected(t *testing.T, srv *testServer, want Reason, accepted uint64, opts ...Options) {
	t.Helper()
	var exp [6]uint64
	exp[0] = accepted
	exp[want] = 1
	waitFor(t, "the rejection to be counted", func() bool { return counts(srv.stats) == exp })
	report := srv.errOut.String()
	if strings.Count(report, "\n") != 1 || !strings.HasPrefix(report, "loguru netsink: closed connection from 127.0.0.1:") ||
		!strings.Contains(report, ": "+want.String()+": ") {
		t.Errorf("report %q", report)
	}
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	sink := dialSink(t, srv.addr, o)
	l := loguru.New()
	l.Add(sink)
	l.Info("still served")
	if err := l.Complete(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a later client to be served", func() bool { return srv.stats.Accepted.Load() == accepted+1 })
	if got := counts(srv.stats); got[want] != 1 {
		t.Errorf("counters %v after a good client", got)
	}
}

func TestRejectTooLarge(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{MaxFrame: 1024})
	r := dialRaw(t, srv.addr)
	hdr := binary.BigEndian.AppendUint32(nil, 1025)
	r.write(binary.BigEndian.AppendUint64(hdr, 1))
	r.expect(ReasonTooLarge)
	checkRejected(t, srv, ReasonTooLarge, 0)
	if !strings.Contains(srv.errOut.String(), "frame of 1025 bytes, more than MaxFrame (1024)") {
		t.Error(srv.errOut.String())
	}
}

func TestRejectUnauthenticated(t *testing.T) {
	t.Parallel()
	wrong := []byte("fedcba9876543210fedcba9876543210")
	for name, send := range map[string]func(r *rawClient){
		"wrong key": func(r *rawClient) { r.write(frame(wrong, r.nonce, 1, []byte(goodPayload))) },
		"no MAC, then another frame": func(r *rawClient) {
			r.write(frame(nil, r.nonce, 1, []byte(goodPayload)))
			r.write(frame(nil, r.nonce, 2, []byte(goodPayload)))
		},
		"no MAC, then EOF": func(r *rawClient) {
			r.write(frame(nil, r.nonce, 1, []byte(goodPayload)))
			r.conn.(*net.TCPConn).CloseWrite()
		},
		"MAC of another payload": func(r *rawClient) {
			f := frame(testKey, r.nonce, 1, []byte(goodPayload))
			f[20] ^= 1
			r.write(f)
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, ServerOptions{})
			r := dialRaw(t, srv.addr)
			send(r)
			r.expect(ReasonUnauthenticated)
			checkRejected(t, srv, ReasonUnauthenticated, 0)
		})
	}
}

func TestRejectMalformed(t *testing.T) {
	t.Parallel()
	for name, payload := range map[string]string{
		"not JSON":           `not json`,
		"two JSON objects":   goodPayload + `{}`,
		"truncated JSON":     goodPayload[:40],
		"missing level":      `{"time":"2026-11-22T10:01:02Z","message":"x"}`,
		"missing message":    `{"time":"2026-11-22T10:01:02Z","level":{"name":"INFO","no":20}}`,
		"missing time":       `{"level":{"name":"INFO","no":20},"message":"x"}`,
		"line is a string":   `{"time":"2026-11-22T10:01:02Z","level":{"name":"INFO","no":20},"message":"x","line":"7"}`,
		"extra is an array":  `{"time":"2026-11-22T10:01:02Z","level":{"name":"INFO","no":20},"message":"x","extra":[1]}`,
		"message is number":  `{"time":"2026-11-22T10:01:02Z","level":{"name":"INFO","no":20},"message":7}`,
		"bad time":           `{"time":"yesterday","level":{"name":"INFO","no":20},"message":"x"}`,
		"negative level":     `{"time":"2026-11-22T10:01:02Z","level":{"name":"INFO","no":-1},"message":"x"}`,
		"empty level name":   `{"time":"2026-11-22T10:01:02Z","level":{"name":"","no":20},"message":"x"}`,
		"level number float": `{"time":"2026-11-22T10:01:02Z","level":{"name":"INFO","no":2.5},"message":"x"}`,
	} {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, ServerOptions{})
			r := dialRaw(t, srv.addr)
			r.send(payload)
			r.expect(ReasonMalformed)
			checkRejected(t, srv, ReasonMalformed, 0)
		})
	}
}

func TestRejectTruncatedFrame(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{})
	r := dialRaw(t, srv.addr)
	f := frame(testKey, r.nonce, 1, []byte(goodPayload))
	r.write(f[:30])
	r.conn.(*net.TCPConn).CloseWrite()
	r.expect(ReasonMalformed)
	checkRejected(t, srv, ReasonMalformed, 0)
}

func TestRejectReplayed(t *testing.T) {
	t.Parallel()
	t.Run("same frame twice", func(t *testing.T) {
		srv := startServer(t, ServerOptions{})
		r := dialRaw(t, srv.addr)
		f := r.send(goodPayload)
		r.readAck()
		r.write(f)
		r.expect(ReasonReplayed)
		checkRejected(t, srv, ReasonReplayed, 1)
	})
	t.Run("out of order", func(t *testing.T) {
		srv := startServer(t, ServerOptions{})
		r := dialRaw(t, srv.addr)
		r.write(frame(testKey, r.nonce, 2, []byte(goodPayload)))
		r.expect(ReasonReplayed)
		checkRejected(t, srv, ReasonReplayed, 0)
	})
	t.Run("skipped sequence number", func(t *testing.T) {
		srv := startServer(t, ServerOptions{})
		r := dialRaw(t, srv.addr)
		r.send(goodPayload)
		r.readAck()
		r.seq++
		r.send(goodPayload)
		r.expect(ReasonReplayed)
		checkRejected(t, srv, ReasonReplayed, 1)
	})
	t.Run("frame of an earlier connection", func(t *testing.T) {
		srv := startServer(t, ServerOptions{})
		first := dialRaw(t, srv.addr)
		f := first.send(goodPayload)
		first.readAck()
		first.conn.Close()
		r := dialRaw(t, srv.addr)
		r.write(f)
		r.expect(ReasonReplayed)
		checkRejected(t, srv, ReasonReplayed, 1)
		if !strings.Contains(srv.errOut.String(), "replayed: frame of an earlier connection") {
			t.Error(srv.errOut.String())
		}
	})
}

func TestRejectTimedOut(t *testing.T) {
	t.Parallel()
	t.Run("silent client", func(t *testing.T) {
		t.Parallel()
		srv := startServer(t, ServerOptions{FrameTimeout: 300 * time.Millisecond})
		r := dialRaw(t, srv.addr)
		r.expect(ReasonTimedOut)
		checkRejected(t, srv, ReasonTimedOut, 0)
	})
	t.Run("slow frame", func(t *testing.T) {
		t.Parallel()
		srv := startServer(t, ServerOptions{FrameTimeout: 300 * time.Millisecond})
		r := dialRaw(t, srv.addr)
		r.write(frame(testKey, r.nonce, 1, []byte(goodPayload))[:20])
		r.expect(ReasonTimedOut)
		checkRejected(t, srv, ReasonTimedOut, 0)
	})
	t.Run("partial header", func(t *testing.T) {
		t.Parallel()
		// A header begun waits FrameTimeout, not IdleTimeout.
		srv := startServer(t, ServerOptions{FrameTimeout: 300 * time.Millisecond, IdleTimeout: time.Hour})
		r := dialRaw(t, srv.addr)
		r.send(goodPayload)
		r.readAck()
		r.seq++
		r.write(frame(testKey, r.nonce, r.seq, []byte(goodPayload))[:1])
		r.expect(ReasonTimedOut)
		checkRejected(t, srv, ReasonTimedOut, 1)
	})
	t.Run("trickled header", func(t *testing.T) {
		t.Parallel()
		// Each byte comes well within FrameTimeout, the header not: the
		// whole frame has one deadline.
		srv := startServer(t, ServerOptions{FrameTimeout: 300 * time.Millisecond, IdleTimeout: time.Hour})
		r := dialRaw(t, srv.addr)
		r.send(goodPayload)
		r.readAck()
		r.seq++
		trickled := trickle(r.conn, frame(testKey, r.nonce, r.seq, []byte(goodPayload)), headerSize, 75*time.Millisecond)
		r.expect(ReasonTimedOut)
		<-trickled
		checkRejected(t, srv, ReasonTimedOut, 1)
		if !strings.Contains(srv.errOut.String(), "frame header not received within FrameTimeout (300ms) of the frame's first byte") {
			t.Error(srv.errOut.String())
		}
	})
	t.Run("idle after the first frame", func(t *testing.T) {
		t.Parallel()
		srv := startServer(t, ServerOptions{IdleTimeout: 200 * time.Millisecond})
		r := dialRaw(t, srv.addr)
		r.send(goodPayload)
		r.readAck()
		r.expect(ReasonTimedOut)
		// Heartbeats keep a good client connected.
		checkRejected(t, srv, ReasonTimedOut, 1, Options{Heartbeat: 10 * time.Millisecond})
	})
}

func TestServerWithoutAuthentication(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{Insecure: true})
	r := dialRaw(t, srv.addr)
	if r.keyed {
		t.Fatal("an Insecure server asks for MACs")
	}
	r.write(frame(nil, r.nonce, 1, []byte(goodPayload)))
	r.readAck()
	waitFor(t, "the record", func() bool { return srv.got.len() == 1 })
	if _, err := Dial("tcp", srv.addr, Options{Key: testKey}); err == nil || !strings.Contains(err.Error(), "does not authenticate") {
		t.Errorf("a client with a key must refuse a server without: %v", err)
	}
}

// trickle writes the first n bytes of f one at a time, every gap, then the
// rest at once, as a slow client would; it stops at the first failed
// write. The channel is closed when it is done.
func trickle(c net.Conn, f []byte, n int, gap time.Duration) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(gap)
		defer tick.Stop()
		for i := range n {
			if _, err := c.Write(f[i : i+1]); err != nil {
				return
			}
			<-tick.C
		}
		c.Write(f[n:])
	}()
	return done
}
