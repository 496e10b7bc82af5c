package loguru_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"testing"

	"github.com/loguru-go/loguru"
)

// A bound map and a slog group of the same name: an attribute given to
// With and the same attribute given to the call are equivalent in slog,
// and a record's group is merged with the bound map. The group of With
// must be merged the same way, not replace the bound map.
func TestComboSlogWithGroupMergesLikeRecordGroup(t *testing.T) {
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message} {extra}"})
	bl := l.Bind("req", map[string]any{"trace": "t1"})
	sl := slog.New(loguru.NewSlogHandler(bl))
	sl.Info("call", slog.Group("req", "y", 4))
	sl.With(slog.Group("req", "y", 4)).Info("with")
	sl.WithGroup("req").With("y", 4).Info("withgroup")
	bl.Info("bound")
	expect(t, buf.String(), `call {"req": {"trace": "t1", "y": 4}}
with {"req": {"trace": "t1", "y": 4}}
withgroup {"req": {"trace": "t1", "y": 4}}
bound {"req": {"trace": "t1"}}
`)
}

// A logger made with Ctx keeps its contextual values when slog calls
// through NewSlogHandler without a context of its own (slog.Info passes
// context.Background()).
func TestComboSlogHandlerKeepsLoggerContext(t *testing.T) {
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message} {extra}"})
	ctx := loguru.Contextualize(context.Background(), "req", "r1")
	sl := slog.New(loguru.NewSlogHandler(l.Ctx(ctx)))
	sl.Info("a")
	expect(t, buf.String(), `a {"req": "r1"}`+"\n")
}

func logThroughHelper(l *loguru.Logger) {
	l.Opt(loguru.CallOptions{Depth: 1}).Info("hi")
}

// A slog.Handler sink with AddSource sees the caller moved by Depth, as the
// {line} of a text handler does.
func TestComboSlogSinkSourceHonoursDepth(t *testing.T) {
	var out bytes.Buffer
	th := slog.NewJSONHandler(&out, &slog.HandlerOptions{AddSource: true, ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})
	l := loguru.New()
	t.Cleanup(func() { l.RemoveAll() }) // its Enqueue writer must not outlive the test
	var buf syncBuffer
	l.Add(&buf, loguru.HandlerOptions{Format: "{function}:{line}"})
	l.Add(th, loguru.HandlerOptions{Enqueue: loguru.On})
	n := line() + 1
	logThroughHelper(l)
	if err := l.Complete(); err != nil {
		t.Fatal(err)
	}
	expect(t, buf.String(), fmt.Sprintf("TestComboSlogSinkSourceHonoursDepth:%d\n", n))
	want := fmt.Sprintf(`{"level":"INFO","source":{"function":"github.com/loguru-go/loguru_test.TestComboSlogSinkSourceHonoursDepth","file":"%s","line":%d},"msg":"hi"}`+"\n", thisFile(), n)
	expect(t, out.String(), want)
}
