package benchmarks

import (
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	plog "github.com/phuslu/log"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/loguru-go/loguru"
)

// The ten fields of a typical request log line.
var (
	errExample = errors.New("connection reset by peer")
	tenAt      = time.Date(2026, 11, 22, 10, 1, 2, 0, time.UTC)
)

const (
	fUser, fID, fRatio, fOK, fElapsed = "user", "id", "ratio", "ok", "elapsed"
	fAt, fErr, fPath, fStatus, fBytes = "at", "err", "path", "status", "bytes"
)

func newLoguruJSON(w io.Writer, serialize bool) *loguru.Logger {
	l := loguru.New()
	opts := loguru.HandlerOptions{Level: "INFO", JSON: !serialize, Serialize: serialize}
	if _, err := l.Add(w, opts); err != nil {
		panic(err)
	}
	return l
}

func newZapJSON(w io.Writer) *zap.Logger {
	enc := zap.NewProductionEncoderConfig()
	core := zapcore.NewCore(zapcore.NewJSONEncoder(enc), zapcore.AddSync(w), zapcore.InfoLevel)
	return zap.New(core, zap.AddCaller())
}

func newSlogJSON(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{AddSource: true, Level: slog.LevelInfo}))
}

func loguruTenFields() []any {
	return []any{
		loguru.F(fUser, "bob"), loguru.F(fID, 42), loguru.F(fRatio, 3.14), loguru.F(fOK, true),
		loguru.F(fElapsed, 1500*time.Microsecond), loguru.F(fAt, tenAt), loguru.F(fErr, errExample),
		loguru.F(fPath, "/api/orders"), loguru.F(fStatus, 200), loguru.F(fBytes, 1024),
	}
}

func zapTenFields() []zap.Field {
	return []zap.Field{
		zap.String(fUser, "bob"), zap.Int(fID, 42), zap.Float64(fRatio, 3.14), zap.Bool(fOK, true),
		zap.Duration(fElapsed, 1500*time.Microsecond), zap.Time(fAt, tenAt), zap.Error(errExample),
		zap.String(fPath, "/api/orders"), zap.Int(fStatus, 200), zap.Int(fBytes, 1024),
	}
}

func slogTenAttrs() []any {
	return []any{
		slog.String(fUser, "bob"), slog.Int(fID, 42), slog.Float64(fRatio, 3.14), slog.Bool(fOK, true),
		slog.Duration(fElapsed, 1500*time.Microsecond), slog.Time(fAt, tenAt), slog.Any(fErr, errExample),
		slog.String(fPath, "/api/orders"), slog.Int(fStatus, 200), slog.Int(fBytes, 1024),
	}
}

func zerologTen(e *zerolog.Event) *zerolog.Event {
	return e.Str(fUser, "bob").Int(fID, 42).Float64(fRatio, 3.14).Bool(fOK, true).
		Dur(fElapsed, 1500*time.Microsecond).Time(fAt, tenAt).AnErr(fErr, errExample).
		Str(fPath, "/api/orders").Int(fStatus, 200).Int(fBytes, 1024)
}

func zerologTenCtx(c zerolog.Context) zerolog.Context {
	return c.Str(fUser, "bob").Int(fID, 42).Float64(fRatio, 3.14).Bool(fOK, true).
		Dur(fElapsed, 1500*time.Microsecond).Time(fAt, tenAt).AnErr(fErr, errExample).
		Str(fPath, "/api/orders").Int(fStatus, 200).Int(fBytes, 1024)
}

func phusluTen(e *plog.Entry) *plog.Entry {
	return e.Str(fUser, "bob").Int(fID, 42).Float64(fRatio, 3.14).Bool(fOK, true).
		Dur(fElapsed, 1500*time.Microsecond).Time(fAt, tenAt).AnErr(fErr, errExample).
		Str(fPath, "/api/orders").Int(fStatus, 200).Int(fBytes, 1024)
}

func phusluTenCtx() plog.Context {
	return plog.NewContext(nil).Str(fUser, "bob").Int(fID, 42).Float64(fRatio, 3.14).Bool(fOK, true).
		Dur(fElapsed, 1500*time.Microsecond).Time(fAt, tenAt).AnErr(fErr, errExample).
		Str(fPath, "/api/orders").Int(fStatus, 200).Int(fBytes, 1024).Value()
}

func logrusTen() logrus.Fields {
	return logrus.Fields{
		fUser: "bob", fID: 42, fRatio: 3.14, fOK: true, fElapsed: 1500 * time.Microsecond,
		fAt: tenAt, fErr: errExample, fPath: "/api/orders", fStatus: 200, fBytes: 1024,
	}
}

// BenchmarkJSONStatic logs a static message as one JSON object per line with
// time, level and caller: loguru's slim JSON line against the JSON encoders.
func BenchmarkJSONStatic(b *testing.B) {
	b.Run("loguru", func(b *testing.B) {
		l := newLoguruJSON(io.Discard, false)
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
		l := newZapJSON(io.Discard)
		parallel(b, func() { l.Info(staticMessage) })
	})
	b.Run("slog", func(b *testing.B) {
		l := newSlogJSON(io.Discard)
		parallel(b, func() { l.Info(staticMessage) })
	})
	b.Run("phuslu", func(b *testing.B) {
		l := newPhuslu(io.Discard)
		parallel(b, func() { l.Info().Msg(staticMessage) })
	})
	b.Run("logrus", func(b *testing.B) {
		l := newLogrus(io.Discard)
		l.Formatter = &logrus.JSONFormatter{}
		parallel(b, func() { l.Info(staticMessage) })
	})
}

