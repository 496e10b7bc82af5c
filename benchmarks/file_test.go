package benchmarks

import (
	"os"
	"path/filepath"
	"testing"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"gopkg.in/natefinch/lumberjack.v2"

	"github.com/loguru-go/loguru"
)

// File benchmarks write the TextWithCaller line to a real file in a
// temporary folder. lumberjack is the rotating file writer zap and zerolog
// users reach for; its size limit is set as high as loguru's here, so no
// run rotates unless the benchmark says so.

func newLoguruFile(b *testing.B, opts loguru.HandlerOptions) *loguru.Logger {
	l := loguru.New()
	opts.Level, opts.Colorize = "INFO", loguru.Off
	if _, err := l.Add(filepath.Join(b.TempDir(), "app.log"), opts); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { l.RemoveAll() })
	return l
}

func newLumberjack(b *testing.B, maxMB int) *lumberjack.Logger {
	lj := &lumberjack.Logger{Filename: filepath.Join(b.TempDir(), "app.log"), MaxSize: maxMB}
	b.Cleanup(func() { lj.Close() })
	return lj
}

func BenchmarkFile(b *testing.B) {
	b.Run("loguru", func(b *testing.B) {
		l := newLoguruFile(b, loguru.HandlerOptions{})
		parallel(b, func() { l.Info("The quick brown fox jumps over the lazy dog") })
	})
	b.Run("loguru-rotation", func(b *testing.B) {
		l := newLoguruFile(b, loguru.HandlerOptions{Rotation: "1 GB"})
		parallel(b, func() { l.Info("The quick brown fox jumps over the lazy dog") })
	})
	b.Run("loguru-buffering", func(b *testing.B) {
		l := newLoguruFile(b, loguru.HandlerOptions{Buffering: 64 << 10})
		parallel(b, func() { l.Info("The quick brown fox jumps over the lazy dog") })
	})
	b.Run("zap-lumberjack", func(b *testing.B) {
		l := newZapConsole(newLumberjack(b, 1000))
		parallel(b, func() { l.Info("The quick brown fox jumps over the lazy dog") })
	})
	b.Run("zap-lumberjack-buffered", func(b *testing.B) {
		enc := zap.NewDevelopmentEncoderConfig()
		enc.EncodeTime = zapcore.ISO8601TimeEncoder
		ws := &zapcore.BufferedWriteSyncer{WS: zapcore.AddSync(newLumberjack(b, 1000)), Size: 64 << 10}
		b.Cleanup(func() { ws.Stop() })
		l := zap.New(zapcore.NewCore(zapcore.NewConsoleEncoder(enc), ws, zapcore.InfoLevel), zap.AddCaller())
		parallel(b, func() { l.Info("The quick brown fox jumps over the lazy dog") })
	})
	b.Run("zerolog-lumberjack", func(b *testing.B) {
		l := newZerolog(newLumberjack(b, 1000))
		parallel(b, func() { l.Info().Msg("The quick brown fox jumps over the lazy dog") })
	})
	// zerolog on a plain *os.File: one write per line, no rotation at all.
	b.Run("zerolog-osfile", func(b *testing.B) {
		f, err := os.OpenFile(filepath.Join(b.TempDir(), "app.log"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { f.Close() })
		l := newZerolog(f)
		parallel(b, func() { l.Info().Msg("The quick brown fox jumps over the lazy dog") })
	})
}

// BenchmarkFileRotating rotates every megabyte (about 10,000 lines), so
// the cost of rotations is spread over the lines.
func BenchmarkFileRotating(b *testing.B) {
	b.Run("loguru", func(b *testing.B) {
		l := newLoguruFile(b, loguru.HandlerOptions{Rotation: "1 MiB"})
		parallel(b, func() { l.Info("The quick brown fox jumps over the lazy dog") })
	})
	b.Run("loguru-enqueue", func(b *testing.B) {
		// The queue's writer takes the inter-process lock once per batch.
		l := newLoguruFile(b, loguru.HandlerOptions{Rotation: "1 MiB", Enqueue: loguru.On})
		parallel(b, func() { l.Info("The quick brown fox jumps over the lazy dog") })
		l.Complete()
	})
	b.Run("loguru-gz", func(b *testing.B) {
		l := newLoguruFile(b, loguru.HandlerOptions{Rotation: "1 MiB", Compression: "gz", Retention: "5"})
		parallel(b, func() { l.Info("The quick brown fox jumps over the lazy dog") })
	})
	b.Run("zap-lumberjack", func(b *testing.B) {
		l := newZapConsole(newLumberjack(b, 1))
		parallel(b, func() { l.Info("The quick brown fox jumps over the lazy dog") })
	})
	b.Run("zerolog-lumberjack", func(b *testing.B) {
		l := newZerolog(newLumberjack(b, 1))
		parallel(b, func() { l.Info().Msg("The quick brown fox jumps over the lazy dog") })
	})
}
