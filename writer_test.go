package loguru_test

import (
	"fmt"
	"io"
	"log"
	"testing"

	"github.com/loguru-go/loguru"
)

func TestLineWriterForStdlibLog(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} {function}:{line} {message}"})
	std := log.New(l.Writer("WARNING"), "", 0)
	n := line() + 1
	std.Printf("disk at %d%%", 93)
	std.Print("two\nlines")
	want := fmt.Sprintf("WARNING TestLineWriterForStdlibLog:%[1]d disk at 93%%\nWARNING TestLineWriterForStdlibLog:%[2]d two\nWARNING TestLineWriterForStdlibLog:%[2]d lines\n", n, n+1)
	expect(t, buf.String(), want)
}

func TestLineWriterBuffersPartialLines(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level}:{line} [{message}]"})
	w := l.Writer("INFO")
	n := line() + 1
	fmt.Fprint(w, "hel")
	fmt.Fprint(w, "lo\r\n\nwor")
	if got := buf.String(); got != fmt.Sprintf("INFO:%[1]d [hello]\nINFO:%[1]d []\n", n+1) {
		t.Fatalf("before Flush: %q", got)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	_ = w.Flush() // nothing left: logs nothing
	// The pending line is logged by Close, so Close is its caller.
	expect(t, buf.String(), fmt.Sprintf("INFO:%[1]d [hello]\nINFO:%[1]d []\nINFO:%[2]d [wor]\n", n+1, n+5))
}

func TestLineWriterNeverFormats(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	n, err := io.WriteString(l.Writer("INFO"), "{} {0} {name}\n")
	if n != 14 || err != nil {
		t.Fatalf("Write = %d, %v", n, err)
	}
	expect(t, buf.String(), "{} {0} {name}\n")
}

func TestLineWriterUnknownLevelIsReported(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	errs := loggerErrors(l)
	if _, err := io.WriteString(l.Writer("NOPE"), "lost?\n"); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "" || !contains(errs.String(), "--- Logging error in Loguru ---", `loguru: level "NOPE" does not exist`) {
		t.Fatalf("output %q, report %q", buf.String(), errs.String())
	}
}

func TestNestedExtraRendersAsDict(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{extra}"})
	loop := map[string]any{"k": "v"}
	loop["self"] = loop
	l.Bind("user", map[string]any{"name": "bob", "tags": []string{"a"}}, "loop", loop).Info("x")
	want := `{"loop": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {"k": "v", "self": {...}}}}}}}}}}}}}}}}, "user": {"name": "bob", "tags": [a]}}` + "\n"
	expect(t, buf.String(), want)
}
