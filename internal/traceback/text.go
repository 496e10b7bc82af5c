package traceback

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// View is how one handler shows a report, as Loguru's handler options
// backtrace, diagnose and colorize do.
type View struct {
	Backtrace bool // frames above the catch point, and the '>' marker
	Diagnose  bool // values under the lines
	Color     bool // Loguru's theme, on the application's frames
}

// Loguru's theme (_better_exceptions.ExceptionFormatter._default_theme).
const (
	reset     = "\x1b[0m"
	introSGR  = "\x1b[33m\x1b[1m"
	dirSGR    = "\x1b[32m"
	baseSGR   = "\x1b[32m\x1b[1m"
	lineSGR   = "\x1b[33m"
	funcSGR   = "\x1b[35m"
	typeSGR   = "\x1b[31m\x1b[1m"
	valueSGR  = "\x1b[1m"
	arrowSGR  = "\x1b[36m"
	dataSGR   = "\x1b[36m\x1b[1m"
	pipeChar  = "│"
	capChar   = "└"
	indent    = "    "
	frameHead = "  "
)

// AppendText renders the report as Loguru renders a traceback: sections
// oldest frame first, the error chain when there is more than one error,
// and a last "Type: message" line.
func AppendText(b []byte, r *Report, v View) []byte {
	if r.Text != "" {
		b = append(b, r.Text...)
		if r.Text[len(r.Text)-1] != '\n' {
			b = append(b, '\n') // as the last line of a traceback rendered here
		}
		return b
	}
	t := textWriter{b: b, v: v}
	for i := range r.Sections {
		if i > 0 {
			t.b = append(t.b, '\n')
		}
		t.section(r, &r.Sections[i])
	}
	if r.Chain != nil && (len(r.Chain.Children) > 0 || hasHiddenValues(r.Chain)) {
		t.chain(r)
	}
	if r.Type != "" {
		t.final(r)
	}
	return t.b
}

type textWriter struct {
	b       []byte
	v       View
	prevApp bool // the frame written last was the application's
}

func (t *textWriter) color(sgr, s string, on bool) {
	if on && t.v.Color {
		t.b = append(t.b, sgr...)
		t.b = append(t.b, s...)
		t.b = append(t.b, reset...)
		return
	}
	t.b = append(t.b, s...)
}

func (t *textWriter) section(r *Report, s *Section) {
	intro := "Traceback (most recent call last):"
	switch {
	case s.Kind == CallStack:
		intro = "Stack (most recent call last):"
	case s.Path != "":
		intro = "Traceback of error " + s.Path + " " + strconv.Quote(capText(s.Title)) + " (most recent call last):"
	}
	t.color(introSGR, intro, true)
	t.b = append(t.b, '\n')
	if s.Note != "" {
		t.b = append(t.b, frameHead+"["+s.Note+"]\n"...)
	}
	if s.Shared > 0 {
		t.b = append(t.b, frameHead+"["+plural(s.Shared, "frame")+" shared with the traceback above]\n"...)
	}
	t.prevApp = true // the first frame follows the introduction
	frames, first := s.shown(t.v.Backtrace)
	hidden := 0
	for i, f := range frames {
		idx := first + i
		if s.Elided > 0 && idx == MaxFrames/2 && (t.v.Backtrace || s.Start <= idx) {
			t.b = append(t.b, frameHead+"["+plural(s.Elided, "frame")+" elided]\n"...)
		}
		if s.Start == -1 && !t.v.Backtrace && f.Class != App && idx != len(s.Frames)-1 {
			hidden++
			continue
		}
		if hidden > 0 {
			t.b = append(t.b, frameHead+"["+plural(hidden, "library frame")+" hidden]\n"...)
			hidden = 0
		}
		t.frame(&f, t.v.Backtrace && idx == s.Catch)
	}
}

// shown returns the frames a view shows and the index of the first.
func (s *Section) shown(backtrace bool) ([]Frame, int) {
	if backtrace || s.Start <= 0 {
		return s.Frames, 0
	}
	return s.Frames[s.Start:], s.Start
}

func (t *textWriter) frame(f *Frame, catch bool) {
	app := f.Class == App
	if t.v.Diagnose && (app || t.prevApp) {
		t.b = append(t.b, '\n')
	}
	t.prevApp = app
	if catch {
		t.b = append(t.b, "> "...)
	} else {
		t.b = append(t.b, frameHead...)
	}
	t.b = append(t.b, `File "`...)
	dir, base := filepath.Split(f.File)
	t.color(dirSGR, dir, app)
	t.color(baseSGR, base, app)
	t.b = append(t.b, `", line `...)
	t.color(lineSGR, strconv.Itoa(f.Line), app)
	t.b = append(t.b, ", in "...)
	t.color(funcSGR, f.Function, app)
	t.b = append(t.b, '\n')
	t.source(f.Source, f.Values, app)
	for _, w := range f.Wraps {
		t.b = append(t.b, indent...)
		t.color(arrowSGR, "↳", app)
		t.b = append(t.b, " wrapped at line "...)
		t.color(lineSGR, strconv.Itoa(w.Line), app)
		if w.Message != "" {
			t.b = append(t.b, ": "...)
			t.b = strconv.AppendQuote(t.b, capText(w.Message))
		}
		t.b = append(t.b, '\n')
		t.source(w.Source, w.Values, app)
	}
}

