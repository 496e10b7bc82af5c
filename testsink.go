package loguru

import (
	"io"
	"os"
	"strings"
	"sync"
)

// TB is the part of testing.TB that TestSink uses; *testing.T and
// *testing.B satisfy it. The core does not import package testing.
type TB interface {
	Helper()
	Log(args ...any)
	Cleanup(func())
}

// TestSink returns a sink that writes to the test's log, so a failing test
// shows what the code under test logged. Records that arrive after the test
// ended, when the test log no longer accepts them, go to stderr instead.
// Remove the handler when the test ends:
//
//	id, _ := loguru.Add(loguru.TestSink(t))
//	t.Cleanup(func() { loguru.Remove(id) })
func TestSink(t TB) Sink {
	s := &testSink{t: t}
	// Since Go 1.25 a test's Output writes lines without the file:line
	// prefix that Log would add, which here would point into loguru.
	if o, ok := t.(interface{ Output() io.Writer }); ok {
		s.out = o.Output()
	}
	t.Cleanup(func() {
		s.mu.Lock()
		s.done = true
		s.mu.Unlock()
	})
	return s
}

type testSink struct {
	t    TB
	out  io.Writer
	mu   sync.Mutex
	done bool
}

// Write logs m.Text in the test's log.
func (s *testSink) Write(m Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.done:
		_, err := io.WriteString(os.Stderr, m.Text)
		return err
	case s.out != nil:
		_, err := io.WriteString(s.out, m.Text)
		return err
	}
	s.t.Helper()
	s.t.Log(strings.TrimSuffix(m.Text, "\n"))
	return nil
}
