package jsonenc

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"github.com/loguru-go/loguru/internal/pyfmt"
	"github.com/loguru-go/loguru/internal/timefmt"
	"github.com/loguru-go/loguru/internal/value"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"time"
)

// MaxDepth bounds nesting. Deeper values, and so cyclic structures, are
// written as the string "!DEPTH" instead of recursing forever.
const MaxDepth = 32

// valueTimes caches the calendar text of time values.
var valueTimes timefmt.RFC3339Cache

// AppendValue appends v as JSON. It never fails and never panics: a method
// that panics is written as "!PANIC: <value>", one that returns an error
// as "!ERROR: <error>", and a value JSON cannot hold as its text.
//
// Common types are written directly. Methods are used in this order:
// slog.LogValuer, json.Marshaler, error, fmt.Stringer,
// encoding.TextMarshaler. Maps are written with sorted keys, []byte as a
// string. Structs without methods go through encoding/json, and field by
// field when that fails.
func AppendValue(b []byte, v any) []byte {
	return appendValue(b, v, 0)
}

func appendValue(b []byte, v any, depth int) []byte {
	if depth > MaxDepth {
		return append(b, `"!DEPTH"`...)
	}
	return value.Append(b, v, depth, jsonStyle(0))
}

// Other writes what is not of a basic type: common types directly, then
// by methods and reflection (see appendOther).
func (jsonStyle) Other(b []byte, v any, depth int) []byte {
	switch x := v.(type) {
	case []byte:
		if x == nil {
			return append(b, "null"...)
		}
		return AppendBytes(b, x)
	case time.Time:
		b = append(b, '"')
		b = valueTimes.AppendRFC3339Nano(b, x)
		return append(b, '"')
	case time.Duration:
		return AppendString(b, x.String())
	case json.Number:
		return appendRaw(b, []byte(x))
	case map[string]any:
		return appendMap(b, x, depth)
	case []any:
		return appendSlice(b, x, depth)
	case []string:
		if x == nil {
			return append(b, "null"...)
		}
		b = append(b, '[')
		for i, s := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendString(b, s)
		}
		return append(b, ']')
	case slog.Value:
		return appendSlog(b, x, depth)
	case slog.Attr:
		b = append(b, '{')
		b = AppendString(b, x.Key)
		b = append(b, ':')
		b = appendSlog(b, x.Value, depth+1)
		return append(b, '}')
	}
	return appendOther(b, v, depth)
}

// jsonStyle is how JSON writes basic values: strings quoted, floats as
// Python's repr (see AppendFloat). (Its underlying type is its own: see
// value.Style.)
type jsonStyle uint16

func (jsonStyle) Nil(b []byte) []byte                        { return append(b, "null"...) }
func (jsonStyle) String(b []byte, s string) []byte           { return AppendString(b, s) }
func (jsonStyle) Float(b []byte, f float64, size int) []byte { return appendFloat(b, f, size) }

// appendOther handles values with methods and everything reflection is
// needed for.
func appendOther(b []byte, v any, depth int) []byte {
	rv := reflect.ValueOf(v)
	if isNil(rv) {
		// A typed nil: its methods would most likely panic, and it means
		// "nothing" to whoever logged it.
		return append(b, "null"...)
	}
	switch x := v.(type) {
	case slog.LogValuer:
		// Resolve recovers a panicking LogValue itself.
		return appendSlog(b, slog.AnyValue(x).Resolve(), depth)
	case json.Marshaler:
		raw, err := marshalJSON(x)
		if err != nil {
			return appendProblem(b, err)
		}
		return appendRaw(b, raw)
	case error:
		s, err := call(x.Error)
		if err != nil {
			return appendProblem(b, err)
		}
		return AppendString(b, s)
	case fmt.Stringer:
		s, err := call(x.String)
		if err != nil {
			return appendProblem(b, err)
		}
		return AppendString(b, s)
	case encoding.TextMarshaler:
		text, err := marshalText(x)
		if err != nil {
			return appendProblem(b, err)
		}
		return AppendBytes(b, text)
	}
	return appendReflect(b, rv, depth)
}

// appendReflect writes kinds the fast paths do not know by their shape.
func appendReflect(b []byte, rv reflect.Value, depth int) []byte {
	if out, ok := value.AppendKind(b, rv, jsonStyle(0)); ok {
		return out
	}
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface:
		return appendValue(b, rv.Elem().Interface(), depth+1)
	case reflect.Slice:
		if rv.Type().Elem().Kind() == reflect.Uint8 {
			return AppendBytes(b, rv.Bytes())
		}
		return appendList(b, rv, depth)
	case reflect.Array:
		return appendList(b, rv, depth)
	case reflect.Map:
		return appendReflectMap(b, rv, depth)
	case reflect.Struct:
		return appendStruct(b, rv, depth)
	}
	// Complex numbers, channels, functions and unsafe pointers have no
	// JSON form; their text is the most useful thing to keep.
	return AppendString(b, fmt.Sprint(rv.Interface()))
}

// isNil reports whether rv is a nil pointer, map, slice, interface,
// channel or function.
func isNil(rv reflect.Value) bool {
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface, reflect.Chan, reflect.Func:
		return rv.IsNil()
	}
	return false
}

