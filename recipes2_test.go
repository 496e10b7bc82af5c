package loguru_test

// Tests of the recipes of docs/recipes.md that an Example cannot show:
// files that rotate, tracebacks with paths, captured process output and
// several processes. The code of each recipe is copied into the document;
// keep the two in sync.

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// Rotator is Loguru's recipe for rotating a file at a size or daily at a
// time of day, whichever comes first.
type Rotator struct {
	sizeLimit int64
	timeLimit time.Time
}

// NewRotator rotates files over size bytes, and every day at the hour,
// minute and second of at; now is the current time (time.Now()).
func NewRotator(size int64, at time.Time, now time.Time) *Rotator {
	limit := time.Date(now.Year(), now.Month(), now.Day(), at.Hour(), at.Minute(), at.Second(), 0, now.Location())
	if !now.Before(limit) {
		// The current time is already past the target time so it would
		// rotate already. Add one day to prevent an immediate rotation.
		limit = limit.AddDate(0, 0, 1)
	}
	return &Rotator{sizeLimit: size, timeLimit: limit}
}

// ShouldRotate is the handler's RotationFunc. The handler calls it with
// its lock held: it needs no lock of its own. The time is checked first:
// a rotation for size past the time limit then moves the limit on too,
// instead of leaving a second rotation for the next record.
func (r *Rotator) ShouldRotate(m loguru.Message, f *os.File) bool {
	if t := m.Record.Time; !t.Before(r.timeLimit) {
		for !r.timeLimit.After(t) { // skip the days nothing was logged
			r.timeLimit = r.timeLimit.AddDate(0, 0, 1)
		}
		return true
	}
	fi, err := f.Stat()
	return err == nil && fi.Size()+int64(len(m.Text)) > r.sizeLimit
}

