// Package traceback turns an error or a recovered panic into a report:
// the stacks it carries as frames with source lines, the chain of wrapped
// errors as a tree, and the values that can honestly be known. The report
// is built once per record; each handler then renders it through its own
// View (Backtrace, Diagnose, colors), as text or as JSON.
//
// Nothing here runs for records without an error or a stack request.
package traceback

import (
	"runtime"
)

// Class says whose code a frame runs: the program's, the standard
// library's or a dependency's. Only App frames are colored, as Loguru
// colors only the user's files.
type Class uint8

// The classes of frames.
const (
	App Class = iota
	Std
	Dep
)

// String returns "app", "std" or "dep".
func (c Class) String() string {
	switch c {
	case Std:
		return "std"
	case Dep:
		return "dep"
	}
	return "app"
}

// Frame is one call in a traceback.
type Frame struct {
	Function string // fully qualified, e.g. "main.main", "example.com/m.(*T).Run"
	Package  string // import path
	File     string // path as recorded by the compiler
	Line     int
	Class    Class
	Source   string  // the source line, trimmed; "" when the file is not here
	Values   []Value // diagnose values shown under this frame
	Wraps    []Wrap  // wrap sites inside this frame's call
	pc       uintptr
}

// Wrap is a place where an error of the chain was wrapped, shown on the
// frame of the function that wrapped it.
type Wrap struct {
	Line    int
	Message string // the wrapper's own text
	Source  string
	Values  []Value
}

// Value is a value shown by Diagnose. Text is already escaped and capped.
type Value struct {
	Name   string
	Text   string
	Origin string // "field" (given to the log call) or "error" (attached to an error)
}

// Section is one stack of the report, oldest frame first.
type Section struct {
	Path   string // the chain path of the error that carries this stack ("" for the log site)
	Title  string // the error's own message, for multi-section reports
	Kind   Kind
	Frames []Frame
	// Catch is the index of the catch point (Loguru's '>'), -1 when it is
	// unknown. Start is the first frame shown when Backtrace is off.
	Catch, Start int
	Shared       int    // outer frames left out as shared with the section above
	Elided       int    // middle frames left out by the frame cap
	Note         string // said under the title, e.g. that the error came from another goroutine
}

// Kind says what a section's stack is.
type Kind uint8

// The kinds of sections.
const (
	ErrorStack Kind = iota // a stack recorded by an error, or the log site of an error without one
	PanicStack             // where a panic happened
	CallStack              // the log call's own stack, asked for without an error
)

// Node is an error in the chain, with its wrapped errors as children.
type Node struct {
	Type     string
	Message  string // the full Error() text
	Own      string // what this error adds to its child's text
	Path     string // "0", "0.1", "0.1.0"...
	Stack    bool   // the error carries a stack
	Wrap     string // "pkg.fn:line" of a wrap site not placed on any frame
	Values   []Value
	Children []*Node
	Cycle    bool // the error wraps one of its ancestors
	shown    bool // Values are shown on a frame
}

// Report is everything known about an error or a panic.
type Report struct {
	Type      string // the Go type of the outermost error or of the panic value
	Value     string // its message
	Panic     bool
	Goroutine int64
	Chain     *Node
	Sections  []Section
	Truncated bool // the chain had more than MaxNodes errors
	// Text is a traceback rendered elsewhere (in another process), shown
	// as it is instead of Sections and Chain.
	Text string
}

// Input is what a report is built from.
type Input struct {
	Err        error
	Panic      bool      // the report is about a recovered panic
	PanicValue any       // the recovered value, when it is not an error (then Err is nil)
	Goroutine  int64     // the goroutine that panicked
	Site       []uintptr // the stack where the error was logged or the panic recovered, innermost first
	// Wrapper says the panic was caught by a wrapper (CatchFunc, Go): the
	// frame that called the wrapper is the catch point.
	Wrapper bool
	// Stack asks for the log site as a call stack section.
	Stack bool
	// Fields are the log call's values, shown under matching names on the
	// catch point's line. Only used when Values is set.
	Fields map[string]any
	// Values computes diagnose values (fields given to the log call and
	// attached to errors). Without it no user value is ever formatted.
	Values bool
}

// Limits keeping a report bounded whatever the input.
const (
	MaxNodes  = 64  // errors in a chain
	MaxFrames = 100 // frames per section: the innermost and outermost 50
	MaxValue  = 128 // characters of a value, as Loguru's max_length
	maxDepth  = 128 // PCs captured per stack
)

// Capture returns the stack above its caller's caller, skip frames up,
// innermost first.
func Capture(skip int) []uintptr {
	var buf [maxDepth]uintptr
	n := runtime.Callers(skip+2, buf[:])
	return append([]uintptr(nil), buf[:n]...)
}

// Build makes the report.
func Build(in Input) *Report {
	r := &Report{Panic: in.Panic, Goroutine: in.Goroutine}
	var site []raw
	if len(in.Site) > 0 && (!in.Panic || in.Stack) {
		site = symbolize(in.Site)
	}
	switch {
	case in.Err != nil:
		r.Type, r.Value = typeName(in.Err), safeError(in.Err)
		c := walkChain(in.Err, in.Values)
		r.Chain, r.Truncated = c.root, c.truncated
		siteSection := -1
		if in.Panic {
			r.addPanic(in.Site, in.Wrapper)
			siteSection = 0
		} else {
			siteSection = r.addErrorSections(c, site)
		}
		c.placeWraps(r, siteSection)
		c.placeOriginValues(r)
	case in.Panic:
		r.Type, r.Value = typeName(in.PanicValue), safeText(in.PanicValue)
		r.addPanic(in.Site, in.Wrapper)
	}
	if in.Stack && len(site) > 0 {
		r.addCallStack(site)
	}
	if in.Values && len(in.Fields) > 0 {
		r.placeFields(in.Fields)
	}
	for i := range r.Sections {
		r.Sections[i].cap()
	}
	return r
}
