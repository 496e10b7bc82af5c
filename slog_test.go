package loguru_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"maps"
	"strings"
	"sync"
	"testing"
	"testing/slogtest"
	"time"

	"github.com/loguru-go/loguru"
)

// recorder is a function sink keeping clones of the records it receives.
type recorder struct {
	mu   sync.Mutex
	recs []*loguru.Record
}

func (rc *recorder) sink(m loguru.Message) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.recs = append(rc.recs, m.Record.Clone())
}

func TestSlogHandlerConformance(t *testing.T) {
	t.Parallel()
	var rc *recorder
	slogtest.Run(t, func(t *testing.T) slog.Handler {
		rc = &recorder{}
		l := loguru.New()
		if _, err := l.Add(rc.sink, loguru.HandlerOptions{Level: "TRACE"}); err != nil {
			t.Fatal(err)
		}
		return loguru.NewSlogHandler(l)
	}, func(t *testing.T) map[string]any {
		if len(rc.recs) != 1 {
			t.Fatalf("got %d records, want 1", len(rc.recs))
		}
		r := rc.recs[0]
		m := maps.Clone(r.Extra)
		if m == nil {
			m = map[string]any{}
		}
		if !r.Time.IsZero() {
			m[slog.TimeKey] = r.Time
		}
		m[slog.LevelKey] = r.Level.Name
		m[slog.MessageKey] = r.Message
		return m
	})
}

func TestSlogHandlerOutput(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Level: "TRACE", Format: "{level} {function}:{line} {message} {extra}"})
	sl := slog.New(loguru.NewSlogHandler(l.Bind("app", "shop")))
	n := line() + 1
	sl.Info("paid {}", "order", 1042, slog.Group("user", "name", "bob", slog.Group("geo", "city", "Lyon")))
	sl.With("a", 1).WithGroup("req").With("id", "r1").Warn("slow", "ms", 250)
	sl.WithGroup("empty").Error("no attrs")
	want := fmt.Sprintf(`INFO TestSlogHandlerOutput:%d paid {} {"app": "shop", "order": 1042, "user": {"geo": {"city": "Lyon"}, "name": "bob"}}
WARNING TestSlogHandlerOutput:%d slow {"a": 1, "app": "shop", "req": {"id": "r1", "ms": 250}}
ERROR TestSlogHandlerOutput:%d no attrs {"app": "shop"}
`, n, n+1, n+2)
	expect(t, buf.String(), want)
}

func TestSlogHandlerUsesContextAndTime(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{time:HH:mm:ss} {message} {extra}"})
	h := loguru.NewSlogHandler(l)
	ctx := loguru.Contextualize(context.Background(), "request_id", "a1")
	r := slog.NewRecord(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), slog.LevelInfo, "with context", 0)
	r.AddAttrs(slog.Int("n", 1))
	if err := h.Handle(ctx, r); err != nil {
		t.Fatal(err)
	}
	expect(t, buf.String(), "03:04:05 with context {\"n\": 1, \"request_id\": \"a1\"}\n")
}

func TestSlogLevelMapping(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Level: "TRACE", Format: "{level}"})
	sl := slog.New(loguru.NewSlogHandler(l))
	// A tie (-6, -2, 1, 3, 6, 10) goes to the more severe level.
	levels := []slog.Level{-12, -8, -6, -5, -4, -2, -1, 0, 1, 2, 3, 4, 6, 8, 10, 12, 40}
	for _, lv := range levels {
		sl.Log(context.Background(), lv, "x")
	}
	want := "TRACE TRACE DEBUG DEBUG DEBUG INFO INFO INFO SUCCESS SUCCESS WARNING WARNING ERROR ERROR CRITICAL CRITICAL CRITICAL"
	expect(t, strings.Join(lines(buf.String()), " "), want)
}

