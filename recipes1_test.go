package loguru_test

// Tests of the recipes in docs/recipes.md that an Example cannot show: the
// default logger's stderr, the environment, file modes, timings.

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
)

// recipeChildEnv names the part of a recipe test that runs in a child
// process: the test binary, run again with -test.run for that test only.
const recipeChildEnv = "LOGURU_RECIPE_CHILD"

// runRecipeChild runs the test named test in a child process with
// recipeChildEnv=mode and env, and returns what the child wrote on stderr.
// The child's LOGURU_* variables are those of env only.
func runRecipeChild(t *testing.T, test, mode string, env ...string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$")
	cmd.Env = append(withoutLoguruEnv(os.Environ()), recipeChildEnv+"="+mode, "NO_COLOR=1", "FORCE_COLOR=")
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr syncBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("child %s: %v\nstdout:\n%s\nstderr:\n%s", mode, err, stdout.String(), stderr.String())
	}
	return stderr.String()
}

// Avoiding logs to be printed twice on the terminal: the default logger
// writes to stderr from the start, so a second stderr handler doubles every
// line unless the default one is removed first.
func TestRecipeDuplicateLines(t *testing.T) {
	switch os.Getenv(recipeChildEnv) {
	case "":
	case "without-remove":
		loguru.Add(os.Stderr, loguru.HandlerOptions{Level: "WARNING", Format: "{level} | {message}"})
		loguru.Warning("Disk almost full")
		return
	case "with-remove":
		if err := loguru.Remove(0); err != nil { // the default handler
			loguru.Error("Remove(0): {}", err)
		}
		loguru.Add(os.Stderr, loguru.HandlerOptions{Level: "WARNING", Format: "{level} | {message}"})
		loguru.Info("below WARNING")
		loguru.Warning("Disk almost full")
		return
	default:
		return
	}
	// The default handler's format comes from LOGURU_FORMAT here, so that
	// both lines can be compared exactly.
	format := "LOGURU_FORMAT={level} | {message}"
	expect(t, runRecipeChild(t, "TestRecipeDuplicateLines", "without-remove", format),
		"WARNING | Disk almost full\nWARNING | Disk almost full\n")
	expect(t, runRecipeChild(t, "TestRecipeDuplicateLines", "with-remove", format),
		"WARNING | Disk almost full\n")
}

// Diagnose and secrets: LOGURU_DIAGNOSE=NO turns values off in every
// handler of the process, without a change to the code.
func TestRecipeDiagnoseEnv(t *testing.T) {
	switch os.Getenv(recipeChildEnv) {
	case "":
	case "diagnose":
		log := loguru.New()
		log.Add(os.Stderr, loguru.HandlerOptions{Format: "{message}"})
		log.Exception(errors.New("card declined"), "Payment by {user} failed", loguru.F("user", "ann"), loguru.F("card", "4111 1111"))
		return
	default:
		return
	}
	annotation := regexp.MustCompile(`(?m)^ +(│ +)*└ (.*)$`)
	values := func(report string) []string {
		var vs []string
		for _, m := range annotation.FindAllStringSubmatch(report, -1) {
			vs = append(vs, m[2])
		}
		return vs
	}

	on := runRecipeChild(t, "TestRecipeDiagnoseEnv", "diagnose")
	if got := values(on); strings.Join(got, ",") != `"4111 1111","ann"` {
		t.Errorf("with Diagnose on by default, values = %q, want the card and the user\n%s", got, on)
	}
	off := runRecipeChild(t, "TestRecipeDiagnoseEnv", "diagnose", "LOGURU_DIAGNOSE=NO")
	if got := values(off); len(got) != 0 || strings.ContainsAny(off, "│└") {
		t.Errorf("with LOGURU_DIAGNOSE=NO, values = %q, want none\n%s", got, off)
	}
	for _, report := range []string{on, off} {
		if !strings.HasPrefix(report, "Payment by ann failed\nTraceback (most recent call last):\n") ||
			!strings.HasSuffix(report, "*errors.errorString: card declined\n") {
			t.Errorf("report:\n%s", report)
		}
	}
}

// umask returns the process's file mode creation mask, read back from a
// file created with mode 0777 (os.OpenFile applies it, as open(2) does).
func umask(t *testing.T) fs.FileMode {
	t.Helper()
	path := filepath.Join(t.TempDir(), "probe")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o777)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return 0o777 &^ info.Mode().Perm()
}

// modes returns the permissions of every file in dir, by name.
func modes(t *testing.T, dir string) map[string]fs.FileMode {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]fs.FileMode{}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = info.Mode().Perm()
	}
	return m
}

