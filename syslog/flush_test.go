package syslog

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

func TestFlushAndComplete(t *testing.T) {
	t.Parallel()
	srv := listenStream(t, "tcp", "127.0.0.1:0")
	s, err := Dial("tcp", srv.addr, fixedOptions(Options{RecordSDID: "-"}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	for i := range 10 {
		l.Info("m{}", i)
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	l.Info("last")
	if err := l.Complete(); err != nil {
		t.Fatal(err)
	}
	for i := range 10 {
		expect(t, srv.got, "<14>1 "+head+" INFO - m"+string(rune('0'+i)))
	}
	expect(t, srv.got, "<14>1 "+head+" INFO - last")
}

func TestConcurrentWrites(t *testing.T) {
	t.Parallel()
	srv := listenStream(t, "tcp", "127.0.0.1:0")
	s, err := Dial("tcp", srv.addr, fixedOptions(Options{RecordSDID: "-", BufferRecords: 1000}))
	if err != nil {
		t.Fatal(err)
	}
	l := newLogger(t, s, loguru.HandlerOptions{})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				l.Info("g{} m{}", g, i)
			}
		}()
	}
	wg.Wait()
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	next := map[string]int{}
	for range 200 {
		m := receive(t, srv.got)
		var g, i int
		_, msg, _ := strings.Cut(m, " INFO - ")
		if _, err := fmt.Sscanf(msg, "g%d m%d", &g, &i); err != nil {
			t.Fatalf("%q: %v", m, err)
		}
		key := string(rune('0' + g))
		if i != next[key] {
			t.Fatalf("goroutine %d: got m%d, want m%d", g, i, next[key])
		}
		next[key]++
	}
}

// TestFlushAndCloseWhileDown: Flush makes one attempt at once and reports
// its failure; Close makes one more, drops what is left and says so.
func TestFlushAndCloseWhileDown(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	timer := newFakeTimer()
	errs := &safeBuffer{}
	s, err := New("tcp", addr, fixedOptions(Options{After: timer.After, ErrorOutput: errs}))
	if err != nil {
		t.Fatal(err)
	}
	timer.wait(t)
	rec := record("INFO", 20, "lost")
	if err := s.Write(loguru.Message{Record: rec}); err != nil {
		t.Fatal(err)
	}
	err = s.Flush()
	if err == nil || !strings.Contains(err.Error(), "1 messages not written to "+addr+": dial tcp ") {
		t.Fatalf("Flush: %v", err)
	}
	timer.wait(t)
	err = s.Close()
	if err == nil || !strings.HasPrefix(err.Error(), "syslog: closing: 1 messages not delivered: "+addr+" is unreachable: dial tcp ") {
		t.Fatalf("Close: %v", err)
	}
	if n := s.Dropped(); n != 1 {
		t.Fatalf("Dropped() = %d", n)
	}
	if !strings.HasSuffix(errs.String(), "\nloguru syslog: dropped 1 messages while "+addr+" was unreachable\n") {
		t.Fatalf("reports:\n%s", errs.String())
	}
	if err := s.Write(loguru.Message{Record: rec}); !errors.Is(err, ErrClosed) {
		t.Fatalf("Write after Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	// The message Close dropped was queued before this Flush too.
	if err := s.Flush(); err == nil || err.Error() != "syslog: 1 messages not written to "+addr+": the sink is closed" {
		t.Fatalf("Flush after Close: %v", err)
	}
}

// TestCloseBreaksAStuckWrite: a server that stops reading cannot hold
// Close for longer than FlushTimeout.
func TestCloseBreaksAStuckWrite(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	accepted := make(chan net.Conn, 1)
	go func() {
		defer close(accepted)
		if c, err := ln.Accept(); err == nil {
			accepted <- c // and never read from
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		for c := range accepted {
			_ = c.Close()
		}
	})

	s, err := Dial("tcp", ln.Addr().String(), fixedOptions(Options{WriteTimeout: time.Hour, FlushTimeout: 50 * time.Millisecond, BufferRecords: 40}))
	if err != nil {
		t.Fatal(err)
	}
	big := record("INFO", 20, strings.Repeat("z", 1<<20))
	for range 40 {
		if err := s.Write(loguru.Message{Record: big}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err == nil || !strings.Contains(err.Error(), "messages not delivered") {
		t.Fatalf("Close: %v", err)
	}
}

// TestCloseIdleWhileDown: with nothing to deliver, Close does not try the
// unreachable server again.
func TestCloseIdleWhileDown(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	timer := newFakeTimer()
	dials := 0
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		dials++ // only the writer goroutine dials
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
	s, err := New("tcp", addr, fixedOptions(Options{After: timer.After, Dial: dial}))
	if err != nil {
		t.Fatal(err)
	}
	timer.wait(t)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if dials != 1 {
		t.Fatalf("%d connection attempts, want 1", dials)
	}
}
