package loguru

import (
	"bytes"
	"sync"

	"github.com/loguru-go/loguru/internal/caller"
	"github.com/loguru-go/loguru/internal/template"
)

// stdlibLoggers are the packages between user code and a LineWriter or a
// slog handler; the caller of a record is the first frame outside them.
var stdlibLoggers = []string{"log", "log/slog", "fmt", "io", "bufio", "github.com/loguru-go/loguru"}

// LineWriter is an io.Writer that logs each line written to it, for output
// that does not go through loguru: the standard log package, a subprocess,
// a library that prints. Partial lines wait for their newline (or Flush).
// The caller of each record is the code that called log.Printf,
// fmt.Fprintln or Write. LineWriter is safe for concurrent use.
type LineWriter struct {
	l     *Logger
	level string
	mu    sync.Mutex
	buf   []byte
}

// Writer returns a LineWriter logging at level through l. Lines are logged
// as written, never formatted. An unknown level is reported on stderr at
// each line, as Log does.
//
// To send the standard log package into loguru (without its own prefix,
// since records carry their time):
//
//	log.SetFlags(0)
//	log.SetOutput(loguru.Writer("INFO"))
func (l *Logger) Writer(level string) *LineWriter {
	return &LineWriter{l: l, level: level}
}

// Writer returns a LineWriter logging at level through the default logger.
func Writer(level string) *LineWriter { return std.Writer(level) }

// Write logs each complete line of p. It always reports len(p) written:
// logging never fails the writer's caller.
func (w *LineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	rest := p
	for {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			break
		}
		line := rest[:i]
		if len(w.buf) > 0 {
			w.buf = append(w.buf, line...)
			line = w.buf
		}
		w.logLine(line)
		w.buf = w.buf[:0]
		rest = rest[i+1:]
	}
	w.buf = append(w.buf, rest...)
	return len(p), nil
}

// Flush logs a pending partial line.
func (w *LineWriter) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.buf) > 0 {
		w.logLine(w.buf)
		w.buf = w.buf[:0]
	}
	return nil
}

// Close flushes a pending partial line.
func (w *LineWriter) Close() error { return w.Flush() }

func (w *LineWriter) logLine(line []byte) {
	line = bytes.TrimSuffix(line, []byte("\r"))
	l := w.l
	st := l.core.state.Load()
	lv, err := st.levels.resolve(w.level)
	if err != nil {
		l.core.reportCall(err)
		return
	}
	if lv.No < st.minLevel {
		return
	}
	needs := l.needs(st)
	var pc uintptr
	if needs&template.NeedCaller != 0 {
		pc = caller.Outside(1, stdlibLoggers...)
	}
	r := l.begin(st, &lv, pc, needs)
	if r == nil {
		return
	}
	r.Message = string(line)
	l.buildExtra(st, r, false)
	l.finish(st, r)
}
