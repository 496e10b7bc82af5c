package loguru_test

// The first half of Loguru's "Code snippets and recipes", in Go. Each
// example is copied into docs/recipes.md; keep the two in sync.
// exampleLogger (example_test.go) is loguru.New() with one handler on
// os.Stdout in the given format, without colors, from TRACE up.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/testpkgs/acme/lib"
)

// --- 1. Security considerations ---

// secretHolder is a value of the application with a field an attacker
// would like to read.
type secretHolder struct {
	Value     int
	secretKey string
}

// Format injection: a template never walks into its arguments, and a
// message without arguments is not formatted at all. Untrusted text belongs
// in the arguments; as part of a template, "{value}" still prints the whole
// value.
func Example_recipeFormatInjection() {
	log := exampleLogger("{level} | {message}")
	value := secretHolder{Value: 10, secretKey: "s3cr3t"}

	input := "{value.secretKey} {value.__init__.__globals__[SECRET_KEY]}" // typed by an attacker
	log.Info("[Custom message] "+input, loguru.F("value", value))         // unsafe, but reaches nothing
	log.Info("[Custom message] " + input)                                 // no arguments: printed as is
	log.Info("[Custom message] {}", input, loguru.F("value", value))      // safe: input is an argument

	input = "{value}"
	log.Info("[Custom message] "+input, loguru.F("value", value)) // the whole value, as fmt's %v prints it
	// Output:
	// INFO | [Custom message] %!{value.secretKey}(NOTALLOWED) %!{value.__init__.__globals__[SECRET_KEY]}(NOTALLOWED)
	// INFO | [Custom message] {value.secretKey} {value.__init__.__globals__[SECRET_KEY]}
	// INFO | [Custom message] {value.secretKey} {value.__init__.__globals__[SECRET_KEY]}
	// INFO | [Custom message] {10 s3cr3t}
}

// Log injection: a newline in a user value forges a second entry in a text
// log. Quote the value with "{!r}" (strconv.Quote's escaping), or escape
// every message of a logger in a patcher; {extra} quotes bound strings.
func Example_recipeLogInjection() {
	log := exampleLogger("{level} {message}")
	username := "Josh logged in.\nINFO User James" // external data

	log.Info("User " + username + " logged in.") // two entries appear
	log.Info("User {!r} logged in.", username)
	log.Info("User {} logged in.", strconv.Quote(username))

	escaped := log.Patch(func(r *loguru.Record) {
		r.Message = strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(r.Message)
	})
	escaped.Info("User " + username + " logged in.")

	exampleLogger("{level} {message} {extra}").Bind("user", username).Info("User logged in.")
	// Output:
	// INFO User Josh logged in.
	// INFO User James logged in.
	// INFO User "Josh logged in.\nINFO User James" logged in.
	// INFO User "Josh logged in.\nINFO User James" logged in.
	// INFO User Josh logged in.\nINFO User James logged in.
	// INFO User logged in. {"user": "Josh logged in.\nINFO User James"}
}

// valuesShown returns a sink that prints each record's message and the
// values its traceback shows under the source line (the "└ value"
// annotations, rightmost first).
func valuesShown(handler string) func(loguru.Message) {
	return func(m loguru.Message) {
		values := []string{}
		for _, line := range strings.Split(m.Text, "\n") {
			if _, v, ok := strings.Cut(line, "└ "); ok {
				values = append(values, v)
			}
		}
		fmt.Printf("%s: %s %v\n", handler, m.Record.Message, values)
	}
}

// Diagnose shows the values of the logging call's fields in tracebacks,
// and redacts names that look secret. Turn it off in production with
// Diagnose: loguru.Off (or LOGURU_DIAGNOSE=NO): then no value is formatted.
func Example_recipeDiagnose() {
	log := loguru.New()
	log.Add(valuesShown("dev"), loguru.HandlerOptions{Format: "{message}"}) // Diagnose is on by default
	log.Add(valuesShown("prod"), loguru.HandlerOptions{Format: "{message}", Diagnose: loguru.Off})

	err := errors.New("card declined")
	log.Exception(err, "Payment by {user} failed", loguru.F("user", "ann"), loguru.F("password", "hunter2"), loguru.F("pin", "1234"))
	// Output:
	// dev: Payment by ann failed ["1234" <redacted> "ann"]
	// prod: Payment by ann failed []
}

