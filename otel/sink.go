package otel

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/loguru-go/loguru"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/global"
	"go.opentelemetry.io/otel/trace"
)

// ScopeName is the instrumentation scope of the records a Sink emits,
// unless Options.Scope names another.
const ScopeName = "github.com/loguru-go/loguru"

// Body chooses what becomes a log record's body.
type Body int8

const (
	// BodyMessage is the record's message alone (the default): the level,
	// time and caller travel in their own fields.
	BodyMessage Body = iota
	// BodyText is the line as the handler formatted it, without its final
	// newline.
	BodyText
)

// Options configures New.
type Options struct {
	// Scope is the instrumentation scope name; "" means ScopeName.
	Scope string
	// Version is the instrumentation scope version.
	Version string
	// Body chooses the body of each record.
	Body Body
	// Timeout bounds Flush and Close; 0 means 10 seconds.
	Timeout time.Duration
}

// defaultTimeout is how long Flush and Close wait when Options.Timeout is 0.
const defaultTimeout = 10 * time.Second

// Sink is a loguru sink that emits records through an OpenTelemetry
// log.Logger. It is a loguru.RecordSink: unless Options.Body is BodyText,
// the handler formats no line for it. It is safe for concurrent use.
type Sink struct {
	logger   log.Logger
	provider log.LoggerProvider
	opts     Options
	shutdown func(context.Context) error // set when the Sink owns the provider
	now      func() time.Time
}

// New returns a Sink that emits through provider's logger; nil means the
// global provider (go.opentelemetry.io/otel/log/global). The provider
// stays the caller's: Flush forces it to export when it has a
// ForceFlush(context.Context) error method (the SDK's does), and Close
// does not shut it down.
func New(provider log.LoggerProvider, opts Options) *Sink {
	if provider == nil {
		provider = global.GetLoggerProvider()
	}
	if opts.Scope == "" {
		opts.Scope = ScopeName
	}
	if opts.Timeout <= 0 {
		opts.Timeout = defaultTimeout
	}
	var lo []log.LoggerOption
	if opts.Version != "" {
		lo = append(lo, log.WithInstrumentationVersion(opts.Version))
	}
	return &Sink{logger: provider.Logger(opts.Scope, lo...), provider: provider, opts: opts, now: time.Now}
}

// WriteRecord emits one record, its message as the body: loguru formats
// no line for it. The context given with Logger.Ctx travels with it, so the
// SDK fills the trace and span ids of its span; the context's cancellation
// does not, so a record logged as a request ends is still exported.
func (s *Sink) WriteRecord(r *loguru.Record) error {
	// The message is copied: loguru reuses a record's memory after the
	// call, and the batch processor keeps the record until it exports.
	return s.emit(r, func() string { return strings.Clone(r.Message) })
}

// Write emits one record with the formatted line as its body: loguru calls
// it instead of WriteRecord when Options.Body is BodyText.
func (s *Sink) Write(m loguru.Message) error {
	if m.Record == nil {
		return errors.New("otel: a message without a record")
	}
	if s.opts.Body != BodyText {
		return s.WriteRecord(m.Record)
	}
	return s.emit(m.Record, func() string { return strings.TrimSuffix(m.Text, "\n") })
}

// WantsText reports whether the body is the formatted line (BodyText):
// only then does loguru format one for the Sink.
func (s *Sink) WantsText() bool { return s.opts.Body == BodyText }

// emit sends r with the body that body returns, unless the provider's
// logger is off for its severity.
func (s *Sink) emit(r *loguru.Record, body func() string) error {
	ctx := exportContext(r)
	sev := Severity(r.Level.No)
	if !s.logger.Enabled(ctx, log.EnabledParameters{Severity: sev}) {
		return nil
	}
	var rec log.Record
	rec.SetTimestamp(r.Time)
	rec.SetObservedTimestamp(s.now())
	rec.SetSeverity(sev)
	rec.SetSeverityText(r.Level.Name)
	rec.SetBody(attribute.StringValue(body()))
	rec.AddAttributes(attributes(r, trace.SpanContextFromContext(ctx))...)
	s.logger.Emit(ctx, rec)
	return nil
}

// attributes lists the Extra values, then the caller's and the
// exception's semantic-convention attributes. The trace and span ids of sc
// are left out of them: the record carries them in its trace fields.
func attributes(r *loguru.Record, sc trace.SpanContext) []attribute.KeyValue {
	kvs := make([]attribute.KeyValue, 0, len(r.Extra)+6)
	kvs = appendMap(kvs, r.Extra, 0)
	if sc.IsValid() {
		traceID, spanID := sc.TraceID().String(), sc.SpanID().String()
		kvs = slices.DeleteFunc(kvs, func(kv attribute.KeyValue) bool {
			return kv.Key == TraceIDKey && kv.Value.AsString() == traceID ||
				kv.Key == SpanIDKey && kv.Value.AsString() == spanID
		})
	}
	if r.Line > 0 {
		kvs = append(kvs,
			attribute.String("code.function.name", r.Name+"."+r.Function),
			attribute.String("code.file.path", r.File.Path),
			attribute.Int("code.line.number", r.Line))
	}
	if e := r.Exception; e != nil {
		if e.Type != "" {
			kvs = append(kvs, attribute.String("exception.type", e.Type), attribute.String("exception.message", e.Value))
		}
		kvs = append(kvs, attribute.String("exception.stacktrace", e.String()))
	}
	return kvs
}

// Flush makes the provider export what it holds, waiting at most
// Options.Timeout. loguru's Complete calls it.
func (s *Sink) Flush() error {
	f, ok := s.provider.(interface{ ForceFlush(context.Context) error })
	if !ok {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.opts.Timeout)
	defer cancel()
	return s.wrap("flush", f.ForceFlush(ctx))
}

// wrap names the step that failed, and says what a timeout means.
func (s *Sink) wrap(step string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("otel: %s did not finish within %s: records may be lost", step, s.opts.Timeout)
	}
	return fmt.Errorf("otel: %s: %w", step, err)
}

// Close flushes, and shuts the provider down when NewOTLP made it.
// loguru's Remove calls it.
func (s *Sink) Close() error {
	if s.shutdown == nil {
		return s.Flush()
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.opts.Timeout)
	defer cancel()
	return s.wrap("shutdown", s.shutdown(ctx))
}
