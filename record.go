package loguru

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/loguru-go/loguru/internal/caller"
	"github.com/loguru-go/loguru/internal/goid"
	"github.com/loguru-go/loguru/internal/markup"
)

// Record is one log event, as filters, patchers, formatters and sinks see it.
//
// A *Record handed to a filter, formatter, patcher or sink is valid during
// that call only: records are reused. Call Clone to keep one. Patchers may
// change any field, including Extra; filters, formatters and sinks must treat
// the record, and Extra in particular, as read-only.
type Record struct {
	Time      time.Time      // when the call was made
	Elapsed   time.Duration  // since the program started logging
	Level     Level          // the severity it was logged at
	Message   string         // the formatted message, without markup
	Name      string         // the caller's package import path, e.g. "main", "github.com/acme/shop/cart"
	Function  string         // e.g. "main", "(*Cart).Add", "main.func1"
	Module    string         // the file name without ".go"
	File      File           // the caller's file
	Line      int            // the caller's line
	Process   Process        // the logging process
	Thread    Thread         // the logging goroutine
	Extra     map[string]any // bound, contextual and captured values
	Exception *ExceptionInfo // nil when no error is attached

	ctx        context.Context
	pc         uintptr       // the call site, for slog.Handler sinks
	frame      *caller.Frame // the call site's fields, as resolved
	colorMsg   []markup.Op   // the message's own colors, when logged with Colors
	plainMsg   string        // Message as formatted, to notice patchers changing it
	owned      map[string]any
	pos        []any   // positional arguments
	fields     []Field // Fields among the arguments, in call order
	named      namedArgs
	frozen     *frozenExtra // Extra is exactly these bound values
	fieldsOnly bool         // Extra holds only the call's Fields
	lazyExtra  bool         // Extra is not built yet; see extraMap
	scratch    []byte       // where handlers format the record, kept with it in the pool
	raw        bool         // CallOptions.Raw
	literal    bool         // the message is written as given (Catch's): never formatted
	captured   bool         // Fields go to Extra
}

// File is the source file of the call site.
type File struct {
	Name string // base name, e.g. "main.go"
	Path string // full path as recorded by the compiler
}

// String returns the file's base name.
func (f File) String() string { return f.Name }

// Process identifies the logging process.
type Process struct {
	ID   int    // the process id
	Name string // the executable's base name
}

// Thread identifies the logging goroutine. Go has no thread names or public
// goroutine ids: ID is the goroutine id read from the runtime, and Name is
// "main" for the main goroutine and "goroutine" otherwise. Both are filled
// only when a handler's format uses them, or when user code (a patcher,
// filter function, format function or function sink) may read them.
type Thread struct {
	ID   int64  // the goroutine id
	Name string // "main" or "goroutine"
}

// Context returns the context given with Ctx, or context.Background().
func (r *Record) Context() context.Context {
	if r.ctx == nil {
		return context.Background()
	}
	return r.ctx
}

// Clone returns a copy of r that stays valid after the call that received r
// returns. Extra is copied (one level deep).
func (r *Record) Clone() *Record {
	c := &Record{
		Time: r.Time, Elapsed: r.Elapsed, Level: r.Level,
		Message: strings.Clone(r.Message),
		Name:    r.Name, Function: r.Function, Module: r.Module,
		File: r.File, Line: r.Line, Process: r.Process, Thread: r.Thread,
		Extra: maps.Clone(r.extraMap()), Exception: r.Exception, ctx: r.ctx, pc: r.pc, raw: r.raw,
	}
	if r.colorMsg != nil && r.Message == r.plainMsg {
		c.colorMsg = append([]markup.Op(nil), r.colorMsg...)
		c.plainMsg = c.Message
	}
	return c
}

// Message is what a function sink or a Sink receives: the formatted text and
// the record it came from.
type Message struct {
	Text   string  // the formatted line, ending in a newline
	Record *Record // valid only during the sink's call; see Record.Clone
}

// String returns the formatted text.
func (m Message) String() string { return m.Text }

// Field is a named value: it fills "{name}" in a message and, unless
// CallOptions.Capture is Off, is added to the record's Extra. It is Go's form
// of Loguru's keyword arguments.
type Field struct {
	Key   string // the name used in "{name}" and in Extra
	Value any    // the value, formatted like a positional argument
}

// F returns a Field.
func F(key string, value any) Field { return Field{Key: key, Value: value} }

var (
	processID   = os.Getpid()
	processName = filepath.Base(os.Args[0])
)

// goroutineID returns the current goroutine's id (see internal/goid for
// how it is read in nanoseconds rather than microseconds).
func goroutineID() int64 { return goid.Get() }

func threadOf(id int64) Thread {
	if id == 1 {
		return Thread{ID: id, Name: "main"}
	}
	return Thread{ID: id, Name: "goroutine"}
}

// ValueText renders v as "{}" renders it in a message: like fmt's %v, with
// a String or Error method that panics contained (and reported) and a value
// that contains itself cut where it repeats. Sinks that write a value as
// text use it to agree with the formatted line.
func ValueText(v any) string { return pyfmtValue(v) }
