package benchmarks

import (
	"io"
	"testing"
)

const staticMessage = "Order shipped to the customer"

// BenchmarkDisabled logs below the handler level: the cost every disabled
// debug line pays in production.
func BenchmarkDisabled(b *testing.B) {
	b.Run("loguru", func(b *testing.B) {
		l := newLoguru(io.Discard)
		parallel(b, func() { l.Debug(staticMessage) })
	})
	b.Run("zerolog", func(b *testing.B) {
		l := newZerolog(io.Discard)
		parallel(b, func() { l.Debug().Msg(staticMessage) })
	})
	b.Run("zerolog-nocaller", func(b *testing.B) {
		l := newZerologNoCaller(io.Discard)
		parallel(b, func() { l.Debug().Msg(staticMessage) })
	})
	b.Run("zap", func(b *testing.B) {
		l := newZapConsole(io.Discard)
		parallel(b, func() { l.Debug(staticMessage) })
	})
	b.Run("slog", func(b *testing.B) {
		l := newSlogText(io.Discard)
		parallel(b, func() { l.Debug(staticMessage) })
	})
	b.Run("phuslu", func(b *testing.B) {
		l := newPhuslu(io.Discard)
		parallel(b, func() { l.Debug().Msg(staticMessage) })
	})
	b.Run("logrus", func(b *testing.B) {
		l := newLogrus(io.Discard)
		parallel(b, func() { l.Debug(staticMessage) })
	})
}

// BenchmarkTextWithCaller logs a static message in each library's line
// format with time, level and caller. Loguru's default format is text;
// zerolog and phuslu/log write JSON (their text writers are far slower).
func BenchmarkTextWithCaller(b *testing.B) {
	b.Run("loguru", func(b *testing.B) {
		l := newLoguru(io.Discard)
		parallel(b, func() { l.Info(staticMessage) })
	})
	b.Run("zerolog", func(b *testing.B) {
		l := newZerolog(io.Discard)
		parallel(b, func() { l.Info().Msg(staticMessage) })
	})
	b.Run("zerolog-nocaller", func(b *testing.B) {
		l := newZerologNoCaller(io.Discard)
		parallel(b, func() { l.Info().Msg(staticMessage) })
	})
	b.Run("zap", func(b *testing.B) {
		l := newZapConsole(io.Discard)
		parallel(b, func() { l.Info(staticMessage) })
	})
	b.Run("slog", func(b *testing.B) {
		l := newSlogText(io.Discard)
		parallel(b, func() { l.Info(staticMessage) })
	})
	b.Run("phuslu", func(b *testing.B) {
		l := newPhuslu(io.Discard)
		parallel(b, func() { l.Info().Msg(staticMessage) })
	})
	b.Run("logrus", func(b *testing.B) {
		l := newLogrus(io.Discard)
		parallel(b, func() { l.Info(staticMessage) })
	})
}

// parallel runs fn like zap's benchmark harness: b.RunParallel, so -cpu 1,2
// measures one and two logging goroutines.
func parallel(b *testing.B, fn func()) {
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			fn()
		}
	})
}
