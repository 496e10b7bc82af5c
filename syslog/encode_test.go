package syslog

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/netwriter"
)

// encodeWith encodes one record with fixed header options.
func encodeWith(t *testing.T, o Options, network string, m loguru.Message) string {
	t.Helper()
	o, tr, err := withDefaults(network, "127.0.0.1:514", fixedOptions(o))
	if err != nil {
		t.Fatal(err)
	}
	e, err := newEncoder(o, tr)
	if err != nil {
		t.Fatal(err)
	}
	var b netwriter.Buf
	e.encode(&b, m)
	return string(b.Bytes())
}

func record(level string, no int, msg string) *loguru.Record {
	return &loguru.Record{
		Time: fixedTime, Level: loguru.Level{Name: level, No: no}, Message: msg,
		Name: "main", Function: "main", Line: 12,
	}
}

func TestEncodeExact(t *testing.T) {
	t.Parallel()
	r := record("INFO", 20, "hello")
	r.Extra = map[string]any{"user": "alice", "id": 1042}
	got := encodeWith(t, Options{}, "udp", loguru.Message{Record: r, Text: "ignored\n"})
	want := `<14>1 2026-01-02T03:04:05.123456+01:00 host app 42 INFO [extra@32473 id="1042" user="alice"][loguru@32473 name="main" function="main" line="12"] hello`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestPRIForEachLevel(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		level string
		no    int
		pri   string
	}{
		{"TRACE", 5, "<135>"}, {"DEBUG", 10, "<135>"}, {"Level 15", 15, "<135>"},
		{"INFO", 20, "<134>"}, {"Level 24", 24, "<134>"},
		{"SUCCESS", 25, "<133>"}, {"WARNING", 30, "<132>"}, {"Level 35", 35, "<132>"},
		{"ERROR", 40, "<131>"}, {"Level 45", 45, "<131>"},
		{"CRITICAL", 50, "<130>"}, {"Level 60", 60, "<130>"},
	} {
		got := encodeWith(t, Options{Facility: Local0, RecordSDID: "-"}, "udp", loguru.Message{Record: record(c.level, c.no, "m")})
		msgID := strings.ReplaceAll(c.level, " ", "_")
		want := c.pri + "1 2026-01-02T03:04:05.123456+01:00 host app 42 " + msgID + " - m"
		if got != want {
			t.Errorf("%s: got %q, want %q", c.level, got, want)
		}
	}
}

func TestSeverityOverride(t *testing.T) {
	t.Parallel()
	o := Options{Facility: Mail, RecordSDID: "-", Severity: func(l loguru.Level) Severity {
		if l.Name == "ALERT" {
			return Alert
		}
		return 99 // out of range: clamped to Debug
	}}
	if got := encodeWith(t, o, "udp", loguru.Message{Record: record("ALERT", 60, "m")}); !strings.HasPrefix(got, "<17>1 ") {
		t.Errorf("got %q", got)
	}
	if got := encodeWith(t, o, "udp", loguru.Message{Record: record("INFO", 20, "m")}); !strings.HasPrefix(got, "<23>1 ") {
		t.Errorf("got %q", got)
	}
}

