package otel

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/log"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	"go.opentelemetry.io/otel/trace"
)

// memExporter keeps what the SDK exports.
type memExporter struct {
	mu      sync.Mutex
	records []sdklog.Record
	flushes int
}

func (e *memExporter) Export(_ context.Context, rs []sdklog.Record) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, r := range rs {
		e.records = append(e.records, r.Clone())
	}
	return nil
}
func (e *memExporter) Shutdown(context.Context) error { return nil }
func (e *memExporter) ForceFlush(context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.flushes++
	return nil
}

func (e *memExporter) all() []sdklog.Record {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]sdklog.Record(nil), e.records...)
}

var fixedTime = time.Date(2026, 12, 1, 9, 30, 15, 123456789, time.FixedZone("", 3600))

// newTestLogger logs through a Sink into exp, with records at fixedTime.
func newTestLogger(t *testing.T, opts Options, hopts loguru.HandlerOptions) (*loguru.Logger, *memExporter, *Sink) {
	t.Helper()
	exp := &memExporter{}
	provider := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewSimpleProcessor(exp)))
	t.Cleanup(func() { _ = provider.Shutdown(context.Background()) })
	s := New(provider, opts)
	s.now = func() time.Time { return fixedTime.Add(time.Second) }
	l := loguru.New()
	if _, err := l.Add(s, hopts); err != nil {
		t.Fatal(err)
	}
	return l.Patch(func(r *loguru.Record) { r.Time = fixedTime }), exp, s
}

// attrs renders a record's attributes as "key=TYPE:value" lines.
func attrs(r sdklog.Record) []string {
	var out []string
	r.WalkAttributes(func(kv attribute.KeyValue) bool {
		out = append(out, fmt.Sprintf("%s=%s:%s", kv.Key, kv.Value.Type(), kv.Value.Emit()))
		return true
	})
	return out
}

func spanContext() trace.SpanContext {
	return trace.NewSpanContext(trace.SpanContextConfig{
		TraceID:    trace.TraceID{0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6, 0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, 0x47, 0x36},
		SpanID:     trace.SpanID{0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7},
		TraceFlags: trace.FlagsSampled,
	})
}

