// Package pyfmt implements Python's str.format mini-language for Go values:
// format specs such as " <8", ">4", "08.3f" or ",d" (Spec, ParseSpec), and
// message templates such as "user {} logged in from {ip:>15}" (Format,
// Walk).
//
// # Templates
//
// "{}" takes the next positional argument, "{0}" the one with that index,
// and "{name}" asks Named.Lookup. "{{" and "}}" are literal braces. After the
// field name may come a conversion, "!s" (AppendValue), "!r" (Go-quoted
// strings; see below) or "!a" ("!r" in ASCII), then ":" and a format spec.
// A spec may contain replacement fields itself, one level deep, resolved
// from the same arguments: "{:{width}}", "{:{}.{}f}".
//
// "!r" quotes strings, and the text of errors and fmt.Stringers, with
// strconv.Quote; numbers, bools and nil render as with "!s"; other values
// render with fmt's %#v.
//
// There is no attribute or index access. A field name containing '.' or '['
// (such as "record.level" or "extra[user]") is passed whole to Named.Lookup,
// which decides what it allows; values are never walked into.
//
// Formatting never fails. Where Python would raise, the output holds a
// marker in the style of fmt's "%!d(string=hello)", with the field as it
// was written:
//
//	%!{1}(MISSING)         no positional argument 1 (also %!{}(MISSING))
//	%!{name}(MISSING)      Named.Lookup does not know "name" (or named is nil)
//	%!{0.Name}(NOTALLOWED) unknown name with '.' or '[': attribute or index access
//	%!{:d}(string=hello)   the spec does not apply to the value's type; the Go
//	                       type and the value follow (%!{:d}(<nil>) for nil)
//	%!{:zz}(BADSPEC)       invalid spec or conversion, or nesting too deep
//	%!{(UNCLOSED)          a "{" that is never closed; the rest of the template
//	                       follows as it is written
//
// A missing argument inside a nested spec marks the whole field:
// "%!{:{w}}(MISSING)".
//
// It is also more lenient than Python in two ways: a lone "}" is written as
// it is, and automatic ("{}") and manual ("{0}") numbering may be mixed;
// "{}" always takes the argument after the previous "{}", whatever explicit
// indexes came between.
//
// Unlike Python, which ignores them, positional arguments that no field used
// are written at the end as fmt writes them, so they never vanish:
//
//	%!(EXTRA string=id, int=42)  arguments 1 and 2 were not used by "user {}"
//
// unless a field already wrote a marker: the template is visibly wrong, and
// an argument a refused field named ("{0.Secret}") is not spelled out.
//
// # Values
//
// With an empty spec a value renders like fmt's %v (AppendValue), so "{}"
// of 1.0 is "1" and of an infinity "+Inf". A non-empty spec follows Python:
// floats without a type render like Python's repr ("{:<}" of 1.0 is "1.0"),
// infinities and NaN as "inf" and "nan". A bool renders as "true"/"false"
// with type "s" or none (Python's format would treat it as the integer 1 or
// 0 for a non-empty spec) and as 1/0 with a numeric type. See Spec.Append
// for the rest.
package pyfmt

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// Named resolves a named field such as {user}; the name is the whole field
// name before any '!' or ':'.
type Named interface{ Lookup(name string) (any, bool) }

// The markers written for fields that cannot be formatted.
const (
	markUnclosed = "%!{(UNCLOSED)"
)

// Format appends tmpl formatted with positional args pos and named fields,
// Python str.format style, and never fails: mismatches render the markers
// described in the package documentation. named may be nil.
func Format(dst []byte, tmpl string, pos []any, named Named) []byte {
	f := formatter{pos: pos, named: named}
	sc := scanner{s: tmpl}
	for {
		kind, text, whole := sc.next()
		switch kind {
		case tokEnd:
			if !f.failed && !f.allUsed() {
				dst = f.appendExtra(dst)
			}
			return dst
		case tokText:
			dst = append(dst, text...)
		case tokField:
			dst = f.field(dst, text, whole)
		case tokUnclosed:
			f.failed = true
			dst = append(dst, markUnclosed...)
			dst = append(dst, text...)
		}
	}
}

// Walk is Format that reports literal text and field output separately, for
// callers that post-process literal text (color markup lives only in
// literal text, never inside formatted arguments): lit is called with each
// run of literal template text (after {{ }} unescaping), field with each
// formatted field's bytes. Markers are reported as field output, except
// that the text after an unclosed "{" is literal. lit is never called with
// an empty string; b is only valid during the call to field. Concatenating
// what lit and field receive gives Format's output.
func Walk(tmpl string, pos []any, named Named, lit func(s string), field func(b []byte)) {
	f := formatter{pos: pos, named: named}
	sc := scanner{s: tmpl}
	var buf []byte
	// A run of literal text arrives in pieces when it contains escapes;
	// the first piece is kept as is and later ones are joined in run.
	var first string
	var run []byte
	joined := false
	flush := func() {
		switch {
		case joined:
			lit(string(run))
		case first != "":
			lit(first)
		}
		first, run, joined = "", run[:0], false
	}
	for {
		kind, text, whole := sc.next()
		switch kind {
		case tokEnd:
			flush()
			if !f.failed && !f.allUsed() {
				field(f.appendExtra(buf[:0]))
			}
			return
		case tokText:
			switch {
			case joined:
				run = append(run, text...)
			case first == "":
				first = text
			default:
				run = append(append(run[:0], first...), text...)
				joined = true
			}
		case tokField:
			flush()
			buf = f.field(buf[:0], text, whole)
			field(buf)
		case tokUnclosed:
			f.failed = true
			flush()
			buf = append(buf[:0], markUnclosed...)
			field(buf)
			first = text
		}
	}
}