// BenchmarkJSONTenFields logs a message with ten fields given at the call,
// as one JSON object per line with the caller. loguru is measured with its
// slim JSON encoding and with Loguru's full Serialize structure.
func BenchmarkJSONTenFields(b *testing.B) {
	// The Fields are written at the call, as in a program: each is boxed
	// into the ...any argument by the caller.
	b.Run("loguru", func(b *testing.B) {
		l := newLoguruJSON(io.Discard, false)
		parallel(b, func() {
			l.Info(staticMessage,
				loguru.F(fUser, "bob"), loguru.F(fID, 42), loguru.F(fRatio, 3.14), loguru.F(fOK, true),
				loguru.F(fElapsed, 1500*time.Microsecond), loguru.F(fAt, tenAt), loguru.F(fErr, errExample),
				loguru.F(fPath, "/api/orders"), loguru.F(fStatus, 200), loguru.F(fBytes, 1024))
		})
	})
	// LogFields takes ...Field: nothing is boxed but the time.Time.
	b.Run("loguru-logfields", func(b *testing.B) {
		l := newLoguruJSON(io.Discard, false)
		parallel(b, func() {
			l.LogFields("INFO", staticMessage,
				loguru.F(fUser, "bob"), loguru.F(fID, 42), loguru.F(fRatio, 3.14), loguru.F(fOK, true),
				loguru.F(fElapsed, 1500*time.Microsecond), loguru.F(fAt, tenAt), loguru.F(fErr, errExample),
				loguru.F(fPath, "/api/orders"), loguru.F(fStatus, 200), loguru.F(fBytes, 1024))
		})
	})
	b.Run("loguru-serialize", func(b *testing.B) {
		l := newLoguruJSON(io.Discard, true)
		parallel(b, func() { l.Info(staticMessage, loguruTenFields()...) })
	})
	b.Run("zerolog", func(b *testing.B) {
		l := newZerolog(io.Discard)
		parallel(b, func() { zerologTen(l.Info()).Msg(staticMessage) })
	})
	b.Run("zerolog-nocaller", func(b *testing.B) {
		l := newZerologNoCaller(io.Discard)
		parallel(b, func() { zerologTen(l.Info()).Msg(staticMessage) })
	})
	b.Run("zap", func(b *testing.B) {
		l := newZapJSON(io.Discard)
		parallel(b, func() { l.Info(staticMessage, zapTenFields()...) })
	})
	b.Run("slog", func(b *testing.B) {
		l := newSlogJSON(io.Discard)
		parallel(b, func() { l.Info(staticMessage, slogTenAttrs()...) })
	})
	b.Run("phuslu", func(b *testing.B) {
		l := newPhuslu(io.Discard)
		parallel(b, func() { phusluTen(l.Info()).Msg(staticMessage) })
	})
	b.Run("logrus", func(b *testing.B) {
		l := newLogrus(io.Discard)
		l.Formatter = &logrus.JSONFormatter{}
		parallel(b, func() { l.WithFields(logrusTen()).Info(staticMessage) })
	})
}

// BenchmarkJSONBoundContext binds ten fields once (Bind, With) and logs a
// static message many times, as one JSON object per line with the caller.
func BenchmarkJSONBoundContext(b *testing.B) {
	b.Run("loguru", func(b *testing.B) {
		l := newLoguruJSON(io.Discard, false).Bind(loguruTenFields()...)
		parallel(b, func() { l.Info(staticMessage) })
	})
	b.Run("loguru-serialize", func(b *testing.B) {
		l := newLoguruJSON(io.Discard, true).Bind(loguruTenFields()...)
		parallel(b, func() { l.Info(staticMessage) })
	})
	b.Run("zerolog", func(b *testing.B) {
		l := zerologTenCtx(newZerolog(io.Discard).With()).Logger()
		parallel(b, func() { l.Info().Msg(staticMessage) })
	})
	b.Run("zerolog-nocaller", func(b *testing.B) {
		l := zerologTenCtx(newZerologNoCaller(io.Discard).With()).Logger()
		parallel(b, func() { l.Info().Msg(staticMessage) })
	})
	b.Run("zap", func(b *testing.B) {
		l := newZapJSON(io.Discard).With(zapTenFields()...)
		parallel(b, func() { l.Info(staticMessage) })
	})
	b.Run("slog", func(b *testing.B) {
		l := newSlogJSON(io.Discard).With(slogTenAttrs()...)
		parallel(b, func() { l.Info(staticMessage) })
	})
	b.Run("phuslu", func(b *testing.B) {
		l := newPhuslu(io.Discard)
		l.Context = phusluTenCtx()
		parallel(b, func() { l.Info().Msg(staticMessage) })
	})
	b.Run("logrus", func(b *testing.B) {
		l := newLogrus(io.Discard)
		l.Formatter = &logrus.JSONFormatter{}
		e := l.WithFields(logrusTen())
		parallel(b, func() { e.Info(staticMessage) })
	})
}
