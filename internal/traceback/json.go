package traceback

import (
	"strconv"

	"github.com/loguru-go/loguru/internal/jsonenc"
)

// AppendJSON writes the report as Loguru's record["exception"] object,
// {"type", "value", "traceback"}, extended with "panic", the error
// "chain" and the "sections" with their frames. The view decides the
// frames (Backtrace) and whether values are there at all (Diagnose).
// colon and comma are the separators, so that Serialize keeps Python's
// json.dumps spacing.
func AppendJSON(b []byte, r *Report, v View, colon, comma string) []byte {
	j := jsonWriter{b: b, v: v, colon: colon, comma: comma}
	j.b = append(j.b, '{')
	j.key("type", true)
	if r.Type == "" { // a stack without an error
		j.b = append(j.b, "null"...)
		j.key("value", false)
		j.b = append(j.b, "null"...)
	} else {
		j.b = jsonenc.AppendString(j.b, r.Type)
		j.key("value", false)
		j.b = jsonenc.AppendString(j.b, r.Value)
	}
	j.key("traceback", false)
	j.b = strconv.AppendBool(j.b, len(r.Sections) > 0 || r.Text != "")
	j.key("panic", false)
	j.b = strconv.AppendBool(j.b, r.Panic)
	if r.Panic && r.Goroutine > 0 {
		j.key("goroutine", false)
		j.b = strconv.AppendInt(j.b, r.Goroutine, 10)
	}
	if r.Chain != nil {
		j.key("chain", false)
		j.node(r.Chain)
	}
	if r.Text != "" {
		j.str("text", r.Text, false)
	}
	j.list("sections", len(r.Sections), func(i int) { j.section(&r.Sections[i]) })
	return append(j.b, '}')
}

type jsonWriter struct {
	b            []byte
	v            View
	colon, comma string
}

// list writes "key": [ ... ] with each element written by item.
func (j *jsonWriter) list(k string, n int, item func(i int)) {
	j.key(k, false)
	j.b = append(j.b, '[')
	for i := range n {
		if i > 0 {
			j.b = append(j.b, j.comma...)
		}
		item(i)
	}
	j.b = append(j.b, ']')
}

func (j *jsonWriter) key(k string, first bool) {
	if !first {
		j.b = append(j.b, j.comma...)
	}
	j.b = jsonenc.AppendString(j.b, k)
	j.b = append(j.b, j.colon...)
}

func (j *jsonWriter) str(k, v string, first bool) {
	j.key(k, first)
	j.b = jsonenc.AppendString(j.b, v)
}

func (j *jsonWriter) int(k string, n int, first bool) {
	j.key(k, first)
	j.b = strconv.AppendInt(j.b, int64(n), 10)
}

func (j *jsonWriter) node(n *Node) {
	j.b = append(j.b, '{')
	j.str("path", n.Path, true)
	j.str("type", n.Type, false)
	j.str("message", n.Message, false)
	j.str("own", n.Own, false)
	j.key("stack", false)
	j.b = strconv.AppendBool(j.b, n.Stack)
	if n.Wrap != "" {
		j.str("wrapped_at", n.Wrap, false)
	}
	if n.Cycle {
		j.key("cycle", false)
		j.b = append(j.b, "true"...)
	}
	if j.v.Diagnose && len(n.Values) > 0 {
		j.values(n.Values)
	}
	if len(n.Children) > 0 {
		j.list("children", len(n.Children), func(i int) { j.node(n.Children[i]) })
	}
	j.b = append(j.b, '}')
}

func (j *jsonWriter) section(s *Section) {
	kind := [...]string{ErrorStack: "error", PanicStack: "panic", CallStack: "stack"}[s.Kind]
	j.b = append(j.b, '{')
	j.str("kind", kind, true)
	if s.Path != "" {
		j.str("error_path", s.Path, false)
	}
	if s.Note != "" {
		j.str("note", s.Note, false)
	}
	if s.Shared > 0 {
		j.int("shared_frames", s.Shared, false)
	}
	if s.Elided > 0 {
		j.int("elided_frames", s.Elided, false)
	}
	j.key("frames", false)
	j.b = append(j.b, '[')
	frames, first := s.shown(j.v.Backtrace)
	n := 0
	for i := range frames {
		idx := first + i
		f := &frames[i]
		if s.Start == -1 && !j.v.Backtrace && f.Class != App && idx != len(s.Frames)-1 {
			continue
		}
		if n > 0 {
			j.b = append(j.b, j.comma...)
		}
		n++
		j.frame(f, idx == s.Catch)
	}
	j.b = append(j.b, "]}"...)
}

func (j *jsonWriter) frame(f *Frame, catch bool) {
	j.b = append(j.b, '{')
	j.str("function", f.Function, true)
	j.str("package", f.Package, false)
	j.str("file", f.File, false)
	j.int("line", f.Line, false)
	j.str("class", f.Class.String(), false)
	j.key("catch_point", false)
	j.b = strconv.AppendBool(j.b, catch)
	if f.Source != "" {
		j.str("source", f.Source, false)
	}
	if j.v.Diagnose && len(f.Values) > 0 {
		j.values(f.Values)
	}
	if len(f.Wraps) > 0 {
		j.list("wraps", len(f.Wraps), func(i int) {
			w := &f.Wraps[i]
			j.b = append(j.b, '{')
			j.int("line", w.Line, true)
			j.str("message", w.Message, false)
			if w.Source != "" {
				j.str("source", w.Source, false)
			}
			if j.v.Diagnose && len(w.Values) > 0 {
				j.values(w.Values)
			}
			j.b = append(j.b, '}')
		})
	}
	j.b = append(j.b, '}')
}

func (j *jsonWriter) values(vs []Value) {
	j.list("values", len(vs), func(i int) {
		j.b = append(j.b, '{')
		j.str("name", vs[i].Name, true)
		j.str("value", vs[i].Text, false)
		j.str("origin", vs[i].Origin, false)
		j.b = append(j.b, '}')
	})
}
