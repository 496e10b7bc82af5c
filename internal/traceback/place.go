package traceback

import (
	"go/scanner"
	"go/token"
	"slices"
	"strconv"
)

// placeWraps puts each wrap site on the frame of the function that wrapped,
// in the section of the stack it wraps (or the log site's, siteSection).
// Wraps are placed from the innermost outward and never below the one
// before, so two wraps in one function land in order. A wrap that fits no
// frame stays in the chain, where the text names its place.
func (c *chain) placeWraps(r *Report, siteSection int) {
	pos := make([]int, len(r.Sections))
	for i := range r.Sections {
		pos[i] = len(r.Sections[i].Frames) - 1
	}
	for i := len(c.nodes) - 1; i >= 0; i-- {
		l := c.nodes[i]
		if l.site == 0 {
			continue
		}
		fr, ok := wrapFrame(l.site)
		if !ok {
			continue
		}
		target := siteSection
		if l.inner != nil {
			target = l.inner.section
		}
		if l.origin {
			target = -1 // its own stack's first frame is already shown
		}
		placed := false
		if target >= 0 && target < len(r.Sections) {
			frames := r.Sections[target].Frames
			for k := pos[target]; k >= 0; k-- {
				if frames[k].Function == fr.Function {
					w := Wrap{Line: fr.Line, Message: c.wrapText(i), Values: l.node.Values}
					if fr.Line != frames[k].Line {
						w.Source = sourceLine(fr.File, fr.Line)
					}
					frames[k].Wraps = append(frames[k].Wraps, w)
					pos[target], placed = k, true
					l.node.shown = len(l.node.Values) > 0
					break
				}
			}
		}
		if !placed && !l.origin {
			l.node.Wrap = fr.Function + ":" + strconv.Itoa(fr.Line)
		}
	}
}

// wrapText is what the error at c.nodes[i] adds. A layer that only adds a
// stack (pkg/errors' withStack around withMessage) takes the text of the
// message layer it holds.
func (c *chain) wrapText(i int) string {
	n := c.nodes[i].node
	if n.Own == "" && len(n.Children) == 1 && i+1 < len(c.nodes) {
		if child := c.nodes[i+1]; child.site == 0 && len(child.pcs) == 0 {
			return child.node.Own
		}
	}
	return n.Own
}

// wrapFrame symbolizes a wrap site.
func wrapFrame(pc uintptr) (Frame, bool) {
	for _, f := range symbolize([]uintptr{pc}) {
		if !f.hidden {
			return f.Frame, true
		}
	}
	return Frame{}, false
}

// placeOriginValues shows the values attached to an error that carries a
// stack under the frame that made it.
func (c *chain) placeOriginValues(r *Report) {
	for _, l := range c.nodes {
		if !l.origin || len(l.node.Values) == 0 || l.section < 0 {
			continue
		}
		frames := r.Sections[l.section].Frames
		if len(frames) == 0 {
			continue
		}
		f := &frames[len(frames)-1]
		f.Values = append(f.Values, l.node.Values...)
		l.node.shown = true
	}
}

// placeFields shows the log call's values on the catch point's line, under
// the names they match there, as Loguru shows the variables of a line.
func (r *Report) placeFields(fields map[string]any) {
	for i := range r.Sections {
		s := &r.Sections[i]
		if s.Catch < 0 || s.Kind != ErrorStack {
			continue
		}
		f := &s.Frames[s.Catch]
		for _, tok := range tokens(f.Source) {
			v, ok := fields[tok.name]
			if !ok || slices.ContainsFunc(f.Values, func(x Value) bool { return x.Name == tok.name }) {
				continue
			}
			f.Values = append(f.Values, Value{Name: tok.name, Text: formatValue(tok.name, v), Origin: "field"})
		}
	}
}

// tok is a name on a source line: an identifier, or the text of a string
// literal (the key in F("user", u)), with its column in runes.
type tok struct {
	name string
	col  int
}

// tokens scans a line of Go. Keywords, and identifiers followed by "(",
// (function names) or preceded by "." (selectors), are not names of values.
func tokens(src string) []tok {
	if src == "" {
		return nil
	}
	var s scanner.Scanner
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	s.Init(file, []byte(src), func(token.Position, string) {}, 0)
	var out []tok
	prev := token.ILLEGAL
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			return out
		}
		off := file.Offset(pos)
		switch t {
		case token.IDENT:
			if prev != token.PERIOD {
				out = append(out, tok{lit, runeCol(src, off)})
			}
		case token.STRING:
			if unq, err := strconv.Unquote(lit); err == nil && unq != "" {
				out = append(out, tok{unq, runeCol(src, off)})
			}
		case token.LPAREN:
			if n := len(out); n > 0 && prev == token.IDENT {
				out = out[:n-1] // a call: the name is a function
			}
		}
		prev = t
	}
}

func runeCol(s string, off int) int {
	n := 0
	for range s[:min(off, len(s))] {
		n++
	}
	return n
}