// The clock of records and file sinks is the test's: the sink is created
// at 2026-11-22 10:01:02.345678, the time limit is 12:00 every day, the
// size limit 20 bytes ("line N\n" is 7).
func TestRecipeRotateBySizeOrTime(t *testing.T) {
	t.Parallel()
	clk := newClock(fixedTime)
	dir := t.TempDir()
	rotator := NewRotator(20, time.Date(0, 1, 1, 12, 0, 0, 0, time.UTC), fixedTime)
	logger := loguru.New()
	logger.SetNow(clk.now)
	_, err := logger.Add(filepath.Join(dir, "file.log"), loguru.HandlerOptions{
		Format:       "{message}",
		RotationFunc: rotator.ShouldRotate,
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, when := range []time.Time{
		fixedTime, fixedTime, fixedTime, // the third line would make 21 bytes: size rotation
		at(22, 11, 59),
		at(22, 12, 0), // over the size and at the time limit: one rotation, the next limit is the 23rd at 12:00
		at(22, 12, 1),
		at(25, 9, 0), // days later: rotation, the next limit is the 25th at 12:00
		at(25, 11, 0),
	} {
		clk.set(when)
		logger.Info("line {}", i)
	}
	logger.RemoveAll()
	expectFiles(t, dir, map[string]string{
		"file.2026-11-22_10-01-02_345678.log":   "line 0\nline 1\n",
		"file.2026-11-22_10-01-02_345678.2.log": "line 2\nline 3\n", // the same creation time: numbered
		"file.2026-11-22_12-00-00_000000.log":   "line 4\nline 5\n",
		"file.log":                              "line 6\nline 7\n",
	})
	if want := at(25, 12, 0); !rotator.timeLimit.Equal(want) {
		t.Errorf("next time limit %v, want %v", rotator.timeLimit, want)
	}
}

// The short form: Rotation and RotationFunc together, either one rotates.
// The daily schedule is the library's ("00:00"), the size is a function.
func TestRecipeRotateDailyOrOverSize(t *testing.T) {
	t.Parallel()
	clk := newClock(fixedTime)
	dir := t.TempDir()
	logger := loguru.New()
	logger.SetNow(clk.now)
	_, err := logger.Add(filepath.Join(dir, "file.log"), loguru.HandlerOptions{
		Format:   "{message}",
		Rotation: "00:00, 20 B", // "00:00, 500 MB" in a program
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, when := range []time.Time{
		fixedTime, fixedTime, fixedTime, // size
		at(22, 23, 59),
		at(23, 0, 0), // midnight
		at(23, 0, 1),
	} {
		clk.set(when)
		logger.Info("line {}", i)
	}
	logger.RemoveAll()
	expectFiles(t, dir, map[string]string{
		"file.2026-11-22_10-01-02_345678.log":   "line 0\nline 1\n",
		"file.2026-11-22_10-01-02_345678.2.log": "line 2\nline 3\n",
		"file.log":                              "line 4\nline 5\n",
	})
}

// lineOfText returns the number of the line of file that is text, leading
// and trailing blanks aside.
func lineOfText(t *testing.T, file, text string) int {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) == text {
			return i + 1
		}
	}
	t.Fatalf("%q not in %s", text, file)
	return 0
}

// Customizing the formatting of exceptions: Backtrace adds the frames above
// the catch point and marks it with '>'; Diagnose shows the error's values
// under their line. reciprocal is in example_recipes2_test.go.
func TestRecipeExceptionBacktraceAndDiagnose(t *testing.T) {
	t.Parallel()
	here := thisFile()
	example := filepath.Join(filepath.Dir(here), "example_recipes2_test.go")
	origin := lineOfText(t, example, `return math.NaN(), loguru.NewError("division by zero", loguru.F("x", x))`)
	call := lineOfText(t, here, "_, err := reciprocal(0)")
	logged := func(o loguru.HandlerOptions) string {
		var buf syncBuffer
		logger := loguru.New()
		o.Format = "{level} | {function} - {message}"
		logger.Add(&buf, o)
		_, err := reciprocal(0)
		logger.Exception(err, "Oups...")
		return buf.String()
	}
	head := "ERROR | TestRecipeExceptionBacktraceAndDiagnose.func1 - Oups...\nTraceback (most recent call last):\n"
	caller := fmt.Sprintf("File %q, line %d, in github.com/loguru-go/loguru_test.TestRecipeExceptionBacktraceAndDiagnose.func1\n"+
		"    _, err := reciprocal(0)\n", here, call)
	made := fmt.Sprintf("  File %q, line %d, in github.com/loguru-go/loguru_test.reciprocal\n"+
		`    return math.NaN(), loguru.NewError("division by zero", loguru.F("x", x))`+"\n", example, origin)
	last := "*loguru.TracedError: division by zero\n"

	// Neither: the frames from the catch point to the error's origin.
	got := logged(loguru.HandlerOptions{Backtrace: loguru.Off, Diagnose: loguru.Off})
	expect(t, got, head+"  "+caller+made+last)

	// Backtrace: the frames above too, the catch point marked.
	got = logged(loguru.HandlerOptions{Backtrace: loguru.On, Diagnose: loguru.Off})
	above := regexp.MustCompile(`^` + regexp.QuoteMeta(head) + `(  File "[^"]+", line \d+, in [^\n]+\n    [^\n]*\n)+` +
		regexp.QuoteMeta("> "+caller+made+last) + `$`)
	if !above.MatchString(got) || !strings.Contains(got, "in github.com/loguru-go/loguru_test.TestRecipeExceptionBacktraceAndDiagnose\n") {
		t.Errorf("with Backtrace, got:\n%s", got)
	}

	// Diagnose: the value of x under the line that made the error.
	got = logged(loguru.HandlerOptions{Backtrace: loguru.Off, Diagnose: loguru.On})
	under := strings.Repeat(" ", len(`    return math.NaN(), loguru.NewError("division by zero", loguru.F("x", `)) + "└ 0\n"
	expect(t, got, head+"\n  "+caller+"\n"+made+under+"\n"+last)
}

// Displaying a stacktrace without using the error context: with the
// default rendering, the Stack option shows the logging call's stack under
// {exception}, oldest call first, without a catch point to mark.
func TestRecipeStackRendering(t *testing.T) {
	t.Parallel()
	logger, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", Backtrace: loguru.Off, Diagnose: loguru.Off})
	n := line() + 1
	logger.Opt(loguru.CallOptions{Stack: true}).Info("With traceback")
	got := buf.String()
	head := "With traceback\nStack (most recent call last):\n"
	tail := fmt.Sprintf("  File %q, line %d, in github.com/loguru-go/loguru_test.TestRecipeStackRendering\n"+
		"    logger.Opt(loguru.CallOptions{Stack: true}).Info(\"With traceback\")\n", thisFile(), n)
	if !strings.HasPrefix(got, head) || !strings.HasSuffix(got, tail) || !strings.Contains(got, ", in testing.tRunner\n") {
		t.Errorf("got:\n%s\nwant %q, the frames of the test, and:\n%s", got, head, tail)
	}
}

// redirectToLogger replaces *f (os.Stdout or os.Stderr) with a pipe whose lines
// are logged by w, until the returned function restores it. Handlers added
// before with os.Stdout keep writing to the real stdout: Add took the file,
// not the variable.
func redirectToLogger(f **os.File, w *loguru.LineWriter) (restore func(), err error) {
	r, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	old := *f
	*f = pw
	done := make(chan struct{})
	go func() {
		io.Copy(w, r)
		w.Close() // logs a last line without a newline
		close(done)
	}()
	return func() {
		*f = old
		pw.Close()
		<-done
		r.Close()
	}, nil
}

// Capturing standard stdout and stderr: fmt.Print and friends, and any
// library writing to os.Stdout or os.Stderr, go to loguru's handlers.
func TestRecipeCaptureStdoutAndStderr(t *testing.T) {
	logger, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} | {message}"})
	restoreOut, err := redirectToLogger(&os.Stdout, logger.Writer("INFO"))
	if err != nil {
		t.Fatal(err)
	}
	restoreErr, err := redirectToLogger(&os.Stderr, logger.Writer("ERROR"))
	if err != nil {
		restoreOut()
		t.Fatal(err)
	}
	fmt.Println("Standard output is sent to added handlers.")
	fmt.Fprintln(os.Stderr, "And so is standard error.")
	fmt.Print("a last line without newline")
	restoreErr()
	restoreOut()
	got := lines(buf.String())
	slices.Sort(got) // the two pipes are read by two goroutines
	expect(t, strings.Join(got, "\n"), "ERROR | And so is standard error.\n"+
		"INFO | Standard output is sent to added handlers.\nINFO | a last line without newline")
}

// The output of a subprocess, line by line, at a level per stream.
func TestRecipeCaptureSubprocessOutput(t *testing.T) {
	t.Parallel()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	logger, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} | {message}"})
	stdout, stderr := logger.Writer("INFO"), logger.Writer("WARNING")
	cmd := exec.Command(sh, "-c", "echo building; echo 'cc: unused variable' >&2; printf done")
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	stdout.Close() // logs a last line that had no newline
	stderr.Close()
	got := lines(buf.String())
	slices.Sort(got) // the two streams are copied by two goroutines
	expect(t, strings.Join(got, "\n"), "INFO | building\nINFO | done\nWARNING | cc: unused variable")
}