// SetRedaction replaces the pattern of names whose values tracebacks never
// show; nil restores the default one.
func Example_recipeRedaction() {
	log := loguru.New()
	log.Add(valuesShown("dev"), loguru.HandlerOptions{Format: "{message}"})

	loguru.SetRedaction(regexp.MustCompile(`(?i)password|pin|card`))
	defer loguru.SetRedaction(nil)

	err := errors.New("card declined")
	log.Exception(err, "Payment by {user} failed", loguru.F("user", "ann"), loguru.F("card", "4111 1111"), loguru.F("pin", "1234"))
	// Output:
	// dev: Payment by ann failed [<redacted> <redacted> "ann"]
}

// --- 2. Avoiding logs to be printed twice on the terminal ---

// The default logger starts with a handler on stderr (id 0). Remove it
// before adding another console handler, or every line shows twice.
func Example_recipeRemoveDefault() {
	loguru.RemoveAll() // every handler added so far, including the default one; loguru.Remove(0) removes just that one
	id, _ := loguru.Add(os.Stdout, loguru.HandlerOptions{Level: "WARNING", Format: "{level} | {message}", Colorize: loguru.Off})
	loguru.Info("below WARNING: not shown")
	loguru.Warning("shown once")

	loguru.Remove(id) // restore the default handler for the other examples
	loguru.Add(os.Stderr)
	// Output:
	// WARNING | shown once
}

// --- 3. Changing the level of an existing handler ---

// SetLevel changes the level of a handler in place.
func Example_recipeSetLevel() {
	log := loguru.New()
	id, _ := log.Add(os.Stdout, loguru.HandlerOptions{Level: "WARNING", Format: "{level} | {message}", Colorize: loguru.Off})
	log.Info("Not shown: below WARNING")
	log.Warning("Logging 'WARNING' or higher messages only")

	if err := log.SetLevel(id, "DEBUG"); err != nil {
		fmt.Println(err)
	}
	log.Debug("Logging 'DEBUG' messages too")
	fmt.Println(log.SetLevel(id, "VERBOSE"))
	// Output:
	// WARNING | Logging 'WARNING' or higher messages only
	// DEBUG | Logging 'DEBUG' messages too
	// loguru: level "VERBOSE" does not exist
}

// Loguru's own way: remove the handler by its id and add it again.
func Example_recipeRemoveAndAdd() {
	log := loguru.New()
	opts := loguru.HandlerOptions{Level: "WARNING", Format: "{level} | {message}", Colorize: loguru.Off}
	id, _ := log.Add(os.Stdout, opts)
	log.Warning("Logging 'WARNING' or higher messages only")

	log.Remove(id) // for the default logger's initial handler, it is 0
	opts.Level = "DEBUG"
	id, _ = log.Add(os.Stdout, opts)
	log.Debug("Logging 'DEBUG' messages too")
	// Output:
	// WARNING | Logging 'WARNING' or higher messages only
	// DEBUG | Logging 'DEBUG' messages too
}

// A filter reading a bound value: loggers bound with warn_only=true log
// WARNING and above, the others everything the handler's level lets
// through.
func Example_recipeBindFilter() {
	log := loguru.New()
	warning, _ := log.LookupLevel("WARNING")
	log.Add(os.Stdout, loguru.HandlerOptions{
		Level:    "DEBUG",
		Format:   "{level} | {message}",
		Colorize: loguru.Off,
		FilterFunc: func(r *loguru.Record) bool {
			if r.Extra["warn_only"] == true {
				return r.Level.No >= warning.No
			}
			return true // fall back to the handler's level
		},
	})

	l := log.Bind("warn_only", true)
	l.Debug("Filtered out")
	l.Warning("Initialization in progress")

	l = l.Bind("warn_only", false)
	l.Debug("Back to debug messages")
	// Output:
	// WARNING | Initialization in progress
	// DEBUG | Back to debug messages
}

// minLevel is a filter whose level can be changed at any time, from any
// goroutine: Loguru's callable filter object.
type minLevel struct {
	log *loguru.Logger
	no  atomic.Int64
}

