package loguru_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

func TestAddRemoveIDs(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	var a, b, c syncBuffer
	opts := loguru.HandlerOptions{Format: "{message}"}
	ids := []int{}
	for _, w := range []*syncBuffer{&a, &b, &c} {
		id, err := l.Add(w, opts)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if fmt.Sprint(ids) != "[0 1 2]" {
		t.Fatalf("ids = %v", ids)
	}
	l.Info("one")
	if err := l.Remove(1); err != nil {
		t.Fatal(err)
	}
	l.Info("two")
	if err := l.Remove(1); err == nil || err.Error() != "loguru: there is no existing handler with id 1" {
		t.Fatalf("second Remove(1) = %v", err)
	}
	// Ids are never reused.
	if id, _ := l.Add(&b, opts); id != 3 {
		t.Fatalf("next id = %d", id)
	}
	if err := l.RemoveAll(); err != nil {
		t.Fatal(err)
	}
	l.Info("three")
	expect(t, a.String(), "one\ntwo\n")
	expect(t, b.String(), "one\n")
	expect(t, c.String(), "one\ntwo\n")
}

func TestFuncSinkAndMessage(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	l.SetClock(fixedTime)
	var got []string
	_, err := l.Add(func(m loguru.Message) {
		got = append(got, fmt.Sprintf("%q %s %d %v", m.Text, m.Record.Level.Name, m.Record.Line, m.Record.Extra))
	}, loguru.HandlerOptions{Format: "{level} {message}"})
	if err != nil {
		t.Fatal(err)
	}
	n := line() + 1
	l.Bind("k", "v").Success("ok")
	want := fmt.Sprintf(`"SUCCESS ok\n" SUCCESS %d map[k:v]`, n)
	if len(got) != 1 || got[0] != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	// Function sinks are never colored automatically.
	var text string
	l2 := loguru.New()
	l2.SetClock(fixedTime)
	l2.Add(func(m loguru.Message) { text = m.Text }, loguru.HandlerOptions{Format: "<red>{message}</red>"})
	l2.Info("x")
	expect(t, text, "x\n")
}

type closingSink struct {
	mu      sync.Mutex
	lines   []string
	flushed int
	closed  bool
	fail    error
}

func (s *closingSink) Write(m loguru.Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return s.fail
	}
	s.lines = append(s.lines, m.Text)
	return nil
}
func (s *closingSink) Flush() error { s.flushed++; return nil }
func (s *closingSink) Close() error { s.closed = true; return nil }

func TestSinkInterface(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	s := &closingSink{}
	id, err := l.Add(s, loguru.HandlerOptions{Format: "{message}"})
	if err != nil {
		t.Fatal(err)
	}
	l.Info("a")
	if err := l.Complete(); err != nil || s.flushed != 1 {
		t.Fatalf("Complete = %v, flushed %d", err, s.flushed)
	}
	if err := l.Remove(id); err != nil || !s.closed {
		t.Fatalf("Remove = %v, closed %v", err, s.closed)
	}
	l.Info("b")
	if fmt.Sprint(s.lines) != "[a\n]" {
		t.Fatalf("lines = %q", s.lines)
	}
}

func TestAddRejectsBadSinksAndOptions(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	tests := []struct {
		sink any
		opts loguru.HandlerOptions
		want string
	}{
		{nil, loguru.HandlerOptions{}, "loguru: cannot log to a nil sink"},
		{42, loguru.HandlerOptions{}, "loguru: cannot log to objects of type int"},
		{(func(loguru.Message))(nil), loguru.HandlerOptions{}, "loguru: cannot log to a nil function"},
		{&syncBuffer{}, loguru.HandlerOptions{QueueSize: 10}, "loguru: QueueSize and QueueFull apply to Enqueue handlers only"},
		{&syncBuffer{}, loguru.HandlerOptions{QueueFull: loguru.QueueDrop}, "loguru: QueueSize and QueueFull apply to Enqueue handlers only"},
		{&syncBuffer{}, loguru.HandlerOptions{Enqueue: loguru.On, QueueSize: -1}, "loguru: invalid QueueSize -1: it must be 0 (the default, 8192 records) or more"},
		{&syncBuffer{}, loguru.HandlerOptions{Enqueue: loguru.On, QueueFull: 7}, "loguru: invalid QueueFull policy 7: use QueueBlock or QueueDrop"},
		{&syncBuffer{}, loguru.HandlerOptions{FilterLevels: map[string]string{"a": "NOPE"}},
			`loguru: the filter map contains the package "a" associated to a level that does not exist: "NOPE"`},
		{&syncBuffer{}, loguru.HandlerOptions{FilterLevels: map[string]string{"a": "-1"}}, //loguru-vet:ignore a negative level is the case under test
			`loguru: the filter map contains the package "a" associated to an invalid level, it should be a positive integer, not: -1`},
	}
	for _, tt := range tests {
		if _, err := l.Add(tt.sink, tt.opts); err == nil || err.Error() != tt.want {
			t.Errorf("Add(%T) error = %v, want %q", tt.sink, err, tt.want)
		}
	}
	if _, err := l.Add(&syncBuffer{}, loguru.HandlerOptions{}, loguru.HandlerOptions{}); err == nil {
		t.Error("Add accepted two HandlerOptions")
	}
}

