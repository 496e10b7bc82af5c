package otel

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploggrpc"
	"go.opentelemetry.io/otel/exporters/otlp/otlplog/otlploghttp"
	sdklog "go.opentelemetry.io/otel/sdk/log"
	"go.opentelemetry.io/otel/sdk/resource"
	"google.golang.org/grpc/credentials"
)

// Config describes an OTLP export for NewOTLP. Fields left empty fall back
// to the OTEL_EXPORTER_OTLP_* environment variables the SDK reads, then to
// the SDK's defaults (gRPC to localhost:4317).
type Config struct {
	// Protocol is "grpc" or "http/protobuf"; "" reads
	// OTEL_EXPORTER_OTLP_LOGS_PROTOCOL, then OTEL_EXPORTER_OTLP_PROTOCOL,
	// then uses gRPC.
	Protocol string
	// Endpoint is the collector's "host:port".
	Endpoint string
	// URLPath is the HTTP path; "" means /v1/logs. Not used with gRPC.
	URLPath string
	// Insecure sends without TLS. Use it on loopback only: logs often
	// carry what an eavesdropper should not read.
	Insecure bool
	// TLS is the client TLS configuration; nil uses the system roots.
	TLS *tls.Config
	// Headers are sent with every export, e.g. an authorization token.
	Headers map[string]string
	// Compression is "gzip" or "" (none).
	Compression string
	// ServiceName is the resource's service.name; "" reads
	// OTEL_SERVICE_NAME, then uses the executable's name.
	ServiceName string
	// Attributes are added to the resource.
	Attributes []attribute.KeyValue
	// Batch tunes the SDK's batch processor (queue size, export interval,
	// timeout, batch size).
	Batch []sdklog.BatchProcessorOption
	// Options configures the Sink itself.
	Options Options
}

// NewOTLP returns a Sink exporting over OTLP through a batch processor and
// a logger provider of its own, which its Close shuts down: remove the
// handler (or call Close) before the program exits so the last batch is
// sent. The connection is made lazily; a collector that is down makes
// exports fail and retry as the SDK does, never the logging call.
func NewOTLP(ctx context.Context, cfg Config) (*Sink, error) {
	// The resource first: an exporter made before a failure would leave
	// its connection's goroutines behind.
	res, err := newResource(ctx, cfg)
	if err != nil {
		return nil, err
	}
	exp, err := newExporter(ctx, cfg)
	if err != nil {
		return nil, err
	}
	provider := sdklog.NewLoggerProvider(
		sdklog.WithProcessor(sdklog.NewBatchProcessor(exp, cfg.Batch...)),
		sdklog.WithResource(res))
	s := New(provider, cfg.Options)
	s.shutdown = provider.Shutdown
	return s, nil
}

func newExporter(ctx context.Context, cfg Config) (sdklog.Exporter, error) {
	switch p := protocol(cfg.Protocol); p {
	case "grpc":
		return otlploggrpc.New(ctx, grpcOptions(cfg)...)
	case "http/protobuf":
		return otlploghttp.New(ctx, httpOptions(cfg)...)
	default:
		return nil, fmt.Errorf(`otel: unknown OTLP protocol %q: use "grpc" or "http/protobuf"`, p)
	}
}

// protocol resolves the protocol the way the OpenTelemetry specification
// orders its environment variables.
func protocol(p string) string {
	for _, v := range []string{p, os.Getenv("OTEL_EXPORTER_OTLP_LOGS_PROTOCOL"), os.Getenv("OTEL_EXPORTER_OTLP_PROTOCOL")} {
		if v != "" {
			return strings.ToLower(v)
		}
	}
	return "grpc"
}

func grpcOptions(cfg Config) []otlploggrpc.Option {
	var o []otlploggrpc.Option
	if cfg.Endpoint != "" {
		o = append(o, otlploggrpc.WithEndpoint(cfg.Endpoint))
	}
	if cfg.Insecure {
		o = append(o, otlploggrpc.WithInsecure())
	} else if cfg.TLS != nil {
		o = append(o, otlploggrpc.WithTLSCredentials(credentials.NewTLS(cfg.TLS)))
	}
	if len(cfg.Headers) > 0 {
		o = append(o, otlploggrpc.WithHeaders(cfg.Headers))
	}
	if cfg.Compression != "" {
		o = append(o, otlploggrpc.WithCompressor(cfg.Compression))
	}
	return o
}

func httpOptions(cfg Config) []otlploghttp.Option {
	var o []otlploghttp.Option
	if cfg.Endpoint != "" {
		o = append(o, otlploghttp.WithEndpoint(cfg.Endpoint))
	}
	if cfg.URLPath != "" {
		o = append(o, otlploghttp.WithURLPath(cfg.URLPath))
	}
	if cfg.Insecure {
		o = append(o, otlploghttp.WithInsecure())
	} else if cfg.TLS != nil {
		o = append(o, otlploghttp.WithTLSClientConfig(cfg.TLS))
	}
	if len(cfg.Headers) > 0 {
		o = append(o, otlploghttp.WithHeaders(cfg.Headers))
	}
	if cfg.Compression == "gzip" {
		o = append(o, otlploghttp.WithCompression(otlploghttp.GzipCompression))
	}
	return o
}

// newResource describes this process: service.name, the process and host
// attributes the SDK detects, and the OTEL_RESOURCE_ATTRIBUTES variable.
func newResource(ctx context.Context, cfg Config) (*resource.Resource, error) {
	name := cfg.ServiceName
	if name == "" {
		name = os.Getenv("OTEL_SERVICE_NAME")
	}
	if name == "" {
		name = filepath.Base(os.Args[0])
	}
	attrs := append([]attribute.KeyValue{attribute.String("service.name", name)}, cfg.Attributes...)
	res, err := resource.New(ctx,
		resource.WithFromEnv(), resource.WithProcessPID(), resource.WithProcessExecutableName(),
		resource.WithHost(), resource.WithAttributes(attrs...))
	if errors.Is(err, resource.ErrPartialResource) {
		// A malformed OTEL_RESOURCE_ATTRIBUTES entry, say, which the SDK
		// has reported: the rest of the resource is good, and logs matter
		// more than one attribute.
		return res, nil
	}
	return res, err
}
