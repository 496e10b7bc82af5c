package loguru_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
)

var update = flag.Bool("update", false, "rewrite the golden files of the traceback tests")

// views are the handler settings each golden case is rendered with, all
// from the same record.
var views = []struct {
	name string
	opts loguru.HandlerOptions
}{
	{"plain", loguru.HandlerOptions{Colorize: loguru.Off}},
	{"color", loguru.HandlerOptions{Colorize: loguru.On}},
	{"nodiagnose", loguru.HandlerOptions{Colorize: loguru.Off, Diagnose: loguru.Off}},
	{"nobacktrace", loguru.HandlerOptions{Colorize: loguru.Off, Backtrace: loguru.Off, Diagnose: loguru.Off}},
	{"json", loguru.HandlerOptions{Serialize: true}},
}

// runGolden runs fn on a goroutine of its own, so that the stacks hold
// only the fixtures and not the testing package, whose lines change with
// Go versions, and renders the one record through every view.
func runGolden(t *testing.T, fn func(*loguru.Logger)) map[string]string {
	t.Helper()
	log := loguru.New()
	bufs := make([]*syncBuffer, len(views))
	for i, v := range views {
		bufs[i] = &syncBuffer{}
		o := v.opts
		o.Format = "{level} | {name}:{function}:{line} - {message}"
		if _, err := log.Add(bufs[i], o); err != nil {
			t.Fatal(err)
		}
	}
	onGoroutine(log, fn)
	out := map[string]string{}
	for i, v := range views {
		out[v.name] = normalize(t, v.name, bufs[i].String())
	}
	return out
}

var (
	idsRe       = regexp.MustCompile(`process '[^']*' \(\d+\), thread '(main|goroutine)' \(\d+\)`)
	goroutineRe = regexp.MustCompile(`goroutine \d+\]`)
)

// normalize makes a rendering the same on every machine: the folder of the
// sources becomes $DIR, process and goroutine ids become fixed.
func normalize(t *testing.T, view, s string) string {
	dir := filepath.Dir(thisFile())
	s = strings.ReplaceAll(s, dir, "$DIR")
	s = idsRe.ReplaceAllString(s, "process 'P' (1), thread '$1' (1)")
	s = goroutineRe.ReplaceAllString(s, "goroutine 1]")
	if view != "json" {
		return s
	}
	var line struct {
		Text   string
		Record struct{ Exception json.RawMessage }
	}
	if err := json.Unmarshal([]byte(s), &line); err != nil {
		t.Fatalf("serialized line: %v\n%s", err, s)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, line.Record.Exception, "", "  "); err != nil {
		t.Fatal(err)
	}
	s = line.Text + "---- record.exception ----\n" + pretty.String() + "\n"
	return regexp.MustCompile(`"goroutine": \d+`).ReplaceAllString(s, `"goroutine": 1`)
}

func TestTracebackGolden(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		fn   func(*loguru.Logger)
	}{
		{"wrapped", startAnn},
		{"join", shutdown},
		{"pkgerrors", importFile},
		{"panic", worker},
		{"catchfunc", wrapped},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for view, got := range runGolden(t, c.fn) {
				golden(t, filepath.Join("testdata", "traceback", c.name+"."+view+".golden"), got)
			}
		})
	}
}

// golden compares got with the file, or writes it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
