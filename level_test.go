package loguru_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
)

func TestStandardLevels(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Level: "TRACE", Format: "<level>{level.no} {level: <8} {level.icon}</level>", Colorize: loguru.On})
	l.Trace("")
	l.Debug("")
	l.Info("")
	l.Success("")
	l.Warning("")
	l.Error("")
	l.Critical("")
	want := "\x1b[36m\x1b[1m5 TRACE    \u270f\ufe0f\x1b[0m\n" +
		"\x1b[34m\x1b[1m10 DEBUG    \U0001f41e\x1b[0m\n" +
		"\x1b[1m20 INFO     \u2139\ufe0f\x1b[0m\n" +
		"\x1b[32m\x1b[1m25 SUCCESS  \u2705\x1b[0m\n" +
		"\x1b[33m\x1b[1m30 WARNING  \u26a0\ufe0f\x1b[0m\n" +
		"\x1b[31m\x1b[1m40 ERROR    \u274c\x1b[0m\n" +
		"\x1b[41m\x1b[1m50 CRITICAL \u2620\ufe0f\x1b[0m\n"
	expect(t, buf.String(), want)
}

func TestHandlerLevelThreshold(t *testing.T) {
	t.Parallel()
	for _, level := range []string{"WARNING", "30"} {
		l, buf := newLogger(t, loguru.HandlerOptions{Level: level, Format: "{level}"})
		l.Trace("")
		l.Debug("")
		l.Info("")
		l.Success("")
		l.Warning("")
		l.Error("")
		l.Log("29", "")
		l.Log("31", "")
		expect(t, buf.String(), "WARNING\nERROR\nLevel 31\n")
	}
	// The default handler level is DEBUG.
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level}"})
	l.Trace("")
	l.Debug("")
	expect(t, buf.String(), "DEBUG\n")
}

func TestAddLevel(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "<level>{level}|{level.no}|{level.icon}|{message}</level>", Colorize: loguru.On})
	lv, err := l.AddLevel("NOTICE", 33, "<magenta><bold>", "\U0001f916")
	if err != nil {
		t.Fatal(err)
	}
	if lv.Name != "NOTICE" || lv.No != 33 || lv.Color != "<magenta><bold>" || lv.Icon != "\U0001f916" {
		t.Fatalf("AddLevel returned %+v", lv)
	}
	got, err := l.LookupLevel("NOTICE")
	if err != nil || got != lv {
		t.Fatalf("LookupLevel = %+v, %v", got, err)
	}
	l.Log("NOTICE", "hello {}", "bob")
	l.Log("25", "anonymous")
	expect(t, buf.String(), "\x1b[35m\x1b[1mNOTICE|33|\U0001f916|hello bob\x1b[0m\n"+
		"Level 25|25| |anonymous\x1b[0m\n")

	// A level without color or icon gets Loguru's defaults: none and " ".
	plain, err := l.AddLevel("PLAIN", 1, "", "")
	if err != nil || plain.Icon != " " || plain.Color != "" {
		t.Fatalf("AddLevel(PLAIN) = %+v, %v", plain, err)
	}
	// Handlers accept the new level names.
	if _, err := l.Add(&syncBuffer{}, loguru.HandlerOptions{Level: "NOTICE"}); err != nil {
		t.Fatalf("Add with a custom level: %v", err)
	}
}

func TestAddLevelErrors(t *testing.T) {
	t.Parallel()
	l := loguru.New()
	tests := []struct {
		name  string
		no    int
		color string
		want  string
	}{
		{"INFO", 21, "", `loguru: level "INFO" already exists, you can't update its severity no`},
		{"NEG", -1, "", "loguru: invalid level no, it should be a positive integer, not: -1"},
		{"", 5, "", "loguru: a level needs a name"},
		{"12", 12, "", `loguru: level name "12" is a number; numbers already name anonymous levels`},
		{"BAD", 12, "<nope>", `loguru: invalid color for level "BAD": `},
		{"LVL", 12, "<level>", `loguru: invalid color for level "LVL": `},
	}
	for _, tt := range tests {
		_, err := l.AddLevel(tt.name, tt.no, tt.color, "")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("AddLevel(%q, %d, %q) error = %v, want prefix %q", tt.name, tt.no, tt.color, err, tt.want)
		}
	}
	if _, err := l.LookupLevel("verbose"); err == nil || err.Error() != `loguru: level "verbose" does not exist` {
		t.Errorf("LookupLevel(verbose) error = %v", err)
	}
	if _, err := l.Add(&syncBuffer{}, loguru.HandlerOptions{Level: "NOPE"}); err == nil || err.Error() != `loguru: level "NOPE" does not exist` {
		t.Errorf("Add with an unknown level: %v", err)
	}
	if _, err := l.Add(&syncBuffer{}, loguru.HandlerOptions{Level: "-3"}); err == nil || //loguru-vet:ignore a negative level is the case under test
		err.Error() != "loguru: invalid level value, it should be a positive integer, not: -3" {
		t.Errorf("Add with a negative level: %v", err)
	}
}