var reportRe = regexp.MustCompile(`^--- Logging error in Loguru Handler #1 ---\n` +
	`Record was: \{time: 2026-11-22 10:01:02\.345678 \+01:00, level: INFO, name: "github\.com/loguru-go/loguru_test", function: "TestFailingSinkIsReported", file: "handler_test\.go", line: \d+, message: "hello", extra: \{"user": "bob"\}\}\n` +
	`Logged by github\.com/loguru-go/loguru_test\.TestFailingSinkIsReported in handler_test\.go:\d+\n` +
	`\*errors\.errorString: disk full\n` +
	`--- End of logging error ---\n$`)

func TestFailingSinkIsReported(t *testing.T) {
	t.Parallel()
	l, good := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	errs := loggerErrors(l)
	bad := &closingSink{fail: errors.New("disk full")}
	l.Add(bad, loguru.HandlerOptions{Format: "{message}"})
	l.Bind("user", "bob").Info("hello")
	l.Info("still logging")
	expect(t, good.String(), "hello\nstill logging\n")
	reports := strings.SplitAfter(errs.String(), "--- End of logging error ---\n")
	if !reportRe.MatchString(reports[0]) {
		t.Fatalf("report:\n%s", reports[0])
	}
}

func TestPanickingSinkIsReported(t *testing.T) {
	t.Parallel()
	l, good := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	errs := loggerErrors(l)
	l.Add(func(loguru.Message) { panic("sink exploded") }, loguru.HandlerOptions{})
	l.Add(&syncBuffer{}, loguru.HandlerOptions{FilterFunc: func(*loguru.Record) bool { panic("filter exploded") }})
	l.Info("hello")
	l.Info("again")
	expect(t, good.String(), "hello\nagain\n")
	out := errs.String()
	for _, want := range []string{
		"--- Logging error in Loguru Handler #1 ---\nRecord was: {time:",
		"panic: sink exploded\n\ngoroutine ",
		"--- Logging error in Loguru Handler #2 ---\n",
		"panic: filter exploded\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	// The first failure of each handler is reported; "again" only counts
	// until a summary is due.
	if n := strings.Count(out, "--- End of logging error ---\n"); n != 2 {
		t.Errorf("%d reports, want 2", n)
	}
}

func TestCatchOffPropagates(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	l.Add(&closingSink{fail: errors.New("nope")}, loguru.HandlerOptions{Catch: loguru.Off})
	defer func() {
		v := recover()
		var se *loguru.SinkError
		if err, ok := v.(error); !ok || !errors.As(err, &se) || se.HandlerID != 0 || se.Err.Error() != "nope" {
			t.Fatalf("recovered %v", v)
		}
	}()
	l.Info("x")
	t.Fatal("no panic")
}

func TestFilters(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", FilterFunc: func(r *loguru.Record) bool {
		return r.Extra["keep"] == true
	}})
	l.Info("dropped")
	l.Bind("keep", true).Info("kept")
	expect(t, buf.String(), "kept\n")
}

func TestSetLevel(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", Level: "INFO"})
	l.Debug("no")
	if err := l.SetLevel(0, "DEBUG"); err != nil {
		t.Fatal(err)
	}
	l.Debug("yes")
	if err := l.SetLevel(0, "NOPE"); err == nil {
		t.Fatal("SetLevel accepted an unknown level")
	}
	if err := l.SetLevel(9, "INFO"); err == nil || err.Error() != "loguru: there is no existing handler with id 9" {
		t.Fatalf("SetLevel(9) = %v", err)
	}
	expect(t, buf.String(), "yes\n")
}

func TestWriterWithoutTerminalIsNotColored(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "<red>{message}</red>"})
	l.Info("plain")
	expect(t, buf.String(), "plain\n")
}

