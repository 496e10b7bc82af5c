package otel_test

import (
	"context"
	"fmt"
	"os"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/otel"
	"go.opentelemetry.io/otel/attribute"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	"go.opentelemetry.io/otel/trace"
)

// printExporter prints what the SDK would send.
type printExporter struct{}

func (printExporter) Export(_ context.Context, rs []sdklog.Record) error {
	for _, r := range rs {
		fmt.Printf("%s(%d) %q trace=%s\n", r.SeverityText(), r.Severity(), r.Body().AsString(), r.TraceID())
		r.WalkAttributes(func(kv attribute.KeyValue) bool {
			if kv.Key != "code.file.path" && kv.Key != "code.line.number" {
				fmt.Printf("  %s: %s\n", kv.Key, kv.Value.Emit())
			}
			return true
		})
	}
	return nil
}
func (printExporter) Shutdown(context.Context) error   { return nil }
func (printExporter) ForceFlush(context.Context) error { return nil }

// A program that already has an OpenTelemetry LoggerProvider adds a Sink
// for it; records logged with Ctx carry the span's trace id.
func ExampleNew() {
	provider := sdklog.NewLoggerProvider(sdklog.WithProcessor(sdklog.NewSimpleProcessor(printExporter{})))
	defer provider.Shutdown(context.Background())

	logger := loguru.New()
	if _, err := logger.Add(otel.New(provider, otel.Options{}), loguru.HandlerOptions{Level: "INFO"}); err != nil {
		panic(err)
	}
	span := trace.NewSpanContext(trace.SpanContextConfig{
		TraceID: trace.TraceID{0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6, 0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, 0x47, 0x36},
		SpanID:  trace.SpanID{1, 2, 3, 4, 5, 6, 7, 8},
	})
	ctx := trace.ContextWithSpanContext(context.Background(), span)
	logger.Ctx(ctx).Bind("user", "ann").Warning("card expires in {days} days", loguru.F("days", 3))
	// Output:
	// WARNING(13) "card expires in 3 days" trace=4bf92f3577b34da6a3ce929d0e0e4736
	//   days: 3
	//   user: ann
	//   code.function.name: github.com/loguru-go/loguru/otel_test.ExampleNew
}

// NewOTLP builds the exporter, batch processor and provider in one call.
// Removing the handler sends the last batch and shuts them down.
func ExampleNewOTLP() {
	sink, err := otel.NewOTLP(context.Background(), otel.Config{
		Protocol:    "grpc",           // or "http/protobuf"
		Endpoint:    "127.0.0.1:4317", // the Collector's OTLP receiver
		Insecure:    true,             // loopback only; use TLS and Headers elsewhere
		ServiceName: "checkout",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	id, err := loguru.Add(sink, loguru.HandlerOptions{Level: "INFO"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer loguru.Remove(id)
	loguru.Info("order {} paid", 42)
}

// Correlate puts the trace and span ids of the span in a record's context
// into its Extra, so every handler can show them: here a text line.
func ExampleCorrelate() {
	logger := loguru.New()
	logger.Add(os.Stdout, loguru.HandlerOptions{Format: "{level} {message} trace={extra[trace_id]} span={extra[span_id]}"})
	if err := otel.Correlate(logger); err != nil {
		panic(err)
	}
	span := trace.NewSpanContext(trace.SpanContextConfig{
		TraceID: trace.TraceID{0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6, 0xa3, 0xce, 0x92, 0x9d, 0x0e, 0x0e, 0x47, 0x36},
		SpanID:  trace.SpanID{0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7},
	})
	ctx := trace.ContextWithSpanContext(context.Background(), span)
	logger.Ctx(ctx).Info("charged")
	// Output:
	// INFO charged trace=4bf92f3577b34da6a3ce929d0e0e4736 span=00f067aa0ba902b7
}
