package otel

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
	"go.opentelemetry.io/otel/trace"
)

// The integration test runs a real OpenTelemetry Collector, built by
// testdata/build-collector.sh, whose path is in LOGURU_OTELCOL.
func collectorBinary(t *testing.T) string {
	bin := os.Getenv("LOGURU_OTELCOL")
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("LOGURU_OTELCOL is not set: CI must build the collector with testdata/build-collector.sh")
		}
		t.Skip("set LOGURU_OTELCOL=$(testdata/build-collector.sh DIR) to run against a real Collector")
	}
	return bin
}

// freePort returns a loopback port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

const collectorConfig = `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:%d
      http:
        endpoint: 127.0.0.1:%d
exporters:
  file:
    path: %s
    flush_interval: 50ms
service:
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
  pipelines:
    logs:
      receivers: [otlp]
      exporters: [file]
`

// startCollector runs the collector until the test ends and returns its
// gRPC and HTTP endpoints and the file its exporter writes.
func startCollector(t *testing.T) (grpcAddr, httpAddr, out string) {
	bin := collectorBinary(t)
	dir := t.TempDir()
	out = filepath.Join(dir, "logs.json")
	gp, hp := freePort(t), freePort(t)
	conf := filepath.Join(dir, "collector.yaml")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(collectorConfig, gp, hp, out)), 0o600); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "--config", conf)
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("collector output:\n%s", stderr.String())
		}
	})
	grpcAddr, httpAddr = fmt.Sprintf("127.0.0.1:%d", gp), fmt.Sprintf("127.0.0.1:%d", hp)
	waitFor(t, 30*time.Second, "the collector to listen", func() bool {
		select {
		case err := <-exited:
			t.Fatalf("collector exited: %v\n%s", err, stderr.String())
		default:
		}
		return dials(grpcAddr) && dials(httpAddr)
	})
	return grpcAddr, httpAddr, out
}

func dials(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err == nil {
		c.Close()
	}
	return err == nil
}

// waitFor polls cond until it holds or the deadline passes: the collector
// is another process, with no event to wait on.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(limit)
	for !cond() {
		select {
		case <-tick.C:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// The OTLP JSON the file exporter writes, as far as the test reads it.
type otlpFile struct {
	ResourceLogs []struct {
		Resource struct {
			Attributes []otlpKV `json:"attributes"`
		} `json:"resource"`
		ScopeLogs []struct {
			Scope struct {
				Name    string `json:"name"`
				Version string `json:"version"`
			} `json:"scope"`
			LogRecords []otlpRecord `json:"logRecords"`
		} `json:"scopeLogs"`
	} `json:"resourceLogs"`
}

type otlpRecord struct {
	TimeUnixNano         string    `json:"timeUnixNano"`
	ObservedTimeUnixNano string    `json:"observedTimeUnixNano"`
	SeverityNumber       int       `json:"severityNumber"`
	SeverityText         string    `json:"severityText"`
	Body                 otlpValue `json:"body"`
	Attributes           []otlpKV  `json:"attributes"`
	TraceID              string    `json:"traceId"`
	SpanID               string    `json:"spanId"`
	Flags                int       `json:"flags"`
	resource             []otlpKV  // filled by the reader
	scope, scopeVersion  string    // filled by the reader
	_                    [0]func() // not comparable
}

type otlpKV struct {
	Key   string    `json:"key"`
	Value otlpValue `json:"value"`
}

type otlpValue struct {
	StringValue *string  `json:"stringValue"`
	IntValue    *string  `json:"intValue"`
	DoubleValue *float64 `json:"doubleValue"`
	BoolValue   *bool    `json:"boolValue"`
	ArrayValue  *struct {
		Values []otlpValue `json:"values"`
	} `json:"arrayValue"`
	KvlistValue *struct {
		Values []otlpKV `json:"values"`
	} `json:"kvlistValue"`
}

// String renders a value the way the test's expectations are written.
func (v otlpValue) String() string {
	switch {
	case v.StringValue != nil:
		return strconv.Quote(*v.StringValue)
	case v.IntValue != nil:
		return "int:" + *v.IntValue
	case v.DoubleValue != nil:
		return "double:" + strconv.FormatFloat(*v.DoubleValue, 'g', -1, 64)
	case v.BoolValue != nil:
		return "bool:" + strconv.FormatBool(*v.BoolValue)
	case v.ArrayValue != nil:
		var parts []string
		for _, e := range v.ArrayValue.Values {
			parts = append(parts, e.String())
		}
		return "[" + strings.Join(parts, " ") + "]"
	case v.KvlistValue != nil:
		var parts []string
		for _, kv := range v.KvlistValue.Values {
			parts = append(parts, kv.Key+"="+kv.Value.String())
		}
		return "{" + strings.Join(parts, " ") + "}"
	}
	return "empty"
}

// readRecords returns the records in the exporter's file so far.
func readRecords(t *testing.T, path string) []otlpRecord {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var out []otlpRecord
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var f otlpFile
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("collector file: %v\n%s", err, sc.Text())
		}
		for _, rl := range f.ResourceLogs {
			for _, sl := range rl.ScopeLogs {
				for _, r := range sl.LogRecords {
					r.resource, r.scope, r.scopeVersion = rl.Resource.Attributes, sl.Scope.Name, sl.Scope.Version
					out = append(out, r)
				}
			}
		}
	}
	return out
}

