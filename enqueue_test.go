package loguru_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"go.uber.org/goleak"

	"github.com/loguru-go/loguru"
)

func TestEnqueueWritesEverythingByComplete(t *testing.T) {
	defer goleak.VerifyNone(t)
	l, buf := newLogger(t, loguru.HandlerOptions{Enqueue: loguru.On, Format: "{level} {message} {extra[n]}"})
	for i := range 500 {
		l.Bind("n", i).Info("line {}", i)
	}
	if err := l.Complete(); err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for i := range 500 {
		fmt.Fprintf(&want, "INFO line %d %d\n", i, i)
	}
	expect(t, buf.String(), want.String())
	l.RemoveAll()
}

func TestEnqueueRemoveDrainsAndLeavesNoGoroutine(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := loguru.New()
	l.SetClock(fixedTime)
	var a, b syncBuffer
	ida, _ := l.Add(&a, loguru.HandlerOptions{Enqueue: loguru.On, Format: "{message}", QueueSize: 4})
	l.Add(&b, loguru.HandlerOptions{Enqueue: loguru.On, Format: "{message}"})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 250 {
				l.Info("{}-{}", g, i)
			}
		})
	}
	wg.Wait()
	if err := l.Remove(ida); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(a.String(), "\n"); n != 1000 {
		t.Fatalf("after Remove, %d of 1000 lines written", n)
	}
	if err := l.RemoveAll(); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 1000 {
		t.Fatalf("after RemoveAll, %d of 1000 lines written", n)
	}
	l.Info("after removal")
	for g := range 4 {
		// Each goroutine's lines keep their order.
		last := -1
		for _, line := range strings.Split(strings.TrimSpace(a.String()), "\n") {
			var gg, i int
			fmt.Sscanf(line, "%d-%d", &gg, &i)
			if gg == g {
				if i != last+1 {
					t.Fatalf("goroutine %d: line %d after %d", g, i, last)
				}
				last = i
			}
		}
	}
}

func TestEnqueueFunctionSinkGetsACopyOfTheRecord(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := loguru.New()
	l.SetClock(fixedTime)
	var got []string
	l.Add(func(m loguru.Message) {
		r := m.Record
		got = append(got, fmt.Sprintf("%s|%s|%s|%v|%q", r.Level.Name, r.Message, r.Function, r.Extra, m.Text))
	}, loguru.HandlerOptions{Enqueue: loguru.On, Format: "{message}"})
	l.Bind("user", "bob").Warning("one {}", 1)
	l.Info("two", loguru.F("k", "v"))
	l.RemoveAll()
	want := `[WARNING|one 1|TestEnqueueFunctionSinkGetsACopyOfTheRecord|map[user:bob]|"one 1\n" ` +
		`INFO|two|TestEnqueueFunctionSinkGetsACopyOfTheRecord|map[k:v]|"two\n"]`
	expect(t, fmt.Sprint(got), want)
}

func TestEnqueueRunsTheSinkOnItsOwnGoroutine(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := loguru.New()
	var sinkGoroutine string
	l.Add(func(loguru.Message) { sinkGoroutine = goroutineHeader() }, loguru.HandlerOptions{Enqueue: loguru.On})
	l.Info("x")
	l.Complete()
	if sinkGoroutine == "" || sinkGoroutine == goroutineHeader() {
		t.Fatalf("sink ran on %q, the logging goroutine is %q", sinkGoroutine, goroutineHeader())
	}
	l.RemoveAll()
}

// goroutineHeader is the "goroutine N" of the caller.
func goroutineHeader() string {
	b := make([]byte, 64)
	b = b[:runtime.Stack(b, false)]
	s, _, _ := strings.Cut(string(b), " [")
	return s
}

