package loguru_test

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/loguru-go/loguru"
)

// recordPattern matches records of the default format, with the lines
// that follow a record (its traceback) as part of its message.
const recordPattern = `(?m)^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) \| (?P<level>\w+)\s*\| ` +
	`(?P<name>[^:]+):(?P<function>[^:]+):(?P<line>\d+) - (?P<message>.*(?:\n[^\d\n].*)*)`

var castRecord = map[string]func(string) (any, error){
	"time": loguru.Cast(loguru.ParseTime),
	"line": loguru.Cast(strconv.Atoi),
}

func TestParseMultiLineRecords(t *testing.T) {
	t.Parallel()
	log := "2026-11-22 10:01:02.345 | INFO     | app:main:10 - started\n" +
		"2026-11-22 10:01:02.346 | ERROR    | app:main:12 - failed\n" +
		"*errors.errorString: boom\n" +
		"    while loading config\n" +
		"2026-11-22 10:01:03.000 | WARNING  | app:run:20 - last\n"
	var got []map[string]any
	for m, err := range loguru.Parse(strings.NewReader(log), recordPattern, castRecord) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, m)
	}
	at := func(ms int) time.Time {
		return time.Date(2026, 11, 22, 10, 1, 2, 0, time.Local).Add(time.Duration(ms) * time.Millisecond)
	}
	want := []map[string]any{
		{"time": at(345), "level": "INFO", "name": "app", "function": "main", "line": 10, "message": "started"},
		{"time": at(346), "level": "ERROR", "name": "app", "function": "main", "line": 12,
			"message": "failed\n*errors.errorString: boom\n    while loading config"},
		{"time": at(1000), "level": "WARNING", "name": "app", "function": "run", "line": 20, "message": "last"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse =\n%v\nwant\n%v", got, want)
	}
}

func TestParseReadsWhatTheLoggerWrote(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{time:YYYY-MM-DD HH:mm:ss.SSSSSS Z} | {level} | {message}"})
	for i := range 3 {
		l.Info("request {} done", i)
	}
	pattern := `(?P<time>[\d-]+ [\d:.]+ [+-]\d\d:\d\d) \| (?P<level>\w+) \| request (?P<n>\d+) done`
	cast := map[string]func(string) (any, error){"time": loguru.Cast(loguru.ParseTime), "n": loguru.Cast(strconv.Atoi)}
	n := 0
	for m, err := range loguru.Parse(strings.NewReader(buf.String()), pattern, cast) {
		if err != nil {
			t.Fatal(err)
		}
		if tm := m["time"].(time.Time); !tm.Equal(fixedTime.Truncate(time.Microsecond)) {
			t.Errorf("time = %v, want %v", tm, fixedTime)
		}
		if m["level"] != "INFO" || m["n"] != n {
			t.Errorf("record %d = %v", n, m)
		}
		n++
	}
	if n != 3 {
		t.Errorf("parsed %d records, want 3", n)
	}
}

func TestParseErrorsEndTheSequence(t *testing.T) {
	t.Parallel()
	collect := func(r io.Reader, pattern string, cast map[string]func(string) (any, error)) (got []string, err error) {
		for m, e := range loguru.Parse(r, pattern, cast) {
			if e != nil {
				if err != nil {
					t.Fatalf("second error after %v: %v", err, e)
				}
				err = e
				continue
			}
			got = append(got, fmt.Sprint(m["v"]))
		}
		return got, err
	}

	got, err := collect(strings.NewReader("v=1\n"), `v=(?P<v>\d+`, nil)
	if got != nil || err == nil || err.Error() != "loguru: invalid pattern for Parse: error parsing regexp: missing closing ): `v=(?P<v>\\d+`" {
		t.Errorf("bad pattern: %v, %v", got, err)
	}

	cast := map[string]func(string) (any, error){"v": loguru.Cast(strconv.Atoi)}
	got, err = collect(strings.NewReader("v=1\nv=x\nv=3\n"), `v=(?P<v>\w+)`, cast)
	want := `loguru: Parse could not cast group "v" ("x"): strconv.Atoi: parsing "x": invalid syntax`
	if fmt.Sprint(got) != "[1]" || err == nil || err.Error() != want {
		t.Errorf("bad cast: %v, %v; want [1], %s", got, err, want)
	}

	broken := errors.New("disk gone")
	// The last match before the error may be cut short, so it is not
	// yielded: only matches followed by another one are complete.
	r := io.MultiReader(strings.NewReader("v=1\nv=2\nv=3"), iotest.ErrReader(broken))
	got, err = collect(r, `v=(?P<v>\d+)`, nil)
	if fmt.Sprint(got) != "[1 2]" || !errors.Is(err, broken) {
		t.Errorf("read error: %v, %v; want [1 2], %v", got, err, broken)
	}
}