// Circumventing modules whose name is absent: a record's caller is unknown
// only when a Depth goes past the top of the stack. Its name is then "",
// as Loguru's None, and a filter can pick such records.
func TestRecipeUnknownCaller(t *testing.T) {
	t.Parallel()
	logger, buf := newLogger(t, loguru.HandlerOptions{
		Format:     "[{name}] {function}:{line} {message}",
		FilterFunc: func(r *loguru.Record) bool { return r.Name == "" },
	})
	logger.Opt(loguru.CallOptions{Depth: 100}).Info("too deep")
	logger.Info("known caller")
	expect(t, buf.String(), "[] <unknown>:0 too deep\n")
}

// recipeInlined is small enough for the compiler to inline it into its
// callers; the record still names it, at its own line.
func recipeInlined(logger *loguru.Logger) { logger.Info("from an inlined function") }

// Go's counterpart of the Cython recipe: an inlined function keeps its
// name and line, and helpers with Depth 1 (logHelper and reporter.Report in
// example_recipes2_test.go) report their caller, inlined or not.
func TestRecipeInlinedCaller(t *testing.T) {
	t.Parallel()
	inlined := map[string]bool{}
	logger, buf := newLogger(t, loguru.HandlerOptions{Format: "{function}:{line} {message}"})
	logger = logger.Patch(func(*loguru.Record) {
		// runtime.Frame.Func is nil for a call that was inlined.
		pcs := make([]uintptr, 32)
		frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
		for {
			f, more := frames.Next()
			inlined[f.Function[strings.LastIndexByte(f.Function, '.')+1:]] = f.Func == nil
			if !more {
				break
			}
		}
	})
	here := thisFile()
	inner := lineOfText(t, here, `func recipeInlined(logger *loguru.Logger) { logger.Info("from an inlined function") }`)
	n := line() + 1
	recipeInlined(logger)
	logHelper(logger, "through a helper")
	newReporter(logger).Report("through an inlined helper")
	expect(t, buf.String(), fmt.Sprintf("recipeInlined:%d from an inlined function\n"+
		"TestRecipeInlinedCaller:%d through a helper\nTestRecipeInlinedCaller:%d through an inlined helper\n", inner, n+1, n+2))
	if !inlined["recipeInlined"] || !inlined["Report"] {
		// Built with -gcflags=-l, say: the callers are right all the same.
		t.Logf("not inlined in this build: recipeInlined %v, reporter.Report %v", inlined["recipeInlined"], inlined["Report"])
	}
}

