package pyfmt

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"unicode/utf8"

	"github.com/loguru-go/loguru/internal/value"
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
	return value.Append(dst, v, depth, text(0))
}

// Other writes what is not of a basic type: by its methods in the order of
// fmt's handleMethods (Formatter, then error, then Stringer), a named type
// over a basic one without them, and anything else through fmt.
func (text) Other(dst []byte, v any, depth int) []byte {
	switch x := v.(type) {
	case fmt.Formatter:
		return safeFmt(dst, "%v", v, depth)
	case error:
		return appendError(dst, x, depth)
	case fmt.Stringer:
		return appendStringer(dst, x, depth)
	}
	if out, ok := value.AppendKind(dst, reflect.ValueOf(v), text(0)); ok {
		return out
	}
	return safeFmt(dst, "%v", v, depth)
}

// text is how %v writes basic values: strings as they are, floats with
// strconv's 'g' and the shortest digits. (Its underlying type is its own:
// see value.Style.)
type text uint8

func (text) Nil(dst []byte) []byte              { return append(dst, "<nil>"...) }
func (text) String(dst []byte, s string) []byte { return append(dst, s...) }
func (text) Float(dst []byte, f float64, size int) []byte {
	return strconv.AppendFloat(dst, f, 'g', -1, size)
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
	return value.Append(dst, v, 0, quoted(conv == 'a'))
}

// quoted is how "!r" (false) and "!a" (true) write values: strings, named
// string types included, quoted; other basic values as %v writes them.
// (Its underlying type is its own: see value.Style.)
type quoted bool

func (quoted) Nil(dst []byte) []byte                        { return text(0).Nil(dst) }
func (q quoted) String(dst []byte, s string) []byte         { return appendQuote(dst, s, bool(q)) }
func (quoted) Float(dst []byte, f float64, size int) []byte { return text(0).Float(dst, f, size) }

// Other quotes the text of errors, fmt.Stringers and fmt.Formatters, writes
// named basic types by their kind, and anything else with fmt's %#v.
func (q quoted) Other(dst []byte, v any, _ int) []byte {
	switch v.(type) {
	case fmt.Formatter, error, fmt.Stringer:
		var buf [64]byte
		return appendQuote(dst, string(AppendValue(buf[:0], v)), bool(q))
	}
	if out, ok := value.AppendKind(dst, reflect.ValueOf(v), q); ok {
		return out
	}
	start := len(dst)
	dst = safeFmt(dst, "%#v", v, 0)
	if q {
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
