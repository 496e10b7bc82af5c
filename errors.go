package loguru

import (
	"fmt"
	"log/slog"
	"runtime"

	"github.com/loguru-go/loguru/internal/traceback"
)

// TracedError is an error that knows where it was made or wrapped, and
// carries values for the report, as returned by NewError, Errorf and Wrap.
// Go's errors have no stack; these optional helpers give tracebacks the
// origin of an error, its wrap sites and its values. Reports read them
// through the methods Callers, WrapSite and LogFields, which other error
// packages may implement too.
type TracedError struct {
	msg    string // its own text
	cause  error  // what Wrap wrapped
	errf   error  // what fmt.Errorf made, for Errorf
	pcs    []uintptr
	site   uintptr
	fields []Field
}

// NewError returns an error with the given message that records the stack
// where it is made (about a microsecond) and values for the traceback.
func NewError(msg string, fields ...Field) error {
	return &TracedError{msg: msg, pcs: callers(), fields: fields}
}

// Errorf formats like fmt.Errorf, %w included, and records the stack where
// the error is made.
func Errorf(format string, args ...any) error {
	return &TracedError{errf: fmt.Errorf(format, args...), pcs: callers()}
}

// Wrap returns an error whose message is "msg: " followed by err's, which
// errors.Is and errors.As see through. It records where it wraps (one
// program counter), and the whole stack only when nothing in err's chain
// has one. Wrap(nil, ...) is nil.
func Wrap(err error, msg string, fields ...Field) error {
	if err == nil {
		return nil
	}
	e := &TracedError{msg: msg, cause: err, fields: fields}
	if traceback.HasStack(err) {
		var pc [1]uintptr
		runtime.Callers(2, pc[:])
		e.site = pc[0]
	} else {
		e.pcs = callers()
		e.site = e.pcs[0]
	}
	return e
}

// callers records the stack of the function that called NewError, Errorf
// or Wrap.
func callers() []uintptr {
	var buf [64]uintptr
	n := runtime.Callers(3, buf[:])
	return append([]uintptr(nil), buf[:n]...)
}

// Error returns the message.
func (e *TracedError) Error() string {
	switch {
	case e.errf != nil:
		return e.errf.Error()
	case e.cause == nil:
		return e.msg
	case e.msg == "":
		return e.cause.Error()
	}
	return e.msg + ": " + e.cause.Error()
}

// Unwrap returns the wrapped errors, for errors.Is and errors.As.
func (e *TracedError) Unwrap() []error {
	switch {
	case e.cause != nil:
		return []error{e.cause}
	case e.errf != nil:
		switch u := e.errf.(type) {
		case interface{ Unwrap() []error }:
			return u.Unwrap()
		case interface{ Unwrap() error }:
			if c := u.Unwrap(); c != nil {
				return []error{c}
			}
		}
	}
	return nil
}

// Callers returns the stack recorded where the error was made, innermost
// first, or nil when it records a wrap site only.
func (e *TracedError) Callers() []uintptr { return e.pcs }

// WrapSite returns the program counter where Wrap was called, or 0.
func (e *TracedError) WrapSite() uintptr { return e.site }

// LogFields returns the values given to NewError or Wrap.
func (e *TracedError) LogFields() []slog.Attr {
	if len(e.fields) == 0 {
		return nil
	}
	attrs := make([]slog.Attr, len(e.fields))
	for i, f := range e.fields {
		attrs[i] = slog.Any(f.Key, f.Value)
	}
	return attrs
}
