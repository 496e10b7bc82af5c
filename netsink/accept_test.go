package netsink

import (
	"context"
	"errors"
	"net"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// flakyListener fails its first Accept calls with errs, then accepts from
// the listener it wraps.
type flakyListener struct {
	net.Listener
	mu   sync.Mutex
	errs []error
}

func (l *flakyListener) Accept() (net.Conn, error) {
	l.mu.Lock()
	if len(l.errs) > 0 {
		err := l.errs[0]
		l.errs = l.errs[1:]
		l.mu.Unlock()
		return nil, err
	}
	l.mu.Unlock()
	return l.Listener.Accept()
}

// temporaryError says of itself that it may pass.
type temporaryError struct{}

func (temporaryError) Error() string   { return "try again" }
func (temporaryError) Temporary() bool { return true }

func listen(t *testing.T) net.Listener {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestServeReturnsPermanentAcceptError(t *testing.T) {
	t.Parallel()
	broken := errors.New("the listener broke")
	errOut := new(syncBuffer)
	l := &flakyListener{Listener: listen(t), errs: []error{broken}}
	done := make(chan error, 1)
	go func() {
		done <- Serve(context.Background(), l, loguru.New(), ServerOptions{Key: testKey, ErrorOutput: errOut})
	}()
	select {
	case err := <-done:
		if !errors.Is(err, broken) || !strings.Contains(err.Error(), "netsink: accepting connections: the listener broke") {
			t.Errorf("Serve = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve retries a permanent Accept error")
	}
	if errOut.String() != "" {
		t.Errorf("reported %q", errOut.String())
	}
}

func TestServeRetriesTemporaryAcceptErrors(t *testing.T) {
	t.Parallel()
	emfile := &net.OpError{Op: "accept", Net: "tcp", Err: os.NewSyscallError("accept4", syscall.EMFILE)}
	l := &flakyListener{Listener: listen(t), errs: []error{emfile, temporaryError{}}}
	srv := serveOn(t, l, ServerOptions{})
	sink := dialSink(t, srv.addr, Options{})
	lg := loguru.New()
	lg.Add(sink)
	lg.Info("served after all")
	if err := lg.Complete(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the record", func() bool { return srv.got.len() == 1 })
	want := "loguru netsink: accepting connections: accept tcp: accept4: too many open files; retrying\n" +
		"loguru netsink: accepting connections again after 2 failures\n"
	if got := srv.errOut.String(); got != want {
		t.Errorf("reported %q, want %q", got, want)
	}
}