func newMinLevel(log *loguru.Logger, level string) (*minLevel, error) {
	f := &minLevel{log: log}
	return f, f.Set(level)
}

// Set changes the minimum level.
func (f *minLevel) Set(level string) error {
	lv, err := f.log.LookupLevel(level)
	if err != nil {
		return err
	}
	f.no.Store(int64(lv.No))
	return nil
}

// Filter is the handler's FilterFunc.
func (f *minLevel) Filter(r *loguru.Record) bool { return int64(r.Level.No) >= f.no.Load() }

func Example_recipeFilterObject() {
	log := loguru.New()
	filter, _ := newMinLevel(log, "WARNING")
	log.Add(os.Stdout, loguru.HandlerOptions{Level: "0", Format: "{level} | {message}", Colorize: loguru.Off, FilterFunc: filter.Filter})
	log.Debug("Filtered out")
	log.Warning("Shown")

	filter.Set("DEBUG")
	log.Debug("Shown too")
	// Output:
	// WARNING | Shown
	// DEBUG | Shown too
}

// --- 4. Configuring Loguru to be used by a library or an application ---

// mylib stands for a library's import path; the package
// internal/testpkgs/acme/lib logs with lib.Log(logger, message).
const mylib = "github.com/loguru-go/loguru/internal/testpkgs/acme/lib"

// A library disables its own logs (in its init function) and never adds a
// handler; the application enables them if it wants them.
func Example_recipeLibrary() {
	log := exampleLogger("{name} | {message}")

	log.Disable(mylib) // in the library: func init() { loguru.Disable("github.com/acme/mylib") }
	lib.Log(log, "from the library: muted")
	log.Info("from the application")

	log.Enable(mylib) // in the application's main, to see the library's logs
	lib.Log(log, "from the library")
	// Output:
	// github.com/loguru-go/loguru_test | from the application
	// github.com/loguru-go/loguru/internal/testpkgs/acme/lib | from the library
}

// configureLogger is what a library may offer its users: it turns its logs
// on and adds the handler it recommends, only when called.
func configureLogger(log *loguru.Logger, level string) (int, error) {
	log.Enable(mylib)
	return log.Add(os.Stdout, loguru.HandlerOptions{
		Level: level, Filter: mylib, Format: "mylib: {level} | {message}", Colorize: loguru.Off,
	})
}

// The application configures everything at once in main, with Configure:
// handlers, levels, extra values and activation rules.
func Example_recipeApplication() {
	log := loguru.New()
	log.Disable(mylib) // what the library's init did

	_, err := log.Configure(loguru.Config{
		Handlers: []loguru.HandlerConfig{
			{Sink: os.Stdout, Options: loguru.HandlerOptions{Level: "INFO", Format: "{extra[app]}: {level} | {message}", Colorize: loguru.Off}},
		},
		Extra:      map[string]any{"app": "shop"},
		Activation: []loguru.Activation{{Name: mylib, Enabled: true}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	log.Info("Application started")
	lib.Log(log, "library enabled by Configure")

	configureLogger(log, "INFO") // the library's helper adds a handler for its own records
	lib.Log(log, "library with its own handler")
	// Output:
	// shop: INFO | Application started
	// shop: INFO | library enabled by Configure
	// shop: INFO | library with its own handler
	// mylib: INFO | library with its own handler
}

// --- 6. Resolving UnicodeEncodeError and other encoding issues ---

// Go strings are bytes, usually UTF-8, and sinks receive them as they are:
// nothing is encoded, so nothing can fail to encode. Text output writes
// invalid UTF-8 unchanged; "{!r}" and {extra} escape it as \xff, "{!a}"
// escapes everything outside ASCII, and JSON output replaces it with U+FFFD.
func Example_recipeInvalidUTF8() {
	bad := "caf\xe9" // Latin-1 bytes, not UTF-8

	text := loguru.New()
	text.Add(func(m loguru.Message) { fmt.Printf("%q\n", m.Text) }, loguru.HandlerOptions{Format: "{message} {extra}"})
	text.Bind("v", bad).Info("{} {!r} {!a}", bad, bad, "天 "+bad)

	js := loguru.New()
	js.Add(os.Stdout, loguru.HandlerOptions{JSON: true})
	js = js.Patch(func(r *loguru.Record) { r.Time, r.Line = time.Time{}, 0 }) // stable output
	js.Bind("v", bad).Info(bad)
	// Output:
	// "caf\xe9 \"caf\\xe9\" \"\\u5929 caf\\xe9\" {\"v\": \"caf\\xe9\"}\n"
	// {"time":"0001-01-01T00:00:00Z","level":"INFO","name":"github.com/loguru-go/loguru_test","function":"Example_recipeInvalidUTF8","line":0,"message":"caf\ufffd","extra":{"v":"caf\ufffd"}}
}

// backslashReplace is Python's errors="backslashreplace" for a sink that
// only takes ASCII: every other character is written as a Go escape
// (\u5929, \U0001f40d) and invalid UTF-8 as \xNN. Handlers write one
// record per Write, so a character is never split between two calls.
type backslashReplace struct{ w io.Writer }

func (b backslashReplace) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p))
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		switch {
		case r < utf8.RuneSelf:
			out = append(out, p[i])
		case r == utf8.RuneError && size == 1:
			out = fmt.Appendf(out, `\x%02x`, p[i])
		default:
			q := strconv.QuoteRuneToASCII(r)
			out = append(out, q[1:len(q)-1]...)
		}
		i += size
	}
	if _, err := b.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

