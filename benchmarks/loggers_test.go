package benchmarks

import (
	"io"
	"log/slog"

	plog "github.com/phuslu/log"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/loguru-go/loguru"
)

// Each constructor builds a logger writing to w at INFO, configured the way
// its documentation recommends for a human-readable line with the caller
// (time, level, caller, message), or the closest the library offers.

func newLoguru(w io.Writer) *loguru.Logger {
	l := loguru.New()
	if _, err := l.Add(w, loguru.HandlerOptions{Level: "INFO", Colorize: loguru.Off}); err != nil {
		panic(err)
	}
	return l
}

func newZapConsole(w io.Writer) *zap.Logger {
	enc := zap.NewDevelopmentEncoderConfig()
	enc.EncodeTime = zapcore.ISO8601TimeEncoder
	core := zapcore.NewCore(zapcore.NewConsoleEncoder(enc), zapcore.AddSync(w), zapcore.InfoLevel)
	return zap.New(core, zap.AddCaller())
}

func newZerolog(w io.Writer) zerolog.Logger {
	return zerolog.New(w).Level(zerolog.InfoLevel).With().Timestamp().Caller().Logger()
}

// newZerologNoCaller is zerolog as most of its users run it: without
// Caller(), its slowest option. It writes less than the others (no caller).
func newZerologNoCaller(w io.Writer) zerolog.Logger {
	return zerolog.New(w).Level(zerolog.InfoLevel).With().Timestamp().Logger()
}

func newSlogText(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{AddSource: true, Level: slog.LevelInfo}))
}

func newPhuslu(w io.Writer) *plog.Logger {
	return &plog.Logger{Level: plog.InfoLevel, Caller: 1, Writer: &plog.IOWriter{Writer: w}}
}

func newLogrus(w io.Writer) *logrus.Logger {
	l := logrus.New()
	l.Out = w
	l.Level = logrus.InfoLevel
	l.ReportCaller = true
	l.Formatter = &logrus.TextFormatter{DisableColors: true, FullTimestamp: true}
	return l
}
