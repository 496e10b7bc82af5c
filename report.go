package loguru

import (
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/loguru-go/loguru/internal/pyfmt"
)

// panicError carries a recovered panic and the stack where it happened.
type panicError struct {
	value any
}

// Error renders the panic value.
func (p panicError) Error() string { return pyfmtValue(p.value) }

// report writes Loguru's block for a failing handler.
func (c *core) report(id int, r *Record, err error) {
	c.errs.writeReport(fmt.Sprintf("--- Logging error in Loguru Handler #%d ---\n", id), r, err)
}

func (e *errorOutput) writeReport(header string, r *Record, err error) {
	b := make([]byte, 0, 512)
	b = append(b, header...)
	b = append(b, "Record was: "...)
	b = appendRecordRepr(b, r)
	b = append(b, '\n')
	if r != nil && r.Line > 0 {
		b = fmt.Appendf(b, "Logged by %s.%s in %s:%d\n", r.Name, r.Function, r.File.Name, r.Line)
	} else if fn, file, line, ok := callSite(); ok {
		b = fmt.Appendf(b, "Logged by %s in %s:%d\n", fn, filepath.Base(file), line)
	}
	b = appendError(b, err)
	if _, ok := err.(panicError); ok {
		b = append(b, '\n')
		b = append(b, debug.Stack()...)
	}
	b = append(b, "--- End of logging error ---\n"...)
	e.write(b)
}

// writeSummary writes a report block of several records: a header, then
// the last error.
func (c *core) writeSummary(header string, err error) {
	b := make([]byte, 0, 256)
	b = append(b, header...)
	b = appendError(b, err)
	b = append(b, "--- End of logging error ---\n"...)
	c.errs.write(b)
}

// callSite finds the logging call on the stack of a report written in the
// logging call, when the record has no caller because no format needed it:
// the frame that called the outermost function of this package. A report
// written on a queue's goroutine finds none.
func callSite() (fn, file string, line int, ok bool) {
	var pcs [64]uintptr
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs[:])])
	const self = "github.com/loguru-go/loguru"
	inside := false
	for {
		fr, more := frames.Next()
		name := fr.Function
		ours := strings.HasPrefix(name, self+".") || strings.HasPrefix(name, self+"/internal/")
		switch {
		case ours:
			inside, ok = true, false
		case inside && !ok && !strings.HasPrefix(name, "runtime.") && !strings.HasPrefix(name, "log/slog."):
			fn, file, line, ok = name, fr.File, fr.Line, true
		}
		if !more {
			return fn, file, line, ok
		}
	}
}

// appendError renders an error as the last lines of a report.
func appendError(b []byte, err error) []byte {
	if p, ok := err.(panicError); ok {
		b = append(b, "panic: "...)
		b = pyfmt.AppendValue(b, p.value)
		return append(b, '\n')
	}
	b = fmt.Appendf(b, "%T: ", err)
	b = pyfmt.AppendValue(b, err)
	return append(b, '\n')
}

// appendRecordRepr renders the record on one line for reports.
func appendRecordRepr(b []byte, r *Record) []byte {
	if r == nil {
		return append(b, "None"...)
	}
	b = append(b, "{time: "...)
	b = r.Time.AppendFormat(b, "2006-01-02 15:04:05.000000 -07:00")
	b = append(b, ", level: "...)
	b = append(b, r.Level.Name...)
	b = append(b, ", name: "...)
	b = strconv.AppendQuote(b, r.Name)
	b = append(b, ", function: "...)
	b = strconv.AppendQuote(b, r.Function)
	b = append(b, ", file: "...)
	b = strconv.AppendQuote(b, r.File.Name)
	b = append(b, ", line: "...)
	b = strconv.AppendInt(b, int64(r.Line), 10)
	b = append(b, ", message: "...)
	b = strconv.AppendQuote(b, r.Message)
	b = append(b, ", extra: "...)
	b = appendExtra(b, r.extraMap())
	if r.Exception != nil {
		b = append(b, ", exception: "...)
		b = strconv.AppendQuote(b, r.Exception.Type+": "+r.Exception.Value)
	}
	return append(b, '}')
}

// sortedKeys returns m's keys in order; Go maps have no insertion order, so
// sorted keys keep output stable. The keys are appended to keys, so a caller
// can pass a small array's slice and spare the allocation.
func sortedKeys(keys []string, m map[string]any) []string {
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// reportPatcher reports a panicking patcher.
func (c *core) reportPatcher(r *Record, err error) {
	c.errs.writeReport("--- Logging error in Loguru Patcher ---\n", r, err)
}

// reportCall reports a logging call that cannot be honoured, such as Log with
// an unknown level: the program goes on, the mistake is visible.
func (c *core) reportCall(err error) {
	c.errs.writeReport("--- Logging error in Loguru ---\n", nil, err)
}

// reportContainedPanic reports a String, Error, Format or MarshalJSON method
// of a logged value that panicked while a record was formatted. The record
// is still written, with text like fmt's "%!v(PANIC=String method: boom)"
// in place of the value: a bad value costs a line its value, never the line.
// Loguru drops the record instead (see docs/differences.md).
func reportContainedPanic(text string) {
	stderr.writeReport("--- Logging error in Loguru ---\n", nil,
		fmt.Errorf("loguru: a method of a logged value panicked; the value was written as %q", text))
}

func init() {
	pyfmt.PanicHook = reportContainedPanic
}

// reportFile reports an error of a file sink's background work
// (compression, retention), which has no record to show.
func (c *core) reportFile(path string, err error) {
	b := fmt.Appendf(nil, "--- Logging error in Loguru file sink %q ---\n", path)
	b = appendError(b, err)
	c.errs.write(append(b, "--- End of logging error ---\n"...))
}