func Example_recipeBackslashReplace() {
	log := loguru.New()
	log.Add(backslashReplace{os.Stdout}, loguru.HandlerOptions{Format: "{level.icon} {message}"})
	log.Info("天 {} café \xff", "🐍")
	// Output:
	// \u2139\ufe0f \u5929 \U0001f40d caf\u00e9 \xff
}

// --- 7. Logging entry and exit of functions ---

// loggerWraps logs the entry of a function with its arguments, and returns
// the function to defer, which logs the exit with the result. Depth: 1
// makes both records point at the wrapped function, not at loggerWraps.
func loggerWraps[R any](log *loguru.Logger, name string, result *R, args ...any) func() {
	log = log.Opt(loguru.CallOptions{Depth: 1})
	log.Debug("Entering '{}' (args={})", name, args)
	return func() { log.Debug("Exiting '{}' (result={})", name, *result) }
}

var wrapsLog = loguru.New()

func multiply(a, b, c int) (result int) {
	defer loggerWraps(wrapsLog, "multiply", &result, a, b, c)()
	wrapsLog.Info("Inside the function")
	return a * b * c
}

func Example_recipeLoggerWraps() {
	id, _ := wrapsLog.Add(os.Stdout, loguru.HandlerOptions{Format: "{level: <8} | {function} - {message}", Colorize: loguru.Off})
	defer wrapsLog.Remove(id)
	multiply(2, 4, 8)
	// Output:
	// DEBUG    | multiply - Entering 'multiply' (args=[2 4 8])
	// INFO     | multiply - Inside the function
	// DEBUG    | multiply - Exiting 'multiply' (result=64)
}

// timeit logs how long the function that defers it took:
//
//	defer timeit(log, "work")()
func timeit(log *loguru.Logger, name string) func() {
	start := time.Now()
	return func() {
		log.Opt(loguru.CallOptions{Depth: 1}).Debug("Function '{}' executed in {:f} s", name, time.Since(start).Seconds())
	}
}

// --- 8. Using logging function based on custom added levels ---

// foobar logs at the custom level "foobar" with any logger: one made by
// Bind, Patch or Opt too. Depth: 1 keeps the caller of foobar as the
// record's caller.
func foobar(log *loguru.Logger, msg string, args ...any) {
	log.Opt(loguru.CallOptions{Depth: 1}).Log("foobar", msg, args...)
}

func Example_recipeCustomLevel() {
	log := exampleLogger("{level.icon} {level} ({level.no}) | {function} | {message} {extra}")
	if _, err := log.AddLevel("foobar", 33, "<blue>", "🤖"); err != nil {
		fmt.Println(err)
	}
	log.Log("foobar", "A message")
	foobar(log, "A message from {}", "foobar()")
	foobar(log.Bind("user", "ann"), "Bound loggers work too")
	// Output:
	// 🤖 foobar (33) | Example_recipeCustomLevel | A message {}
	// 🤖 foobar (33) | Example_recipeCustomLevel | A message from foobar() {}
	// 🤖 foobar (33) | Example_recipeCustomLevel | Bound loggers work too {"user": "ann"}
}