// source writes a line of source and, with Diagnose, its values: those
// whose name is on the line get Loguru's │ and └ markers under it, the
// others are listed after.
func (t *textWriter) source(src string, values []Value, app bool) {
	if src != "" {
		t.b = append(t.b, indent...)
		t.b = append(t.b, src...)
		t.b = append(t.b, '\n')
	}
	if !t.v.Diagnose || len(values) == 0 {
		return
	}
	type placed struct {
		col  int
		text string
	}
	var marks []placed
	var rest []Value
	toks := tokens(src)
	for _, v := range values {
		col := -1
		for _, tk := range toks {
			if tk.name == v.Name {
				col = tk.col // the last occurrence, as Loguru
			}
		}
		if col < 0 || slices.ContainsFunc(marks, func(p placed) bool { return p.col == col }) {
			rest = append(rest, v)
			continue
		}
		marks = append(marks, placed{col, v.Text})
	}
	slices.SortFunc(marks, func(a, b placed) int { return a.col - b.col })
	for i := len(marks) - 1; i >= 0; i-- {
		var pre strings.Builder
		at := 0
		for _, m := range marks[:i] {
			pre.WriteString(strings.Repeat(" ", m.col-at))
			pre.WriteString(pipeChar)
			at = m.col + 1
		}
		pre.WriteString(strings.Repeat(" ", marks[i].col-at))
		pre.WriteString(capChar + " ")
		t.b = append(t.b, indent...)
		t.color(arrowSGR, pre.String(), app)
		t.color(dataSGR, marks[i].text, app)
		t.b = append(t.b, '\n')
	}
	for _, v := range rest {
		t.b = append(t.b, indent...)
		t.color(arrowSGR, "·", app)
		t.b = append(t.b, ' ')
		t.b = append(t.b, v.Name...)
		t.b = append(t.b, " = "...)
		t.color(dataSGR, v.Text, app)
		t.b = append(t.b, '\n')
	}
}

// chain writes the tree of errors, outermost first.
func (t *textWriter) chain(r *Report) {
	if t.v.Diagnose {
		t.b = append(t.b, '\n')
	}
	t.color(introSGR, "Error chain (outermost first):", true)
	t.b = append(t.b, '\n')
	t.node(r.Chain, frameHead, frameHead)
	if r.Truncated {
		t.b = append(t.b, frameHead+"[more errors not shown: the chain is cut at "+strconv.Itoa(MaxNodes)+"]\n"...)
	}
}

func (t *textWriter) node(n *Node, first, rest string) {
	t.b = append(t.b, first...)
	t.b = append(t.b, n.Type...)
	switch {
	case n.Cycle:
		t.b = append(t.b, " [cycle: wraps an error above]"...)
	case len(n.Children) > 1 && n.Own == "":
		t.b = append(t.b, " (join of "+strconv.Itoa(len(n.Children))+" errors)"...)
	case n.Own != "":
		t.b = append(t.b, ": "...)
		t.b = escapeMessage(t.b, capText(n.Own))
	}
	if n.Stack {
		t.b = append(t.b, " [stack]"...)
	}
	if n.Wrap != "" {
		t.b = append(t.b, " [wrapped at "+n.Wrap+"]"...)
	}
	t.b = append(t.b, '\n')
	if t.v.Diagnose && !n.shown {
		for _, v := range n.Values {
			t.b = append(t.b, rest+"   · "+v.Name+" = "+v.Text+"\n"...)
		}
	}
	for i, c := range n.Children {
		if i == len(n.Children)-1 {
			t.node(c, rest+"└─ ", rest+"   ")
		} else {
			t.node(c, rest+"├─ ", rest+"│  ")
		}
	}
}

func hasHiddenValues(n *Node) bool { return len(n.Values) > 0 && !n.shown }

// final writes Loguru's last line, "Type: message"; a recovered panic is
// marked as one, with its goroutine.
func (t *textWriter) final(r *Report) {
	if t.v.Diagnose && len(r.Sections) > 0 {
		t.b = append(t.b, '\n')
	}
	typ := r.Type
	if r.Panic {
		typ = "panic: " + typ
	}
	t.color(typeSGR, typ, true)
	t.b = append(t.b, ':')
	start := len(t.b)
	t.b = append(t.b, ' ')
	t.b = escapeMessage(t.b, r.Value)
	if t.v.Color {
		msg := string(t.b[start:])
		t.b = t.b[:start]
		t.color(valueSGR, msg, true)
	}
	if r.Panic && r.Goroutine > 0 {
		t.b = append(t.b, " [goroutine "+strconv.FormatInt(r.Goroutine, 10)+"]"...)
	}
	t.b = append(t.b, '\n')
}

// escapeMessage writes an error message with control characters other
// than newline and tab escaped, so that a message cannot move the cursor,
// recolor the terminal or hide text.
func escapeMessage(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && (s[j] == '\n' || s[j] == '\t' || (s[j] >= 0x20 && s[j] != 0x7f)) {
			j++
		}
		b = append(b, s[i:j]...)
		if j < len(s) {
			b = escape(b, []byte{s[j]})
			j++
		}
		i = j
	}
	return b
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
