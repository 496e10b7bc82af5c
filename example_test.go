package loguru_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/loguru-go/loguru"
)

// Examples write to os.Stdout without the time, so their output is stable.
func exampleLogger(format string) *loguru.Logger {
	l := loguru.New()
	l.Add(os.Stdout, loguru.HandlerOptions{Format: format, Colorize: loguru.Off, Level: "TRACE"})
	return l
}

func Example() {
	// loguru.Info("Hello, {}!", "world") logs to stderr with no set-up.
	// Here an independent logger writes to stdout in a shorter format.
	log := exampleLogger("{level: <8} | {message}")
	log.Info("Hello, {}!", "world")
	log.Success("Order {id} shipped", loguru.F("id", 1042))
	log.Warning("Disk at {:.0%}", 0.93)
	// Output:
	// INFO     | Hello, world!
	// SUCCESS  | Order 1042 shipped
	// WARNING  | Disk at 93%
}

func ExampleAdd() {
	l := loguru.New()
	id, err := l.Add(os.Stdout, loguru.HandlerOptions{
		Level:  "WARNING",
		Format: "<red>[{level}]</red> {message}", // tags are removed: stdout is not a terminal here
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	l.Info("not shown")
	l.Error("shown")
	l.Remove(id)
	l.Error("no handler left")
	// Output:
	// [ERROR] shown
}

func ExampleLogger_Add_function() {
	l := loguru.New()
	l.Add(func(m loguru.Message) {
		fmt.Printf("%s at line>0=%v: %q\n", m.Record.Level, m.Record.Line > 0, m.Text)
	}, loguru.HandlerOptions{Format: "{message}"})
	l.Info("to a function")
	// Output:
	// INFO at line>0=true: "to a function\n"
}

func ExampleAddLevel() {
	log := exampleLogger("{level.icon} {level} ({level.no}): {message}")
	if _, err := log.AddLevel("SNAKY", 38, "<yellow>", "\U0001f40d"); err != nil {
		fmt.Println(err)
	}
	log.Log("SNAKY", "Here we go!")
	log.Log("15", "an anonymous level")
	// Output:
	// 🐍 SNAKY (38): Here we go!
	//   Level 15 (15): an anonymous level
}

func ExampleBind() {
	log := exampleLogger("{extra[ip]} {extra[user]} - {message}")
	ctxLog := log.Bind("ip", "192.168.0.1", "user", "someone")
	ctxLog.Info("Contextualize your logger easily")
	ctxLog.Bind("user", "someone_else").Info("Inline binding of extra attribute")
	// Output:
	// 192.168.0.1 someone - Contextualize your logger easily
	// 192.168.0.1 someone_else - Inline binding of extra attribute
}

func ExampleContextualize() {
	log := exampleLogger("[{extra[task]}] {message}")
	handle := func(ctx context.Context) {
		log.Ctx(ctx).Info("processing")
	}
	ctx := loguru.Contextualize(context.Background(), "task", "import-42")
	handle(ctx)
	// Output:
	// [import-42] processing
}

func ExamplePatch() {
	log := exampleLogger("{message} {extra}")
	log = log.Patch(func(r *loguru.Record) { r.Extra["len"] = len(r.Message) })
	log.Info("patched")
	// Output:
	// patched {"len": 7}
}

func ExampleOpt() {
	log := exampleLogger("{level} {message}")
	log.Opt(loguru.CallOptions{Lazy: true}).Debug("costly: {}", func() any { return strings.Repeat("x", 3) })
	log.Opt(loguru.CallOptions{Record: true}).Info("level number {record.level.no}")
	log.Opt(loguru.CallOptions{Raw: true}).Info("raw, no newline ")
	log.Info("and a normal line")
	// Output:
	// DEBUG costly: xxx
	// INFO level number 20
	// raw, no newline INFO and a normal line
}

func ExampleException() {
	// The traceback under {exception} names files by their full path; this
	// example prints the last line of the report and the logging frame.
	log := loguru.New()
	log.Add(func(m loguru.Message) {
		e := m.Record.Exception
		f := e.Frames()[len(e.Frames())-1]
		fmt.Printf("%s%s: %s\nlogged in %s at %s:%d\n", m.Record.Message+"\n", e.Type, e.Value,
			f.Function, filepath.Base(f.File), f.Line)
	})
	err := fmt.Errorf("reading config: %w", errors.New("permission denied"))
	log.Exception(err, "startup failed")
	// Output:
	// startup failed
	// *fmt.wrapError: reading config: permission denied
	// logged in github.com/loguru-go/loguru_test.ExampleException at example_test.go:127
}

func ExampleDisable() {
	log := exampleLogger("{message}")
	// A library disables its own logs; the application opts back in.
	log.Disable("github.com/loguru-go/loguru_test")
	log.Info("hidden")
	log.Enable("github.com/loguru-go/loguru_test")
	log.Info("visible")
	// Output:
	// visible
}

func ExampleHandlerOptions_filter() {
	l := loguru.New()
	l.Add(os.Stdout, loguru.HandlerOptions{
		Format:     "{message}",
		FilterFunc: func(r *loguru.Record) bool { return r.Extra["audit"] == true },
	})
	l.Info("ignored")
	l.Bind("audit", true).Info("audited")
	// Output:
	// audited
}

func ExampleNew() {
	a, b := loguru.New(), loguru.New()
	a.Add(os.Stdout, loguru.HandlerOptions{Format: "a: {message}"})
	b.Add(os.Stdout, loguru.HandlerOptions{Format: "b: {message}"})
	a.Info("only in a")
	b.Info("only in b")
	// Output:
	// a: only in a
	// b: only in b
}

func ExampleLogger_Add_file() {
	dir, err := os.MkdirTemp("", "logs")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	l := loguru.New()
	// A new file every 500 MB, archived as zip, removed after 10 days.
	_, err = l.Add(filepath.Join(dir, "app.log"), loguru.HandlerOptions{
		Format:      "{level} {message}",
		Rotation:    "500 MB",
		Retention:   "10 days",
		Compression: "zip",
	})
	if err != nil {
		panic(err)
	}
	l.Info("Saved to a file")
	l.RemoveAll() // closes the file

	b, _ := os.ReadFile(filepath.Join(dir, "app.log"))
	fmt.Print(string(b))
	// Output: INFO Saved to a file
}

// LogFields takes Fields as ...Field instead of ...any: the caller boxes
// nothing, which makes it the form for hot paths. The Fields fill the
// message and Extra as they do for Info.
func ExampleLogger_LogFields() {
	l := loguru.New()
	l.Add(os.Stdout, loguru.HandlerOptions{JSON: true})
	l = l.Patch(func(r *loguru.Record) { r.Time, r.Line = time.Time{}, 0 }) // stable output
	l.LogFields("SUCCESS", "Order {id} shipped", loguru.F("id", 1042), loguru.F("user", "bob"))
	// Output:
	// {"time":"0001-01-01T00:00:00Z","level":"SUCCESS","name":"github.com/loguru-go/loguru_test","function":"ExampleLogger_LogFields","line":0,"message":"Order 1042 shipped","extra":{"id":1042,"user":"bob"}}
}

// AddPatcher runs a function on every record of a logger and of the
// loggers derived from it, before their own patchers.
func ExampleLogger_AddPatcher() {
	logger := loguru.New()
	logger.Add(os.Stdout, loguru.HandlerOptions{Format: "{message} {extra}"})
	logger.AddPatcher(func(r *loguru.Record) { r.Extra["service"] = "shop" })
	logger.Info("started")
	logger.Bind("user", "ann").Info("signed in")
	// Output:
	// started {"service": "shop"}
	// signed in {"service": "shop", "user": "ann"}
}
