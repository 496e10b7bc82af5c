package syslog

import (
	"bufio"
	"context"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// readFrame reads one octet-counted message.
func readFrame(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	l, err := r.ReadString(' ')
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.Atoi(strings.TrimSuffix(l, " "))
	if err != nil {
		t.Fatalf("frame length %q", l)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOverflowWhileConnected holds the writer in the middle of a write:
// messages logged meanwhile overflow the buffer, the oldest are dropped,
// and the count is reported once the writer catches up.
func TestOverflowWhileConnected(t *testing.T) {
	t.Parallel()
	server, client := net.Pipe()
	defer server.Close()
	errs := &safeBuffer{}
	o := Options{RecordSDID: "-", BufferRecords: 2, ErrorOutput: errs,
		Dial: func(context.Context, string, string) (net.Conn, error) { return client, nil }}
	s, err := Dial("tcp", "syslog.invalid:514", fixedOptions(o))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	l.Info("m1")
	first := make([]byte, 1)
	if _, err := io.ReadFull(server, first); err != nil { // the writer is now inside its write
		t.Fatal(err)
	}
	for i := 2; i <= 5; i++ {
		l.Info("m{}", i)
	}
	if n := s.Dropped(); n != 2 {
		t.Fatalf("Dropped() = %d", n)
	}
	r := bufio.NewReader(io.MultiReader(strings.NewReader(string(first)), server))
	for _, m := range []string{"m1", "m4", "m5"} {
		if got, want := readFrame(t, r), "<14>1 "+head+" INFO - "+m; got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if want := "loguru syslog: dropped 2 messages: the buffer of 2 messages was full\n"; errs.String() != want {
		t.Fatalf("reports %q, want %q", errs.String(), want)
	}
}

// TestUnixgramServerRestart: a datagram socket cannot tell that the
// server went away, so the loss shows at the first write, which is kept
// and sent again once the server is back.
func TestUnixgramServerRestart(t *testing.T) {
	t.Parallel()
	path := socketPath(t, "d.sock")
	srv := listenPacket(t, "unixgram", path)
	timer := newFakeTimer()
	errs := &safeBuffer{}
	s, err := Dial("unixgram", path, fixedOptions(Options{RecordSDID: "-", After: timer.After, ErrorOutput: errs}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	l.Info("m1")
	expect(t, srv.got, "<14>1 "+head+" INFO - m1")
	srv.close()
	// A process that another test forks meanwhile holds the closed
	// socket until it execs: a datagram sent then is accepted and lost,
	// as the kernel does. Log until a write fails.
	for tries := 0; ; tries++ {
		l.Info("m2")
		select {
		case <-timer.asked:
		case <-time.After(2 * time.Second):
			if tries < 5 {
				continue
			}
			t.Fatal("no write failed")
		}
		break
	}
	l.Info("m3")
	srv = listenPacket(t, "unixgram", path)
	timer.fire <- time.Time{}
	expect(t, srv.got, "<14>1 "+head+" INFO - m2", "<14>1 "+head+" INFO - m3")
	mustClose(t, s)
	lines := strings.Split(strings.TrimSuffix(errs.String(), "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "loguru syslog: lost the connection to "+path+": write unixgram ") ||
		!strings.HasSuffix(lines[0], ": connection refused; reconnecting") || lines[1] != "loguru syslog: reconnected to "+path {
		t.Fatalf("reports:\n%s", errs.String())
	}
}
