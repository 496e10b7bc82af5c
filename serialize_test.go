package loguru_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

func TestSerializeMatchesLoguru(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Serialize: true, Format: "{level} {message}"})
	l.SetStart(fixedTime.Add(-1006903 * time.Microsecond))
	n := line() + 1
	l.Bind("user", "bob").Info("Hello {}", 1, loguru.F("x", 1))
	var got struct {
		Record struct {
			Thread struct{ ID int64 } `json:"thread"`
		} `json:"record"`
	}
	if err := json.Unmarshal([]byte(buf.String()), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	want := fmt.Sprintf(`{"text": "INFO Hello 1\n", "record": {"elapsed": {"repr": "0:00:01.006903", "seconds": 1.006903}, `+
		`"exception": null, "extra": {"user": "bob", "x": 1}, "file": {"name": "serialize_test.go", "path": %q}, `+
		`"function": "TestSerializeMatchesLoguru", "level": {"icon": "ℹ️", "name": "INFO", "no": 20}, "line": %d, `+
		`"message": "Hello 1", "module": "serialize_test", "name": "github.com/loguru-go/loguru_test", `+
		`"process": {"id": %d, "name": %q}, "thread": {"id": %d, "name": "goroutine"}, `+
		`"time": {"repr": "2026-11-22 10:01:02.345678+01:00", "timestamp": 1795338062.345678}}}`+"\n",
		thisFile(), n, osGetpid(), filepathBase(), got.Record.Thread.ID)
	expect(t, buf.String(), want)
}

func TestSerializeException(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Serialize: true, Format: "{message}", Backtrace: loguru.Off, Diagnose: loguru.Off})
	n := line() + 1
	l.Exception(errors.New("division by zero"), "failed")
	var got struct {
		Text   string
		Record struct {
			Exception map[string]any
		}
	}
	if err := json.Unmarshal([]byte(buf.String()), &got); err != nil {
		t.Fatal(err)
	}
	if want := "failed\n" + shortTraceback("TestSerializeException", n, `l.Exception(errors.New("division by zero"), "failed")`,
		"*errors.errorString", "division by zero"); got.Text != want {
		t.Errorf("text = %q, want %q", got.Text, want)
	}
	want := map[string]any{"type": "*errors.errorString", "value": "division by zero", "traceback": true, "panic": false,
		"chain": map[string]any{"path": "0", "type": "*errors.errorString", "message": "division by zero", "own": "division by zero", "stack": false},
		"sections": []any{map[string]any{"kind": "error", "frames": []any{map[string]any{
			"function": "github.com/loguru-go/loguru_test.TestSerializeException", "package": "github.com/loguru-go/loguru_test",
			"file": thisFile(), "line": float64(n), "class": "app", "catch_point": true,
			"source": `l.Exception(errors.New("division by zero"), "failed")`}}}}}
	if fmt.Sprint(got.Record.Exception) != fmt.Sprint(want) {
		t.Errorf("exception = %v, want %v", got.Record.Exception, want)
	}
}

func TestSerializeColorsAreEscaped(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Serialize: true, Format: "<red>{message}</red>", Colorize: loguru.On})
	l.Info("hi")
	if !strings.HasPrefix(buf.String(), `{"text": "\u001b[31mhi\u001b[0m\n", "record": `) {
		t.Fatalf("got %q", buf.String())
	}
}

func TestJSONSlimLine(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{JSON: true, Backtrace: loguru.Off})
	n := line() + 1
	l.Bind("user", "bob", "n", 2).Warning("disk at {}%", 93)
	l.Exception(errors.New("boom"), "failed")
	want := fmt.Sprintf(`{"time":"2026-11-22T10:01:02.345678901+01:00","level":"WARNING","name":"github.com/loguru-go/loguru_test","function":"TestJSONSlimLine","line":%d,"message":"disk at 93%%","extra":{"n":2,"user":"bob"}}
{"time":"2026-11-22T10:01:02.345678901+01:00","level":"ERROR","name":"github.com/loguru-go/loguru_test","function":"TestJSONSlimLine","line":%d,"message":"failed","exception":{"type":"*errors.errorString","value":"boom","traceback":true,"panic":false,"chain":{"path":"0","type":"*errors.errorString","message":"boom","own":"boom","stack":false},"sections":[{"kind":"error","frames":[{"function":"github.com/loguru-go/loguru_test.TestJSONSlimLine","package":"github.com/loguru-go/loguru_test","file":%q,"line":%d,"class":"app","catch_point":true,"source":"l.Exception(errors.New(\"boom\"), \"failed\")"}]}]}}
`, n, n+1, thisFile(), n+1)
	expect(t, buf.String(), want)
}

type stringer struct{}

func (stringer) String() string { return "as text" }

type cyclic struct {
	Name string
	Next *cyclic
}

// Every line is valid JSON whatever Extra holds.
func TestSerializedLinesAreAlwaysJSON(t *testing.T) {
	t.Parallel()
	for _, opts := range []loguru.HandlerOptions{{Serialize: true}, {JSON: true}} {
		l, buf := newLogger(t, opts)
		loop := map[string]any{}
		loop["self"] = loop
		c := &cyclic{Name: "a"}
		c.Next = c
		values := []any{
			"tab\tnewline\n\x00\x7f\"quote\"", "bad utf8 \xff\xfe", "\u2028", nil, math.NaN(), math.Inf(1), math.Inf(-1),
			[]byte("bytes"), map[string]any{"a": []any{1, "b", nil}}, fixedTime, time.Second, errors.New("e"), stringer{},
			json.RawMessage(`{"raw":true}`), json.RawMessage(`{bad`), loop, c, make(chan int), func() {}, struct{ A, b int }{1, 2},
			[]int{1, 2}, map[int]string{2: "b", 1: "a"}, 1 + 2i, uint64(math.MaxUint64), int64(math.MinInt64), float32(0.1),
		}
		for i, v := range values {
			l.Info("value {}", i, loguru.F("v", v))
		}
		l.Info("message with \x1b[31m escape \xff")
		for i, ln := range lines(buf.String()) {
			if !json.Valid([]byte(ln)) {
				t.Errorf("%+v line %d is not JSON: %s", opts, i, ln)
			}
		}
		if got := len(lines(buf.String())); got != len(values)+1 {
			t.Errorf("%d lines, want %d", got, len(values)+1)
		}
	}
}

func TestSerializeAndJSONTogetherIsAnError(t *testing.T) {
	t.Parallel()
	_, err := loguru.New().Add(&syncBuffer{}, loguru.HandlerOptions{Serialize: true, JSON: true}) //loguru-vet:ignore the error Add gives is the test
	if want := "loguru: Serialize and JSON are two different encodings: choose one"; err == nil || err.Error() != want {
		t.Fatalf("error = %v", err)
	}
}

func TestSerializeDoesNotAllocateForBoundValues(t *testing.T) {
	l := loguru.New()
	if _, err := l.Add(discard{}, loguru.HandlerOptions{JSON: true}); err != nil {
		t.Fatal(err)
	}
	bound := l.Bind("user", "bob", "id", 42)
	bound.Info("warm up")
	if n := testing.AllocsPerRun(1000, func() { bound.Info("static") }); n != 0 {
		t.Fatalf("JSON line with bound values allocates %v times", n)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
