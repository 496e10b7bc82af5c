package loguru_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/syncbuf"
)

// fixedTime is the clock of every test: 2026-11-22 10:01:02.345678 at +01:00.
var fixedTime = time.Date(2026, 11, 22, 10, 1, 2, 345678901, time.FixedZone("CET", 3600))

// syncBuffer is the error output that goroutines write and the test reads.
type syncBuffer = syncbuf.Buffer

// newLogger returns an independent logger writing to a buffer with opts,
// with the test clock.
func newLogger(t *testing.T, opts loguru.HandlerOptions) (*loguru.Logger, *syncBuffer) {
	t.Helper()
	l := loguru.New()
	l.SetClock(fixedTime)
	var buf syncBuffer
	if _, err := l.Add(&buf, opts); err != nil {
		t.Fatalf("Add: %v", err)
	}
	return l, &buf
}

// line returns the line number of its caller.
func line() int {
	_, _, n, _ := runtime.Caller(1)
	return n
}

// captureErrors collects handler error reports.
func captureErrors(t *testing.T) *syncBuffer {
	var buf syncBuffer
	loguru.SetErrorOutput(t, &buf)
	return &buf
}

func lines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func expect(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("output mismatch\n got: %q\nwant: %q", got, want)
	}
}

func osGetpid() int { return os.Getpid() }

func filepathBase() string { return filepath.Base(os.Args[0]) }

func contains(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// thisFile returns the full path of the caller's source file.
func thisFile() string {
	_, file, _, _ := runtime.Caller(1)
	return file
}

// shortTraceback is the report of an error without a stack, logged at line
// n of this file by the test function fn, under Backtrace Off and Diagnose
// Off: the logging frame and the error's last line.
func shortTraceback(fn string, n int, src, typ, msg string) string {
	_, file, _, _ := runtime.Caller(1)
	return "Traceback (most recent call last):\n  File \"" + file + "\", line " + strconv.Itoa(n) +
		", in github.com/loguru-go/loguru_test." + fn + "\n    " + src + "\n" + typ + ": " + msg + "\n"
}

// loggerErrors captures l's failure reports for the rest of the test.
func loggerErrors(l *loguru.Logger) *syncBuffer {
	var buf syncBuffer
	l.SetErrorOutput(&buf)
	return &buf
}
