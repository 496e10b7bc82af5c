// Command prettyfixtures writes the log lines that the tests of `loguru
// pretty` read, as zap, zerolog, slog and loguru write them, each with a
// fixed clock:
//
//	cd benchmarks && go run ./cmd/prettyfixtures ../cmd/loguru/testdata/pretty
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/rs/zerolog"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

var at = time.Date(2026, 11, 22, 10, 1, 2, 345678000, time.UTC)

type fixedClock struct{}

func (fixedClock) Now() time.Time                         { return at }
func (fixedClock) NewTicker(d time.Duration) *time.Ticker { return time.NewTicker(d) }

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: prettyfixtures DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	for name, write := range map[string]func(io.Writer){
		"zap.jsonl": writeZap, "zerolog.jsonl": writeZerolog, "slog.jsonl": writeSlogJSON,
		"slog.logfmt": writeSlogText, "loguru.jsonl": writeLoguru(loguru.HandlerOptions{JSON: true}),
		"loguru-serialize.jsonl": writeLoguru(loguru.HandlerOptions{Serialize: true}),
	} {
		var b bytes.Buffer
		write(&b)
		// Paths in the callers and tracebacks are made relative to the
		// repository, so that the fixtures do not depend on where it is.
		out := bytes.ReplaceAll(b.Bytes(), []byte(repoRoot()+"/"), nil)
		if err := os.WriteFile(filepath.Join(dir, name), out, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// repoRoot is the repository's folder: three above this file's.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(filepath.Dir(filepath.Dir(filepath.Dir(file))))
}

func writeZap(w io.Writer) {
	enc := zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig())
	l := zap.New(zapcore.NewCore(enc, zapcore.AddSync(w), zap.DebugLevel), zap.AddCaller(), zap.WithClock(fixedClock{}))
	l.Debug("cache warmed", zap.Int("entries", 1200))
	l.Info("order placed", zap.String("user", "ann"), zap.Int("order", 1042), zap.Float64("total", 9.5))
	l.Warn("slow payment", zap.Duration("took", 812*time.Millisecond))
	l.Error("payment failed", zap.Error(errors.New("card declined")))
}

func writeZerolog(w io.Writer) {
	zerolog.TimestampFunc = func() time.Time { return at }
	l := zerolog.New(w).With().Timestamp().Caller().Logger()
	l.Debug().Int("entries", 1200).Msg("cache warmed")
	l.Info().Str("user", "ann").Int("order", 1042).Float64("total", 9.5).Msg("order placed")
	l.Warn().Dur("took", 812*time.Millisecond).Msg("slow payment")
	l.Error().Err(errors.New("card declined")).Msg("payment failed")
}

func slogOptions() *slog.HandlerOptions {
	return &slog.HandlerOptions{AddSource: true, Level: slog.LevelDebug, ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			a.Value = slog.TimeValue(at)
		}
		return a
	}}
}

func writeSlog(l *slog.Logger) {
	l.Debug("cache warmed", "entries", 1200)
	l.Info("order placed", "user", "ann", "order", 1042, "total", 9.5)
	l.Warn("slow payment", "took", 812*time.Millisecond)
	l.Error("payment failed", "err", errors.New("card declined"))
}

func writeSlogJSON(w io.Writer) { writeSlog(slog.New(slog.NewJSONHandler(w, slogOptions()))) }
func writeSlogText(w io.Writer) { writeSlog(slog.New(slog.NewTextHandler(w, slogOptions()))) }

func writeLoguru(o loguru.HandlerOptions) func(io.Writer) {
	return func(w io.Writer) {
		l := loguru.New()
		l.Add(w, o)
		l = l.Patch(func(r *loguru.Record) { r.Time = at })
		l.Debug("cache warmed", loguru.F("entries", 1200))
		l.Bind("user", "ann").Info("order placed", loguru.F("order", 1042), loguru.F("total", 9.5))
		l.Warning("slow payment", loguru.F("took", 812*time.Millisecond))
		l.Exception(errors.New("card declined"), "payment failed")
	}
}
