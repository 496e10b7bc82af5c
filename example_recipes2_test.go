package loguru_test

// The second half of Loguru's "Code snippets and recipes", in Go. Each
// example is copied into docs/recipes.md; keep the two in sync.

import (
	"bytes"
	"fmt"
	"log"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/testpkgs/acme/lib"
	"github.com/loguru-go/loguru/internal/testpkgs/acme/lib/sub"
)

// Adapting colors and format of logged messages dynamically: a color per
// package, given in turn to each new package name.
func Example_recipeColorPerPackage() {
	colors := []string{"blue", "cyan", "green", "magenta", "red", "yellow"}
	var mu sync.Mutex // a FormatFunc may run on several goroutines at once
	colorOf := map[string]string{}
	formatter := func(r *loguru.Record) string {
		mu.Lock()
		c, ok := colorOf[r.Name]
		if !ok {
			c = colors[len(colorOf)%len(colors)]
			colorOf[r.Name] = c
		}
		mu.Unlock()
		return "<" + c + ">[{name}]</> <bold>{message}</>\n{exception}"
	}

	log := loguru.New()
	// Colorize On writes the ANSI codes even though the sink is no
	// terminal; %q makes them visible.
	log.Add(func(m loguru.Message) { fmt.Printf("%q\n", m.Text) },
		loguru.HandlerOptions{FormatFunc: formatter, Colorize: loguru.On})
	lib.Log(log, "from lib")
	sub.Log(log, "from lib/sub")
	lib.Log(log, "from lib again")
	// Output:
	// "\x1b[34m[github.com/loguru-go/loguru/internal/testpkgs/acme/lib]\x1b[0m \x1b[1mfrom lib\x1b[0m\n"
	// "\x1b[36m[github.com/loguru-go/loguru/internal/testpkgs/acme/lib/sub]\x1b[0m \x1b[1mfrom lib/sub\x1b[0m\n"
	// "\x1b[34m[github.com/loguru-go/loguru/internal/testpkgs/acme/lib]\x1b[0m \x1b[1mfrom lib again\x1b[0m\n"
}

