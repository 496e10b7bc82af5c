package loguru

import (
	"log/slog"
	"maps"
	"regexp"
	"strconv"
	"sync"

	"github.com/loguru-go/loguru/internal/traceback"
)

// ExceptionInfo is an error or a recovered panic attached to a record (by
// Exception, CallOptions.Exception or Catch), or the call stack asked for
// with CallOptions.Stack. Handlers render it under {exception} as Loguru
// renders a traceback; Serialize writes it as Loguru's "exception" object.
//
// The report behind it (frames, source lines, error chain, values) is
// built once, the first time a handler needs it, and shared by all.
type ExceptionInfo struct {
	Type  string // the Go type of the error or panic value, e.g. "*fs.PathError"; "" for a stack alone
	Value string // the error's message or the panic value as text
	Err   error  // the error; for a panic whose value is not an error, a *PanicError
	Panic bool   // recovered from a panic by Catch
	// Text is a traceback rendered elsewhere, such as by the process that
	// sent the record over the network. When set, handlers show it under
	// {exception} as it is, Serialize writes it as "text", and Frames is
	// empty. A patcher can attach an ExceptionInfo{Type, Value, Text} it
	// built itself; one without Text is shown as "Type: Value".
	Text string

	in     traceback.Input
	values bool // the report holds diagnose values
	once   sync.Once
	report *traceback.Report
}

// PanicError is the error of a recovered panic whose value is not an
// error, as ExceptionInfo.Err and CatchOptions.OnError receive it.
type PanicError struct {
	Value any // the value given to panic
}

// Error returns the panic value as text.
func (e *PanicError) Error() string { return "panic: " + pyfmtValue(e.Value) }

// newException attaches err, logged at the call whose stack is site.
func newException(err error, site []uintptr, stack, values bool) *ExceptionInfo {
	e := &ExceptionInfo{values: values, in: traceback.Input{Err: err, Site: site, Stack: stack, Values: values}}
	if err != nil {
		e.Type, e.Value, e.Err = traceback.TypeName(err), safeError(err), err
	}
	return e
}

// newPanic attaches a recovered panic; site is the stack seen from the
// deferred call that recovered it.
func newPanic(v any, site []uintptr, gid int64, wrapper, values bool) *ExceptionInfo {
	e := &ExceptionInfo{Panic: true, values: values, in: traceback.Input{
		Panic: true, Site: site, Goroutine: gid, Wrapper: wrapper, Values: values,
	}}
	if err, ok := v.(error); ok {
		e.Err, e.in.Err = err, err
		e.Type, e.Value = traceback.TypeName(err), safeError(err)
	} else {
		e.Err, e.in.PanicValue = &PanicError{Value: v}, v
		e.Type, e.Value = traceback.TypeName(v), pyfmtValue(v)
	}
	return e
}

// build makes the report, once. fields are the record's Extra, shown on
// the catch point's line when a handler has Diagnose on.
func (e *ExceptionInfo) build(fields map[string]any) *traceback.Report {
	e.once.Do(func() {
		if e.Text != "" || e.handMade() {
			e.report = &traceback.Report{Type: e.Type, Value: e.Value, Panic: e.Panic, Text: e.Text}
			return
		}
		in := e.in
		if in.Values && in.Fields == nil {
			in.Fields = fields
		}
		e.report = traceback.Build(in)
		e.in = traceback.Input{} // let the error and fields go
	})
	return e.report
}

// keepFields gives the report the record's fields before any handler
// sees the record: whichever handler builds the report first (a slog sink
// or a RecordSink reading Frames, without the record's Extra), every
// handler's traceback shows the same values.
func (e *ExceptionInfo) keepFields(r *Record) {
	if !e.in.Values || e.in.Fields != nil {
		return
	}
	if m := r.extraMap(); len(m) > 0 {
		e.in.Fields = maps.Clone(m) // the record's map goes back to the pool
	}
}

// handMade reports whether e was built by a patcher rather than by an
// Exception call, Catch or a Stack option, so that only its fields say
// what to show.
func (e *ExceptionInfo) handMade() bool {
	return e.in.Err == nil && !e.in.Panic && !e.in.Stack
}

// Frame is one call of a traceback, for format functions and sinks that
// render errors their own way.
type Frame struct {
	Function   string // fully qualified, e.g. "main.main", "example.com/shop.(*Cart).Add"
	File       string // the path the compiler recorded
	Line       int
	Source     string // the line of source, trimmed; "" when the file is not on this machine
	CatchPoint bool   // where the error was caught (Loguru's '>' marker)
}

// Frames returns the frames of the traceback, oldest first: the stack the
// error carries (or the first of them), the stack of the panic, or the
// logging call's. Loguru's own frames and the runtime's are left out.
func (e *ExceptionInfo) Frames() []Frame {
	r := e.build(nil)
	if len(r.Sections) == 0 {
		return nil
	}
	s := r.Sections[0]
	out := make([]Frame, len(s.Frames))
	for i, f := range s.Frames {
		out[i] = Frame{Function: f.Function, File: f.File, Line: f.Line, Source: f.Source, CatchPoint: i == s.Catch}
	}
	return out
}

// String returns the traceback as plain text, with every frame and the
// values shown only where Diagnose was on for some handler.
func (e *ExceptionInfo) String() string {
	return string(traceback.AppendText(nil, e.build(nil), traceback.View{Backtrace: true, Diagnose: e.values}))
}

// LogValue makes an attached error structured for slog.Handler sinks: a
// group with type, value and the frames as "function file:line".
func (e *ExceptionInfo) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("type", e.Type), slog.String("value", e.Value)}
	if e.Panic {
		attrs = append(attrs, slog.Bool("panic", true))
	}
	var frames []string
	for _, f := range e.Frames() {
		frames = append(frames, f.Function+" "+f.File+":"+strconv.Itoa(f.Line))
	}
	if len(frames) > 0 {
		attrs = append(attrs, slog.Any("frames", frames))
	}
	return slog.GroupValue(attrs...)
}

// SetRedaction replaces the pattern of value names that tracebacks never
// show: a field, struct field or map key whose name it matches is printed
// as "<redacted>" without being formatted. nil restores the default, which
// matches password, secret, token, api_key, auth, cookie, session,
// credential, private_key, bearer and signature in any case. URL passwords
// inside string values are always masked.
func SetRedaction(re *regexp.Regexp) { traceback.SetRedact(re) }
