package netwriter

import (
	"context"
	"runtime"
	"testing"
	"time"
)

// A dial that completes just as Close gives up (FlushTimeout) and cancels
// its context: abort found no connection to break, and the goroutine then
// installs the new one and writes on it. Close must still return within
// about FlushTimeout.
func TestCloseAbortsAConnectionMadeAsItGivesUp(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	s.hold = make(chan struct{}) // a write waits until the conn is aborted
	defer close(s.hold)
	cfg := config(s, out)
	cfg.FlushTimeout = 10 * time.Millisecond
	dialing := make(chan struct{}, 1)
	var w *Writer
	cfg.Dial = func(ctx context.Context) (Conn, error) {
		dialing <- struct{}{}
		<-ctx.Done() // the connection completes as Close cancels:
		// Dial returns it just after abort has looked for a connection.
		for {
			w.mu.Lock()
			aborted := w.aborted
			w.mu.Unlock()
			if aborted {
				break
			}
			runtime.Gosched()
		}
		return s.dial(context.Background())
	}
	w = New(cfg)
	w.Start(nil)
	<-dialing
	push(t, w, "m1")
	closed := make(chan error, 1)
	go func() { closed <- w.Close() }()
	select {
	case err := <-closed:
		if err == nil {
			t.Fatal("Close = nil, want an error: m1 was not delivered")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close still blocked 5s after FlushTimeout (10ms): the connection made as it aborted was never aborted")
	}
}

// A Flush of messages that Close dropped reports them, whenever it runs.
func TestFlushAfterCloseDroppedItsMessages(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	s.hold, s.inWrite = make(chan struct{}), make(chan struct{}, 10)
	defer close(s.hold)
	cfg := config(s, out)
	cfg.FlushTimeout = 10 * time.Millisecond
	w := start(t, cfg)
	push(t, w, "m1", "m2")
	<-s.inWrite
	if err := w.Close(); err == nil {
		t.Fatal("Close = nil with m1 and m2 held")
	}
	if err := w.Flush(); err == nil || err.Error() != "test: 2 messages not written to srv: the sink is closed" {
		t.Fatalf("Flush after Close = %v", err)
	}
}
