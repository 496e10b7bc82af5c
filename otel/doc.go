// Package otel sends loguru records to OpenTelemetry as log records,
// through the OpenTelemetry Go SDK.
//
// A Sink is added like any other loguru sink. NewOTLP builds the whole
// pipeline (OTLP exporter over gRPC or HTTP, batch processor, logger
// provider) in one call:
//
//	sink, err := otel.NewOTLP(ctx, otel.Config{Endpoint: "collector:4317"})
//	if err != nil { ... }
//	id, _ := loguru.Add(sink, loguru.HandlerOptions{Level: "INFO"})
//	defer loguru.Remove(id) // flushes and shuts the provider down
//
// New wraps a log.LoggerProvider the program already has.
//
// Each record becomes one OpenTelemetry log record:
//
//   - Timestamp: the record's time; ObservedTimestamp: when the sink saw it.
//   - SeverityNumber: from the level number (see Severity); SeverityText:
//     the level name.
//   - Body: the message (Options.Body chooses the formatted line instead).
//   - Attributes: every Extra value (bound, contextual and the call's
//     fields), keys sorted; "code.function.name" (package path and
//     function), "code.file.path" and "code.line.number" from the caller;
//     "exception.type", "exception.message" and "exception.stacktrace" when
//     an error is attached.
//   - TraceId, SpanId and trace flags: from the span in the context given
//     with Logger.Ctx.
//
// Batching, retries, timeouts and shutdown are the SDK's: the exporters
// read the usual OTEL_EXPORTER_OTLP_* environment variables, and Complete
// (or Flush) forces the batch out.
package otel