// rainbow colors each letter of text. The message goes into the template,
// so what templates and markup read is escaped: '{', '}' and '\' are
// doubled. A '<' alone between tags cannot open one and stays as it is.
func rainbow(text string) string {
	colors := []string{"red", "yellow", "green", "cyan", "blue", "magenta"}
	escape := strings.NewReplacer("{", "{{", "}", "}}", `\`, `\\`)
	var b strings.Builder
	for i, c := range []rune(text) {
		fmt.Fprintf(&b, "<%s>%s</>", colors[i%len(colors)], escape.Replace(string(c)))
	}
	return b.String()
}

// Adapting colors dynamically: the color tags are put in the returned
// format, not in the message.
func Example_recipeRainbow() {
	log := loguru.New()
	log.Add(func(m loguru.Message) { fmt.Printf("%q\n", m.Text) }, loguru.HandlerOptions{
		FormatFunc: func(r *loguru.Record) string { return "<b>{level}</> " + rainbow(r.Message) + "\n{exception}" },
		Colorize:   loguru.On,
	})
	log.Info(`a{b}<c>\`)
	// Output:
	// "\x1b[1mINFO\x1b[0m \x1b[31ma\x1b[0m\x1b[33m{\x1b[0m\x1b[32mb\x1b[0m\x1b[36m}\x1b[0m\x1b[34m<\x1b[0m\x1b[35mc\x1b[0m\x1b[31m>\x1b[0m\x1b[33m\\\x1b[0m\n"
}

// Aligning values with padding: a fixed width for each field.
func Example_recipePaddingFixed() {
	log := loguru.New()
	log.Add(os.Stdout, loguru.HandlerOptions{
		Format: "{level: <8} | {module: ^25} | {function: ^30} | {line: >4} | {message}",
	})
	log.Info("fixed widths")
	log.Warning("line up")
	// Output:
	// INFO     |   example_recipes2_test   |   Example_recipePaddingFixed   |   87 | fixed widths
	// WARNING  |   example_recipes2_test   |   Example_recipePaddingFixed   |   88 | line up
}

// padder is Loguru's Formatter class: it pads "{name}:{function}:{line}"
// to the longest one seen so far.
type padder struct {
	mu      sync.Mutex
	padding int
}

func (p *padder) format(r *loguru.Record) string {
	length := len(fmt.Sprintf("%s:%s:%d", r.Name, r.Function, r.Line))
	p.mu.Lock()
	p.padding = max(p.padding, length)
	pad := strings.Repeat(" ", p.padding-length)
	p.mu.Unlock()
	// A FormatFunc must not change the record: the padding goes into the
	// returned template instead of Extra.
	return "{level: <8} | {name}:{function}:{line}" + pad + " | {message}\n{exception}"
}

func Example_recipePaddingDynamic() {
	log := loguru.New()
	log.Add(os.Stdout, loguru.HandlerOptions{FormatFunc: (&padder{}).format})
	lib.Log(log, "a caller")
	log.Info("a longer caller")
	lib.Log(log, "aligned with the longest so far")
	// Output:
	// INFO     | github.com/loguru-go/loguru/internal/testpkgs/acme/lib:Log:7 | a caller
	// INFO     | github.com/loguru-go/loguru_test:Example_recipePaddingDynamic:116 | a longer caller
	// INFO     | github.com/loguru-go/loguru/internal/testpkgs/acme/lib:Log:7      | aligned with the longest so far
}

// reciprocal fails with an error that records where it was made and the
// value that caused it.
func reciprocal(x float64) (float64, error) {
	if x == 0 {
		return math.NaN(), loguru.NewError("division by zero", loguru.F("x", x))
	}
	return 1 / x, nil
}

// stackprinter renders an error's frames in the style of the stackprinter
// package: the file, line and function of each frame, "-->" before the
// source line of the catch point.
func stackprinter(e *loguru.ExceptionInfo) string {
	var b strings.Builder
	for _, f := range e.Frames() {
		if filepath.Base(f.File) != "example_recipes2_test.go" {
			continue // keep the example's output stable: its own frames only
		}
		fmt.Fprintf(&b, "File %s, line %d, in %s\n", filepath.Base(f.File), f.Line, f.Function[strings.LastIndex(f.Function, ".")+1:])
		arrow := "   "
		if f.CatchPoint {
			arrow = "-->"
		}
		fmt.Fprintf(&b, "    %s %s\n", arrow, f.Source)
	}
	fmt.Fprintf(&b, "%s: %s\n", e.Type, e.Value)
	return b.String()
}

// Customizing the formatting of exceptions: a patcher renders the error
// into Extra (a format function must not change the record) and the format
// function shows it only when there is one.
func Example_recipeStackprinter() {
	log := loguru.New()
	log.Add(os.Stdout, loguru.HandlerOptions{FormatFunc: func(r *loguru.Record) string {
		if r.Exception == nil {
			return "{level} {message}\n"
		}
		return "{level} {message}\n{extra[stack]}"
	}})
	log = log.Patch(func(r *loguru.Record) {
		if r.Exception != nil {
			r.Extra["stack"] = stackprinter(r.Exception)
		}
	})
	_, err := reciprocal(0)
	if err != nil {
		log.Exception(err, "Oups...")
	}
	// Output:
	// ERROR Oups...
	// File example_recipes2_test.go, line 169, in Example_recipeStackprinter
	//     --> _, err := reciprocal(0)
	// File example_recipes2_test.go, line 128, in reciprocal
	//         return math.NaN(), loguru.NewError("division by zero", loguru.F("x", x))
	// *loguru.TracedError: division by zero
}

// Displaying a stacktrace without using the error context: the Stack
// option attaches the logging call's stack, rendered under {exception}.
// Here the stack is trimmed to this file's frames for a stable output.
func Example_recipeStackWithoutError() {
	log := loguru.New()
	log.Add(os.Stdout, loguru.HandlerOptions{FormatFunc: func(r *loguru.Record) string {
		if r.Exception == nil {
			return "{message}\n"
		}
		var b strings.Builder
		for _, f := range r.Exception.Frames() {
			if filepath.Base(f.File) == "example_recipes2_test.go" {
				fmt.Fprintf(&b, "  %s:%d\n", filepath.Base(f.File), f.Line)
			}
		}
		return "{message}\n" + b.String() // file names and numbers hold no '{' or '<'
	}})
	log.Info("No traceback")
	log.Opt(loguru.CallOptions{Stack: true}).Info("With traceback")
	// Output:
	// No traceback
	// With traceback
	//   example_recipes2_test.go:200
}

// tracingPatcher prefixes each message with the call stack, oldest call first,
// as "function:line > function:line".
func tracingPatcher(r *loguru.Record) {
	var calls []string
	for _, f := range r.Exception.Frames() {
		if filepath.Base(f.File) == "example_recipes2_test.go" { // a stable output
			calls = append(calls, fmt.Sprintf("%s:%d", f.Function[strings.LastIndex(f.Function, ".")+1:], f.Line))
		}
	}
	r.Extra["stack"] = strings.Join(calls, " > ")
	r.Exception = nil // the stack was wanted in the prefix only
}

func tracedFoo(log *loguru.Logger) { log.Info("Deep call") }

func tracedBar(log *loguru.Logger) { tracedFoo(log) }

// Another form: every call of a logger made with Opt(Stack) carries its
// stack, which a patcher turns into a prefix.
func Example_recipeTracingFormatter() {
	log := loguru.New()
	log.Add(os.Stdout, loguru.HandlerOptions{Format: "{level} | {extra[stack]} - {message}"})
	log = log.Opt(loguru.CallOptions{Stack: true}).Patch(tracingPatcher)
	tracedBar(log)
	// Output:
	// INFO | Example_recipeTracingFormatter:230 > tracedBar:222 > tracedFoo:220 - Deep call
}

// Writing multiple logs on the same line: the format function takes its
// line terminator from Extra, and Raw writes the message alone.
func Example_recipeSameLine() {
	formatter := func(r *loguru.Record) string {
		end, ok := r.Extra["end"].(string)
		if !ok {
			end = "\n"
		}
		return "[{time:HH:mm:ss}] {message}" + end + "{exception}"
	}
	log := loguru.New().Patch(func(r *loguru.Record) { // a fixed time for the example
		r.Time = time.Date(2026, 11, 22, 10, 1, 2, 0, time.UTC)
	})
	log.Add(os.Stdout, loguru.HandlerOptions{FormatFunc: formatter})
	var file bytes.Buffer // another sink with an ordinary format
	log.Add(&file, loguru.HandlerOptions{Format: "{level} {message}"})

	log.Bind("end", "").Debug("Progress: ")
	for range 5 {
		log.Opt(loguru.CallOptions{Raw: true}).Debug(".")
	}
	log.Opt(loguru.CallOptions{Raw: true}).Debug("\n")
	log.Info("Done")
	fmt.Printf("the other sink: %q\n", file.String())
	// Output:
	// [10:01:02] Progress: .....
	// [10:01:02] Done
	// the other sink: "DEBUG Progress: \n.....\nINFO Done\n"
}

// Capturing the standard log package: its output becomes records, whose
// caller is the code that called log.Print.
func Example_recipeStdlibLog() {
	l := loguru.New()
	l.Add(os.Stdout, loguru.HandlerOptions{Format: "{level} | {function} | {message}"})

	defer log.SetOutput(log.Writer())
	defer log.SetFlags(log.Flags())
	log.SetFlags(0) // records carry their own time
	log.SetOutput(l.Writer("INFO"))

	log.Print("from the standard log package")
	log.Printf("%d lines", 2)
	// Output:
	// INFO | Example_recipeStdlibLog | from the standard log package
	// INFO | Example_recipeStdlibLog | 2 lines
}

// Go's "warnings" are slog and log records from libraries: route slog's
// default logger into loguru, and its levels map to loguru's.
func Example_recipeSlog() {
	l := loguru.New()
	l.Add(os.Stdout, loguru.HandlerOptions{Format: "{level} | {function} | {message} {extra}"})

	defer log.SetOutput(log.Writer()) // slog.SetDefault redirects log too
	defer log.SetFlags(log.Flags())
	defer slog.SetDefault(slog.Default())
	slog.SetDefault(slog.New(loguru.NewSlogHandler(l)))

	slog.Warn("deprecated option", "option", "-old")
	log.Print("through log as well")
	// Output:
	// WARNING | Example_recipeSlog | deprecated option {"option": "-old"}
	// INFO | Example_recipeSlog | through log as well {}
}

// The other way round: records at WARNING and above are handed to a
// slog.Handler, as Loguru's recipe hands them to warnings.warn.
func Example_recipeSlogSink() {
	l := loguru.New()
	h := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{} // a stable output
		}
		return a
	}})
	l.Add(h, loguru.HandlerOptions{Level: "WARNING"})
	l.Info("not a warning")
	l.Warning("disk at {}%", 93)
	// Output:
	// level=WARN msg="disk at 93%"
}

// Circumventing modules whose name is absent: Go always knows the package
// of a call. To show another name (a component instead of an import path),
// a patcher sets it; handler filters see the patched name.
func Example_recipePatchName() {
	log := loguru.New()
	log.Add(os.Stdout, loguru.HandlerOptions{Format: "{name} | {message}", Filter: "billing"})
	billing := log.Patch(func(r *loguru.Record) { r.Name = "billing" })
	billing.Info("invoice sent")
	log.Info("filtered out: the name is github.com/loguru-go/loguru_test")
	// Output:
	// billing | invoice sent
}

// logHelper is a logging helper: Depth 1 makes the record point at the caller
// of logHelper, not at logHelper.
func logHelper(log *loguru.Logger, msg string, args ...any) {
	log.Opt(loguru.CallOptions{Depth: 1}).Info(msg, args...)
}

// reporter logs for its callers through a logger made once with Depth 1.
// Report is small enough for the compiler to inline it into its callers:
// the caller is found all the same.
type reporter struct{ log *loguru.Logger }

func newReporter(log *loguru.Logger) reporter {
	return reporter{log.Opt(loguru.CallOptions{Depth: 1})}
}

func (r reporter) Report(msg string, args ...any) { r.log.Info(msg, args...) }

// Go's counterpart of the Cython recipe: frames are never missing, inlined
// or not, but helpers must say how many frames to skip.
func Example_recipeHelperDepth() {
	log := loguru.New()
	log.Add(os.Stdout, loguru.HandlerOptions{Format: "{function}:{line} - {message}"})
	logHelper(log, "logged through a helper")
	newReporter(log).Report("logged through an inlined helper")
	log.Info("logged directly")
	// Output:
	// Example_recipeHelperDepth:353 - logged through a helper
	// Example_recipeHelperDepth:354 - logged through an inlined helper
	// Example_recipeHelperDepth:355 - logged directly
}

// Independent loggers with separate handlers, first form: one logger, a
// bound task id and a filter per file.
func Example_recipeSplitByTask() {
	dir, err := os.MkdirTemp("", "tasks")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	logger := loguru.New()
	for _, task := range []string{"A", "B"} {
		logger.Add(filepath.Join(dir, "file_"+task+".log"), loguru.HandlerOptions{
			Format:     "{level} {message}",
			FilterFunc: func(r *loguru.Record) bool { return r.Extra["task"] == task },
		})
	}
	taskA := func() {
		loggerA := logger.Bind("task", "A")
		loggerA.Info("Starting task A")
		loggerA.Success("End of task A")
	}
	taskB := func() {
		loggerB := logger.Bind("task", "B")
		loggerB.Info("Starting task B")
		loggerB.Success("End of task B")
	}
	taskA()
	taskB()
	logger.RemoveAll() // closes the files

	for _, task := range []string{"A", "B"} {
		b, _ := os.ReadFile(filepath.Join(dir, "file_"+task+".log"))
		fmt.Printf("file_%s.log:\n%s", task, b)
	}
	// Output:
	// file_A.log:
	// INFO Starting task A
	// SUCCESS End of task A
	// file_B.log:
	// INFO Starting task B
	// SUCCESS End of task B
}

// Second form: loguru.New gives each task its own logger, with its own
// handlers, so no record is checked by the filters of the others.
func Example_recipeIndependentLoggers() {
	dir, err := os.MkdirTemp("", "tasks")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	task := func(id string, logger *loguru.Logger) {
		logger.Info("Starting task {}", id)
		logger.Success("End of task {}", id)
	}
	for _, id := range []string{"A", "B", "C", "D", "E"} {
		logger := loguru.New()
		logger.Add(filepath.Join(dir, "file_"+id+".log"), loguru.HandlerOptions{Format: "{level} {message}"})
		task(id, logger)
		logger.RemoveAll()
	}

	names, _ := filepath.Glob(filepath.Join(dir, "*.log"))
	slices.Sort(names)
	for _, name := range names {
		b, _ := os.ReadFile(name)
		fmt.Printf("%s: %q\n", filepath.Base(name), b)
	}
	// Output:
	// file_A.log: "INFO Starting task A\nSUCCESS End of task A\n"
	// file_B.log: "INFO Starting task B\nSUCCESS End of task B\n"
	// file_C.log: "INFO Starting task C\nSUCCESS End of task C\n"
	// file_D.log: "INFO Starting task D\nSUCCESS End of task D\n"
	// file_E.log: "INFO Starting task E\nSUCCESS End of task E\n"
}

// Goroutines share the logger: nothing is inherited or pickled. Enqueue
// moves the writing to the handler's own goroutine; Complete waits for it,
// as Loguru's complete() does, before the program leaves.
func Example_recipeEnqueueWorkers() {
	logger := loguru.New()
	logger.Add(os.Stdout, loguru.HandlerOptions{Format: "{message}", Enqueue: loguru.On})

	work := func(x float64) float64 {
		logger.Info("Square rooting {}", x)
		return math.Sqrt(x)
	}
	inputs := []float64{1, 10, 100}
	results := make([]float64, len(inputs))
	var wg sync.WaitGroup
	for i, x := range inputs { // a pool of workers, one per input
		wg.Go(func() { results[i] = work(x) })
	}
	wg.Wait()
	logger.Info("Done: {}", results)
	logger.Complete()
	// Unordered output:
	// Square rooting 1
	// Square rooting 10
	// Square rooting 100
	// Done: [1 3.1622776601683795 10]
}
