package loguru_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/loguru-go/loguru"
)

// lastLineOnly prints a record's message and the last line of its
// traceback: the full report names files by their path on this machine.
func lastLineOnly() *loguru.Logger {
	log := loguru.New()
	log.Add(func(m loguru.Message) {
		fmt.Println(m.Record.Level.Name, m.Record.Message)
		if e := m.Record.Exception; e != nil {
			fmt.Printf("%s: %s\n", e.Type, e.Value)
		}
	})
	return log
}

func ExampleCatch() {
	log := lastLineOnly()
	func() {
		defer log.Catch(loguru.CatchOptions{Message: "request handler crashed"})
		var config map[string]string
		config["port"] = "8080" // assignment to entry in nil map
	}()
	fmt.Println("the program goes on")
	// Output:
	// ERROR request handler crashed
	// runtime.plainError: assignment to entry in nil map
	// the program goes on
}

func ExampleCatchFunc() {
	log := lastLineOnly()
	panicked := log.CatchFunc(func() {
		panic(errors.New("worker failed"))
	}, loguru.CatchOptions{Level: "CRITICAL", Message: "worker stopped"})
	fmt.Println("panicked:", panicked)
	// Output:
	// CRITICAL worker stopped
	// *errors.errorString: worker failed
	// panicked: true
}

func ExampleWrap() {
	// NewError records where an error is made, Wrap where it is wrapped;
	// both carry values that the traceback shows under their names. The
	// chain works with errors.Is and errors.As.
	notFound := errors.New("not found")
	err := loguru.Wrap(loguru.Errorf("user %d: %w", 42, notFound), "loading profile", loguru.F("user_id", 42))
	fmt.Println(err)
	fmt.Println(errors.Is(err, notFound))
	// Output:
	// loading profile: user 42: not found
	// true
}

// Loguru's stackprinter recipe: a patcher renders the error its own way
// into Extra, and a format function shows it only when there is one.
func ExampleExceptionInfo_Frames() {
	log := loguru.New()
	log.Add(os.Stdout, loguru.HandlerOptions{FormatFunc: func(r *loguru.Record) string {
		if r.Exception == nil {
			return "{level} {message}\n"
		}
		return "{level} {message}\n{extra[stack]}"
	}})
	log = log.Patch(func(r *loguru.Record) {
		if r.Exception == nil {
			return
		}
		var b strings.Builder
		for _, f := range r.Exception.Frames() {
			if filepath.Base(f.File) == "example_traceback_test.go" { // this file's frames only
				fmt.Fprintf(&b, "  %s:%d in %s\n", filepath.Base(f.File), f.Line, f.Function[strings.LastIndex(f.Function, ".")+1:])
			}
		}
		r.Extra["stack"] = b.String()
	})
	log.Info("starting")
	log.Exception(openConfig(), "cannot start")
	// Output:
	// INFO starting
	// ERROR cannot start
	//   example_traceback_test.go:88 in ExampleExceptionInfo_Frames
	//   example_traceback_test.go:96 in openConfig
}

func openConfig() error { return loguru.NewError("config missing", loguru.F("path", "/etc/app.toml")) }

// A stack can be logged without an error, as Loguru's recipe does with
// the traceback module.
func ExampleCallOptions_stack() {
	log := loguru.New()
	log.Add(func(m loguru.Message) {
		frames := m.Record.Exception.Frames()
		last := frames[len(frames)-1]
		fmt.Println(m.Record.Message, "from", filepath.Base(last.File), last.Line)
	})
	log.Opt(loguru.CallOptions{Stack: true}).Debug("how did we get here?")
	// Output:
	// how did we get here? from example_traceback_test.go 107
}
