package loguru

import (
	"strconv"

	"github.com/loguru-go/loguru/internal/caller"
	"github.com/loguru-go/loguru/internal/template"
	"github.com/loguru-go/loguru/internal/traceback"
)

// CatchOptions changes what Catch, CatchFunc and Go do with a panic.
type CatchOptions struct {
	// Level is the level of the record; "" means ERROR.
	Level string
	// Message replaces Loguru's "An error has been caught in function
	// '…', process '…' (…), thread '…' (…):". It is written as given,
	// never formatted.
	Message string
	// Reraise panics again with the original value once the panic is
	// logged, so that the program still stops (or an outer Catch sees it).
	Reraise bool
	// OnError is called with the panic (a *PanicError when its value is
	// not an error) after it is logged.
	OnError func(err error)
	// Exclude lets the panics for which it returns true through: they are
	// neither logged nor stopped.
	Exclude func(v any) bool
}

// Catch recovers a panic, logs it with its traceback at ERROR and returns
// normally, as Loguru's catch does. It must be deferred directly:
//
//	defer loguru.Catch()
//
// Go cannot tell which function deferred the call, so the record points at
// where the panic happened and the traceback has no catch-point marker;
// CatchFunc and Go know the catch point exactly.
func Catch(opts ...CatchOptions) {
	if v := recover(); v != nil {
		std.caught(v, 0, false, opts)
	}
}

// Catch recovers a panic and logs it, like the package-level Catch.
func (l *Logger) Catch(opts ...CatchOptions) {
	if v := recover(); v != nil {
		l.caught(v, 0, false, opts)
	}
}

// CatchFunc runs fn and logs a panic in it, like Loguru's @logger.catch:
// the record points at the call of CatchFunc, which the traceback marks
// as the catch point. It reports whether fn panicked.
func CatchFunc(fn func(), opts ...CatchOptions) (panicked bool) {
	return std.catchFunc(caller.PC(1), fn, opts)
}

// CatchFunc runs fn and logs a panic in it, like the package-level
// CatchFunc.
func (l *Logger) CatchFunc(fn func(), opts ...CatchOptions) (panicked bool) {
	return l.catchFunc(caller.PC(1), fn, opts)
}

// Go runs fn on a new goroutine under Catch: a panic in it is logged
// instead of killing the program. The record points at the call of Go.
func Go(fn func(), opts ...CatchOptions) {
	pc := caller.PC(1)
	go std.catchFunc(pc, fn, opts)
}

// Go runs fn on a new goroutine under Catch, like the package-level Go.
func (l *Logger) Go(fn func(), opts ...CatchOptions) {
	pc := caller.PC(1)
	go l.catchFunc(pc, fn, opts)
}

func (l *Logger) catchFunc(pc uintptr, fn func(), opts []CatchOptions) (panicked bool) {
	defer func() {
		if v := recover(); v != nil {
			panicked = true
			l.caught(v, pc, true, opts)
		}
	}()
	fn()
	return false
}

// caught logs a recovered panic. It runs inside the deferred call, while
// the panicking stack is still there to be captured. pc is the catch
// point of the wrapper forms, 0 for a deferred Catch.
func (l *Logger) caught(v any, pc uintptr, wrapper bool, opts []CatchOptions) {
	var o CatchOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.Exclude != nil && o.Exclude(v) {
		panic(v)
	}
	site := traceback.Capture(0)
	if pc == 0 {
		pc = traceback.PanicSite(site)
	}
	st := l.core.state.Load()
	lv := &st.levels.std[idxError]
	if o.Level != "" {
		if named, err := st.levels.resolve(o.Level); err != nil {
			l.core.reportCall(err)
		} else {
			lv = &named
		}
	}
	gid := goroutineID()
	exc := newPanic(v, site, gid, wrapper, st.diagnose)
	if lv.No >= st.minLevel {
		if r := l.begin(st, lv, pc, l.needs(st)|template.NeedCaller); r != nil {
			r.Thread = threadOf(gid)
			r.Exception = exc
			msg := o.Message
			if msg == "" {
				msg = caughtMessage(r)
			}
			r.raw = false // a caught panic is never written without its traceback
			r.literal = true
			l.fill(st, r, msg, nil, nil)
		}
	}
	if o.OnError != nil {
		l.onError(o.OnError, exc.Err)
	}
	if o.Reraise {
		panic(v)
	}
}

// caughtMessage is Loguru's message for a caught error.
func caughtMessage(r *Record) string {
	return "An error has been caught in function '" + r.Function + "', process '" + r.Process.Name +
		"' (" + strconv.Itoa(r.Process.ID) + "), thread '" + r.Thread.Name + "' (" +
		strconv.FormatInt(r.Thread.ID, 10) + "):"
}

// onError runs the user's callback; a panic in it is reported, not raised
// inside the recovery of another.
func (l *Logger) onError(fn func(error), err error) {
	defer func() {
		if v := recover(); v != nil {
			l.core.reportCall(panicError{v})
		}
	}()
	fn(err)
}