func TestConcurrentLoggingKeepsLinesWhole(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{extra[g]} {message}"})
	var wg sync.WaitGroup
	const goroutines, each = 8, 500
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			lg := l.Bind("g", g)
			for i := 0; i < each; i++ {
				lg.Info("line {}", i)
			}
		}(g)
	}
	// Handlers come and go while others log.
	for i := 0; i < 50; i++ {
		id, _ := l.Add(&syncBuffer{})
		l.Remove(id)
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, ln := range lines(buf.String()) {
		if seen[ln] {
			t.Fatalf("duplicate line %q", ln)
		}
		seen[ln] = true
	}
	for g := 0; g < goroutines; g++ {
		for i := 0; i < each; i++ {
			if !seen[fmt.Sprintf("%d line %d", g, i)] {
				t.Fatalf("missing line %d of goroutine %d", i, g)
			}
		}
	}
}

func TestNewLoggersAreIndependent(t *testing.T) {
	t.Parallel()
	a, bufA := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	b, bufB := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	a.Info("to a")
	b.Info("to b")
	a.RemoveAll()
	b.Info("b still")
	expect(t, bufA.String(), "to a\n")
	expect(t, bufB.String(), "to b\nb still\n")
	// Derived loggers share handlers with their parent.
	child := b.Bind("x", 1)
	child.Info("child")
	expect(t, bufB.String(), "to b\nb still\nchild\n")
}

func TestSinkLoggingToItselfDoesNotDeadlock(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	errs := loggerErrors(l)
	var got []string
	l.Add(func(m loguru.Message) {
		got = append(got, m.Text)
		l.Info("from inside the sink")
	}, loguru.HandlerOptions{Format: "{message}"})
	l.Info("outer")
	if fmt.Sprint(got) != "[outer\n]" {
		t.Fatalf("got %q", got)
	}
	if !strings.Contains(errs.String(), "deadlock avoided") {
		t.Fatalf("report = %q", errs.String())
	}
}

// failingFlush is a sink whose Flush fails; it records whether Close ran.
type failingFlush struct{ closed bool }

func (s *failingFlush) Write(loguru.Message) error { return nil }
func (s *failingFlush) Flush() error               { return errors.New("disk gone") }
func (s *failingFlush) Close() error               { s.closed = true; return errors.New("still gone") }

func TestRemoveClosesSinkWhoseFlushFails(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	s := &failingFlush{}
	id, err := l.Add(s)
	if err != nil {
		t.Fatal(err)
	}
	err = l.Remove(id)
	want := fmt.Sprintf("loguru: flushing handler %d: disk gone\nloguru: closing handler %d: still gone", id, id)
	if err == nil || err.Error() != want {
		t.Fatalf("Remove error = %v, want %q", err, want)
	}
	if !s.closed {
		t.Fatal("Close was not called after Flush failed")
	}
}

// loggingWriter is an io.Writer that logs while it writes.
type loggingWriter struct {
	l   *loguru.Logger
	buf strings.Builder
}

func (w *loggingWriter) Write(p []byte) (int, error) {
	w.buf.Write(p)
	w.l.Info("from inside the writer")
	return len(p), nil
}

// A writer that logs to its own handler gets Loguru's deadlock report, as
// function sinks do, instead of hanging on the handler's lock.
func TestWriterLoggingToItselfDoesNotDeadlock(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	errs := loggerErrors(l)
	w := &loggingWriter{l: l}
	if _, err := l.Add(w, loguru.HandlerOptions{Format: "{message}"}); err != nil {
		t.Fatal(err)
	}
	l.Info("outer")
	if w.buf.String() != "outer\n" {
		t.Fatalf("written %q", w.buf.String())
	}
	if !strings.Contains(errs.String(), "could not acquire internal lock because it was already in use (deadlock avoided)") {
		t.Fatalf("report = %q", errs.String())
	}
}

// Each logger has its own clock and error output: what one test sets on its
// logger does not reach another's.
func TestLoggersOwnTheirClockAndErrorOutput(t *testing.T) {
	t.Parallel()
	a, b := loguru.New(), loguru.New()
	a.SetClock(fixedTime)
	b.SetClock(fixedTime.Add(time.Hour))
	aErrs, bErrs := loggerErrors(a), loggerErrors(b)
	var aOut, bOut syncBuffer
	a.Add(&aOut, loguru.HandlerOptions{Format: "{time:HH:mm} {message}"})
	b.Add(&bOut, loguru.HandlerOptions{Format: "{time:HH:mm} {message}"})
	b.Add(failingWriter{}, loguru.HandlerOptions{Format: "{message}"})
	a.Info("a")
	b.Info("b")
	expect(t, aOut.String(), "10:01 a\n")
	expect(t, bOut.String(), "11:01 b\n")
	if aErrs.String() != "" {
		t.Errorf("a's error output got b's report: %q", aErrs.String())
	}
	if !strings.Contains(bErrs.String(), "--- Logging error in Loguru Handler #1 ---\nRecord was: {time: 2026-11-22 11:01:02.345678 +01:00") {
		t.Errorf("b's report: %q", bErrs.String())
	}
}