func TestEnqueueFromTheEnvironment(t *testing.T) {
	defer goleak.VerifyNone(t)
	loguru.SetEnv(t, map[string]string{"LOGURU_ENQUEUE": "yes"})
	l := loguru.New()
	var sinkGoroutine string
	l.Add(func(loguru.Message) { sinkGoroutine = goroutineHeader() })
	l.Info("x")
	l.Complete()
	if sinkGoroutine == goroutineHeader() {
		t.Fatal("LOGURU_ENQUEUE=yes: the sink ran on the logging goroutine")
	}
	l.RemoveAll()
	// Enqueue: Off keeps a handler synchronous whatever the environment says.
	l.Add(func(loguru.Message) { sinkGoroutine = goroutineHeader() }, loguru.HandlerOptions{Enqueue: loguru.Off})
	l.Info("y")
	if sinkGoroutine != goroutineHeader() {
		t.Fatal("Enqueue: Off under LOGURU_ENQUEUE=yes: the sink ran on another goroutine")
	}
	if _, err := l.Add(io.Discard, loguru.HandlerOptions{Enqueue: loguru.Off, QueueSize: 10}); err == nil {
		t.Error("QueueSize on a handler with Enqueue: Off is accepted")
	}
	l.RemoveAll()
}

func TestEnqueueSinkLoggingToItselfDoesNotHang(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := loguru.New()
	l.SetClock(fixedTime)
	var out []string
	depth := 0
	last := make(chan struct{})
	l.Add(func(m loguru.Message) {
		out = append(out, m.Text)
		if depth == 3 {
			close(last)
			return
		}
		depth++
		l.Info("from the sink {}", depth)
		l.Complete() // returns at once on the writer
	}, loguru.HandlerOptions{Enqueue: loguru.On, Format: "{message}", QueueSize: 1})
	l.Info("start")
	<-last // each record the sink logs is written in the next batch
	l.RemoveAll()
	expect(t, strings.Join(out, ""), "start\nfrom the sink 1\nfrom the sink 2\nfrom the sink 3\n")
}

func TestEnqueueDropPolicyReportsOnStderr(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := loguru.New()
	reports := loggerErrors(l)
	l.SetClock(fixedTime)
	hold, entered := make(chan struct{}), make(chan struct{})
	var out []string
	l.Add(func(m loguru.Message) {
		if m.Record.Message == "first" {
			close(entered)
			<-hold
		}
		out = append(out, m.Text)
	}, loguru.HandlerOptions{Enqueue: loguru.On, Format: "{message}", QueueSize: 2, QueueFull: loguru.QueueDrop})
	l.Info("first")
	<-entered
	for i := range 5 {
		l.Info("then {}", i)
	}
	close(hold)
	l.Complete()
	expect(t, strings.Join(out, ""), "first\nthen 0\nthen 1\n")
	expect(t, reports.String(), "--- Logging error in Loguru Handler #0 ---\nRecord was: None\n"+
		"loguru.queueFullError: 3 records dropped: the queue was full\n--- End of logging error ---\n")
	l.RemoveAll()
}

