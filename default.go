package loguru

import (
	"context"
	"os"
	"strings"

	"github.com/loguru-go/loguru/internal/template"
)

// std is the default logger. It starts with handler 0: os.Stderr at DEBUG in
// DefaultFormat, colored when stderr is a terminal, unless LOGURU_AUTOINIT
// says otherwise. The LOGURU_* variables change these defaults.
var std = newDefault()

func newDefault() *Logger {
	l := New()
	if !defaults.autoinit {
		return l
	}
	if _, err := l.Add(os.Stderr); err != nil {
		// A bad LOGURU_LEVEL or LOGURU_FORMAT: say so and keep a working
		// logger.
		if !dropBadDefaults() {
			reportEnv(strings.TrimPrefix(err.Error(), "loguru: "))
		}
		_, _ = l.Add(os.Stderr)
	}
	return l
}

// dropBadDefaults reports and forgets a LOGURU_LEVEL or LOGURU_FORMAT
// that cannot work: kept, it would make every later Add without its own
// Level or Format fail too. It reports whether it dropped one.
func dropBadDefaults() (dropped bool) {
	if _, err := parseLevel(defaults.level, newLevelTable(&defaults)); err != nil {
		reportVar("LOGURU_LEVEL", err)
		defaults.level, dropped = "", true
	}
	if _, err := template.Compile(defaults.format, false); err != nil {
		reportVar("LOGURU_FORMAT", err)
		defaults.format, dropped = "", true
	}
	return dropped
}

// Default returns the default logger, the one the package-level functions use.
func Default() *Logger { return std }

// Add adds a handler to the default logger; see Logger.Add.
func Add(sink any, opts ...HandlerOptions) (int, error) { return std.Add(sink, opts...) }

// Remove removes a handler of the default logger; see Logger.Remove.
func Remove(id int) error { return std.Remove(id) }

// RemoveAll removes every handler of the default logger, including the
// initial stderr handler.
func RemoveAll() error { return std.RemoveAll() }

// SetLevel changes the minimum level of a handler of the default logger.
func SetLevel(id int, level string) error { return std.SetLevel(id, level) }

// Complete flushes the default logger's sinks; see Logger.Complete.
func Complete() error { return std.Complete() }

// Bind returns a logger that adds values to Extra; see Logger.Bind.
func Bind(args ...any) *Logger { return std.Bind(args...) }

// Patch returns a logger that runs fn on each record; see Logger.Patch.
func Patch(fn func(*Record)) *Logger { return std.Patch(fn) }

// Opt returns a logger with call options; see Logger.Opt.
func Opt(o CallOptions) *Logger { return std.Opt(o) }

// Ctx returns a logger carrying ctx and its contextualized values; see
// Logger.Ctx and Contextualize.
func Ctx(ctx context.Context) *Logger { return std.Ctx(ctx) }

// AddLevel registers a level with the default logger; see Logger.AddLevel.
func AddLevel(name string, no int, color, icon string) (Level, error) {
	return std.AddLevel(name, no, color, icon)
}

// LookupLevel returns a level of the default logger by name.
func LookupLevel(name string) (Level, error) { return std.LookupLevel(name) }

// Enable turns logging on for a package prefix; see Logger.Enable.
func Enable(prefix string) { std.Enable(prefix) }

// Disable turns logging off for a package prefix; see Logger.Disable.
func Disable(prefix string) { std.Disable(prefix) }