func TestSlogHandlerEnabled(t *testing.T) {
	t.Parallel()
	l, _ := newLogger(t, loguru.HandlerOptions{Level: "WARNING"})
	h := loguru.NewSlogHandler(l)
	for lv, want := range map[slog.Level]bool{slog.LevelDebug: false, slog.LevelInfo: false, 3: true, slog.LevelWarn: true, slog.LevelError: true} {
		if got := h.Enabled(context.Background(), lv); got != want {
			t.Errorf("Enabled(%v) = %v, want %v", lv, got, want)
		}
	}
}

func TestStdlibLogThroughSlogDefault(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} {name}:{function}:{line} {message}"})
	old := slog.Default()
	slog.SetDefault(slog.New(loguru.NewSlogHandler(l)))
	t.Cleanup(func() { slog.SetDefault(old) })
	n := line() + 1
	log.Printf("from the %s package", "log")
	slog.Warn("from slog")
	want := fmt.Sprintf("INFO %[1]s:TestStdlibLogThroughSlogDefault:%[2]d from the log package\nWARNING %[1]s:TestStdlibLogThroughSlogDefault:%[3]d from slog\n",
		"github.com/loguru-go/loguru_test", n, n+1)
	expect(t, buf.String(), want)
}

func TestSlogHandlerSink(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	noTime := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	th := slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: noTime})
	l := loguru.New()
	l.SetClock(fixedTime)
	if _, err := l.Add(th, loguru.HandlerOptions{Level: "TRACE"}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddLevel("NOTICE", 35, "", ""); err != nil {
		t.Fatal(err)
	}
	l.Trace("below the slog handler's level")
	l.Bind("user", "bob", "id", 7).Info("Hello {}", "world")
	l.Success("shipped")
	l.Log("NOTICE", "custom")
	n := line() + 1
	l.Exception(errors.New("boom"), "failed")
	want := `level=INFO msg="Hello world" id=7 user=bob
level=INFO+2 msg=shipped
level=WARN+2 msg=custom
level=ERROR msg=failed exception.type=*errors.errorString exception.value=boom exception.frames="[`
	// The error arrives as a group; its frames end with the logging call.
	got := out.String()
	frame := fmt.Sprintf("github.com/loguru-go/loguru_test.TestSlogHandlerSink %s:%d]\"\n", thisFile(), n)
	if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, frame) {
		t.Fatalf("got %q\nwant %q...%q", got, want, frame)
	}
}

func TestSlogHandlerSinkWithFormat(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	th := slog.NewJSONHandler(&out, &slog.HandlerOptions{AddSource: true})
	l := loguru.New()
	l.SetClock(fixedTime)
	if _, err := l.Add(th, loguru.HandlerOptions{Format: "{function}: {message}"}); err != nil {
		t.Fatal(err)
	}
	n := line() + 1
	l.Info("hi")
	want := fmt.Sprintf(`{"time":"2026-11-22T10:01:02.345678901+01:00","level":"INFO","source":{"function":"github.com/loguru-go/loguru_test.TestSlogHandlerSinkWithFormat","file":"%s","line":%d},"msg":"TestSlogHandlerSinkWithFormat: hi"}`+"\n",
		thisFile(), n)
	expect(t, out.String(), want)
}

// A value that contains itself reaches a slog.Handler as text: slog's
// handlers print with fmt, which would overflow the stack.
func TestSlogSinkCyclicExtra(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	l := loguru.New()
	h := slog.NewTextHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})
	if _, err := l.Add(h); err != nil {
		t.Fatal(err)
	}
	m := map[string]any{"k": 1}
	m["self"] = m
	l.Info("cyclic", loguru.F("m", m), loguru.F("plain", map[string]int{"a": 1}))
	want := `level=INFO msg=cyclic m="map[k:1 self:<cycle>]" plain=map[a:1]` + "\n"
	if buf.String() != want {
		t.Fatalf("got  %q\nwant %q", buf.String(), want)
	}
}
