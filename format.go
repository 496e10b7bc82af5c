package loguru

import (
	"strconv"
	"unicode/utf8"

	"github.com/loguru-go/loguru/internal/buffer"
	"github.com/loguru-go/loguru/internal/markup"
	"github.com/loguru-go/loguru/internal/pyfmt"
	"github.com/loguru-go/loguru/internal/template"
	"github.com/loguru-go/loguru/internal/timefmt"
	"github.com/loguru-go/loguru/internal/traceback"
)

// format appends the handler's rendering of r to b.
func (h *handler) format(b []byte, r *Record) ([]byte, error) {
	switch h.enc {
	case encJSON:
		return appendJSON(b, r, h.view), nil
	case encSerialize:
		text := buffer.Get()
		defer text.Free()
		var err error
		if text.B, err = h.text(text.B, r); err != nil {
			return b, err
		}
		return appendSerialized(b, text.B, r, h.view), nil
	}
	return h.text(b, r)
}

// text appends the record formatted by the handler's template.
func (h *handler) text(b []byte, r *Record) ([]byte, error) {
	if r.raw {
		return h.appendMessage(b, nil, r), nil
	}
	t := h.tmpl
	if h.dynamic != nil {
		var err error
		if t, err = h.dynamic.get(r); err != nil {
			return b, err
		}
	}
	return h.render(b, t, r), nil
}

// render walks the compiled template. Fields without a spec, the common
// case, append straight into b; padding is applied in place afterwards. The
// fields of the default format have their own cases: one dispatch per op.
func (h *handler) render(b []byte, t *template.Template, r *Record) []byte {
	for i := range t.Ops {
		op := &t.Ops[i]
		if op.Conv != 0 {
			b = appendConverted(b, op, r)
			continue
		}
		start := len(b)
		numeric := false
		switch op.Kind {
		case template.Lit:
			b = append(b, op.Text...)
			continue
		case template.LevelColor:
			b = append(b, r.Level.ANSI()...)
			continue
		case template.Time:
			b = op.Layout.Append(b, r.Time)
			continue // the spec was the time layout
		case template.Level:
			b = append(b, r.Level.Name...)
		case template.Name:
			b = append(b, r.Name...)
		case template.Function:
			b = append(b, r.Function...)
		case template.Line:
			b, numeric = strconv.AppendInt(b, int64(r.Line), 10), true
		case template.Message:
			b = h.appendMessage(b, op, r)
		case template.Exception:
			if r.Exception == nil {
				continue
			}
			b = h.appendException(b, r)
		case template.Elapsed:
			b = timefmt.AppendDuration(b, r.Elapsed)
		case template.Extra:
			b = appendExtra(b, r.extraMap())
		case template.ExtraKey:
			if v, ok := extraValue(op, r); ok {
				b = pyfmt.AppendValue(b, v)
			}
		default:
			if n, ok := intField(op.Kind, r); ok {
				b, numeric = strconv.AppendInt(b, n, 10), true
			} else {
				b = append(b, textField(op.Kind, r)...)
			}
		}
		if op.HasSpec {
			if op.PadRight > 0 && !numeric {
				b = padRight(b, start, op.PadRight)
			} else {
				b = applySpec(b, start, op, numeric, r)
			}
		}
	}
	return b
}

// appendConverted renders a field with a conversion, "{message!r}": the
// field's value converted, then its spec applied to that text, as Python's
// format does.
func appendConverted(b []byte, op *template.Op, r *Record) []byte {
	start := len(b)
	b = pyfmt.AppendConv(b, fieldValue(op, r), op.Conv)
	if op.HasSpec {
		b = applySpec(b, start, op, false, r)
	}
	return b
}

// padRight pads the text field at b[start:] with spaces to width
// characters, as the spec " <width" does.
func padRight(b []byte, start, width int) []byte {
	n := len(b) - start
	for _, c := range b[start:] {
		if c >= utf8.RuneSelf {
			n = utf8.RuneCount(b[start:])
			break
		}
	}
	for ; n < width; n++ {
		b = append(b, ' ')
	}
	return b
}

// applySpec formats the field just appended at b[start:] by its spec.
func applySpec(b []byte, start int, op *template.Op, numeric bool, r *Record) []byte {
	if op.PadOnly {
		if numeric {
			return op.Spec.PadNumber(b, start)
		}
		return op.Spec.Pad(b, start)
	}
	var v any
	if op.Conv != 0 {
		v = string(b[start:]) // a converted field is its text
	} else {
		v = fieldValue(op, r)
	}
	if out, ok := op.Spec.Append(b[:start], v); ok {
		return out
	}
	return b // a spec that does not fit the field leaves it unformatted
}

