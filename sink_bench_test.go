package loguru_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/loguru-go/loguru"
)

// BenchmarkFunctionSink is the cost of a record for a sink that runs user
// code: the record's goroutine id (Record.Thread) and the handler's
// reentrancy guard are on this path.
func BenchmarkFunctionSink(b *testing.B) {
	l := loguru.New()
	if _, err := l.Add(func(loguru.Message) {}, loguru.HandlerOptions{Format: "{message}"}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		l.Info("hello")
	}
}

// countingWriter is an io.Writer that is not an *os.File: the handler writes
// to it under its lock, with the reentry guard.
type countingWriter struct{ n int }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// BenchmarkWriterSink is the cost of a record for a writer the handler
// guards against reentry; no goroutine id is read on this path.
func BenchmarkWriterSink(b *testing.B) {
	l := loguru.New()
	if _, err := l.Add(&countingWriter{}, loguru.HandlerOptions{Format: "{message}"}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		l.Info("hello")
	}
}

// nopHandler is a slog.Handler that keeps nothing, so that the benchmark
// measures loguru's side of a slog sink.
type nopHandler struct{ n int }

func (h *nopHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *nopHandler) Handle(_ context.Context, r slog.Record) error {
	h.n += len(r.Message)
	return nil
}
func (h *nopHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h *nopHandler) WithGroup(string) slog.Handler      { return h }

// BenchmarkSlogHandlerSink is the cost of a record for a slog.Handler sink
// with its default format, the message alone.
func BenchmarkSlogHandlerSink(b *testing.B) {
	l := loguru.New()
	if _, err := l.Add(&nopHandler{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		l.Info("hello {}", "world")
	}
}
