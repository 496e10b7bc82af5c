package loguru_test

import (
	"testing"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/testpkgs/acme/lib"
	"github.com/loguru-go/loguru/internal/testpkgs/acme/library"
)

// envLogger returns a logger whose one handler, added with no options,
// takes its defaults from env.
func envLogger(t *testing.T, env map[string]string) (*loguru.Logger, *syncBuffer) {
	t.Helper()
	if problems := loguru.SetEnv(t, env); problems != "" {
		t.Fatalf("unexpected problems: %s", problems)
	}
	loguru.SetClock(t, fixedTime)
	l := loguru.New()
	var buf syncBuffer
	if _, err := l.Add(&buf); err != nil {
		t.Fatal(err)
	}
	return l, &buf
}

func TestEnvHandlerDefaults(t *testing.T) {
	l, buf := envLogger(t, map[string]string{
		"LOGURU_LEVEL":  "WARNING",
		"LOGURU_FORMAT": "{level.no}|{level.icon}|<level>{message}</level>",
	})
	l.Info("dropped")
	l.Warning("kept")
	expect(t, buf.String(), "30|\u26a0\ufe0f|kept\n")
}

func TestEnvColorizeAndLevelStyle(t *testing.T) {
	l, buf := envLogger(t, map[string]string{
		"LOGURU_COLORIZE":   "YES",
		"LOGURU_FORMAT":     "{level.no} {level.icon} <level>{message}</level>",
		"LOGURU_INFO_NO":    "22",
		"LOGURU_INFO_COLOR": "<blue>",
		"LOGURU_INFO_ICON":  "i",
	})
	l.Info("hi")
	expect(t, buf.String(), "22 i \x1b[34mhi\x1b[0m\n")
	if lv, _ := l.LookupLevel("INFO"); lv.No != 22 || lv.Color != "<blue>" || lv.Icon != "i" {
		t.Fatalf("INFO = %+v", lv)
	}
}

func TestEnvFilter(t *testing.T) {
	l, buf := envLogger(t, map[string]string{
		"LOGURU_FILTER": "github.com/loguru-go/loguru/internal/testpkgs/acme/lib",
		"LOGURU_FORMAT": "{name} {message}",
	})
	lib.Log(l, "from lib")
	library.Log(l, "from library")
	l.Info("from the test")
	expect(t, buf.String(), "github.com/loguru-go/loguru/internal/testpkgs/acme/lib from lib\n")
}

func TestEnvCatchOff(t *testing.T) {
	loguru.SetEnv(t, map[string]string{"LOGURU_CATCH": "off"})
	l := loguru.New()
	if _, err := l.Add(func(loguru.Message) { panic("sink down") }); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if v := recover(); v != "sink down" {
			t.Fatalf("recovered %v, want the sink's panic", v)
		}
	}()
	l.Info("x")
	t.Fatal("the sink's panic did not propagate")
}

func TestEnvExplicitOptionsWin(t *testing.T) {
	loguru.SetEnv(t, map[string]string{"LOGURU_LEVEL": "ERROR", "LOGURU_FORMAT": "env {message}"})
	loguru.SetClock(t, fixedTime)
	l := loguru.New()
	var buf syncBuffer
	if _, err := l.Add(&buf, loguru.HandlerOptions{Level: "INFO", Format: "mine {message}"}); err != nil {
		t.Fatal(err)
	}
	l.Info("x")
	expect(t, buf.String(), "mine x\n")
}

func TestEnvBadValuesAreReportedAndIgnored(t *testing.T) {
	problems := loguru.SetEnv(t, map[string]string{
		"LOGURU_AUTOINIT":     "perhaps",
		"LOGURU_COLORIZE":     "maybe",
		"LOGURU_ENQUEUE":      "sometimes",
		"LOGURU_DEBUG_NO":     "ten",
		"LOGURU_TRACE_NO":     "-1",
		"LOGURU_INFO_COLOR":   "<nope>",
		"LOGURU_SUCCESS_ICON": "ok",
	})
	want := `invalid environment variable LOGURU_AUTOINIT (expected a boolean): "perhaps"
invalid environment variable LOGURU_COLORIZE (expected a boolean): "maybe"
invalid environment variable LOGURU_ENQUEUE (expected a boolean): "sometimes"
invalid environment variable LOGURU_TRACE_NO (expected a positive integer): "-1"
invalid environment variable LOGURU_DEBUG_NO (expected an integer): "ten"
invalid environment variable LOGURU_INFO_COLOR: Tag "<nope>" does not correspond to any known color directive, make sure you have not misspelled it (or prepend '\' to escape it)`
	expect(t, problems, want)
	l := loguru.New()
	for name, no := range map[string]int{"TRACE": 5, "DEBUG": 10, "INFO": 20} {
		if lv, _ := l.LookupLevel(name); lv.No != no {
			t.Errorf("%s = %d, want the default %d", name, lv.No, no)
		}
	}
	if lv, _ := l.LookupLevel("SUCCESS"); lv.Icon != "ok" {
		t.Errorf("SUCCESS icon = %q, the valid variable should apply", lv.Icon)
	}
}

// Loguru reports a boolean or integer variable that is set but empty; it
// is not the same as unset. An empty string variable is unset.
func TestEnvEmptyValues(t *testing.T) {
	problems := loguru.SetEnv(t, map[string]string{
		"LOGURU_AUTOINIT":   "",
		"LOGURU_SERIALIZE":  "",
		"LOGURU_WARNING_NO": "",
		"LOGURU_LEVEL":      "",
		"LOGURU_FORMAT":     "",
		"LOGURU_INFO_ICON":  "",
	})
	want := `invalid environment variable LOGURU_AUTOINIT (expected a boolean): ""
invalid environment variable LOGURU_SERIALIZE (expected a boolean): ""
invalid environment variable LOGURU_WARNING_NO (expected an integer): ""`
	expect(t, problems, want)
	l := loguru.New()
	var buf syncBuffer
	if _, err := l.Add(&buf); err != nil {
		t.Fatal(err)
	}
	if lv, _ := l.LookupLevel("WARNING"); lv.No != 30 {
		t.Errorf("WARNING = %d, want the default 30", lv.No)
	}
	if lv, _ := l.LookupLevel("INFO"); lv.Icon != "\u2139\ufe0f" {
		t.Errorf("INFO icon = %q, want the default", lv.Icon)
	}
}

func TestEnvBooleanSpellings(t *testing.T) {
	for _, v := range []string{"1", "true", "YES", "y", "Ok", "on"} {
		loguru.SetEnv(t, map[string]string{"LOGURU_CATCH": "off", "LOGURU_COLORIZE": v})
		l := loguru.New()
		var buf syncBuffer
		l.Add(&buf, loguru.HandlerOptions{Format: "<red>x</red>"})
		l.Info("")
		if buf.String() != "\x1b[31mx\x1b[0m\n" {
			t.Errorf("LOGURU_COLORIZE=%s: %q", v, buf.String())
		}
	}
	for _, v := range []string{"0", "false", "No", "n", "NOK", "off"} {
		loguru.SetEnv(t, map[string]string{"LOGURU_COLORIZE": v})
		l := loguru.New()
		var buf syncBuffer
		l.Add(&buf, loguru.HandlerOptions{Format: "<red>x</red>"})
		l.Info("")
		if buf.String() != "x\n" {
			t.Errorf("LOGURU_COLORIZE=%s: %q", v, buf.String())
		}
	}
}
