package otel

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
	"go.opentelemetry.io/otel/trace"
)

// After Correlate, a record logged with a span in its context has the
// span's ids in Extra, for every handler of the logger: a text line, a
// JSON line, and records through the slog handler; without a span it has
// none.
func TestCorrelateAddsTraceIDsToEveryHandler(t *testing.T) {
	l := loguru.New()
	var text, js bytes.Buffer
	l.Add(&text, loguru.HandlerOptions{Format: "{message} trace={extra[trace_id]} span={extra[span_id]}"})
	l.Add(&js, loguru.HandlerOptions{JSON: true})
	if err := Correlate(l); err != nil {
		t.Fatal(err)
	}
	ctx := trace.ContextWithSpanContext(context.Background(), spanContext())
	l.Ctx(ctx).Info("in a span")
	slog.New(loguru.NewSlogHandler(l)).InfoContext(ctx, "through slog")
	l.Bind("k", "v").Info("no span")
	const ids = "trace=4bf92f3577b34da6a3ce929d0e0e4736 span=00f067aa0ba902b7"
	lines := strings.Split(text.String(), "\n")
	if len(lines) != 4 || lines[0] != "in a span "+ids || lines[1] != "through slog "+ids || lines[2] != "no span trace= span=" {
		t.Errorf("text lines %q", lines)
	}
	js0 := strings.SplitN(js.String(), "\n", 2)[0]
	if !strings.Contains(js0, `"extra":{"span_id":"00f067aa0ba902b7","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"}`) {
		t.Errorf("JSON line %s", js0)
	}
}

// An OTLP record carries the ids in its trace fields and not again as
// attributes; a record whose context has no span but whose Extra has the
// ids (one received from another process) is exported with them too.
func TestCorrelatedRecordsExportTheirSpan(t *testing.T) {
	l, exp, _ := newTestLogger(t, Options{}, loguru.HandlerOptions{})
	if err := Correlate(l); err != nil {
		t.Fatal(err)
	}
	ctx := trace.ContextWithSpanContext(context.Background(), spanContext())
	l.Ctx(ctx).Info("in a span")
	l.Bind(TraceIDKey, "4bf92f3577b34da6a3ce929d0e0e4736", SpanIDKey, "00f067aa0ba902b7").Info("remote")
	l.Bind(TraceIDKey, "not hex", SpanIDKey, "00f067aa0ba902b7").Info("bad ids")
	rs := exp.all()
	if len(rs) != 3 {
		t.Fatalf("%d records", len(rs))
	}
	for i, r := range rs[:2] {
		if r.TraceID() != spanContext().TraceID() || r.SpanID() != spanContext().SpanID() {
			t.Errorf("record %d: trace %v span %v", i, r.TraceID(), r.SpanID())
		}
		for _, a := range attrs(r) {
			if strings.HasPrefix(a, "trace_id=") || strings.HasPrefix(a, "span_id=") {
				t.Errorf("record %d: attribute %s repeats a trace field", i, a)
			}
		}
	}
	if rs[2].TraceID().IsValid() {
		t.Errorf("bad ids gave trace %v", rs[2].TraceID())
	}
	if got := strings.Join(attrs(rs[2]), " "); !strings.Contains(got, "trace_id=STRING:not hex") {
		t.Errorf("bad ids: attributes %s", got)
	}
}
