#!/usr/bin/env bash
# Builds the integration test's OpenTelemetry Collector with the Collector
# Builder, both fetched from the Go module proxy, and prints the binary's
# path. Usage: build-collector.sh OUTDIR
#   export LOGURU_OTELCOL=$(otel/testdata/build-collector.sh /tmp/otelcol)
set -euo pipefail
out=${1:?usage: build-collector.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
builder_version=v0.161.0
if [ ! -x "$out/bin/builder" ]; then
  GOBIN="$out/bin" go install "go.opentelemetry.io/collector/cmd/builder@$builder_version" >&2
fi
if [ ! -x "$out/otelcol/otelcol-loguru-test" ]; then
  (cd "$out" && "$out/bin/builder" --config "$here/builder.yaml" >&2)
fi
echo "$out/otelcol/otelcol-loguru-test"
