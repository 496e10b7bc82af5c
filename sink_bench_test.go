package loguru_test

import (
	"testing"

	"github.com/loguru-go/loguru"
)

// BenchmarkFunctionSink is the cost of a record for a sink that runs user
// code: the record's goroutine id and the handler's reentrancy guard are on
// this path.
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
