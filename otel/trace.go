package otel

import (
	"context"

	"github.com/loguru-go/loguru"
	"go.opentelemetry.io/otel/trace"
)

// The Extra keys of a record's trace context, as Correlate writes them.
const (
	TraceIDKey = "trace_id"
	SpanIDKey  = "span_id"
)

// Correlate makes every record of l's core that is logged with a
// context.Context carrying a valid span (l.Ctx(ctx), loguru.Ctx(ctx) for
// the default logger, a slog call through loguru.NewSlogHandler) get the
// span's trace_id and span_id, in hex, in Extra: every handler sees them,
// text, JSON and any sink. A Sink exports them in the OTLP record's own
// trace fields, not as attributes.
func Correlate(l *loguru.Logger) error { return l.AddPatcher(AddTraceIDs) }

// AddTraceIDs is Correlate's patcher: it adds the trace and span ids of
// the span in r's context, if any, to r.Extra.
func AddTraceIDs(r *loguru.Record) {
	sc := trace.SpanContextFromContext(r.Context())
	if !sc.IsValid() {
		return
	}
	r.Extra[TraceIDKey] = sc.TraceID().String()
	r.Extra[SpanIDKey] = sc.SpanID().String()
}

// exportContext returns the context a record is exported with: its own, or,
// when that has no span but Extra has valid trace_id and span_id (a record
// received from another process), one carrying that span.
func exportContext(r *loguru.Record) context.Context {
	ctx := context.WithoutCancel(r.Context())
	if trace.SpanContextFromContext(ctx).IsValid() {
		return ctx
	}
	tid, okT := r.Extra[TraceIDKey].(string)
	sid, okS := r.Extra[SpanIDKey].(string)
	if !okT || !okS {
		return ctx
	}
	t, errT := trace.TraceIDFromHex(tid)
	s, errS := trace.SpanIDFromHex(sid)
	if errT != nil || errS != nil {
		return ctx
	}
	sc := trace.NewSpanContext(trace.SpanContextConfig{TraceID: t, SpanID: s, Remote: true})
	return trace.ContextWithSpanContext(ctx, sc)
}
