package loguru_test

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/loguru-go/loguru"
)

// closingRecordSink keeps what it receives and notices writes after Close.
type closingRecordSink struct {
	mu      sync.Mutex
	got     []string
	closed  atomic.Bool
	late    atomic.Int64
	removed *atomic.Bool // set by the test once Remove has returned
}

func (s *closingRecordSink) WriteRecord(r *loguru.Record) error {
	if s.closed.Load() || (s.removed != nil && s.removed.Load()) {
		s.late.Add(1)
	}
	s.mu.Lock()
	s.got = append(s.got, fmt.Sprintf("%s %s %v", r.Level.Name, r.Message, r.Extra))
	s.mu.Unlock()
	return nil
}

func (s *closingRecordSink) Close() error { s.closed.Store(true); return nil }

// Enqueue RecordSink with a patcher, Bind, Contextualize-free Fields and a
// FilterFunc, many goroutines logging while others call Complete: every
// record arrives exactly once, as patched, before Close.
func TestComboEnqueueRecordSinkPatchedConcurrentComplete(t *testing.T) {
	l := loguru.New()
	l.SetClock(fixedTime)
	s := &closingRecordSink{}
	id, err := l.Add(s, loguru.HandlerOptions{Enqueue: loguru.On, QueueSize: 4,
		FilterFunc: func(r *loguru.Record) bool { return r.Extra["skip"] == nil }})
	if err != nil {
		t.Fatal(err)
	}
	lg := l.Bind("app", "a").Patch(func(r *loguru.Record) { r.Extra["n"] = len(r.Message) })
	const G, M = 8, 50
	var wg sync.WaitGroup
	for g := range G {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range M {
				lg.Info("m{}-{}", g, i, loguru.F("k", i))
				lg.Info("skipped", loguru.F("skip", true))
			}
		}()
		go func() {
			defer wg.Done()
			for range 5 {
				if err := l.Complete(); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	if n := s.late.Load(); n != 0 {
		t.Errorf("%d writes after Close", n)
	}
	var want []string
	for g := range G {
		for i := range M {
			msg := fmt.Sprintf("m%d-%d", g, i)
			want = append(want, fmt.Sprintf("INFO %s map[app:a k:%d n:%d]", msg, i, len(msg)))
		}
	}
	sort.Strings(want)
	got := append([]string(nil), s.got...)
	sort.Strings(got)
	expect(t, strings.Join(got, "\n"), strings.Join(want, "\n"))
}

// Remove racing with logging, synchronous and Enqueue: once Remove has
// returned the sink sees nothing more, and no record is duplicated.
func TestComboRemoveRacingWithLogging(t *testing.T) {
	for _, enq := range []loguru.Switch{loguru.Off, loguru.On} {
		t.Run(enq.String(), func(t *testing.T) {
			l := loguru.New()
			var removed atomic.Bool
			s := &closingRecordSink{removed: &removed}
			id, err := l.Add(s, loguru.HandlerOptions{Enqueue: enq})
			if err != nil {
				t.Fatal(err)
			}
			var fn atomic.Int64
			fid, _ := l.Add(func(m loguru.Message) {
				if removed.Load() {
					fn.Add(1)
				}
			}, loguru.HandlerOptions{Enqueue: enq})
			start := make(chan struct{})
			var wg sync.WaitGroup
			var logged atomic.Int64
			for g := range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					for i := range 200 {
						l.Info("{} {}", g, i)
						logged.Add(1)
					}
				}()
			}
			close(start)
			for logged.Load() < 100 {
			}
			if err := l.Remove(id); err != nil {
				t.Fatal(err)
			}
			if err := l.Remove(fid); err != nil {
				t.Fatal(err)
			}
			removed.Store(true)
			wg.Wait()
			if n := s.late.Load() + fn.Load(); n != 0 {
				t.Errorf("%d writes after Remove returned", n)
			}
			seen := map[string]bool{}
			for _, g := range s.got {
				if seen[g] {
					t.Errorf("duplicate %q", g)
				}
				seen[g] = true
			}
			if len(s.got) < 100 {
				t.Errorf("only %d records before Remove", len(s.got))
			}
		})
	}
}
