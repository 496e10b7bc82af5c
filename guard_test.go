package loguru_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/loguru-go/loguru"
)

// A sink that logs to its own handler is refused the same way whether the
// handler has a reentry mark or, with every mark taken, records its
// goroutine id.
func TestReentryIsRefusedWithAndWithoutMark(t *testing.T) {
	eachGuard(t, func(t *testing.T, guard string) {
		l := loguru.New()
		errs := loggerErrors(l)
		var got []string
		id, _ := l.Add(func(m loguru.Message) {
			got = append(got, m.Text)
			l.Info("from inside the sink")
		}, loguru.HandlerOptions{Format: "{message}"})
		if g := l.Guard(id); g != guard {
			t.Fatalf("guard = %q; want %q", g, guard)
		}
		l.Info("outer")
		l.Info("again")
		if fmt.Sprint(got) != "[outer\n again\n]" {
			t.Errorf("written %q", got)
		}
		if n := strings.Count(errs.String(), "(deadlock avoided)"); n != 2 {
			t.Errorf("%d deadlock reports; want 2:\n%s", n, errs.String())
		}
	})
}

// eachGuard runs test once with a handler guarded by a reentry mark and
// once, with every mark taken, by its goroutine id.
func eachGuard(t *testing.T, test func(t *testing.T, guard string)) {
	for _, guard := range []string{"mark", "owner"} {
		t.Run(guard, func(t *testing.T) {
			if guard == "owner" {
				loguru.TakeAllMarks(t)
			} else {
				loguru.ReclaimMarks(t)
			}
			test(t, guard)
		})
	}
}

// Goroutines that find the lock taken by another goroutine wait for it:
// they are not mistaken for a reentrant call.
func TestContendedSinkWaits(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	errs := loggerErrors(l)
	entered, release := make(chan struct{}), make(chan struct{})
	var mu sync.Mutex
	var got []string
	first := true
	l.Add(func(m loguru.Message) {
		mu.Lock()
		got = append(got, m.Text)
		wait := first
		first = false
		mu.Unlock()
		if wait {
			close(entered)
			<-release // the others arrive while this write holds the lock
		}
	}, loguru.HandlerOptions{Format: "{message}"})
	var wg sync.WaitGroup
	wg.Go(func() { l.Info("first") })
	<-entered
	var arrived sync.WaitGroup
	for i := range 4 {
		arrived.Add(1)
		wg.Go(func() {
			arrived.Done()
			l.Info("waiter {}", i)
		})
	}
	arrived.Wait()
	for range 100 {
		runtime.Gosched() // let the waiters reach the lock
	}
	close(release)
	wg.Wait()
	if len(got) != 5 || got[0] != "first\n" {
		t.Errorf("written %q", got)
	}
	if errs.String() != "" {
		t.Errorf("reports: %s", errs.String())
	}
}

// A plain file sink runs no user code: it is written under the lock with no
// guard. One with a RotationFunc runs user code and is guarded.
func TestFileSinkGuard(t *testing.T) {
	dir := t.TempDir()
	loguru.ReclaimMarks(t)
	l := loguru.New()
	plain, _ := l.Add(filepath.Join(dir, "a.log"), loguru.HandlerOptions{Rotation: "1 MB"})
	withFunc, _ := l.Add(filepath.Join(dir, "b.log"), loguru.HandlerOptions{
		RotationFunc: func(loguru.Message, *os.File) bool { return false }})
	defer l.RemoveAll()
	if g := l.Guard(plain); g != "none" {
		t.Errorf("plain file guard = %q", g)
	}
	if g := l.Guard(withFunc); g != "mark" {
		t.Errorf("file with RotationFunc guard = %q", g)
	}
}

// A sink may remove or complete its own handler: the call returns at once
// (the handler closes when the sink returns) instead of waiting for the
// lock the sink holds.
func TestSinkRemovesOrCompletesItsOwnHandler(t *testing.T) {
	eachGuard(t, func(t *testing.T, guard string) {
		l := loguru.New()
		errs := loggerErrors(l)
		s := &selfRemovingSink{}
		var id int
		s.write = func(loguru.Message) error {
			if err := l.Complete(); err != nil {
				t.Errorf("Complete in the sink: %v", err)
			}
			if err := l.Remove(id); err != nil {
				t.Errorf("Remove in the sink: %v", err)
			}
			return nil
		}
		id, _ = l.Add(s, loguru.HandlerOptions{Format: "{message}"})
		if g := l.Guard(id); g != guard {
			t.Fatalf("guard = %q; want %q", g, guard)
		}
		l.Info("remove yourself")
		s.closed.Wait() // closed once the sink returned
		l.Info("nobody hears this")
		if s.writes != 1 {
			t.Errorf("%d writes; want 1", s.writes)
		}
		if errs.String() != "" {
			t.Errorf("reports: %s", errs.String())
		}
	})
}

// selfRemovingSink is a Sink that runs write and tells when it is closed.
type selfRemovingSink struct {
	write  func(loguru.Message) error
	writes int
	closed sync.WaitGroup
	once   sync.Once
}

func (s *selfRemovingSink) Write(m loguru.Message) error {
	s.once.Do(func() { s.closed.Add(1) })
	s.writes++
	return s.write(m)
}

func (s *selfRemovingSink) Close() error { s.closed.Done(); return nil }