func attrMap(kvs []otlpKV) map[string]string {
	m := make(map[string]string, len(kvs))
	for _, kv := range kvs {
		m[kv.Key] = kv.Value.String()
	}
	return m
}

func TestCollectorReceivesEveryField(t *testing.T) {
	grpcAddr, httpAddr, out := startCollector(t)
	for _, c := range []struct{ protocol, endpoint string }{
		{"grpc", grpcAddr},
		{"http/protobuf", httpAddr},
	} {
		t.Run(strings.ReplaceAll(c.protocol, "/", "-"), func(t *testing.T) {
			sendAndCheck(t, c.protocol, c.endpoint, out)
		})
	}
}

func sendAndCheck(t *testing.T, protocol, endpoint, out string) {
	sink, err := NewOTLP(context.Background(), Config{
		Protocol: protocol, Endpoint: endpoint, Insecure: true, ServiceName: "checkout",
		Options: Options{Version: "1.2.3"},
	})
	if err != nil {
		t.Fatal(err)
	}
	l := loguru.New()
	id, err := l.Add(sink, loguru.HandlerOptions{Level: "TRACE"})
	if err != nil {
		t.Fatal(err)
	}
	// The ids Correlate adds to Extra travel as the record's trace fields,
	// not as attributes.
	if err := Correlate(l); err != nil {
		t.Fatal(err)
	}
	l = l.Patch(func(r *loguru.Record) { r.Time = fixedTime })
	ctx := trace.ContextWithSpanContext(context.Background(), spanContext())
	bound := l.Ctx(ctx).Bind("user", "ann", "tags", []any{"a", 2}, "cart", map[string]any{"items": 3})
	path, line := nextLine()
	bound.Success("paid {} via {protocol}", 9.5, loguru.F("protocol", protocol), loguru.F("retry", false))
	l.Exception(&myError{"card declined"}, "charge failed via "+protocol)
	if err := l.Remove(id); err != nil { // flushes and shuts the provider down
		t.Fatal(err)
	}

	var got []otlpRecord
	waitFor(t, 30*time.Second, "both records in the collector's file", func() bool {
		got = got[:0]
		for _, r := range readRecords(t, out) {
			if b := r.Body.String(); strings.HasSuffix(b, "via "+protocol+`"`) {
				got = append(got, r)
			}
		}
		return len(got) == 2
	})
	paid, failed := got[0], got[1]
	if paid.Body.String() != `"paid 9.5 via `+protocol+`"` {
		paid, failed = failed, paid
	}

	checks := map[string][2]string{
		"time":            {paid.TimeUnixNano, strconv.FormatInt(fixedTime.UnixNano(), 10)},
		"severityNumber":  {strconv.Itoa(paid.SeverityNumber), "11"},
		"severityText":    {paid.SeverityText, "SUCCESS"},
		"body":            {paid.Body.String(), `"paid 9.5 via ` + protocol + `"`},
		"traceId":         {paid.TraceID, spanContext().TraceID().String()},
		"spanId":          {paid.SpanID, spanContext().SpanID().String()},
		"flags":           {strconv.Itoa(paid.Flags), "1"},
		"scope":           {paid.scope + " " + paid.scopeVersion, ScopeName + " 1.2.3"},
		"service.name":    {attrMap(paid.resource)["service.name"], `"checkout"`},
		"failed severity": {failed.SeverityText + " " + strconv.Itoa(failed.SeverityNumber), "ERROR 17"},
		"failed trace":    {failed.TraceID, ""},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %s, want %s", name, c[0], c[1])
		}
	}
	if paid.ObservedTimeUnixNano == "" || paid.ObservedTimeUnixNano == "0" {
		t.Errorf("observedTimeUnixNano missing")
	}
	if pid := attrMap(paid.resource)["process.pid"]; pid != "int:"+strconv.Itoa(os.Getpid()) {
		t.Errorf("resource process.pid = %s", pid)
	}

	var attrs []string
	for _, kv := range paid.Attributes {
		attrs = append(attrs, kv.Key+"="+kv.Value.String())
	}
	want := []string{
		`cart={items=int:3}`, `protocol="` + protocol + `"`, `retry=bool:false`, `tags=["a" int:2]`, `user="ann"`,
		`code.function.name="github.com/loguru-go/loguru/otel.sendAndCheck"`,
		`code.file.path=` + strconv.Quote(path), `code.line.number=int:` + strconv.Itoa(line),
	}
	if strings.Join(attrs, "\n") != strings.Join(want, "\n") {
		t.Errorf("attributes:\n%s\nwant:\n%s", strings.Join(attrs, "\n"), strings.Join(want, "\n"))
	}

	fa := attrMap(failed.Attributes)
	if fa["exception.type"] != `"*otel.myError"` || fa["exception.message"] != `"card declined"` {
		t.Errorf("exception attributes %v", fa)
	}
	if st := fa["exception.stacktrace"]; !strings.Contains(st, "sendAndCheck") || !strings.Contains(st, "*otel.myError: card declined") {
		t.Errorf("exception.stacktrace = %s", st)
	}
}
