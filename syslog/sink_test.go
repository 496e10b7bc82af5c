package syslog

import (
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

const head = "2026-01-02T03:04:05.123456+01:00 host app 42"

func TestUDPExactLine(t *testing.T) {
	t.Parallel()
	srv := listenPacket(t, "udp", "127.0.0.1:0")
	s, err := New("udp", srv.conn.LocalAddr().String(), fixedOptions(Options{Facility: Local0}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	l.Bind("user", "alice", "id", 1042).Info("Order {} shipped", 7)
	expect(t, srv.got, "<134>1 "+head+` INFO [extra@32473 id="1042" user="alice"]`+origin("TestUDPExactLine")+" Order 7 shipped")
}

func TestUDPEveryLevel(t *testing.T) {
	t.Parallel()
	srv := listenPacket(t, "udp", "127.0.0.1:0")
	s, err := New("udp", srv.conn.LocalAddr().String(), fixedOptions(Options{Facility: Daemon, RecordSDID: "-"}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	l.Trace("t")
	l.Debug("d")
	l.Info("i")
	l.Success("s")
	l.Warning("w")
	l.Error("e")
	l.Critical("c")
	l.Log("35", "custom")
	expect(t, srv.got,
		"<31>1 "+head+" TRACE - t", "<31>1 "+head+" DEBUG - d", "<30>1 "+head+" INFO - i",
		"<29>1 "+head+" SUCCESS - s", "<28>1 "+head+" WARNING - w", "<27>1 "+head+" ERROR - e",
		"<26>1 "+head+" CRITICAL - c", "<28>1 "+head+" Level_35 - custom")
}

func TestUDPTruncation(t *testing.T) {
	t.Parallel()
	srv := listenPacket(t, "udp", "127.0.0.1:0")
	s, err := New("udp", srv.conn.LocalAddr().String(), fixedOptions(Options{RecordSDID: "-", MaxSize: 600}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	l.Info(strings.Repeat("y", 1000))
	want := ("<14>1 " + head + " INFO - " + strings.Repeat("y", 1000))[:600]
	expect(t, srv.got, want)
}

func TestTCPOctetCounting(t *testing.T) {
	t.Parallel()
	srv := &streamServer{t: t, network: "tcp", addr: "127.0.0.1:0", got: make(chan string, 10), raw: make(chan []byte, 100), keepRaw: true}
	srv.start()
	t.Cleanup(srv.stop)
	s, err := Dial("tcp", srv.addr, fixedOptions(Options{RecordSDID: "-"}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	l.Info("one")
	l.Error("two\nlines")
	m1 := "<14>1 " + head + " INFO - one"
	m2 := "<11>1 " + head + " ERROR - two\nlines"
	expect(t, srv.got, m1, m2)
	var raw []byte
	for len(raw) < len(m1)+len(m2)+6 {
		raw = append(raw, <-srv.raw...)
	}
	if want := fmt.Sprintf("%d %s%d %s", len(m1), m1, len(m2), m2); string(raw) != want {
		t.Fatalf("got %q, want %q", raw, want)
	}
}

func TestUnixStream(t *testing.T) {
	t.Parallel()
	srv := listenStream(t, "unix", socketPath(t, "s.sock"))
	s, err := Dial("unix", srv.addr, fixedOptions(Options{RecordSDID: "-"}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	l.Bind("k", `v"]`).Warning("over a unix stream")
	expect(t, srv.got, "<12>1 "+head+` WARNING [extra@32473 k="v\"\]"] over a unix stream`)
}

func TestUnixgram(t *testing.T) {
	t.Parallel()
	srv := listenPacket(t, "unixgram", socketPath(t, "d.sock"))
	s, err := Dial("unixgram", srv.conn.LocalAddr().String(), fixedOptions(Options{RecordSDID: "-"}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	l.Success("over a unix datagram")
	expect(t, srv.got, "<13>1 "+head+" SUCCESS - over a unix datagram")
}

func TestTextOption(t *testing.T) {
	t.Parallel()
	srv := listenPacket(t, "udp", "127.0.0.1:0")
	s, err := New("udp", srv.conn.LocalAddr().String(), fixedOptions(Options{RecordSDID: "-", Text: true}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{Format: "{level: <8} | {function}:{line} | {message}"})
	l.Info("formatted")
	expect(t, srv.got, "<14>1 "+head+" INFO - INFO     | TestTextOption:7 | formatted")
}

// TestDropWhileDown logs to a server that is not up yet: the buffer keeps
// the newest messages, and the count of the others is reported once the
// server is reachable.
func TestDropWhileDown(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	timer := newFakeTimer()
	errs := &safeBuffer{}
	s, err := New("tcp", addr, fixedOptions(Options{RecordSDID: "-", BufferRecords: 3, After: timer.After, ErrorOutput: errs}))
	if err != nil {
		t.Fatal(err)
	}
	if d := timer.wait(t); d != DefaultMinBackoff {
		t.Fatalf("first backoff %v", d)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	for i := 1; i <= 5; i++ {
		l.Info("m{}", i)
	}
	if n := s.Dropped(); n != 2 {
		t.Fatalf("Dropped() = %d, want 2", n)
	}
	srv := listenStream(t, "tcp", addr)
	timer.fire <- time.Time{}
	expect(t, srv.got, "<14>1 "+head+" INFO - m3", "<14>1 "+head+" INFO - m4", "<14>1 "+head+" INFO - m5")
	mustClose(t, s)
	lines := strings.Split(strings.TrimSuffix(errs.String(), "\n"), "\n")
	if len(lines) != 3 ||
		!strings.HasPrefix(lines[0], "loguru syslog: "+addr+" unreachable: dial tcp "+addr+": ") ||
		!strings.HasSuffix(lines[0], "; keeping up to 3 messages and retrying") ||
		lines[1] != "loguru syslog: reconnected to "+addr ||
		lines[2] != "loguru syslog: dropped 2 messages while "+addr+" was unreachable" {
		t.Fatalf("reports:\n%s", errs.String())
	}
}

// TestReconnect stops the server: the sink notices at once, backs off
// with doubling waits while it is away, and delivers what was logged
// meanwhile, in order, when it is back.
func TestReconnect(t *testing.T) {
	t.Parallel()
	srv := listenStream(t, "tcp", "127.0.0.1:0")
	timer := newFakeTimer()
	errs := &safeBuffer{}
	o := Options{RecordSDID: "-", After: timer.After, ErrorOutput: errs, MinBackoff: time.Second, MaxBackoff: 3 * time.Second}
	s, err := Dial("tcp", srv.addr, fixedOptions(o))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	l.Info("before")
	expect(t, srv.got, "<14>1 "+head+" INFO - before")

	srv.stop()
	backoff := func(want time.Duration) {
		t.Helper()
		if d := timer.wait(t); d != want {
			t.Fatalf("backoff %v, want %v", d, want)
		}
	}
	backoff(time.Second) // the lost connection, noticed without a write
	timer.fire <- time.Time{}
	backoff(2 * time.Second) // the server is away
	l.Info("during 1")
	l.Info("during 2")
	timer.fire <- time.Time{}
	backoff(3 * time.Second) // 4s, capped
	timer.fire <- time.Time{}
	backoff(3 * time.Second)
	srv.start()
	timer.fire <- time.Time{}
	expect(t, srv.got, "<14>1 "+head+" INFO - during 1", "<14>1 "+head+" INFO - during 2")
	l.Info("after")
	expect(t, srv.got, "<14>1 "+head+" INFO - after")
	mustClose(t, s)
	if !strings.Contains(errs.String(), " unreachable: ") || !strings.HasSuffix(errs.String(), "loguru syslog: reconnected to "+srv.addr+"\n") {
		t.Fatalf("reports:\n%s", errs.String())
	}
	if s.Dropped() != 0 {
		t.Fatalf("dropped %d", s.Dropped())
	}
}

// The handler formats a line for the sink only when MSG is that line.
func TestTextIsFormattedOnlyForOptionsText(t *testing.T) {
	t.Parallel()
	for _, text := range []bool{false, true} {
		srv := listenPacket(t, "udp", "127.0.0.1:0")
		s, err := New("udp", srv.conn.LocalAddr().String(), fixedOptions(Options{RecordSDID: "-", Text: text}))
		if err != nil {
			t.Fatal(err)
		}
		var formatted atomic.Int32
		l := newLogger(t, s, loguru.HandlerOptions{FormatFunc: func(*loguru.Record) string {
			formatted.Add(1)
			return "[{level}] {message}"
		}})
		l.Info("m")
		want, calls := "<14>1 "+head+" INFO - m", int32(0)
		if text {
			want, calls = "<14>1 "+head+" INFO - [INFO] m", 1
		}
		expect(t, srv.got, want)
		if n := formatted.Load(); n != calls {
			t.Errorf("Text %v: the format ran %d times, want %d", text, n, calls)
		}
	}
}
