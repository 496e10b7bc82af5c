package netwriter

import (
	"testing"
	"time"
)

// A Flush made while the writer is connected (and busy writing) does not
// ask for a reconnection: once it has returned, a later failure must be
// followed by the backoff, not by an immediate redial on its stale kick.
func TestAFlushThatReturnedDoesNotCutALaterBackoff(t *testing.T) {
	t.Parallel()
	s, out := newServer(), &syncBuffer{}
	s.hold, s.inWrite = make(chan struct{}), make(chan struct{}, 10)
	cfg := config(s, out)
	cfg.FlushTimeout = 10 * time.Millisecond
	never := make(chan time.Time)
	kicked := make(chan bool, 10)
	var w *Writer
	cfg.After = func(time.Duration) <-chan time.Time {
		kicked <- len(w.kick) > 0 // the backoff will end at once on it
		return never
	}
	w = start(t, cfg)
	push(t, w, "m1")
	<-s.inWrite // the writer is connected and writing m1
	if err := w.Flush(); err == nil {
		t.Fatal("Flush = nil while m1's write is held")
	}
	// The Flush has returned; now the write fails and the writer backs off.
	s.mu.Lock()
	s.takeOnly = 0
	s.mu.Unlock()
	close(s.hold)
	if <-kicked {
		t.Error("the backoff after the failed write is cut short by the kick of a Flush that returned before the failure: the writer redials at once")
	}
	w.Close()
}
