package loguru_test

import (
	"errors"
	"io"
	"testing"

	"github.com/loguru-go/loguru"
)

// BenchmarkInfoWithTracebackOptions logs a record without an error to
// handlers with Backtrace and Diagnose on and off: the traceback machinery
// must cost such records nothing.
func BenchmarkInfoWithTracebackOptions(b *testing.B) {
	for _, c := range []struct {
		name string
		sw   loguru.Switch
	}{{"on", loguru.On}, {"off", loguru.Off}} {
		b.Run(c.name, func(b *testing.B) {
			l := loguru.New()
			l.Add(io.Discard, loguru.HandlerOptions{Colorize: loguru.Off, Backtrace: c.sw, Diagnose: c.sw})
			b.ReportAllocs()
			for b.Loop() {
				l.Info("static message")
			}
		})
	}
}

// BenchmarkException is the price of a record with an error: capture at
// the call, then the report built and rendered once.
func BenchmarkException(b *testing.B) {
	plain := errors.New("boom")
	chained := loguru.Wrap(loguru.NewError("port out of range", loguru.F("port", 70000)), "load config", loguru.F("path", "/etc/app.toml"))
	for _, c := range []struct {
		name string
		err  error
		opts loguru.HandlerOptions
	}{
		{"plain", plain, loguru.HandlerOptions{Colorize: loguru.Off}},
		{"plain-nobacktrace-nodiagnose", plain, loguru.HandlerOptions{Colorize: loguru.Off, Backtrace: loguru.Off, Diagnose: loguru.Off}},
		{"chain", chained, loguru.HandlerOptions{Colorize: loguru.Off}},
		{"chain-serialize", chained, loguru.HandlerOptions{Serialize: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			l := loguru.New()
			l.Add(io.Discard, c.opts)
			b.ReportAllocs()
			for b.Loop() {
				l.Exception(c.err, "failed")
			}
		})
	}
}

func BenchmarkCatch(b *testing.B) {
	l := loguru.New()
	l.Add(io.Discard, loguru.HandlerOptions{Colorize: loguru.Off})
	b.ReportAllocs()
	for b.Loop() {
		l.CatchFunc(func() { panic("boom") })
	}
}

func BenchmarkNewError(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = loguru.NewError("boom", loguru.F("id", 7))
	}
}

func BenchmarkWrap(b *testing.B) {
	base := loguru.NewError("boom")
	b.ReportAllocs()
	for b.Loop() {
		_ = loguru.Wrap(base, "context")
	}
}