func TestWriteMapsEveryField(t *testing.T) {
	l, exp, _ := newTestLogger(t, Options{}, loguru.HandlerOptions{Format: "{message}"})
	ctx := trace.ContextWithSpanContext(context.Background(), spanContext())
	path, line := nextLine()
	l.Ctx(ctx).Bind("user", "ann").Info("paid {} for {order}", 3, loguru.F("order", 42))
	rs := exp.all()
	if len(rs) != 1 {
		t.Fatalf("exported %d records, want 1", len(rs))
	}
	r := rs[0]
	if !r.Timestamp().Equal(fixedTime) || !r.ObservedTimestamp().Equal(fixedTime.Add(time.Second)) {
		t.Errorf("timestamps %v, %v", r.Timestamp(), r.ObservedTimestamp())
	}
	if r.Severity() != log.SeverityInfo1 || r.SeverityText() != "INFO" {
		t.Errorf("severity %v %q", r.Severity(), r.SeverityText())
	}
	if got := r.Body().AsString(); got != "paid 3 for 42" {
		t.Errorf("body %q", got)
	}
	if r.TraceID() != spanContext().TraceID() || r.SpanID() != spanContext().SpanID() || r.TraceFlags() != trace.FlagsSampled {
		t.Errorf("trace %v span %v flags %v", r.TraceID(), r.SpanID(), r.TraceFlags())
	}
	if s := r.InstrumentationScope(); s.Name != ScopeName {
		t.Errorf("scope %q", s.Name)
	}
	want := []string{
		"order=INT64:42",
		"user=STRING:ann",
		"code.function.name=STRING:github.com/loguru-go/loguru/otel.TestWriteMapsEveryField",
		"code.file.path=STRING:" + path,
		fmt.Sprintf("code.line.number=INT64:%d", line),
	}
	if got := attrs(r); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("attributes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// nextLine returns the file and the line after its call.
func nextLine() (string, int) {
	_, file, line, _ := runtime.Caller(1)
	return file, line + 1
}

func TestSeverityTable(t *testing.T) {
	for _, c := range []struct {
		no   int
		want log.Severity
	}{
		{0, log.SeverityTrace1}, {4, log.SeverityTrace1}, {5, log.SeverityTrace1}, {7, log.SeverityTrace2},
		{9, log.SeverityTrace4}, {10, log.SeverityDebug1}, {15, log.SeverityDebug3}, {20, log.SeverityInfo1},
		{25, log.SeverityInfo3}, {29, log.SeverityInfo4}, {30, log.SeverityWarn1}, {40, log.SeverityError1},
		{45, log.SeverityError3}, {50, log.SeverityFatal1}, {55, log.SeverityFatal3}, {60, log.SeverityFatal4},
		{1000, log.SeverityFatal4}, {math.MaxInt, log.SeverityFatal4}, {math.MinInt, log.SeverityTrace1},
	} {
		if got := Severity(c.no); got != c.want {
			t.Errorf("Severity(%d) = %v, want %v", c.no, got, c.want)
		}
	}
}

func TestStandardLevels(t *testing.T) {
	l, exp, _ := newTestLogger(t, Options{}, loguru.HandlerOptions{Level: "TRACE"})
	l.Trace("t")
	l.Debug("d")
	l.Info("i")
	l.Success("s")
	l.Warning("w")
	l.Error("e")
	l.Critical("c")
	var got []string
	for _, r := range exp.all() {
		got = append(got, fmt.Sprintf("%s %s %d", r.Body().AsString(), r.SeverityText(), r.Severity()))
	}
	want := "t TRACE 1|d DEBUG 5|i INFO 9|s SUCCESS 11|w WARNING 13|e ERROR 17|c CRITICAL 21"
	if strings.Join(got, "|") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

type stringer struct{}

func (stringer) String() string { return "as text" }

// resolver is a slog.LogValuer: it is sent as the value it resolves to.
type resolver struct{}

func (resolver) LogValue() slog.Value { return slog.StringValue("resolved") }

type panicky struct{}

func (panicky) String() string { panic("boom") }

func TestExtraValueTypes(t *testing.T) {
	l, exp, _ := newTestLogger(t, Options{}, loguru.HandlerOptions{})
	l.Bind(
		"b", true, "f", 1.5, "u8", uint8(7), "big", uint64(1<<63), "bytes", []byte("hi"),
		"strs", []string{"x", "y"}, "dur", 1500*time.Millisecond, "when", fixedTime,
		"err", errors.New("bad"), "str", stringer{}, "panicky", panicky{},
		"list", []any{1, "two"}, "map", map[string]any{"k": 1, "a": "z"}, "nil", nil,
		"other", struct{ A int }{3}, "ptr", uintptr(9), "lv", resolver{},
		"grp", slog.GroupValue(slog.Int("n", 1), slog.String("s", "x")),
	).Info("values")
	rs := exp.all()
	if len(rs) != 1 {
		t.Fatalf("exported %d records", len(rs))
	}
	got := attrs(rs[0])
	got = got[:len(got)-3] // the code.* attributes
	want := []string{
		"b=BOOL:true", "big=STRING:9223372036854775808", "bytes=BYTESLICE:aGk=",
		"dur=STRING:1.5s", "err=STRING:bad", "f=FLOAT64:1.5", `grp=MAP:{"n":1,"s":"x"}`, `list=SLICE:[1,"two"]`,
		"lv=STRING:resolved", `map=MAP:{"a":"z","k":1}`, "nil=EMPTY:", "other=STRING:{3}",
		"panicky=STRING:%!v(PANIC=String method: boom)", "ptr=INT64:9", "str=STRING:as text", "strs=STRINGSLICE:[\"x\",\"y\"]",
		"u8=INT64:7", "when=STRING:2026-12-01T09:30:15.123456789+01:00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("attributes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestException(t *testing.T) {
	l, exp, _ := newTestLogger(t, Options{}, loguru.HandlerOptions{})
	l.Exception(&myError{"disk full"}, "save failed")
	rs := exp.all()
	if len(rs) != 1 {
		t.Fatalf("exported %d records", len(rs))
	}
	var typ, msg, stack string
	rs[0].WalkAttributes(func(kv attribute.KeyValue) bool {
		switch kv.Key {
		case "exception.type":
			typ = kv.Value.AsString()
		case "exception.message":
			msg = kv.Value.AsString()
		case "exception.stacktrace":
			stack = kv.Value.AsString()
		}
		return true
	})
	if typ != "*otel.myError" || msg != "disk full" {
		t.Errorf("exception.type %q, exception.message %q", typ, msg)
	}
	if !strings.Contains(stack, "TestException") || !strings.Contains(stack, "*otel.myError: disk full") {
		t.Errorf("exception.stacktrace:\n%s", stack)
	}
	if rs[0].SeverityText() != "ERROR" {
		t.Errorf("severity %q", rs[0].SeverityText())
	}
}

type myError struct{ s string }

func (e *myError) Error() string { return e.s }

func TestBodyText(t *testing.T) {
	l, exp, _ := newTestLogger(t, Options{Body: BodyText}, loguru.HandlerOptions{Format: "{level} | {message}"})
	l.Warning("careful")
	rs := exp.all()
	if len(rs) != 1 || rs[0].Body().AsString() != "WARNING | careful" {
		t.Fatalf("records %v", rs)
	}
}

func TestCancelledContextStillExports(t *testing.T) {
	l, exp, _ := newTestLogger(t, Options{}, loguru.HandlerOptions{})
	ctx, cancel := context.WithCancel(trace.ContextWithSpanContext(context.Background(), spanContext()))
	cancel()
	l.Ctx(ctx).Info("request done")
	rs := exp.all()
	if len(rs) != 1 || rs[0].TraceID() != spanContext().TraceID() {
		t.Fatalf("records %v", rs)
	}
}

func TestCompleteFlushesProvider(t *testing.T) {
	exp := &memExporter{}
	provider := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewBatchProcessor(exp, sdklog.WithExportInterval(time.Hour))))
	defer provider.Shutdown(context.Background())
	l := loguru.New()
	id, err := l.Add(New(provider, Options{}), loguru.HandlerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	l.Info("one")
	l.Info("two")
	if err := l.Complete(); err != nil {
		t.Fatal(err)
	}
	if n := len(exp.all()); n != 2 {
		t.Fatalf("after Complete %d records exported, want 2", n)
	}
	// Remove does not shut down a provider the caller owns.
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	l2 := loguru.New()
	if _, err := l2.Add(New(provider, Options{}), loguru.HandlerOptions{}); err != nil {
		t.Fatal(err)
	}
	l2.Info("three")
	if err := l2.Complete(); err != nil {
		t.Fatal(err)
	}
	if n := len(exp.all()); n != 3 {
		t.Fatalf("provider unusable after Remove: %d records", n)
	}
}

func TestUnknownProtocol(t *testing.T) {
	_, err := NewOTLP(context.Background(), Config{Protocol: "carrier-pigeon"})
	if err == nil || err.Error() != `otel: unknown OTLP protocol "carrier-pigeon": use "grpc" or "http/protobuf"` {
		t.Fatalf("err = %v", err)
	}
}

// A collector that is not there must not hold the program: the logging
// call returns at once, and Remove gives up after Options.Timeout with an
// error instead of waiting for the SDK's retries.
func TestDeadCollectorDoesNotBlock(t *testing.T) {
	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	for protocol, want := range map[string]string{
		"grpc":          "loguru: flushing handler 0: otel: flush did not finish within 200ms: records may be lost",
		"http/protobuf": "loguru: flushing handler 0: otel: flush: Post \"http://" + addr + "/v1/logs\": dial tcp " + addr + ": connect: connection refused",
	} {
		sink, err := NewOTLP(context.Background(), Config{
			Protocol: protocol, Endpoint: addr, Insecure: true, Options: Options{Timeout: 200 * time.Millisecond},
		})
		if err != nil {
			t.Fatal(err)
		}
		l := loguru.New()
		id, err := l.Add(sink, loguru.HandlerOptions{})
		if err != nil {
			t.Fatal(err)
		}
		l.Info("nobody listens")
		err = l.Remove(id)
		if err == nil || err.Error() != want {
			t.Errorf("%s: Remove error = %v", protocol, err)
		}
	}
}

type namedMap map[string]any

// Values that contain themselves are sent cut at the cycle: fmt would
// overflow the stack, which kills the program whatever recovers.
func TestCyclicExtraValues(t *testing.T) {
	l, exp, _ := newTestLogger(t, Options{}, loguru.HandlerOptions{})
	m := map[string]any{"k": 1}
	m["self"] = m
	n := namedMap{}
	n["self"] = n
	l.Info("cyclic", loguru.F("m", m), loguru.F("n", n))
	rs := exp.all()
	if len(rs) != 1 {
		t.Fatalf("exported %d records", len(rs))
	}
	got := attrs(rs[0])[:2]
	want := []string{"m=MAP:" + deepCyclic(maxDepth), "n=STRING:map[self:<cycle>]"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("attributes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// deepCyclic is how a map holding itself looks after depth levels of
// OTLP maps: {"k":1,"self":{"k":1,"self":...,"map[k:1 self:<cycle>]"}}.
func deepCyclic(depth int) string {
	s := `"map[k:1 self:<cycle>]"`
	for range depth {
		s = `{"k":1,"self":` + s + `}`
	}
	return s
}

func TestNilProviderIsTheGlobalOne(t *testing.T) {
	s := New(nil, Options{})
	l := loguru.New()
	if _, err := l.Add(s, loguru.HandlerOptions{}); err != nil {
		t.Fatal(err)
	}
	l.Info("to the global provider, a no-op until one is set")
	if err := s.Write(loguru.Message{Text: "x"}); err == nil || err.Error() != "otel: a message without a record" {
		t.Fatalf("Write without a record: %v", err)
	}
}

// A malformed OTEL_RESOURCE_ATTRIBUTES entry costs that attribute, not the
// sink.
func TestPartialResourceStillExports(t *testing.T) {
	t.Setenv("OTEL_RESOURCE_ATTRIBUTES", "novalue,team=payments")
	sink, err := NewOTLP(context.Background(), Config{Endpoint: "127.0.0.1:1", Insecure: true, Options: Options{Timeout: time.Millisecond}})
	if err != nil {
		t.Fatalf("NewOTLP: %v", err)
	}
	_ = sink.Close()
}

// With the message as body (the default) loguru formats no line for the
// Sink; BodyText asks for one.
func TestLineFormattedOnlyForBodyText(t *testing.T) {
	for body, want := range map[Body]int{BodyMessage: 0, BodyText: 1} {
		formatted := 0
		l, exp, _ := newTestLogger(t, Options{Body: body}, loguru.HandlerOptions{FormatFunc: func(*loguru.Record) string {
			formatted++
			return "{level} {message}"
		}})
		l.Info("hello")
		rs := exp.all()
		if formatted != want || len(rs) != 1 {
			t.Fatalf("body %d: formatted %d times, %d records", body, formatted, len(rs))
		}
		if got := map[Body]string{BodyMessage: "hello", BodyText: "INFO hello"}[body]; rs[0].Body().AsString() != got {
			t.Errorf("body %d: %q", body, rs[0].Body().AsString())
		}
	}
}
