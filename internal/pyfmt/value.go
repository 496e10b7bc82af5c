package pyfmt

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// maxPanicDepth bounds how deep AppendValue goes when the value a String or
// Error method panicked with has a panicking method itself.
const maxPanicDepth = 2

// AppendValue appends v rendered as fmt's %v would render it: strings as
// they are, integers in decimal, floats like strconv.AppendFloat(dst, f, 'g',
// -1, 64) (bit size 32 for float32), bools as true/false, nil as "<nil>",
// errors by Error and fmt.Stringers by String (a fmt.Formatter first by its
// Format method), and anything else through fmt.Append. Strings, numbers,
// bools, errors and Stringers take fast paths that do not allocate beyond
// what their methods do.
//
// A panic in an Error or String method is contained as fmt contains it: the
// output is "%!v(PANIC=String method: <panic value>)", or "<nil>" when the
// method was called on a nil pointer.
func AppendValue(dst []byte, v any) []byte { return appendValue(dst, v, 0) }

func appendValue(dst []byte, v any, depth int) []byte {
	switch x := v.(type) {
	case nil:
		return append(dst, "<nil>"...)
	case string:
		return append(dst, x...)
	case int:
		return strconv.AppendInt(dst, int64(x), 10)
	case int8:
		return strconv.AppendInt(dst, int64(x), 10)
	case int16:
		return strconv.AppendInt(dst, int64(x), 10)
	case int32:
		return strconv.AppendInt(dst, int64(x), 10)
	case int64:
		return strconv.AppendInt(dst, x, 10)
	case uint:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint8:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint16:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint32:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint64:
		return strconv.AppendUint(dst, x, 10)
	case uintptr:
		return strconv.AppendUint(dst, uint64(x), 10)
	case float64:
		return strconv.AppendFloat(dst, x, 'g', -1, 64)
	case float32:
		return strconv.AppendFloat(dst, float64(x), 'g', -1, 32)
	case bool:
		return strconv.AppendBool(dst, x)
	}
	// The order of fmt's handleMethods: Formatter, then error, then Stringer.
	switch x := v.(type) {
	case fmt.Formatter:
		return safeFmt(dst, "%v", v, depth)
	case error:
		return appendError(dst, x, depth)
	case fmt.Stringer:
		return appendStringer(dst, x, depth)
	}
	// Named types with a basic underlying type and no methods.
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return append(dst, rv.String()...)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(dst, rv.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(dst, rv.Uint(), 10)
	case reflect.Float32:
		return strconv.AppendFloat(dst, rv.Float(), 'g', -1, 32)
	case reflect.Float64:
		return strconv.AppendFloat(dst, rv.Float(), 'g', -1, 64)
	case reflect.Bool:
		return strconv.AppendBool(dst, rv.Bool())
	}
	return safeFmt(dst, "%v", v, depth)
}

func appendError(dst []byte, e error, depth int) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			out = appendPanic(dst, e, r, "Error", depth)
		}
	}()
	return append(dst, e.Error()...)
}

func appendStringer(dst []byte, s fmt.Stringer, depth int) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			out = appendPanic(dst, s, r, "String", depth)
		}
	}()
	return append(dst, s.String()...)
}

// appendPanic renders the panic r of v's method like fmt does.
func appendPanic(dst []byte, v, r any, method string, depth int) []byte {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return append(dst, "<nil>"...)
	}
	n := len(dst)
	dst = append(dst, "%!v(PANIC="...)
	dst = append(dst, method...)
	dst = append(dst, " method: "...)
	dst = appendPanicValue(dst, r, depth)
	dst = append(dst, ')')
	contained(dst[n:])
	return dst
}

func appendPanicValue(dst []byte, r any, depth int) []byte {
	if depth >= maxPanicDepth {
		return append(dst, '?')
	}
	return appendValue(dst, r, depth+1)
}

// safeFmt appends v formatted by fmt with the one-verb format. fmt contains
// panics in methods itself, but re-panics when printing the panic value
// panics too; that is contained here.
func safeFmt(dst []byte, format string, v any, depth int) (out []byte) {
	if rv := reflect.ValueOf(v); mayCycle(rv.Kind()) && unsafeForFmt(rv) {
		return appendCareful(dst, v)
	}
	n := len(dst)
	defer func() {
		if r := recover(); r != nil {
			out = append(dst[:n], "%!v(PANIC="...)
			out = appendPanicValue(out, r, depth)
			out = append(out, ')')
			contained(out[n:])
		}
	}()
	out = fmt.Appendf(dst, format, v)
	if bytes.Contains(out[n:], fmtPanic) {
		contained(out[n:]) // fmt contained a panic of a method inside v
	}
	return out
}

// fmtPanic is how fmt marks a value whose method panicked: "%!v(PANIC=".
var fmtPanic = []byte("(PANIC=")

// AppendConv appends v converted by "!s", "!r" or "!a" (conv is 's', 'r'
// or 'a'), as a template field with that conversion renders it.
func AppendConv(dst []byte, v any, conv byte) []byte { return appendConv(dst, v, conv) }

// appendConv appends v converted by "!s", "!r" or "!a".
//
// "!s" is AppendValue. "!r" quotes strings (and named string types) Go-style
// with strconv.Quote, and the text of errors, fmt.Stringers and
// fmt.Formatters likewise; numbers, bools and nil render as with
// AppendValue; anything else renders with fmt's %#v. "!a" is "!r" with every
// non-ASCII character escaped (\u00e9, \U0001f600, and \x.. for invalid
// UTF-8).
func appendConv(dst []byte, v any, conv byte) []byte {
	if conv == 's' {
		return AppendValue(dst, v)
	}
	ascii := conv == 'a'
	switch x := v.(type) {
	case string:
		return appendQuote(dst, x, ascii)
	case nil, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr, float32, float64:
		return AppendValue(dst, v)
	case fmt.Formatter, error, fmt.Stringer:
		var buf [64]byte
		return appendQuote(dst, string(AppendValue(buf[:0], v)), ascii)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String:
		return appendQuote(dst, rv.String(), ascii)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Bool:
		return AppendValue(dst, v)
	}
	start := len(dst)
	dst = safeFmt(dst, "%#v", v, 0)
	if ascii {
		dst = escapeNonASCII(dst, start)
	}
	return dst
}

func appendQuote(dst []byte, s string, ascii bool) []byte {
	if ascii {
		return strconv.AppendQuoteToASCII(dst, s)
	}
	return strconv.AppendQuote(dst, s)
}

// escapeNonASCII rewrites dst[start:] with non-ASCII characters escaped.
func escapeNonASCII(dst []byte, start int) []byte {
	i := start
	for i < len(dst) && dst[i] < utf8.RuneSelf {
		i++
	}
	if i == len(dst) {
		return dst
	}
	tail := string(dst[i:])
	dst = dst[:i]
	const hex = "0123456789abcdef"
	for j := 0; j < len(tail); {
		r, size := utf8.DecodeRuneInString(tail[j:])
		switch {
		case r < utf8.RuneSelf:
			dst = append(dst, byte(r))
		case r == utf8.RuneError && size == 1:
			dst = append(dst, '\\', 'x', hex[tail[j]>>4], hex[tail[j]&15])
		case r <= 0xFFFF:
			dst = append(dst, '\\', 'u')
			for shift := 12; shift >= 0; shift -= 4 {
				dst = append(dst, hex[r>>shift&15])
			}
		default:
			dst = append(dst, '\\', 'U')
			for shift := 28; shift >= 0; shift -= 4 {
				dst = append(dst, hex[r>>shift&15])
			}
		}
		j += size
	}
	return dst
}