func TestParseStopsWhenTheLoopBreaks(t *testing.T) {
	t.Parallel()
	// An endless reader: breaking out of the loop must stop the reading,
	// after at most a few 64 KiB chunks of 4-byte reads.
	reads := 0
	r := readFunc(func(p []byte) (int, error) {
		reads++
		return copy(p, "v=1\n"), nil
	})
	n := 0
	for range loguru.Parse(r, `v=(?P<v>\d)`, nil) {
		n++
		if n == 5 {
			break
		}
	}
	if n != 5 || reads > 3*16384 {
		t.Errorf("got %d matches after %d reads", n, reads)
	}
}

type readFunc func([]byte) (int, error)

func (f readFunc) Read(p []byte) (int, error) { return f(p) }

func TestParseTime(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2026-11-22 10:01:02.345", time.Date(2026, 11, 22, 10, 1, 2, 345e6, time.Local)},
		{"2026-11-22 10:01:02", time.Date(2026, 11, 22, 10, 1, 2, 0, time.Local)},
		{"2026-11-22 10:01:02.345678 +01:00", time.Date(2026, 11, 22, 10, 1, 2, 345678e3, time.FixedZone("", 3600))},
	}
	for _, tt := range tests {
		got, err := loguru.ParseTime(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	_, err := loguru.ParseTime("22/11/2026")
	if err == nil || err.Error() != `loguru: invalid time "22/11/2026": too short` {
		t.Errorf("ParseTime(bad) error = %v", err)
	}
}

// DefaultPattern gives back every line of each record the default format
// wrote: multi-line messages, tracebacks with Diagnose's blank lines, and
// lines that begin with digits, even part of a time.
func TestDefaultPatternReadsWholeRecords(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Colorize: loguru.Off})
	var messages []string
	l.Add(func(m loguru.Message) {
		text := m.String()
		messages = append(messages, strings.TrimSuffix(text[strings.Index(text, " - ")+3:], "\n"))
	}, loguru.HandlerOptions{Colorize: loguru.Off})
	user := "ann"
	l.Info("started")
	l.Exception(errors.New("boom\n404 not found\n2026\n2026-11-22 10:01\n\nafter a blank line"), "failed for {}", user, loguru.F("user", user))
	l.CatchFunc(func() { panic("lost") })
	l.Opt(loguru.CallOptions{Stack: true}).Warning("where am I")
	l.Info("two\nlines")
	l.Info("last")
	if !strings.Contains(messages[1], "\n\n") || !strings.Contains(messages[1], "\n404 not found\n") {
		t.Fatalf("the fixture lacks blank or digit lines:\n%s", messages[1])
	}
	var got []string
	for m, err := range loguru.Parse(strings.NewReader(buf.String()), loguru.DefaultPattern, castRecord) {
		if err != nil {
			t.Fatal(err)
		}
		// The default format writes the wall clock without its zone.
		if tm, _ := m["time"].(time.Time); m["name"] != "github.com/loguru-go/loguru_test" || tm.Format(time.DateTime+".000") != "2026-11-22 10:01:02.345" {
			t.Errorf("record %d: name %q, time %v", len(got), m["name"], m["time"])
		}
		got = append(got, m["message"].(string))
	}
	if !reflect.DeepEqual(got, messages) {
		t.Fatalf("Parse with DefaultPattern:\n%q\nwant:\n%q", got, messages)
	}
}

// A line that begins with the default format's time starts a record; so
// does nothing shorter, and blank lines at the end of a record are left out.
func TestDefaultPatternRecordBoundaries(t *testing.T) {
	t.Parallel()
	log := "2026-11-22 10:01:02.345 | INFO     | app:main:10 - first\n" +
		"2026-11-22 10:01:02 no milliseconds, so not a record\n" +
		"2\n" +
		"\n" +
		"\n" +
		"2026-11-22 10:01:02.346 | INFO     | app:main:11 - second\n" +
		"\n"
	var got []any
	for m, err := range loguru.Parse(strings.NewReader(log), loguru.DefaultPattern, nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, m["message"])
	}
	want := []any{"first\n2026-11-22 10:01:02 no milliseconds, so not a record\n2", "second"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("messages = %q, want %q", got, want)
	}
}