// recipeChild is what each child process runs: a program of its own, which
// adds its own handlers (nothing is inherited from the parent) and calls
// Complete before it exits.
func recipeChild(path string) error {
	logger := loguru.New()
	_, err := logger.Add(path, loguru.HandlerOptions{
		Format:   "{process.id} {message}",
		Enqueue:  loguru.On,
		Rotation: "4 KB",
	})
	if err != nil {
		return err
	}
	for i := range 300 {
		logger.Info("Executing function in child process, line {}", i)
	}
	return logger.Complete()
}

// TestRecipeChildProcess is the child process of TestRecipeProcessesShareAFile.
func TestRecipeChildProcess(t *testing.T) {
	t.Parallel()
	path := os.Getenv("LOGURU_RECIPE_CHILD_FILE")
	if path == "" {
		t.Skip("run by TestRecipeProcessesShareAFile")
	}
	if err := recipeChild(path); err != nil {
		t.Fatal(err)
	}
}

// Compatibility with multiprocessing: several processes append to one
// rotating file; every line of each is in exactly one file, whole.
func TestRecipeProcessesShareAFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "file.log")
	var cmds []*exec.Cmd
	for range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRecipeChildProcess$")
		cmd.Env = append(os.Environ(), "LOGURU_RECIPE_CHILD_FILE="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	pids := map[string]bool{}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("child process: %v", err)
		}
		pids[strconv.Itoa(cmd.Process.Pid)] = true
	}
	line := regexp.MustCompile(`^(\d+) Executing function in child process, line (\d+)$`)
	seen := map[string]int{}
	files := dirFiles(t, dir)
	for name, content := range files {
		if !strings.HasSuffix(content, "\n") {
			t.Errorf("%s does not end with a whole line", name)
		}
		for _, l := range lines(content) {
			m := line.FindStringSubmatch(l)
			if m == nil || !pids[m[1]] {
				t.Errorf("%s: broken line %q", name, l)
				continue
			}
			seen[l]++
		}
	}
	if len(seen) != 3*300 {
		t.Errorf("%d distinct lines in %d files, want %d", len(seen), len(files), 3*300)
	}
	for l, n := range seen {
		if n != 1 {
			t.Errorf("%q written %d times", l, n)
		}
	}
	if len(files) < 2 {
		t.Errorf("%d file: the test did not rotate", len(files))
	}
}