func TestEnqueueFailuresAreReportedNeverRaised(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := loguru.New()
	reports := loggerErrors(l)
	l.SetClock(fixedTime)
	l.Add(failingWriter{}, loguru.HandlerOptions{Enqueue: loguru.On, Format: "{message}"})
	l.Add(func(loguru.Message) { panic("sink bug") }, loguru.HandlerOptions{Enqueue: loguru.On, Catch: loguru.Off})
	l.Info("hello")
	l.Complete()
	l.RemoveAll()
	got := reports.String()
	for _, want := range []string{
		"--- Logging error in Loguru Handler #0 ---\nRecord was: None\n*errors.errorString: disk full\n--- End of logging error ---\n",
		"--- Logging error in Loguru Handler #1 ---\nRecord was: {time: 2026-11-22 10:01:02.345678 +01:00, level: INFO",
		"panic: sink bug\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("reports lack %q:\n%s", want, got)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestEnqueueFileRotationKeepsEachLineInItsFile(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	l, _ := addFile(t, filepath.Join(dir, "app.log"), loguru.HandlerOptions{Rotation: "25 B", Enqueue: loguru.On})
	for i := range 7 {
		l.Info("line {}", i)
	}
	l.RemoveAll()
	expectFiles(t, dir, map[string]string{
		"app.2026-11-22_10-01-02_345678.log":   "line 0\nline 1\nline 2\n",
		"app.2026-11-22_10-01-02_345678.2.log": "line 3\nline 4\nline 5\n",
		"app.log":                              "line 6\n",
	})
}

func TestEnqueueSinkRemovingItsOwnHandler(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := loguru.New()
	var id int
	var out []string
	closed := make(chan struct{})
	id, _ = l.Add(&notifyingSink{write: func(m loguru.Message) {
		out = append(out, m.Text)
		if m.Record.Message == "last" {
			if err := l.Remove(id); err != nil {
				t.Error(err)
			}
		}
	}, closed: closed}, loguru.HandlerOptions{Enqueue: loguru.On, Format: "{message}"})
	l.Info("first")
	l.Info("last")
	<-closed // the sink is closed once the queue is written
	l.Info("gone")
	expect(t, strings.Join(out, ""), "first\nlast\n")
}

type notifyingSink struct {
	write  func(loguru.Message)
	closed chan struct{}
}

func (s *notifyingSink) Write(m loguru.Message) error { s.write(m); return nil }
func (s *notifyingSink) Close() error                 { close(s.closed); return nil }

// Writers that serialize their own writes (an *os.File) are written without
// the handler's lock; Remove must still wait for a write in progress.
func TestRemoveWaitsForAWriteInProgressOnAFile(t *testing.T) {
	t.Parallel()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	l := loguru.New()
	id, _ := l.Add(w, loguru.HandlerOptions{Format: "{message}"})
	big := strings.Repeat("x", 1<<20) // far more than a pipe holds: the write blocks
	logged := make(chan struct{})
	go func() { l.Info(big); close(logged) }()
	var head [1]byte
	if _, err := io.ReadFull(r, head[:]); err != nil { // the write has started
		t.Fatal(err)
	}
	var removed atomic.Bool
	done := make(chan struct{})
	go func() {
		if err := l.Remove(id); err != nil {
			t.Error(err)
		}
		removed.Store(true)
		close(done)
	}()
	// While more is left than a pipe can hold, the write cannot have ended.
	left := 256 << 10
	rest := make([]byte, len(big)+1)
	if _, err := io.ReadFull(r, rest[:len(big)-1-left]); err != nil {
		t.Fatal(err)
	}
	if removed.Load() {
		t.Fatal("Remove returned while the write was still in progress")
	}
	if _, err := io.ReadFull(r, rest[:left+1]); err != nil || rest[left] != '\n' {
		t.Fatalf("the line does not end where expected (%v)", err)
	}
	<-logged
	<-done
	l.Info("after Remove")
	w.Close()
	if extra, _ := io.ReadAll(r); len(extra) != 0 {
		t.Fatalf("%d bytes written after Remove", len(extra))
	}
}

// heldWriter blocks its first Write until released, and records every Write.
type heldWriter struct {
	mu      sync.Mutex
	writes  []string
	entered chan struct{}
	release chan struct{}
	flushes []int // number of writes seen at each Flush
}

func (w *heldWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	first := len(w.writes) == 0
	w.writes = append(w.writes, string(p))
	w.mu.Unlock()
	if first {
		close(w.entered)
		<-w.release
	}
	return len(p), nil
}

func (w *heldWriter) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.flushes = append(w.flushes, len(w.writes))
	return nil
}

func TestEnqueueWritesWhatAccumulatedInOneWriteAndCompleteFlushesAfter(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := loguru.New()
	l.SetClock(fixedTime)
	w := &heldWriter{entered: make(chan struct{}), release: make(chan struct{})}
	l.Add(w, loguru.HandlerOptions{Enqueue: loguru.On, Format: "{message}"})
	l.Info("first")
	<-w.entered // the writer goroutine is inside the first Write
	for i := range 4 {
		l.Info("then {}", i)
	}
	close(w.release)
	l.Complete()
	w.mu.Lock()
	writes, flushes := fmt.Sprintf("%q", w.writes), fmt.Sprint(w.flushes)
	w.mu.Unlock()
	// writerSink flushes after each Write, and Complete once more after the
	// queue is written.
	expect(t, writes, `["first\n" "then 0\nthen 1\nthen 2\nthen 3\n"]`)
	expect(t, flushes, "[1 2 2]")
	l.RemoveAll()
}