// fieldValue is the typed value of a record field, for specs such as
// "{line:03d}" and for "{record.line}" in messages.
func fieldValue(op *template.Op, r *Record) any {
	switch op.Kind {
	case template.Time:
		return string(op.Layout.Append(nil, r.Time))
	case template.Elapsed:
		return string(timefmt.AppendDuration(nil, r.Elapsed))
	case template.Extra:
		return string(appendExtra(nil, r.extraMap()))
	case template.ExtraKey:
		v, _ := extraValue(op, r)
		return v
	case template.Exception:
		if r.Exception == nil {
			return ""
		}
		return r.Exception.String()
	}
	if n, ok := intField(op.Kind, r); ok {
		return n
	}
	return textField(op.Kind, r)
}

// extraValue reads "{extra[key]}", and "{extra[key][nested]}" down maps
// with string keys and slices with index keys, as Python's format indexes.
func extraValue(op *template.Op, r *Record) (any, bool) {
	v, ok := r.extraMap()[op.Text]
	for _, k := range op.Path {
		if !ok {
			return nil, false
		}
		v, ok = index(v, k)
	}
	return v, ok
}

// index returns v[k] for the containers a bound value usually is.
func index(v any, k string) (any, bool) {
	switch c := v.(type) {
	case map[string]any:
		e, ok := c[k]
		return e, ok
	case map[string]string:
		e, ok := c[k]
		return e, ok
	case []any:
		if i, err := strconv.Atoi(k); err == nil && i >= 0 && i < len(c) {
			return c[i], true
		}
	case []string:
		if i, err := strconv.Atoi(k); err == nil && i >= 0 && i < len(c) {
			return c[i], true
		}
	}
	return nil, false
}

// intField returns the numeric record fields.
func intField(k template.Kind, r *Record) (int64, bool) {
	switch k {
	case template.LevelNo:
		return int64(r.Level.No), true
	case template.Line:
		return int64(r.Line), true
	case template.Process:
		return int64(r.Process.ID), true
	case template.Thread:
		return r.Thread.ID, true
	}
	return 0, false
}

// textField returns the record fields that are plain strings.
func textField(k template.Kind, r *Record) string {
	switch k {
	case template.Level:
		return r.Level.Name
	case template.LevelIcon:
		return r.Level.Icon
	case template.Message:
		return r.Message
	case template.Name:
		return r.Name
	case template.Function:
		return r.Function
	case template.Module:
		return r.Module
	case template.File:
		return r.File.Name
	case template.FilePath:
		return r.File.Path
	case template.ProcessName:
		return r.Process.Name
	case template.ThreadName:
		return r.Thread.Name
	}
	return ""
}

// appendMessage writes the message, with its own colors when it was logged
// with Colors and this handler colorizes. A patcher that replaced the message
// turns its colors off: the new text is written as it is.
func (h *handler) appendMessage(b []byte, op *template.Op, r *Record) []byte {
	if !h.colorize || r.colorMsg == nil || r.Message != r.plainMsg {
		return append(b, r.Message...)
	}
	for _, m := range r.colorMsg {
		switch m.Kind {
		case markup.OpText:
			b = append(b, m.Text...)
		case markup.OpLevel:
			b = append(b, r.Level.ANSI()...)
		case markup.OpReset:
			b = append(b, "\x1b[0m"...)
			if op != nil {
				b = appendColorOps(b, op.Reopen, r)
			}
		}
	}
	return b
}

func appendColorOps(b []byte, ops []markup.Op, r *Record) []byte {
	for _, m := range ops {
		if m.Kind == markup.OpLevel {
			b = append(b, r.Level.ANSI()...)
		} else if m.Kind == markup.OpText {
			b = append(b, m.Text...)
		}
	}
	return b
}

// appendExtra renders Extra as {"key": value, ...} with sorted keys and
// quoted strings, so a value cannot forge the rest of the line.
func appendExtra(b []byte, extra map[string]any) []byte {
	return appendDict(b, extra, 0)
}

// maxDictDepth stops the rendering of maps that contain themselves.
const maxDictDepth = 16

// appendDict writes a map as Loguru writes a dict: sorted keys, quoted
// strings, and nested maps (slog groups) in the same form.
func appendDict(b []byte, m map[string]any, depth int) []byte {
	if depth >= maxDictDepth {
		return append(b, "{...}"...)
	}
	b = append(b, '{')
	var keys [16]string
	for i, k := range sortedKeys(keys[:0], m) {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, k)
		b = append(b, ": "...)
		switch v := m[k].(type) {
		case string:
			b = strconv.AppendQuote(b, v)
		case map[string]any:
			b = appendDict(b, v, depth+1)
		default:
			b = pyfmt.AppendValue(b, v)
		}
	}
	return append(b, '}')
}

// appendException renders the record's error or stack as Loguru renders a
// traceback, through the handler's view: Backtrace, Diagnose and colors.
func (h *handler) appendException(b []byte, r *Record) []byte {
	if r.Exception == nil {
		return b
	}
	return traceback.AppendText(b, r.Exception.build(r.extraMap()), h.view)
}
