package loguru_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/goid"
)

// plainOpts renders only the message, the error's last line and the
// frames from the catch point inward, without values.
var plainOpts = loguru.HandlerOptions{Format: "{level} {function} {message}", Backtrace: loguru.Off, Diagnose: loguru.Off}

// lastLine is the final "Type: message" line of a traceback.
func lastLine(s string) string {
	s = strings.TrimSuffix(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

func TestCatchRecoversLogsAndReturns(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, plainOpts)
	returned := false
	func() {
		defer l.Catch()
		var m map[string]int
		m["x"] = 1 // panics: assignment to entry in nil map
	}()
	returned = true
	got := buf.String()
	if !returned || !strings.HasPrefix(got, "ERROR TestCatchRecoversLogsAndReturns.func1 An error has been caught in function 'TestCatchRecoversLogsAndReturns.func1', process '") {
		t.Fatalf("got %q", got)
	}
	if want := "panic: plainError: assignment to entry in nil map [goroutine "; !strings.Contains(lastLine(got), "assignment to entry in nil map") {
		t.Fatalf("last line %q, want like %q", lastLine(got), want)
	}
	if !strings.Contains(got, "    m[\"x\"] = 1 // panics: assignment to entry in nil map\n") {
		t.Fatalf("the panicking line is not shown:\n%s", got)
	}
}

func TestCatchOptions(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, plainOpts)
	var seen error
	func() {
		defer l.Catch(loguru.CatchOptions{Level: "CRITICAL", Message: "worker {id} died", OnError: func(err error) { seen = err }})
		panic("boom")
	}()
	got := buf.String()
	if !strings.HasPrefix(got, "CRITICAL TestCatchOptions.func1 worker {id} died\nTraceback (most recent call last):\n") {
		t.Fatalf("got %q", got)
	}
	if !strings.HasPrefix(lastLine(got), "panic: string: boom [goroutine ") {
		t.Fatalf("last line %q", lastLine(got))
	}
	var pe *loguru.PanicError
	if !errors.As(seen, &pe) || pe.Value != "boom" || seen.Error() != "panic: boom" {
		t.Fatalf("OnError got %#v", seen)
	}
}

func TestCatchReraise(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, plainOpts)
	sentinel := errors.New("fatal")
	var outer any
	func() {
		defer func() { outer = recover() }()
		defer l.Catch(loguru.CatchOptions{Reraise: true})
		panic(sentinel)
	}()
	if outer != sentinel {
		t.Fatalf("re-panicked with %v, want the original value", outer)
	}
	if !strings.HasPrefix(lastLine(buf.String()), "panic: *errors.errorString: fatal [goroutine ") {
		t.Fatalf("not logged before re-panicking: %q", buf.String())
	}
}

func TestCatchExclude(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, plainOpts)
	var outer any
	func() {
		defer func() { outer = recover() }()
		defer l.Catch(loguru.CatchOptions{Exclude: func(v any) bool { return v == "let it through" }})
		panic("let it through")
	}()
	if outer != "let it through" || buf.String() != "" {
		t.Fatalf("excluded panic: outer %v, logged %q", outer, buf.String())
	}
}

func TestCatchBadLevelIsReportedAndLogsAtError(t *testing.T) {
	l, buf := newLogger(t, plainOpts)
	var report strings.Builder
	loguru.SetErrorOutput(t, &report)
	func() {
		defer l.Catch(loguru.CatchOptions{Level: "NOPE"})
		panic(1)
	}()
	if !strings.HasPrefix(buf.String(), "ERROR ") || !strings.Contains(report.String(), `level "NOPE"`) {
		t.Fatalf("logged %q, reported %q", buf.String(), report.String())
	}
}

func TestCatchFuncMarksTheCatchPoint(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{function}:{line} {message}", Diagnose: loguru.Off})
	n := line() + 1
	panicked := l.CatchFunc(func() { panic(fmt.Sprintf("bad %d", 7)) })
	if !panicked || l.CatchFunc(func() {}) {
		t.Fatal("CatchFunc must report whether fn panicked")
	}
	got := buf.String()
	head := fmt.Sprintf("TestCatchFuncMarksTheCatchPoint:%d An error has been caught in function 'TestCatchFuncMarksTheCatchPoint'", n)
	mark := fmt.Sprintf("> File %q, line %d, in github.com/loguru-go/loguru_test.TestCatchFuncMarksTheCatchPoint\n", thisFile(), n)
	if !strings.HasPrefix(got, head) || !strings.Contains(got, mark) {
		t.Fatalf("got:\n%s\nwant it to start with %q and contain %q", got, head, mark)
	}
}

