package loguru_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// brokenWriter fails while broken is set.
type brokenWriter struct {
	mu     sync.Mutex
	broken bool
	out    strings.Builder
}

func (w *brokenWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.broken {
		return 0, errors.New("no space left on device")
	}
	return w.out.Write(b)
}

func (w *brokenWriter) set(broken bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.broken = broken
}

// A sink that keeps failing is reported once, then summarized at most
// every ten seconds with the count of records lost, and once when it works
// again: not a block per record.
func TestFailingSinkIsReportedWithoutAFlood(t *testing.T) {
	t.Parallel()
	clk := newClock(fixedTime)
	w := &brokenWriter{broken: true}
	l := loguru.New()
	reports := loggerErrors(l)
	l.SetNow(clk.now)
	l.Add(w, loguru.HandlerOptions{Format: "{message}"})
	defer l.RemoveAll()
	for i := range 1000 {
		clk.set(fixedTime.Add(time.Duration(i) * 100 * time.Millisecond))
		l.Info("line {}", i)
	}
	w.set(false)
	l.Info("back")
	w.set(true)
	l.Info("lost again") // a new outage is reported whole again

	out := reports.String()
	blocks := strings.SplitAfter(out, "--- End of logging error ---\n")
	first := blocks[0]
	if !strings.HasPrefix(first, "--- Logging error in Loguru Handler #0 ---\nRecord was: {time: 2026-11-22 10:01:02.345678 +01:00, level: INFO,") ||
		!strings.Contains(first, `message: "line 0"`) ||
		!strings.HasSuffix(first, "*errors.errorString: no space left on device\n--- End of logging error ---\n") {
		t.Fatalf("first report:\n%s", first)
	}
	var want strings.Builder
	for k := 1; k <= 9; k++ { // records 100, 200, ... 900 are each ten seconds on
		fmt.Fprintf(&want, "--- Logging error in Loguru Handler #0 ---\n%d more records lost since %s; the last error:\n"+
			"*errors.errorString: no space left on device\n--- End of logging error ---\n",
			100, fixedTime.Add(time.Duration(k-1)*10*time.Second).Format(time.DateTime))
	}
	fmt.Fprintf(&want, "--- Logging error in Loguru Handler #0 ---\n99 more records lost since %s; the last error:\n"+
		"*errors.errorString: no space left on device\n--- End of logging error ---\n", fixedTime.Add(90*time.Second).Format(time.DateTime))
	want.WriteString("--- Loguru Handler #0 is writing again: 1000 records lost since 2026-11-22 10:01:02 ---\n")
	rest := strings.TrimPrefix(out, first)
	again := strings.Index(rest, "--- Logging error in Loguru Handler #0 ---\nRecord was:")
	if again < 0 {
		t.Fatalf("the second outage was not reported:\n%s", rest)
	}
	if rest[:again] != want.String() {
		t.Errorf("summaries:\n%s\nwant:\n%s", rest[:again], want.String())
	}
	if !strings.Contains(rest[again:], `message: "lost again"`) {
		t.Errorf("second outage:\n%s", rest[again:])
	}
	if w.out.String() != "back\n" {
		t.Errorf("written %q", w.out.String())
	}
}

type failingSlog struct{ slog.Handler }

func (failingSlog) Enabled(context.Context, slog.Level) bool  { return true }
func (failingSlog) Handle(context.Context, slog.Record) error { return errors.New("collector down") }

// Every kind of sink is limited alike: 500 failing records give the first
// report and, when the handler stops, one summary of the other 499.
func TestEverySinkKindIsReportedWithoutAFlood(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "taken.log"), 0o755) // a folder where the file should be
	kinds := []struct {
		name, err string
		sink      any
		opts      loguru.HandlerOptions
	}{
		{"writer", "no space left on device", &brokenWriter{broken: true}, loguru.HandlerOptions{}},
		{"Sink", "disk full", &closingSink{fail: errors.New("disk full")}, loguru.HandlerOptions{}},
		{"function", "panic: sink exploded", func(loguru.Message) { panic("sink exploded") }, loguru.HandlerOptions{}},
		{"slog.Handler", "collector down", failingSlog{}, loguru.HandlerOptions{}},
		{"file", "is a directory", filepath.Join(dir, "taken.log"), loguru.HandlerOptions{Delay: true}},
		{"full disk", "no space left on device", "/dev/full", loguru.HandlerOptions{}},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			l := loguru.New()
			reports := loggerErrors(l)
			l.SetClock(fixedTime)
			k.opts.Format = "{message}"
			id, err := l.Add(k.sink, k.opts)
			if err != nil {
				t.Fatal(err)
			}
			for i := range 500 {
				l.Info("line {}", i)
			}
			l.Remove(id)
			out := reports.String()
			if n := strings.Count(out, "--- Logging error in Loguru Handler #0 ---\n"); n != 2 {
				t.Errorf("%d reports, want 2:\n%s", n, out)
			}
			if !strings.Contains(out, "Logged by github.com/loguru-go/loguru_test.TestEverySinkKindIsReportedWithoutAFlood.func2 in fault_test.go:") {
				t.Errorf("the first report does not name the caller:\n%s", out)
			}
			if !strings.Contains(out, "\n499 more records lost since 2026-11-22 10:01:02; the last error:\n") || !strings.Contains(out, k.err) {
				t.Errorf("report:\n%s", out)
			}
		})
	}
}

// A queued handler is limited alike; its records fail a batch at a time.
func TestEnqueuedFailingSinkIsReportedWithoutAFlood(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	reports := loggerErrors(l)
	l.SetClock(fixedTime)
	id, _ := l.Add(&brokenWriter{broken: true}, loguru.HandlerOptions{Format: "{message}", Enqueue: loguru.On})
	for i := range 500 {
		l.Info("line {}", i)
	}
	l.Remove(id)
	out := reports.String()
	if n := strings.Count(out, "--- Logging error in Loguru Handler #0 ---\n"); n > 2 || n < 1 {
		t.Errorf("%d reports, want the first and at most one summary:\n%s", n, out)
	}
	if !strings.HasPrefix(out, "--- Logging error in Loguru Handler #0 ---\nRecord was: None\n*errors.errorString: no space left on device\n") {
		t.Errorf("report:\n%s", out)
	}
}
