package loguru_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
)

// Buffering + RotationFunc: Complete writes the buffer without asking the
// rotation function again. It judged each record as it came, with the
// record (the rotator recipe reads m.Record.Time).
func TestComboBufferingRotationFuncComplete(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	l := loguru.New()
	clk := newClock(fixedTime)
	l.SetNow(clk.now)
	var calls []string
	id, err := l.Add(filepath.Join(dir, "app.log"), loguru.HandlerOptions{
		Format: "{message}", Buffering: 1 << 10,
		RotationFunc: func(m loguru.Message, f *os.File) bool {
			calls = append(calls, fmt.Sprintf("%q record=%v", m.Text, m.Record != nil))
			_ = m.Record.Time // as the rotator recipe does
			return false
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	l.Info("one")
	l.Info("two")
	var p any
	func() {
		defer func() { p = recover() }()
		l.Complete()
	}()
	if p != nil {
		// The handler's lock may still be held: do not Remove.
		t.Fatalf("Complete panicked: %v\nRotationFunc calls: %q", p, calls)
	}
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	if len(calls) != 2 {
		t.Errorf("RotationFunc calls %q, want one per record", calls)
	}
}

// A sink whose Flush panics makes Complete and Remove return an error,
// never crash the program, and leaves the handler usable until removed.
func TestCompleteWithAPanickingFlush(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	s := &panickyFlush{}
	id, _ := l.Add(s, loguru.HandlerOptions{Format: "{message}"})
	l.Info("one")
	if err := l.Complete(); err == nil || err.Error() != "flush exploded" {
		t.Fatalf("Complete = %v", err)
	}
	l.Info("two") // would block if the handler's lock were still held
	if err := l.Remove(id); err == nil || err.Error() != fmt.Sprintf("loguru: flushing handler %d: flush exploded", id) {
		t.Fatalf("Remove = %v", err)
	}
	if got := strings.Join(s.lines, ""); got != "one\ntwo\n" {
		t.Fatalf("lines %q", got)
	}
}

type panickyFlush struct{ lines []string }

func (p *panickyFlush) Write(m loguru.Message) error { p.lines = append(p.lines, m.Text); return nil }
func (p *panickyFlush) Flush() error                 { panic("flush exploded") }