func TestGoLogsThePanicOfAGoroutine(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var got []string
	done := make(chan struct{})
	l := loguru.New()
	l.Add(func(m loguru.Message) {
		mu.Lock()
		got = append(got, m.Text)
		mu.Unlock()
		close(done)
	}, plainOpts)
	n := line() + 1
	l.Go(func() { panic("in a goroutine") })
	<-done
	mu.Lock()
	defer mu.Unlock()
	text := got[0]
	if !strings.HasPrefix(text, "ERROR TestGoLogsThePanicOfAGoroutine An error has been caught in function 'TestGoLogsThePanicOfAGoroutine', process '") ||
		!strings.Contains(text, "thread 'goroutine' (") {
		t.Fatalf("got %q", text)
	}
	want := fmt.Sprintf("  File %q, line %d, in github.com/loguru-go/loguru_test.TestGoLogsThePanicOfAGoroutine.func2\n", thisFile(), n)
	if !strings.Contains(text, want) {
		t.Fatalf("got:\n%s\nwant the frame %q", text, want)
	}
}

func TestStackWithoutError(t *testing.T) {
	t.Parallel()
	// A stack asked for is shown whole, whatever Backtrace says.
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", Backtrace: loguru.Off, Diagnose: loguru.Off})
	n := line() + 1
	l.Opt(loguru.CallOptions{Stack: true}).Info("here")
	got := buf.String()
	want := fmt.Sprintf("  File %q, line %d, in github.com/loguru-go/loguru_test.TestStackWithoutError\n"+
		"    l.Opt(loguru.CallOptions{Stack: true}).Info(\"here\")\n", thisFile(), n)
	if !strings.HasPrefix(got, "here\nStack (most recent call last):\n  File \"") || !strings.HasSuffix(got, want) ||
		!strings.Contains(got, ", in testing.tRunner\n") {
		t.Fatalf("got:\n%s\nwant the test's frame last:\n%s", got, want)
	}
	if strings.Contains(got, "goexit") || strings.Contains(got, "loguru.(*Logger)") {
		t.Fatalf("runtime or loguru frames shown:\n%s", got)
	}
	var rec *loguru.Record
	l2 := loguru.New()
	l2.Add(func(m loguru.Message) { rec = m.Record.Clone() })
	n = line() + 1
	l2.Opt(loguru.CallOptions{Stack: true}).Info("x")
	if rec.Exception == nil || rec.Exception.Err != nil || rec.Exception.Frames()[len(rec.Exception.Frames())-1].Line != n {
		t.Fatalf("Record.Exception for a stack = %+v", rec.Exception)
	}
}

func TestEnvTurnsBacktraceAndDiagnoseOff(t *testing.T) {
	loguru.SetEnv(t, map[string]string{"LOGURU_BACKTRACE": "NO", "LOGURU_DIAGNOSE": "NO"})
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	called := false
	n := line() + 1
	l.Exception(errors.New("x"), "m", loguru.F("v", spy{&called}))
	want := "m\n" + shortTraceback("TestEnvTurnsBacktraceAndDiagnoseOff", n, `l.Exception(errors.New("x"), "m", loguru.F("v", spy{&called}))`, "*errors.errorString", "x")
	expect(t, buf.String(), want)
	if called {
		t.Fatal("a value was formatted although Diagnose is off")
	}
}

// spy records that something formatted it.
type spy struct{ called *bool }

func (s spy) String() string { *s.called = true; return "spy" }

func TestDiagnoseShowsCallFieldsUnderTheirNames(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", Backtrace: loguru.Off})
	user, token := "ann", "abc123"
	l.Exception(errors.New("denied"), "for {}", user, loguru.F("user", user), loguru.F("token", token))
	got := buf.String()
	src := `    l.Exception(errors.New("denied"), "for {}", user, loguru.F("user", user), loguru.F("token", token))`
	// Markers go under the last occurrence of each name, as in Loguru.
	u, tk := strings.LastIndex(src, "user"), strings.LastIndex(src, "token")
	want := src + "\n" +
		strings.Repeat(" ", u) + "│" + strings.Repeat(" ", tk-u-1) + "└ <redacted>\n" +
		strings.Repeat(" ", u) + "└ \"ann\"\n"
	if !strings.Contains(got, want) {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(got, "abc123") {
		t.Fatal("the token leaked")
	}
}

func TestSlogSinkGetsStructuredException(t *testing.T) {
	t.Parallel()
	var sb strings.Builder
	h := slog.NewTextHandler(&sb, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == "time" {
			return slog.Attr{}
		}
		return a
	}})
	l := loguru.New()
	l.Add(h)
	n := line() + 1
	l.Exception(loguru.NewError("disk full"), "save failed")
	got := sb.String()
	want := fmt.Sprintf(`exception.type=*loguru.TracedError exception.value="disk full" exception.frames="[`)
	frame := fmt.Sprintf(" github.com/loguru-go/loguru_test.TestSlogSinkGetsStructuredException %s:%d]\"\n", thisFile(), n)
	if !strings.Contains(got, want) || !strings.HasSuffix(got, frame) {
		t.Fatalf("got %q", got)
	}
}

