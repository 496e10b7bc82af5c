package benchmarks

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/queue"
)

// byteCounter is a discard sink that counts the bytes it was given, and
// keeps the first line to know the length of each (every line of a
// benchmark has the same length).
type byteCounter struct {
	n    atomic.Int64
	mu   sync.Mutex
	line []byte
}

func (c *byteCounter) Write(p []byte) (int, error) {
	c.n.Add(int64(len(p)))
	c.mu.Lock()
	if c.line == nil {
		c.line, _, _ = bytes.Cut(p, []byte{'\n'})
	}
	c.mu.Unlock()
	return len(p), nil
}

func (c *byteCounter) lines() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.line == nil {
		return 0
	}
	return c.n.Load() / int64(len(c.line)+1)
}

// BenchmarkEnqueue logs the TextWithCaller line to an Enqueue handler
// writing to a discard sink. ns/op is the time per record seen by the
// logging goroutines (formatting included: the caller formats, the writer
// goroutine only writes); records/s is the rate at which the writer
// goroutine wrote them, the queue drained by Complete at the end.
func BenchmarkEnqueue(b *testing.B) {
	b.Run("loguru", func(b *testing.B) {
		var c byteCounter
		l := loguru.New()
		l.Add(&c, loguru.HandlerOptions{Level: "INFO", Colorize: loguru.Off, Enqueue: loguru.On, QueueSize: 1 << 16})
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
		if got := c.lines(); got != int64(b.N) {
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

// BenchmarkEnqueuePush is the caller's share of Enqueue beyond formatting:
// a formatted record copied onto a handler's queue (internal/queue, as
// Info uses it), from the benchmark's goroutines, while the writer drains.
func BenchmarkEnqueuePush(b *testing.B) {
	b.Run("loguru", func(b *testing.B) {
		line := []byte("2026-11-22 10:01:02.345 | INFO     | main:main:4 - Order shipped to the customer\n")
		var written int
		q := queue.New(queue.Options[*loguru.Record]{
			Capacity: 1 << 16,
			Write:    func(bt *queue.Batch[*loguru.Record]) { written += len(bt.Items) },
		})
		now := time.Now()
		parallel(b, func() { q.Push(line, now, nil, false) })
		q.Close(false)
		if written != b.N {
			b.Fatalf("%d of %d records written", written, b.N)
		}
	})
}

// BenchmarkScaling logs the TextWithCaller line to one handler from 1, 2,
// 4 and 8 goroutines: the time per record must not grow with the number
// of goroutines past the number of cores.
func BenchmarkScaling(b *testing.B) {
	for _, g := range []int{1, 2, 4, 8} {
		b.Run(fmt.Sprintf("g%d", g), func(b *testing.B) {
			b.Run("loguru", func(b *testing.B) {
				l := newLoguru(io.Discard)
				goroutines(b, g, func() { l.Info(staticMessage) })
			})
			b.Run("zerolog", func(b *testing.B) {
				l := newZerolog(io.Discard)
				goroutines(b, g, func() { l.Info().Msg(staticMessage) })
			})
			b.Run("zap", func(b *testing.B) {
				l := newZapConsole(io.Discard)
				goroutines(b, g, func() { l.Info(staticMessage) })
			})
		})
	}
}

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