func TestSDEscapingAndNames(t *testing.T) {
	t.Parallel()
	r := record("INFO", 20, "m")
	r.Extra = map[string]any{
		"quote":                 `a "b" \c\ [d]`,
		"a=b":                   1.5,
		"sp ace":                true,
		`q"]`:                   errors.New("e]"),
		"":                      "skipped",
		"é":                     "caf\xff",
		strings.Repeat("k", 40): int64(-3),
		"list":                  []int{1, 2},
		"n":                     uint64(7),
	}
	r.Function, r.Name = `f"]\`, "pkg"
	r.Exception = &loguru.ExceptionInfo{Type: "*errors.errorString", Value: `boom "x"`}
	got := encodeWith(t, Options{}, "udp", loguru.Message{Record: r})
	want := `<14>1 2026-01-02T03:04:05.123456+01:00 host app 42 INFO [extra@32473 a_b="1.5" ` +
		strings.Repeat("k", 32) + `="-3" list="[1 2\]" n="7" q__="e\]" quote="a \"b\" \\c\\ [d\]" sp_ace="true" _="caf` + "\ufffd" + `"]` +
		`[loguru@32473 name="pkg" function="f\"\]\\" line="12" exception="*errors.errorString: boom \"x\""] m`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestSDIDOptions(t *testing.T) {
	t.Parallel()
	r := record("INFO", 20, "m")
	r.Extra = map[string]any{"k": "v"}
	got := encodeWith(t, Options{ExtraSDID: "ctx@12345", RecordSDID: "-"}, "udp", loguru.Message{Record: r})
	if want := `<14>1 2026-01-02T03:04:05.123456+01:00 host app 42 INFO [ctx@12345 k="v"] m`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	got = encodeWith(t, Options{ExtraSDID: "-", RecordSDID: "-"}, "udp", loguru.Message{Record: r})
	if want := `<14>1 2026-01-02T03:04:05.123456+01:00 host app 42 INFO - m`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, bad := range []string{"a b", "x=y", "a@b", "a@1@2", "a]@1", strings.Repeat("a", 30) + "@123", "@1"} {
		if _, err := New("udp", "127.0.0.1:514", Options{ExtraSDID: bad}); err == nil {
			t.Errorf("SD-ID %q accepted", bad)
		}
	}
}

func TestHeaderFields(t *testing.T) {
	t.Parallel()
	r := record("my level", 20, "")
	o := Options{
		Hostname: strings.Repeat("h", 300), AppName: "my app é", ProcID: "-", RecordSDID: "-",
		MsgID: func(*loguru.Record) string { return strings.Repeat("m", 40) },
	}
	o2, tr, _ := withDefaults("udp", "127.0.0.1:514", o)
	o2.ErrorOutput = nil
	e, err := newEncoder(o2, tr)
	if err != nil {
		t.Fatal(err)
	}
	var b netwriter.Buf
	e.encode(&b, loguru.Message{Record: r})
	got := string(b.Bytes())
	want := "<14>1 2026-01-02T03:04:05.123456+01:00 " + strings.Repeat("h", 255) + " my_app__ - " + strings.Repeat("m", 32) + " -"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestNilValues(t *testing.T) {
	t.Parallel()
	r := &loguru.Record{Level: loguru.Level{No: 20}}
	got := encodeWith(t, Options{RecordSDID: "-"}, "udp", loguru.Message{Record: r})
	// Zero time, no level name and no message: NILVALUE or nothing.
	if want := "<14>1 - host app 42 - -"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	got = encodeWith(t, Options{}, "udp", loguru.Message{Text: "raw text\n"})
	if want := "<15>1 - host app 42 - - raw text"; got != want {
		t.Errorf("without a record: got %q, want %q", got, want)
	}
}

func TestTextAndBOM(t *testing.T) {
	t.Parallel()
	r := record("INFO", 20, "hello")
	got := encodeWith(t, Options{Text: true, BOM: true, RecordSDID: "-"}, "udp", loguru.Message{Record: r, Text: "INFO | hello\n"})
	if want := "<14>1 2026-01-02T03:04:05.123456+01:00 host app 42 INFO - \ufeffINFO | hello"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestTruncate(t *testing.T) {
	t.Parallel()
	head := "<14>1 2026-01-02T03:04:05.123456+01:00 host app 42 INFO - "
	msg := strings.Repeat("é", 400) // 800 bytes
	got := encodeWith(t, Options{MaxSize: 481, RecordSDID: "-"}, "udp", loguru.Message{Record: record("INFO", 20, msg)})
	// 481 would split an "é": the cut moves back to 480.
	if len(got) != 480 || !utf8.ValidString(got) || got != (head + msg)[:480] {
		t.Fatalf("got %d bytes: %q", len(got), got)
	}

	// Structured data that alone exceeds the limit becomes NILVALUE.
	r := record("INFO", 20, "hello")
	r.Extra = map[string]any{"big": strings.Repeat("x", 600)}
	got = encodeWith(t, Options{MaxSize: 500, RecordSDID: "-"}, "udp", loguru.Message{Record: r})
	if want := head + "hello"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}

	// The default limit over UDP is 2048 bytes; streams have none.
	long := strings.Repeat("x", 5000)
	if got := encodeWith(t, Options{}, "udp", loguru.Message{Record: record("INFO", 20, long)}); len(got) != DefaultUDPMaxSize {
		t.Errorf("udp: %d bytes", len(got))
	}
	if got := encodeWith(t, Options{}, "unixgram", loguru.Message{Record: record("INFO", 20, strings.Repeat(long, 2))}); len(got) != DefaultUnixgramMaxSize {
		t.Errorf("unixgram: %d bytes", len(got))
	}
	if got := encodeWith(t, Options{RecordSDID: "-"}, "tcp", loguru.Message{Record: record("INFO", 20, long)}); got != "5058 "+head+long {
		t.Errorf("tcp: %.80q", got)
	}
	if got := encodeWith(t, Options{MaxSize: -1, RecordSDID: "-"}, "udp", loguru.Message{Record: record("INFO", 20, long)}); got != head+long {
		t.Errorf("udp without limit: %d bytes", len(got))
	}
}

func TestFraming(t *testing.T) {
	t.Parallel()
	got := encodeWith(t, Options{RecordSDID: "-"}, "unix", loguru.Message{Record: record("INFO", 20, "hi")})
	if want := "60 <14>1 2026-01-02T03:04:05.123456+01:00 host app 42 INFO - hi"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestInvalidOptions(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		network, addr string
		o             Options
	}{
		{"http", "x:1", Options{}},
		{"tcp", "", Options{}},
		{"udp", "x:1", Options{TLS: tlsConfigForTest()}},
		{"tcp", "x:1", Options{Facility: 24}},
		{"tcp", "x:1", Options{BufferRecords: -1}},
		{"tcp", "x:1", Options{WriteTimeout: -1}},
		{"tcp", "x:1", Options{RecordSDID: "no space"}},
	} {
		if s, err := New(c.network, c.addr, c.o); err == nil {
			_ = s.Close()
			t.Errorf("New(%q, %q, %+v) succeeded", c.network, c.addr, c.o)
		}
	}
}

func TestNames(t *testing.T) {
	t.Parallel()
	if Local0.String() != "local0" || LogAudit.String() != "audit" || Facility(30).String() != "Facility(30)" {
		t.Error("facility names")
	}
	if Notice.String() != "notice" || Severity(8).String() != "Severity(8)" {
		t.Error("severity names")
	}
}

type cyclicMap map[string]any

// A value that contains itself is written, not followed forever: fmt would
// overflow the stack, which kills the program whatever recovers.
func TestCyclicExtraValue(t *testing.T) {
	t.Parallel()
	m := map[string]any{"k": 1}
	m["self"] = m
	c := cyclicMap{}
	c["self"] = c
	r := record("INFO", 20, "hello")
	r.Extra = map[string]any{"m": m, "c": c}
	got := encodeWith(t, Options{RecordSDID: "-"}, "udp", loguru.Message{Record: r})
	want := `<14>1 2026-01-02T03:04:05.123456+01:00 host app 42 INFO [extra@32473 c="map[self:<cycle>\]" m="map[k:1 self:<cycle>\]"] hello`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}