func TestSetRedaction(t *testing.T) {
	loguru.SetRedaction(regexp.MustCompile(`^user$`))
	defer loguru.SetRedaction(nil)
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", Backtrace: loguru.Off})
	l.Exception(loguru.NewError("x", loguru.F("user", "ann"), loguru.F("password", "p")), "m")
	got := buf.String()
	if !strings.Contains(got, "└ <redacted>") || strings.Contains(got, `└ "ann"`) || !strings.Contains(got, `└ "p"`) || strings.Contains(got, "another goroutine") {
		t.Fatalf("custom pattern not applied:\n%s", got)
	}
}

func TestErrorFromAnotherGoroutineSaysSo(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", Diagnose: loguru.Off})
	ch := make(chan error)
	go func() { ch <- loguru.NewError("made elsewhere") }()
	l.Exception(<-ch, "m")
	got := buf.String()
	if !strings.Contains(got, "  [this stack was recorded on another goroutine or call path than the log call]\n") || strings.Contains(got, "> File") {
		t.Fatalf("got:\n%s", got)
	}
}

// A patcher can attach an error rendered elsewhere, as a receiver of
// records from another process does.
func TestHandMadeException(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	l := loguru.New()
	if _, err := l.Add(&buf, loguru.HandlerOptions{Format: "{level} {message}", Colorize: loguru.Off}); err != nil {
		t.Fatal(err)
	}
	var js bytes.Buffer
	if _, err := l.Add(&js, loguru.HandlerOptions{JSON: true}); err != nil {
		t.Fatal(err)
	}
	remote := "Traceback (most recent call last):\n\n> File \"/src/app/main.go\", line 26, in main.main\n    save()\n\n*fs.PathError: open x: no such file"
	l.Patch(func(r *loguru.Record) {
		r.Exception = &loguru.ExceptionInfo{Type: "*fs.PathError", Value: "open x: no such file", Text: remote}
	}).Error("save failed")
	l.Patch(func(r *loguru.Record) {
		r.Exception = &loguru.ExceptionInfo{Type: "*errors.errorString", Value: "no text"}
	}).Error("bare")
	want := "ERROR save failed\n" + remote + "\nERROR bare\n*errors.errorString: no text\n"
	if buf.String() != want {
		t.Errorf("text output:\n%s\nwant:\n%s", buf.String(), want)
	}
	first, _, _ := strings.Cut(js.String(), "\n")
	wantJSON := `"exception":{"type":"*fs.PathError","value":"open x: no such file","traceback":true,"panic":false,"text":` + strconv.Quote(remote) + `,"sections":[]}}`
	if !strings.HasSuffix(first, wantJSON) {
		t.Errorf("JSON output:\n%s\nwant suffix:\n%s", first, wantJSON)
	}
}

// With Backtrace and Diagnose off, CatchFunc shows the frames from the
// catch point, the call of CatchFunc, inward, as Loguru's decorator shows
// the caller of the decorated function; the marker is Backtrace's.
func TestCatchFuncWithoutBacktraceShowsTheCatchPoint(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}", Backtrace: loguru.Off, Diagnose: loguru.Off})
	n := line() + 1
	l.CatchFunc(func() { failAt(2) }, loguru.CatchOptions{Message: "caught"})
	file := thisFile()
	want := fmt.Sprintf("caught\nTraceback (most recent call last):\n"+
		"  File %q, line %d, in github.com/loguru-go/loguru_test.TestCatchFuncWithoutBacktraceShowsTheCatchPoint\n"+
		"    l.CatchFunc(func() { failAt(2) }, loguru.CatchOptions{Message: \"caught\"})\n"+
		"  File %q, line %d, in github.com/loguru-go/loguru_test.TestCatchFuncWithoutBacktraceShowsTheCatchPoint.func1\n"+
		"    l.CatchFunc(func() { failAt(2) }, loguru.CatchOptions{Message: \"caught\"})\n"+
		"  File %q, line %d, in github.com/loguru-go/loguru_test.failAt\n"+
		"    panic(fmt.Sprintf(\"failed at %%d\", n))\n"+
		"panic: string: failed at 2 [goroutine %d]\n", file, n, file, n, file, failAtLine, goid.Slow())
	expect(t, buf.String(), want)
}

var failAtLine = line() + 3

func failAt(n int) {
	panic(fmt.Sprintf("failed at %d", n))
}
