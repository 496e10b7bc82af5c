package loguru_test

import (
	"testing"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/testpkgs/acme/lib"
	"github.com/loguru-go/loguru/internal/testpkgs/acme/lib/sub"
	"github.com/loguru-go/loguru/internal/testpkgs/acme/library"
)

const acme = "github.com/loguru-go/loguru/internal/testpkgs/acme"

func logAll(l *loguru.Logger) {
	lib.Log(l, "lib")
	sub.Log(l, "sub")
	library.Log(l, "library")
	l.Info("test")
}

func TestPackageFilter(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{name} {message}", Filter: acme + "/lib"})
	logAll(l)
	expect(t, buf.String(), acme+"/lib lib\n"+acme+"/lib/sub sub\n")
}

func TestFilterLevels(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", FilterLevels: map[string]string{
		"":                  "WARNING",
		acme + "/lib":       "INFO",
		acme + "/lib/sub":   "false",
		acme + "/library":   "true",
		"github.com/nobody": "ERROR",
	}})
	logAll(l)
	l.Warning("test warning")
	expect(t, buf.String(), "lib\nlibrary\ntest warning\n")
}

func TestEnableDisable(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	l.Disable(acme + "/lib")
	logAll(l)
	l.Enable(acme + "/lib/sub") // the most specific rule wins
	logAll(l)
	l.Disable("") // everything
	logAll(l)
	l.Enable(acme + "/library")
	logAll(l)
	l.Enable("") // clears every rule
	logAll(l)
	expect(t, buf.String(), "library\ntest\n"+"sub\nlibrary\ntest\n"+""+"library\n"+"lib\nsub\nlibrary\ntest\n")
}

func TestDisableParentOverridesChildRules(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	l.Disable(acme + "/lib/sub")
	l.Disable(acme) // replaces the rules below it
	logAll(l)
	l.Enable(acme + "/lib")
	logAll(l)
	expect(t, buf.String(), "test\nlib\nsub\ntest\n")
}

// A trailing separator is kept, as Loguru keeps it: Loguru's
// disable("tests.") and disable(".") match no module, and "pkg/" and "/"
// match no package here, for Enable, Disable, Filter and FilterLevels alike.
func TestTrailingSlashMatchesNothing(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	l.Disable(acme + "/lib/")
	l.Disable(acme + "/lib/sub/")
	l.Disable("/")
	logAll(l)
	expect(t, buf.String(), "lib\nsub\nlibrary\ntest\n")
	l.Disable("")
	l.Enable(acme + "/lib/")
	l.Enable("/") // not Enable(""): the rules stay
	logAll(l)
	expect(t, buf.String(), "lib\nsub\nlibrary\ntest\n")

	for _, prefix := range []string{acme + "/lib/", "/"} {
		l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", Filter: prefix})
		logAll(l)
		expect(t, buf.String(), "")
	}

	l, buf = newLogger(t, loguru.HandlerOptions{Format: "{message}", FilterLevels: map[string]string{
		acme + "/lib/": "false",
		"/":            "false",
	}})
	logAll(l)
	expect(t, buf.String(), "lib\nsub\nlibrary\ntest\n")
}