// Token kinds of the template scanner.
const (
	tokEnd      = iota
	tokText     // literal text, with escapes already resolved
	tokField    // a replacement field
	tokUnclosed // a "{" without its "}"
)

// scanner splits a template into literal text and replacement fields.
type scanner struct {
	s string
	i int
}

// next returns the next token. For tokText, text is the literal text; for
// tokField, text is the inside of the braces and whole the field with its
// braces; for tokUnclosed, text is the rest of the template after the "{".
// A run of literal text with escapes comes in several tokens.
func (sc *scanner) next() (kind int, text, whole string) {
	s, i := sc.s, sc.i
	if i >= len(s) {
		return tokEnd, "", ""
	}
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			if j+1 < len(s) && s[j+1] == '{' {
				sc.i = j + 2
				return tokText, s[i : j+1], ""
			}
			if j > i {
				sc.i = j
				return tokText, s[i:j], ""
			}
			depth := 1
			for k := j + 1; k < len(s); k++ {
				switch s[k] {
				case '{':
					depth++
				case '}':
					if depth--; depth == 0 {
						sc.i = k + 1
						return tokField, s[j+1 : k], s[j : k+1]
					}
				}
			}
			sc.i = len(s)
			return tokUnclosed, s[j+1:], ""
		case '}':
			if j+1 < len(s) && s[j+1] == '}' {
				sc.i = j + 2
				return tokText, s[i : j+1], ""
			}
			// A lone "}" is literal text.
		}
	}
	sc.i = len(s)
	return tokText, s[i:], ""
}

// formatter holds the arguments and the automatic field number.
type formatter struct {
	pos   []any
	named Named
	auto  int
	used  uint64 // bit i: positional argument i was used (i < 64)
	last  int    // 1 + the highest positional index used
	// failed is set when a field wrote a marker: the template is wrong and
	// says so, and the arguments are not spelled out after it (a refused
	// "{0.Secret}" must not print argument 0 as EXTRA).
	failed bool
}

// use marks positional argument i as used and returns it.
func (f *formatter) use(i int) any {
	if i < 64 {
		f.used |= 1 << i
	}
	f.last = max(f.last, i+1)
	return f.pos[i]
}

// appendExtra appends fmt's marker for the positional arguments no field
// used, "%!(EXTRA string=id, int=42)", so that surplus arguments never
// vanish. Arguments past the 64th count as used when a later one is.
func (f *formatter) appendExtra(dst []byte) []byte {
	first := true
	for i, v := range f.pos {
		if (i < 64 && f.used&(1<<i) != 0) || (i >= 64 && i < f.last) {
			continue
		}
		if first {
			dst = append(dst, "%!(EXTRA "...)
			first = false
		} else {
			dst = append(dst, ", "...)
		}
		if v == nil {
			dst = append(dst, "<nil>"...)
			continue
		}
		dst = append(dst, reflect.TypeOf(v).String()...)
		dst = append(dst, '=')
		dst = AppendValue(dst, v)
	}
	if first {
		return dst
	}
	return append(dst, ')')
}

// allUsed reports whether every positional argument was used: the common
// case, checked without a loop.
func (f *formatter) allUsed() bool {
	n := len(f.pos)
	if n <= 64 {
		return n == 0 || f.used == 1<<n-1 || (n == 64 && f.used == ^uint64(0))
	}
	return f.used == ^uint64(0) && f.last == n
}

// result says why a field could not be formatted.
type result uint8

const (
	resOK result = iota
	resMissing
	resNotAllowed
	resBadSpec
	resMismatch
)

var resText = [...]string{
	resMissing:    "MISSING",
	resNotAllowed: "NOTALLOWED",
	resBadSpec:    "BADSPEC",
}

// field appends the replacement field whose inside is inner, or a marker.
func (f *formatter) field(dst []byte, inner, whole string) []byte {
	start := len(dst)
	out, res, v, conv := f.render(dst, inner, 0)
	if res == resOK {
		return out
	}
	f.failed = true
	dst = append(out[:start], "%!"...)
	dst = append(dst, whole...)
	dst = append(dst, '(')
	switch {
	case res != resMismatch:
		dst = append(dst, resText[res]...)
	case conv != 0:
		dst = append(dst, "string="...)
		dst = appendConv(dst, v, conv)
	case v == nil:
		dst = append(dst, "<nil>"...)
	default:
		dst = append(dst, reflect.TypeOf(v).String()...)
		dst = append(dst, '=')
		dst = AppendValue(dst, v)
	}
	return append(dst, ')')
}

