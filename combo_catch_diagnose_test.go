package loguru_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
)

// CatchOptions.Message is "written as given, never formatted"
// (docs/differences.md), also through a logger made with Opt(Record: true).
func TestComboCatchMessageNotFormattedUnderOptRecord(t *testing.T) {
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", Backtrace: loguru.Off, Diagnose: loguru.Off})
	l.Opt(loguru.CallOptions{Record: true}).CatchFunc(func() { panic("boom") },
		loguru.CatchOptions{Message: "worker {id} died at {record.line}"})
	expect(t, lines(buf.String())[0], "worker {id} died at {record.line}")
}

// logDenied logs the same error from the same line for every caller.
func logDenied(l *loguru.Logger) {
	l.Exception(errors.New("denied"), "for {user}", loguru.F("user", "ann"))
}

// Diagnose shows the call's Fields on the catch point's line. A handler
// added before it that reads the exception (here a slog.Handler sink, which
// resolves ExceptionInfo.LogValue) must not take the values away from it.
func TestComboDiagnoseFieldsSurviveEarlierSlogSink(t *testing.T) {
	opts := loguru.HandlerOptions{Format: "{message}", Backtrace: loguru.Off}
	alone, want := newLogger(t, opts)
	logDenied(alone)
	if !strings.Contains(want.String(), `└ "ann"`) {
		t.Fatalf("baseline lacks the value:\n%s", want.String())
	}

	l := loguru.New()
	l.SetClock(fixedTime)
	if _, err := l.Add(slog.NewTextHandler(io.Discard, nil)); err != nil {
		t.Fatal(err)
	}
	var buf syncBuffer
	if _, err := l.Add(&buf, opts); err != nil {
		t.Fatal(err)
	}
	logDenied(l)
	expect(t, buf.String(), want.String())
}

// The same with a RecordSink (as netsink and otel are) that reads the
// frames of the exception.
func TestComboDiagnoseFieldsSurviveEarlierRecordSink(t *testing.T) {
	opts := loguru.HandlerOptions{Format: "{message}", Backtrace: loguru.Off}
	alone, want := newLogger(t, opts)
	logDenied(alone)

	l := loguru.New()
	l.SetClock(fixedTime)
	rs := &framesSink{}
	if _, err := l.Add(rs); err != nil {
		t.Fatal(err)
	}
	var buf syncBuffer
	l.Add(&buf, opts)
	logDenied(l)
	if rs.frames == 0 {
		t.Fatal("no frames")
	}
	expect(t, buf.String(), want.String())
}

type framesSink struct{ frames int }

func (s *framesSink) WriteRecord(r *loguru.Record) error {
	s.frames = len(r.Exception.Frames())
	return nil
}

// Opt(Record, Capture Off, Lazy) with Bind, Contextualize and Fields:
// {record.extra[k]} sees bound and contextual values, not the uncaptured
// Field, while {k} is the Field.
func TestComboRecordCaptureOffLazyWithBindAndContext(t *testing.T) {
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message} | {extra}"})
	ctx := loguru.Contextualize(context.Background(), "req", "r1", "user", "ctx")
	calls := 0
	lg := l.Bind("user", "bound").Ctx(ctx).Opt(loguru.CallOptions{Record: true, Capture: loguru.Off, Lazy: true})
	lg.Info("{user} {record.extra[user]} {record.extra[req]} {} {{x}}",
		loguru.F("user", func() any { calls++; return "field" }), func() any { calls++; return 7 })
	expect(t, buf.String(), `field bound r1 7 {x} | {"req": "r1", "user": "bound"}`+"\n")
	if calls != 2 {
		t.Errorf("lazy calls = %d", calls)
	}
}