// Setting permissions on created log files: new files are 0600 unless
// HandlerOptions.Perm says otherwise, also when rotated and compressed;
// the umask still applies, as it does to Python's opener.
func TestRecipeFilePermissions(t *testing.T) {
	t.Parallel()
	mask := umask(t)

	t.Run("default 0600", func(t *testing.T) {
		dir := t.TempDir()
		log := loguru.New()
		if _, err := log.Add(filepath.Join(dir, "combined.log")); err != nil {
			t.Fatal(err)
		}
		log.Info("secret-ish")
		log.RemoveAll()
		if got, want := modes(t, dir)["combined.log"], 0o600&^mask; got != want {
			t.Errorf("combined.log mode = %v, want %v", got, want)
		}
	})

	t.Run("Perm for rotated and compressed files", func(t *testing.T) {
		dir := t.TempDir()
		log := loguru.New()
		_, err := log.Add(filepath.Join(dir, "app.log"), loguru.HandlerOptions{
			Format: "{message}", Perm: 0o640, Rotation: "100 B", Compression: "gz",
		})
		if err != nil {
			t.Fatal(err)
		}
		for range 5 {
			log.Info(strings.Repeat("x", 80)) // each record fills a file
		}
		if err := log.RemoveAll(); err != nil { // waits for the compressions
			t.Fatal(err)
		}
		got := modes(t, dir)
		var names []string
		for name, mode := range got {
			names = append(names, name)
			if want := 0o640 &^ mask; mode != want {
				t.Errorf("%s mode = %v, want %v", name, mode, want)
			}
		}
		sort.Strings(names)
		var archives int
		for _, name := range names {
			if strings.HasSuffix(name, ".log.gz") {
				archives++
			}
		}
		if _, ok := got["app.log"]; !ok || archives < 4 {
			t.Errorf("files = %q, want app.log and at least 4 .log.gz archives", names)
		}
	})

	t.Run("an existing file keeps its mode", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "shared.log")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, 0o644); err != nil { // Chmod ignores the umask
			t.Fatal(err)
		}
		log := loguru.New()
		if _, err := log.Add(path); err != nil {
			t.Fatal(err)
		}
		log.Info("appended")
		log.RemoveAll()
		if got := modes(t, dir)["shared.log"]; got != 0o644 {
			t.Errorf("shared.log mode = %v, want -rw-r--r--", got)
		}
	})
}

func timedWork(log *loguru.Logger) int {
	defer timeit(log, "timedWork")()
	n := 0
	for i := range 1000 {
		n += i
	}
	return n
}

// Logging entry and exit of functions: the timing helper logs at the
// function that deferred it, with the seconds it took.
func TestRecipeTimeit(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} | {function} | {message}"})
	timedWork(l)
	re := regexp.MustCompile(`^DEBUG \| timedWork \| Function 'timedWork' executed in \d+\.\d{6} s\n$`)
	if !re.MatchString(buf.String()) {
		t.Errorf("got %q, want a match of %s", buf.String(), re)
	}
}

// Logging entry and exit of functions: both records point at the wrapped
// function, the entry at its defer statement and the exit at its end.
func TestRecipeLoggerWrapsCaller(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{function}:{line} {message}"})
	sum := func(a, b int) (result int) {
		defer loggerWraps(l, "sum", &result, a, b)()
		return a + b
	} // the exit is logged at this line
	end := line() - 1
	sum(1, 2)
	expect(t, buf.String(), "TestRecipeLoggerWrapsCaller.func1:"+strconv.Itoa(end-2)+" Entering 'sum' (args=[1 2])\n"+
		"TestRecipeLoggerWrapsCaller.func1:"+strconv.Itoa(end)+" Exiting 'sum' (result=3)\n")
}

// Using logging function based on custom added levels: the helper keeps
// the caller's line, and an unknown level is reported, not logged.
func TestRecipeCustomLevelHelper(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} {function}:{line} {message}"})
	errs := loggerErrors(l)
	foobar(l, "before AddLevel")
	if _, err := l.AddLevel("foobar", 33, "<blue>", "🤖"); err != nil {
		t.Fatal(err)
	}
	foobar(l, "after AddLevel")
	n := line() - 1
	expect(t, buf.String(), "foobar TestRecipeCustomLevelHelper:"+strconv.Itoa(n)+" after AddLevel\n")
	if !strings.Contains(errs.String(), `level "foobar" does not exist`) {
		t.Errorf("error report = %q", errs.String())
	}
}

// A handler format with a conversion quotes every message of that
// handler: the log-injection fix for a whole file.
func TestRecipeFormatConversion(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} {message!r}"})
	l.Info("Josh logged in.\nINFO User James")
	expect(t, buf.String(), "INFO \"Josh logged in.\\nINFO User James\"\n")
}
