package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/loguru-go/loguru"
	"github.com/vbauerster/mpb/v8"
)

// redraw is what mpb writes to move back over its one-line bar and erase
// it before drawing the next frame.
const redraw = "\x1b[1A\x1b[J"

// frameWriter records what mpb writes, and signals each Write: mpb writes
// one whole frame (the lines logged since the last frame, then the bar) per
// Write, once per redraw.
type frameWriter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	frames chan struct{}
}

func (w *frameWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	w.buf.Write(b)
	w.mu.Unlock()
	w.frames <- struct{}{}
	return len(b), nil
}

func (w *frameWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// logLine is the exact text of a record of the test's handler at INFO.
func logLine(msg string) string { return "\x1b[1mINFO    \x1b[0m | " + msg }

var barRow = regexp.MustCompile(`^items (\d+) / 12 \[[=>-]+\] +\d+ %$`)

// TestProcess runs process on a buffer as if it were a terminal (mpb's
// ForceTTY, so the stream holds the real redraw sequences), redrawing
// exactly once before each item (manual refresh, waiting for the frame to
// be written), so that the whole output is known in advance.
func TestProcess(t *testing.T) {
	const n, every = 12, 4
	out := &frameWriter{frames: make(chan struct{}, n+2)}
	refresh := make(chan any)
	p := mpb.New(mpb.WithOutput(out), mpb.WithWidth(64), mpb.WithManualRefresh(refresh), mpb.ForceTTY())
	opts := loguru.HandlerOptions{Format: "<level>{level: <8}</level> | {message}", Colorize: loguru.On}
	redrawNow := func(int) {
		refresh <- nil
		<-out.frames
	}
	if err := process(loguru.New(), p, p, opts, n, every, redrawNow); err != nil {
		t.Fatal(err)
	}
	if extra := len(out.frames); extra != 1 {
		t.Fatalf("%d frames after the last item, want 1 (the final redraw)", extra)
	}
	stream := out.String()

	// Frame i (0-based) is drawn before item i+1: it holds the lines logged
	// since frame i-1 and the bar at i items. Frame n is the final redraw.
	wantLogs := make([][]string, n+1)
	wantLogs[0] = []string{logLine("Initializing")}
	for i := every; i <= n; i += every {
		wantLogs[i] = []string{logLine("Iterating #" + strconv.Itoa(i))}
	}

	// The stream is the frames, each after a redraw sequence but the first.
	if strings.HasPrefix(stream, redraw) {
		t.Fatalf("stream starts with a redraw: %q", stream)
	}
	frames := strings.Split(stream, redraw)
	if len(frames) != n+1 {
		t.Fatalf("%d frames, want %d; stream:\n%q", len(frames), n+1, stream)
	}
	for i, f := range frames {
		// Every frame is whole lines: a redraw comes only at a line start.
		if !strings.HasSuffix(f, "\n") {
			t.Fatalf("frame %d does not end a line: %q", i, f)
		}
		lines := strings.Split(strings.TrimSuffix(f, "\n"), "\n")
		logs, bar := lines[:len(lines)-1], lines[len(lines)-1]
		if fmt.Sprintf("%q", logs) != fmt.Sprintf("%q", wantLogs[i]) {
			t.Errorf("frame %d: log lines %q, want %q", i, logs, wantLogs[i])
		}
		m := barRow.FindStringSubmatch(bar)
		if m == nil || m[1] != strconv.Itoa(i) {
			t.Errorf("frame %d: bar %q, want the bar at %d items", i, bar, i)
		}
	}
	const finalBar = "items 12 / 12 [==========================================] 100 %"
	if got := frames[n]; !strings.HasSuffix(got, "\n"+finalBar+"\n") {
		t.Errorf("final frame %q, want it to end with %q", got, finalBar)
	}

	// What the terminal shows at the end: every log line, in order, then
	// the completed bar.
	var want []string
	for _, l := range wantLogs {
		want = append(want, l...)
	}
	want = append(want, finalBar)
	if got := screen(stream); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("screen:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// screen plays stream on a minimal terminal that knows the cursor movements
// mpb uses (newline, cursor up "ESC[nA", erase below "ESC[J") and keeps
// other escape sequences (colors) as text; it returns the lines shown.
func screen(stream string) []string {
	var rows []string
	row := 0
	cuu := regexp.MustCompile(`^\x1b\[(\d*)A`)
	for len(stream) > 0 {
		for row >= len(rows) {
			rows = append(rows, "")
		}
		switch {
		case stream[0] == '\n':
			row++
			stream = stream[1:]
		case strings.HasPrefix(stream, "\x1b[J"):
			rows = rows[:row+1]
			rows[row] = ""
			stream = stream[len("\x1b[J"):]
		case cuu.MatchString(stream):
			m := cuu.FindStringSubmatch(stream)
			k, _ := strconv.Atoi(m[1])
			row = max(row-max(k, 1), 0)
			stream = stream[len(m[0]):]
		default:
			i := strings.IndexAny(stream[1:], "\n\x1b") + 1
			if i == 0 {
				i = len(stream)
			}
			rows[row] += stream[:i]
			stream = stream[i:]
		}
	}
	if len(rows) > 0 && rows[len(rows)-1] == "" {
		rows = rows[:len(rows)-1] // the cursor's empty line under the bar
	}
	return rows
}