func TestLogUnknownLevelIsReported(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	errs := loggerErrors(l)
	_, _, line, _ := runtime.Caller(0)
	l.Log("NOPE", "lost") // the report names this call
	l.Info("next")
	expect(t, buf.String(), "next\n")
	expect(t, errs.String(), fmt.Sprintf("--- Logging error in Loguru ---\nRecord was: None\n"+
		"Logged by github.com/loguru-go/loguru_test.TestLogUnknownLevelIsReported in level_test.go:%d\n"+
		"*errors.errorString: loguru: level \"NOPE\" does not exist\n--- End of logging error ---\n", line+1))
}

func TestLevelsAreIndependentPerLogger(t *testing.T) {
	t.Parallel()
	a, b := loguru.New(), loguru.New()
	if _, err := a.AddLevel("ONLY_A", 7, "", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := b.LookupLevel("ONLY_A"); err == nil {
		t.Fatal("a level added to one logger leaked into another")
	}
	// Derived loggers share their parent's levels.
	if _, err := a.Bind("k", 1).LookupLevel("ONLY_A"); err != nil {
		t.Fatal(err)
	}
}

// Go users type slog's level names: WARN is an alias of WARNING, and a name
// that is not found as written is looked up in upper case, everywhere a
// level name is taken. The record carries the Loguru level.
func TestSlogLevelNames(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Level: "WARN", Format: "{level} {level.no} {message}"})
	errs := loggerErrors(l)
	l.Log("WARN", "warn")
	l.Log("warn", "lower")
	l.Log("Warning", "mixed")
	l.Log("info", "below the handler's level")
	l.Log("error", "error")
	l.LogFields("critical", "critical")
	l.Warning("method")
	expect(t, buf.String(), "WARNING 30 warn\nWARNING 30 lower\nWARNING 30 mixed\nERROR 40 error\nCRITICAL 50 critical\nWARNING 30 method\n")
	expect(t, errs.String(), "")

	for _, name := range []string{"WARN", "warn", "warning", "Info", "debug", "trace", "success", "error", "critical"} {
		lv, err := l.LookupLevel(name)
		want := strings.ToUpper(name)
		if want == "WARN" {
			want = "WARNING"
		}
		if err != nil || lv.Name != want {
			t.Errorf("LookupLevel(%q) = %v, %v; want %s", name, lv.Name, err, want)
		}
	}

	// A custom level is found as written first, then in upper case.
	if _, err := l.AddLevel("NOTICE", 33, "", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddLevel("quiet", 35, "", ""); err != nil {
		t.Fatal(err)
	}
	l.Log("notice", "notice")
	l.Log("quiet", "quiet")
	l.Log("QUIET", "not found")
	if !strings.HasSuffix(buf.String(), "NOTICE 33 notice\nquiet 35 quiet\n") {
		t.Errorf("custom levels: %q", buf.String())
	}
	if !strings.Contains(errs.String(), `loguru: level "QUIET" does not exist`) {
		t.Errorf("report = %q", errs.String())
	}

	// Filters, SetLevel and the handler's Level take the aliases too.
	l2, buf2 := newLogger(t, loguru.HandlerOptions{Format: "{message}", FilterLevels: map[string]string{"": "warn"}})
	l2.Info("dropped")
	l2.Log("WARN", "kept")
	expect(t, buf2.String(), "kept\n")
	id, err := l2.Add(&syncBuffer{}, loguru.HandlerOptions{Level: "debug"})
	if err != nil {
		t.Fatal(err)
	}
	if err := l2.SetLevel(id, "warn"); err != nil {
		t.Errorf("SetLevel(warn): %v", err)
	}
}
