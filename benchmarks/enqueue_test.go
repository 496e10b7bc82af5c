package benchmarks

import (
	"bytes"
	"io"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// lineCounter is a discard sink that counts the lines it was given.
type lineCounter struct{ lines atomic.Int64 }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.lines.Add(int64(bytes.Count(p, []byte{'\n'})))
	return len(p), nil
}

// BenchmarkEnqueue logs the TextWithCaller line to an Enqueue handler
// writing to a discard sink. ns/op is the time per record seen by the
// logging goroutines (formatting included: the caller formats, the writer
// goroutine only writes); records/s is the rate at which the writer
// goroutine wrote them, the queue drained by Complete at the end.
func BenchmarkEnqueue(b *testing.B) {
	b.Run("loguru", func(b *testing.B) {
		var c lineCounter
		l := loguru.New()
		l.Add(&c, loguru.HandlerOptions{Level: "INFO", Colorize: loguru.Off, Enqueue: true, QueueSize: 1 << 16})
		defer l.RemoveAll()
		b.ReportAllocs()
		start := time.Now()
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				l.Info(staticMessage)
			}
		})
		l.Complete()
		b.StopTimer()
		if got := c.lines.Load(); got != int64(b.N) {
			b.Fatalf("%d of %d records written", got, b.N)
		}
		b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "records/s")
	})
	// The same handler without Enqueue, for the difference.
	b.Run("loguru-sync", func(b *testing.B) {
		l := newLoguru(io.Discard)
		parallel(b, func() { l.Info(staticMessage) })
	})
}

// BenchmarkEnqueuePush is the caller's share of Enqueue alone: a record
// already formatted, copied onto the queue (what Info does after
// formatting), from the benchmark's goroutines.
func BenchmarkEnqueuePush(b *testing.B) {
	b.Run("loguru", func(b *testing.B) {
		l := loguru.New()
		l.Add(io.Discard, loguru.HandlerOptions{Level: "INFO", Enqueue: true, QueueSize: 1 << 16, Format: "{message}"})
		defer l.RemoveAll()
		raw := l.Opt(loguru.CallOptions{Raw: true})
		parallel(b, func() { raw.Info("2026-11-22 10:01:02.345 | INFO     | main:main:4 - Order shipped to the customer\n") })
		l.Complete()
	})
}

// BenchmarkScaling logs the TextWithCaller line to one handler from 1, 2,
// 4 and 8 goroutines: the time per record must not grow with the number
// of goroutines past the number of cores.
func BenchmarkScaling(b *testing.B) {
	for _, g := range []int{1, 2, 4, 8} {
		b.Run("loguru-"+itoa(g), func(b *testing.B) {
			l := newLoguru(io.Discard)
			goroutines(b, g, func() { l.Info(staticMessage) })
		})
		b.Run("zerolog-"+itoa(g), func(b *testing.B) {
			l := newZerolog(io.Discard)
			goroutines(b, g, func() { l.Info().Msg(staticMessage) })
		})
		b.Run("zap-"+itoa(g), func(b *testing.B) {
			l := newZapConsole(io.Discard)
			goroutines(b, g, func() { l.Info(staticMessage) })
		})
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

// goroutines runs fn b.N times in all, shared by g goroutines.
func goroutines(b *testing.B, g int, fn func()) {
	b.ReportAllocs()
	b.ResetTimer()
	var wg sync.WaitGroup
	for i := range g {
		n := b.N / g
		if i < b.N%g {
			n++
		}
		wg.Go(func() {
			for range n {
				fn()
			}
		})
	}
	wg.Wait()
}