func appendMap(b []byte, m map[string]any, depth int) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	// Small maps sort their keys on the stack.
	var buf [16]string
	keys := buf[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, k)
		b = append(b, ':')
		b = appendValue(b, m[k], depth+1)
	}
	return append(b, '}')
}

func appendSlice(b []byte, s []any, depth int) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, v := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendValue(b, v, depth+1)
	}
	return append(b, ']')
}

func appendList(b []byte, rv reflect.Value, depth int) []byte {
	b = append(b, '[')
	for i := range rv.Len() {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendValue(b, rv.Index(i).Interface(), depth+1)
	}
	return append(b, ']')
}

// appendReflectMap writes any map as an object. Keys are written as
// text (strings as they are, others through their methods or fmt) and
// sorted, so equal maps give equal lines.
func appendReflectMap(b []byte, rv reflect.Value, depth int) []byte {
	type entry struct {
		key string
		val reflect.Value
	}
	entries := make([]entry, 0, rv.Len())
	for it := rv.MapRange(); it.Next(); {
		entries = append(entries, entry{keyText(it.Key()), it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	b = append(b, '{')
	for i, e := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, e.key)
		b = append(b, ':')
		b = appendValue(b, e.val.Interface(), depth+1)
	}
	return append(b, '}')
}

// keyText is the text of a map key.
func keyText(k reflect.Value) string {
	if k.Kind() == reflect.String {
		return k.String()
	}
	if isNil(k) {
		return "null"
	}
	var s string
	var err error
	switch x := k.Interface().(type) {
	case encoding.TextMarshaler:
		var text []byte
		text, err = marshalText(x)
		s = string(text)
	case fmt.Stringer:
		s, err = call(x.String)
	default:
		s, err = call(func() string { return fmt.Sprint(x) })
	}
	if err != nil {
		return problem(err)
	}
	return s
}

// appendStruct hands a struct to encoding/json, which knows field tags and
// methods of nested values. When encoding/json cannot write it (a cycle, a
// channel field, a NaN), its exported fields are written one by one, each
// as well as it can be.
func appendStruct(b []byte, rv reflect.Value, depth int) []byte {
	if raw, err := marshalAny(rv.Interface()); err == nil {
		return appendRaw(b, raw)
	}
	t := rv.Type()
	b = append(b, '{')
	n := 0
	for i := range t.NumField() {
		f := t.Field(i)
		name, ok := fieldName(f)
		if !ok {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = AppendString(b, name)
		b = append(b, ':')
		b = appendValue(b, rv.Field(i).Interface(), depth+1)
	}
	return append(b, '}')
}

// fieldName is the key of an exported field: its json tag name, or its Go
// name. Fields tagged "-" and unexported ones are skipped.
func fieldName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	if name, _, _ := strings.Cut(tag, ","); name != "" {
		return name, true
	}
	return f.Name, true
}

// appendSlog writes a resolved slog.Value.
func appendSlog(b []byte, v slog.Value, depth int) []byte {
	if depth > MaxDepth {
		return append(b, `"!DEPTH"`...)
	}
	v = v.Resolve()
	if v.Kind() != slog.KindGroup {
		return appendValue(b, v.Any(), depth)
	}
	b = append(b, '{')
	for i, a := range v.Group() {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, a.Key)
		b = append(b, ':')
		b = appendSlog(b, a.Value, depth+1)
	}
	return append(b, '}')
}

// appendRaw appends JSON produced elsewhere, compacted so the record stays
// one line, or a problem if it is not valid JSON.
func appendRaw(b, raw []byte) []byte {
	var out bytes.Buffer
	if err := json.Compact(&out, raw); err != nil {
		return appendProblem(b, fmt.Errorf("invalid JSON %q: %w", truncate(raw), err))
	}
	return append(b, out.Bytes()...)
}

// truncate keeps an error message about bad input short.
func truncate(raw []byte) []byte {
	if len(raw) > 64 {
		return raw[:64]
	}
	return raw
}

// panicError is a panic recovered from a user's method.
type panicError struct{ value any }

func (p panicError) Error() string { return fmt.Sprint(p.value) }

func appendProblem(b []byte, err error) []byte {
	return AppendString(b, problem(err))
}

// problem is the text written in place of a value that could not be
// encoded.
func problem(err error) string {
	if p, ok := err.(panicError); ok {
		var s string
		// Printing the panic value may panic too.
		func() {
			defer func() {
				if recover() != nil {
					s = "!PANIC"
				}
			}()
			s = "!PANIC: " + p.Error()
		}()
		if h := pyfmt.PanicHook; h != nil {
			h(s)
		}
		return s
	}
	return "!ERROR: " + safeError(err)
}

// safeError is err's message, or a placeholder when Error panics.
func safeError(err error) (s string) {
	defer func() {
		if recover() != nil {
			s = "error whose Error method panicked"
		}
	}()
	return err.Error()
}

// call runs a user's String or Error method, turning a panic into an error.
func call(f func() string) (s string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError{p}
		}
	}()
	return f(), nil
}

func marshalJSON(m json.Marshaler) (raw []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError{p}
		}
	}()
	return m.MarshalJSON()
}

func marshalText(m encoding.TextMarshaler) (text []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError{p}
		}
	}()
	return m.MarshalText()
}

func marshalAny(v any) (raw []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicError{p}
		}
	}()
	return json.Marshal(v)
}