// render appends the field whose inside is inner. When it fails it returns
// dst as it was, the reason, and for resMismatch the value and conversion.
// depth is 1 for a field nested in a spec.
func (f *formatter) render(dst []byte, inner string, depth int) ([]byte, result, any, byte) {
	name, conv, spec, err := SplitField(inner)
	if err != nil {
		return dst, resBadSpec, nil, 0
	}
	v, res := f.resolve(name)
	// The spec is expanded even when the value is missing, so that nested
	// "{}" fields keep their numbers.
	var sp Spec
	specRes := resOK
	if spec != "" {
		if strings.IndexByte(spec, '{') >= 0 {
			if depth > 0 {
				specRes = resBadSpec
			} else {
				spec, specRes = f.expand(spec)
			}
		}
		if specRes == resOK {
			var msg string
			if sp, msg = parseSpec(spec); msg != "" {
				specRes = resBadSpec
			}
		}
	}
	if res != resOK {
		return dst, res, nil, 0
	}
	if specRes != resOK {
		return dst, specRes, nil, 0
	}
	if conv != 0 {
		if sp.IsZero() {
			return appendConv(dst, v, conv), resOK, nil, 0
		}
		if !sp.stringOK() {
			return dst, resMismatch, v, conv
		}
		start := len(dst)
		dst = appendConv(dst, v, conv)
		if sp.Precision >= 0 {
			dst = dst[:start+runePrefix(dst[start:], sp.Precision)]
		}
		return sp.pad(dst, start, false), resOK, nil, 0
	}
	if sp.IsZero() {
		return AppendValue(dst, v), resOK, nil, 0
	}
	out, ok := sp.append(dst, v) // parseSpec checked sp
	if !ok {
		return dst, resMismatch, v, 0
	}
	return out, resOK, nil, 0
}

// SplitField splits the inside of a replacement field into the field name,
// the conversion character (0 for none) and the spec. Inside "[...]" of the
// name, ':' and '!' do not end it, as in Python. The error says why a field
// cannot be formatted; the static checker shows it.
func SplitField(inner string) (name string, conv byte, spec string, err error) {
	i := 0
scan:
	for i < len(inner) {
		switch inner[i] {
		case '[':
			k := strings.IndexByte(inner[i:], ']')
			if k < 0 {
				i = len(inner)
				break scan
			}
			i += k + 1
			continue
		case ':', '!':
			break scan
		case '{', '}':
			return "", 0, "", errors.New("a field name cannot hold '{' or '}'")
		}
		i++
	}
	name = inner[:i]
	if i < len(inner) && inner[i] == '!' {
		end := i + 1 + strings.IndexByte(inner[i+1:]+":", ':')
		if end != i+2 || !strings.ContainsRune("sra", rune(inner[i+1])) {
			return "", 0, "", fmt.Errorf("unknown conversion %q: use !s, !r or !a", inner[i:end])
		}
		conv, i = inner[i+1], end
	}
	if i < len(inner) {
		spec = inner[i+1:]
	}
	return name, conv, spec, nil
}

// resolve finds the value of a field name.
func (f *formatter) resolve(name string) (any, result) {
	if name == "" {
		i := f.auto
		f.auto++
		if i < len(f.pos) {
			return f.use(i), resOK
		}
		return nil, resMissing
	}
	if i, ok := parseIndex(name); ok {
		if i >= 0 && i < len(f.pos) {
			return f.use(i), resOK
		}
		return nil, resMissing
	}
	if f.named != nil {
		if v, ok := f.named.Lookup(name); ok {
			return v, resOK
		}
	}
	if strings.ContainsAny(name, ".[") {
		return nil, resNotAllowed
	}
	return nil, resMissing
}

// parseIndex parses an all-digits field name; a number too large for any
// argument list is -1.
func parseIndex(name string) (int, bool) {
	n := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n >= 0 {
			if n = n*10 + int(c-'0'); n > 1<<30 {
				n = -1
			}
		}
	}
	return n, true
}

// expand formats the replacement fields nested in a spec.
func (f *formatter) expand(spec string) (string, result) {
	var arr [32]byte
	b := arr[:0]
	sc := scanner{s: spec}
	for {
		kind, text, _ := sc.next()
		switch kind {
		case tokEnd:
			return string(b), resOK
		case tokText:
			b = append(b, text...)
		case tokField:
			var res result
			if b, res, _, _ = f.render(b, text, 1); res != resOK {
				if res != resMissing && res != resNotAllowed {
					res = resBadSpec
				}
				return "", res
			}
		default:
			return "", resBadSpec
		}
	}
}
