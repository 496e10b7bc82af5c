package netsink

import (
	"bytes"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

const loadClients = 16

var producers = 2

// seen records which (client, seq) pairs a server received.
type seen struct {
	mu    sync.Mutex
	got   [loadClients][]bool
	dups  int
	bad   int
	count int
	all   chan struct{}
	want  int
}

func newSeen(perClient int) *seen {
	s := &seen{all: make(chan struct{}), want: loadClients * perClient}
	for i := range s.got {
		s.got[i] = make([]bool, perClient)
	}
	return s
}

// Write reads the lines "client seq\n" of the server's handler. A writer,
// unlike a function sink, is not user code: the logger spares it the
// bookkeeping it does for sinks that may log themselves.
func (s *seen) Write(p []byte) (int, error) {
	for line := range bytes.Lines(p) {
		a, b, _ := bytes.Cut(bytes.TrimSuffix(line, []byte("\n")), []byte(" "))
		c, err1 := strconv.Atoi(string(a))
		n, err2 := strconv.Atoi(string(b))
		s.add(c, n, err1 == nil && err2 == nil)
	}
	return len(p), nil
}

func (s *seen) add(c, n int, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case !ok || c < 0 || c >= loadClients || n < 0 || n >= len(s.got[c]):
		s.bad++
	case s.got[c][n]:
		s.dups++
	default:
		s.got[c][n] = true
		s.count++
		if s.count == s.want {
			close(s.all)
		}
	}
}

// loopback sends perClient records from each of loadClients loggers, each
// with its own Sink, to one server, and returns what it saw and how long
// it took.
func loopback(t testing.TB, perClient int) (*seen, time.Duration, []*Sink) {
	srv := startServer(t, ServerOptions{})
	got := newSeen(perClient)
	srv.log.RemoveAll()
	srv.log.Add(got, loguru.HandlerOptions{Format: "{extra[client]} {extra[seq]}"})
	sinks := make([]*Sink, loadClients)
	loggers := make([]*loguru.Logger, loadClients)
	for i := range sinks {
		sinks[i] = dialSink(t, srv.addr, Options{})
		loggers[i] = loguru.New()
		loggers[i].Add(sinks[i], loguru.HandlerOptions{Format: "{message}"})
	}
	start := time.Now()
	var wg sync.WaitGroup
	for p := range producers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range perClient {
				for i := p; i < loadClients; i += producers {
					loggers[i].LogFields("INFO", "load test record", loguru.F("client", i), loguru.F("seq", n))
				}
			}
			for i := p; i < loadClients; i += producers {
				if err := loggers[i].Complete(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	select {
	case <-got.all:
	case <-time.After(60 * time.Second):
		t.Errorf("timed out: %d records of %d arrived", got.count, got.want)
	}
	return got, time.Since(start), sinks
}

func TestLoad(t *testing.T) {
	got, elapsed, sinks := loopback(t, loadRecords)
	got.mu.Lock()
	defer got.mu.Unlock()
	if got.count != loadClients*loadRecords || got.dups != 0 || got.bad != 0 {
		t.Fatalf("received %d distinct records of %d, %d duplicates, %d without (client, seq)", got.count, loadClients*loadRecords, got.dups, got.bad)
	}
	for i, s := range sinks {
		if s.Dropped() != 0 {
			t.Errorf("client %d dropped %d records", i, s.Dropped())
		}
	}
	total := loadClients * loadRecords
	t.Logf("%d clients x %d records in %v: %.0f records/s", loadClients, loadRecords, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds())
}

// BenchmarkLoopback measures records per second from 16 clients to one
// server over loopback, end to end.
func BenchmarkLoopback(b *testing.B) {
	per := max(b.N/loadClients, 1)
	b.ResetTimer()
	_, elapsed, _ := loopback(b, per)
	b.ReportMetric(float64(per*loadClients)/elapsed.Seconds(), "records/s")
}