// --- 10. Preserving an opt() parameter for the whole module ---

// pkgLog is a package-level logger whose calls render color markup in
// their messages. It shares the handlers of colorBase, which the example
// adds; a real program would write var log = loguru.Opt(...), on the
// default logger.
var (
	colorBase = loguru.New()
	pkgLog    = colorBase.Opt(loguru.CallOptions{Colors: true})
)

// optColors is pkgLog.Opt with Colors kept: Opt replaces every option, as
// Loguru's opt() does, and Go cannot patch a method of a value.
func optColors(o loguru.CallOptions) *loguru.Logger {
	o.Colors = true
	return pkgLog.Opt(o)
}

func Example_recipeModuleOpt() {
	// Colorize: Off strips the markup here; a terminal would show it in color.
	id, _ := colorBase.Add(os.Stdout, loguru.HandlerOptions{Format: "{message}", Colorize: loguru.Off})
	defer colorBase.Remove(id)

	pkgLog.Info("It <green>works</>!")
	pkgLog.Opt(loguru.CallOptions{Raw: true}).Info("Colors lost: <green>markup</> shown\n")
	optColors(loguru.CallOptions{Raw: true}).Info("It <green>still</> works!\n")
	// Output:
	// It works!
	// Colors lost: <green>markup</> shown
	// It still works!
}

// --- 11. Serializing log messages using a custom function ---

// serialize is the custom serialization: a JSON subset of the record.
func serialize(r *loguru.Record) string {
	subset := map[string]any{"timestamp": float64(r.Time.UnixMicro()) / 1e6, "message": r.Message}
	b, err := json.Marshal(subset)
	if err != nil {
		return strconv.Quote(err.Error())
	}
	return string(b)
}

// fixTime is a patcher giving records a fixed time, for stable output.
func fixTime(r *loguru.Record) { r.Time = time.Unix(1700000000, 250000000) }

// In a function sink, serialize the record and send it wherever it goes.
func Example_recipeSerializeSink() {
	log := loguru.New().Patch(fixTime)
	log.Add(func(m loguru.Message) {
		serialized := serialize(m.Record)
		fmt.Println(serialized) // send it anywhere
	})
	log.Info("Hello")
	// Output:
	// {"message":"Hello","timestamp":1700000000.25}
}

// A FormatFunc returns the template to format, not the text: the
// serialized record goes in with its braces doubled, so that they stay
// text (json.Marshal writes < and > as \u003c and \u003e, so there is no
// color markup in it either). Unlike Loguru's formatter, a FormatFunc must
// not write to the record: that is a patcher's job, below.
func Example_recipeSerializeFormat() {
	formatter := func(r *loguru.Record) string {
		return strings.NewReplacer("{", "{{", "}", "}}").Replace(serialize(r)) + "\n"
	}
	log := loguru.New().Patch(fixTime)
	log.Add(os.Stdout, loguru.HandlerOptions{FormatFunc: formatter, Colorize: loguru.Off})
	log.Info("Braces {} stay")
	// Output:
	// {"message":"Braces {} stay","timestamp":1700000000.25}
}

// A patcher serializes once per record for every handler, into Extra.
func Example_recipeSerializePatch() {
	dir, err := os.MkdirTemp("", "logs")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	log := loguru.New().Patch(fixTime).Patch(func(r *loguru.Record) { r.Extra["serialized"] = serialize(r) })
	log.Add(os.Stdout, loguru.HandlerOptions{Format: "{extra[serialized]}", Colorize: loguru.Off})
	log.Add(filepath.Join(dir, "file.log"), loguru.HandlerOptions{Format: "{extra[serialized]}"})
	log.Info("To both sinks")
	log.RemoveAll() // closes the file

	b, _ := os.ReadFile(filepath.Join(dir, "file.log"))
	fmt.Print("file.log: ", string(b))
	// Output:
	// {"message":"To both sinks","timestamp":1700000000.25}
	// file.log: {"message":"To both sinks","timestamp":1700000000.25}
}
