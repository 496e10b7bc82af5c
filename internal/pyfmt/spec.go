package pyfmt

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"unicode/utf8"
)

// maxNum bounds Width and Precision, so that a format string cannot ask for
// an enormous allocation. ParseSpec rejects larger numbers; formatting clamps
// a larger Width in a Spec built by hand.
const maxNum = 9999

// Spec is a parsed format spec, Python's
//
//	[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//
// The zero Spec formats like "{}". A Spec built by hand rather than by
// ParseSpec must set Precision to -1 unless it means a precision; only the
// zero Spec as a whole is read as "no precision".
type Spec struct {
	Fill      rune // default ' '
	Align     byte // 0 (default), '<', '>', '=', '^'
	Sign      byte // 0, '+', '-', ' '
	NoNegZero bool // 'z': a float that rounds to zero is written without "-"
	Alt       bool // '#'
	Zero      bool // '0': with the default Fill, pad with '0' (after the sign, for numbers without Align)
	Width     int
	Grouping  byte // 0, ',', '_'
	Precision int  // -1 when absent
	Type      byte // 0 when absent
}

// ParseSpec parses a format spec such as " <8", ">4", "08.3f" or ",d".
//
// Beyond Python's own parse-time checks it rejects combinations that cannot
// format any value: a precision with an integer type ("d", "b", "o", "x",
// "X", "c"), a sign, "#" or "=" with "s", a sign or "#" with "c", and "z"
// with an integer type or "s". Width and precision are limited to 9999.
// Grouping of the fractional part (Python 3.14's ".2_f" style) is not
// supported.
func ParseSpec(s string) (Spec, error) {
	sp, msg := parseSpec(s)
	if msg != "" {
		return Spec{}, errors.New("invalid format spec " + strconv.Quote(s) + ": " + msg)
	}
	return sp, nil
}

func isAlign(c byte) bool { return c == '<' || c == '>' || c == '=' || c == '^' }

// parseSpec parses s and returns a message describing the problem, or "".
func parseSpec(s string) (Spec, string) {
	sp := Spec{Fill: ' ', Precision: -1}
	i := 0
	fillSet := false
	if len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if n < len(s) && isAlign(s[n]) {
			sp.Fill, sp.Align, fillSet, i = r, s[n], true, n+1
		} else if isAlign(s[0]) {
			sp.Align, i = s[0], 1
		}
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-' || s[i] == ' ') {
		sp.Sign = s[i]
		i++
	}
	if i < len(s) && s[i] == 'z' {
		sp.NoNegZero = true
		i++
	}
	if i < len(s) && s[i] == '#' {
		sp.Alt = true
		i++
	}
	// As in Python, a '0' right before the width is the zero-padding flag
	// unless a fill character was given; then it belongs to the width.
	if !fillSet && i < len(s) && s[i] == '0' {
		sp.Zero = true
		i++
	}
	var ok bool
	if sp.Width, i, ok = parseNum(s, i); !ok {
		return Spec{}, "width is larger than 9999"
	}
	if i < len(s) && (s[i] == ',' || s[i] == '_') {
		sp.Grouping = s[i]
		i++
		if i < len(s) && (s[i] == ',' || s[i] == '_') && s[i] != sp.Grouping {
			return Spec{}, `cannot use both "," and "_"`
		}
	}
	if i < len(s) && s[i] == '.' {
		j := i + 1
		if sp.Precision, i, ok = parseNum(s, j); !ok {
			return Spec{}, "precision is larger than 9999"
		}
		if i == j {
			return Spec{}, `missing precision after "."`
		}
	}
	switch rest := s[i:]; len(rest) {
	case 0:
	case 1:
		sp.Type = rest[0]
	default:
		return Spec{}, "unexpected " + strconv.Quote(rest)
	}
	if msg := sp.check(); msg != "" {
		return Spec{}, msg
	}
	return sp, ""
}

// parseNum reads the decimal number at s[i:]. It returns the number (0 when
// there are no digits), the index after it, and false when it exceeds maxNum.
func parseNum(s string, i int) (n, end int, ok bool) {
	ok = true
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if n = n*10 + int(s[i]-'0'); n > maxNum {
			ok = false
			n = maxNum + 1
		}
	}
	return n, i, ok
}

func quoteByte(c byte) string { return strconv.Quote(string(rune(c))) }

// check reports, as in parseSpec, an invalid field or combination of fields.
// It also guards Specs built by hand.
func (s Spec) check() string {
	switch s.Align {
	case 0, '<', '>', '=', '^':
	default:
		return "invalid alignment " + quoteByte(s.Align)
	}
	switch s.Sign {
	case 0, '+', '-', ' ':
	default:
		return "invalid sign " + quoteByte(s.Sign)
	}
	if s.Width < 0 {
		return "negative width"
	}
	if s.Precision > maxNum {
		return "precision is larger than 9999"
	}
	t := s.Type
	switch t {
	case 0, 's', 'b', 'c', 'd', 'o', 'x', 'X', 'n', 'e', 'E', 'f', 'F', 'g', 'G', '%':
	default:
		return "unknown format type " + quoteByte(t)
	}
	switch s.Grouping {
	case 0:
	case ',', '_':
		switch t {
		case 0, 'd', 'e', 'E', 'f', 'F', 'g', 'G', '%':
		case 'b', 'o', 'x', 'X':
			if s.Grouping == ',' {
				return `"," is not allowed with type ` + quoteByte(t) + `; use "_"`
			}
		default:
			return quoteByte(s.Grouping) + " is not allowed with type " + quoteByte(t)
		}
	default:
		return "invalid grouping " + quoteByte(s.Grouping)
	}
	switch t {
	case 's':
		switch {
		case s.Sign != 0:
			return `a sign is not allowed with type "s"`
		case s.Alt:
			return `"#" is not allowed with type "s"`
		case s.Align == '=':
			return `"=" alignment is not allowed with type "s"`
		case s.NoNegZero:
			return `"z" is not allowed with type "s"`
		}
	case 'c', 'd', 'b', 'o', 'x', 'X':
		switch {
		case s.Precision >= 0:
			return "a precision is not allowed with integer type " + quoteByte(t)
		case s.NoNegZero:
			return `"z" is not allowed with integer type ` + quoteByte(t)
		case t == 'c' && s.Sign != 0:
			return `a sign is not allowed with type "c"`
		case t == 'c' && s.Alt:
			return `"#" is not allowed with type "c"`
		}
	}
	return ""
}

// IsZero reports whether s is the empty spec, which formats a value exactly
// like AppendValue. Fill does not matter without a width.
func (s Spec) IsZero() bool {
	if s == (Spec{}) {
		return true
	}
	return s.Align == 0 && s.Sign == 0 && !s.NoNegZero && !s.Alt && !s.Zero &&
		s.Width == 0 && s.Grouping == 0 && s.Precision < 0 && s.Type == 0
}

// fillAlign returns the fill character and the alignment in effect, given
// the default alignment of the value: right for numbers, left otherwise.
func (s Spec) fillAlign(numeric bool) (rune, byte) {
	fill := s.Fill
	if fill == 0 {
		fill = ' '
	}
	align := s.Align
	if s.Zero && fill == ' ' {
		fill = '0'
		if align == 0 && numeric {
			align = '='
		}
	}
	if align == 0 {
		align = '<'
		if numeric {
			align = '>'
		}
	}
	return fill, align
}

func (s Spec) width() int { return min(s.Width, maxNum) }

// Append appends v formatted by the spec. It returns ok=false when the spec
// does not apply to v's type (e.g. "d" on a string), in which case dst is
// returned unchanged and nothing was written past its length.
//
// Strings, and errors and fmt.Stringers through their text, take type "s" or
// none. Integers take "d", "n", "b", "o", "x", "X", "c" and the float types,
// as in Python. Floats take "e", "E", "f", "F", "g", "G", "n", "%" and none.
// A bool is "true"/"false" with type "s" or none and 1/0 with a numeric
// type. Named types with a basic underlying type format like it, and a
// numeric type spec formats a number even when its type has a String method
// (as fmt's %d does). Any other value accepts only fill, alignment and width,
// and is rendered by AppendValue.
func (s Spec) Append(dst []byte, v any) (out []byte, ok bool) {
	if s.IsZero() {
		return AppendValue(dst, v), true
	}
	if s.check() != "" {
		return dst, false
	}
	return s.append(dst, v)
}

// append is Append for a non-empty spec that passed check.
func (s Spec) append(dst []byte, v any) (out []byte, ok bool) {
	switch x := v.(type) {
	case string:
		return s.appendString(dst, x)
	case int:
		return s.appendSigned(dst, int64(x))
	case int8:
		return s.appendSigned(dst, int64(x))
	case int16:
		return s.appendSigned(dst, int64(x))
	case int32:
		return s.appendSigned(dst, int64(x))
	case int64:
		return s.appendSigned(dst, x)
	case uint:
		return s.appendInt(dst, false, uint64(x))
	case uint8:
		return s.appendInt(dst, false, uint64(x))
	case uint16:
		return s.appendInt(dst, false, uint64(x))
	case uint32:
		return s.appendInt(dst, false, uint64(x))
	case uint64:
		return s.appendInt(dst, false, x)
	case uintptr:
		return s.appendInt(dst, false, uint64(x))
	case float64:
		return s.appendFloat(dst, x, 64)
	case float32:
		return s.appendFloat(dst, float64(x), 32)
	case bool:
		return s.appendBool(dst, x)
	case nil:
		return s.appendPadOnly(dst, v)
	}
	if s.Type != 0 && s.Type != 's' {
		if isNumberKind(v) {
			out, ok, _ = s.appendKind(dst, v)
			return out, ok
		}
	}
	switch v.(type) {
	case error, fmt.Stringer:
		return s.appendText(dst, v)
	case fmt.Formatter:
		return s.appendPadOnly(dst, v)
	}
	if out, ok, handled := s.appendKind(dst, v); handled {
		return out, ok
	}
	return s.appendPadOnly(dst, v)
}

func isNumberKind(v any) bool {
	switch reflect.ValueOf(v).Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Bool:
		return true
	}
	return false
}

// appendKind formats a value of a named type by its basic underlying type.
// handled is false for other kinds.
func (s Spec) appendKind(dst []byte, v any) (out []byte, ok, handled bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		out, ok = s.appendSigned(dst, rv.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		out, ok = s.appendInt(dst, false, rv.Uint())
	case reflect.Float32:
		out, ok = s.appendFloat(dst, rv.Float(), 32)
	case reflect.Float64:
		out, ok = s.appendFloat(dst, rv.Float(), 64)
	case reflect.Bool:
		out, ok = s.appendBool(dst, rv.Bool())
	case reflect.String:
		out, ok = s.appendString(dst, rv.String())
	default:
		return dst, false, false
	}
	return out, ok, true
}

// stringOK reports whether the spec applies to a string.
func (s Spec) stringOK() bool {
	return (s.Type == 0 || s.Type == 's') && s.Sign == 0 && !s.Alt && !s.NoNegZero &&
		s.Align != '=' && s.Grouping == 0
}

func (s Spec) appendString(dst []byte, str string) ([]byte, bool) {
	if !s.stringOK() {
		return dst, false
	}
	if s.Precision >= 0 {
		str = truncRunes(str, s.Precision)
	}
	w := s.width()
	if w <= 0 || len(str) >= w && utf8.RuneCountInString(str) >= w {
		return append(dst, str...), true
	}
	fill, align := s.fillAlign(false)
	pad := w - utf8.RuneCountInString(str)
	l, r := 0, pad
	switch align {
	case '>':
		l, r = pad, 0
	case '^':
		l = pad / 2
		r = pad - l
	}
	dst = appendFill(dst, fill, l)
	dst = append(dst, str...)
	return appendFill(dst, fill, r), true
}

// appendText formats an error or fmt.Stringer as a string.
func (s Spec) appendText(dst []byte, v any) ([]byte, bool) {
	if !s.stringOK() {
		return dst, false
	}
	start := len(dst)
	dst = AppendValue(dst, v)
	if s.Precision >= 0 {
		dst = dst[:start+runePrefix(dst[start:], s.Precision)]
	}
	return s.pad(dst, start, false), true
}

// appendPadOnly formats a value that is neither a string nor a number: only
// fill, alignment and width apply.
func (s Spec) appendPadOnly(dst []byte, v any) ([]byte, bool) {
	if s.Type != 0 || s.Sign != 0 || s.Alt || s.Zero || s.NoNegZero || s.Grouping != 0 ||
		s.Precision >= 0 || s.Align == '=' {
		return dst, false
	}
	start := len(dst)
	dst = AppendValue(dst, v)
	return s.pad(dst, start, false), true
}

func (s Spec) appendBool(dst []byte, b bool) ([]byte, bool) {
	if s.Type == 0 || s.Type == 's' {
		if b {
			return s.appendString(dst, "true")
		}
		return s.appendString(dst, "false")
	}
	var n uint64
	if b {
		n = 1
	}
	return s.appendInt(dst, false, n)
}

// truncRunes returns the first n runes of s.
func truncRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func (s Spec) appendSigned(dst []byte, n int64) ([]byte, bool) {
	if n < 0 {
		return s.appendInt(dst, true, uint64(-(n+1))+1)
	}
	return s.appendInt(dst, false, uint64(n))
}

// appendInt formats the integer whose magnitude is mag.
func (s Spec) appendInt(dst []byte, neg bool, mag uint64) ([]byte, bool) {
	base := 10
	prefix := ""
	switch s.Type {
	case 0, 'd', 'n', 'c':
	case 'b':
		base, prefix = 2, "0b"
	case 'o':
		base, prefix = 8, "0o"
	case 'x':
		base, prefix = 16, "0x"
	case 'X':
		base, prefix = 16, "0X"
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f := float64(mag)
		if neg {
			f = -f
		}
		return s.appendFloat(dst, f, 64)
	default:
		return dst, false
	}
	if s.Precision >= 0 || s.NoNegZero {
		return dst, false
	}
	var buf [64]byte
	var digits, rest []byte
	if s.Type == 'c' {
		if neg || mag > utf8.MaxRune || s.Sign != 0 || s.Alt {
			return dst, false
		}
		rest = utf8.AppendRune(buf[:0], rune(mag))
	} else {
		digits = strconv.AppendUint(buf[:0], mag, base)
		if s.Type == 'X' {
			for i, c := range digits {
				if c >= 'a' {
					digits[i] = c - 'a' + 'A'
				}
			}
		}
	}
	if !s.Alt {
		prefix = ""
	}
	group := 3
	if base != 10 {
		group = 4
	}
	return s.appendNumber(dst, signChar(s.Sign, neg), prefix, digits, rest, group), true
}

func signChar(sign byte, neg bool) byte {
	if neg {
		return '-'
	}
	if sign == '+' || sign == ' ' {
		return sign
	}
	return 0
}

// appendFloat formats f; bitSize is 32 for a float32, whose shortest
// representation is then used where Python would use repr.
func (s Spec) appendFloat(dst []byte, f float64, bitSize int) ([]byte, bool) {
	t := s.Type
	switch t {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
	default:
		return dst, false
	}
	upper := t == 'E' || t == 'F' || t == 'G'
	if t == '%' {
		f *= 100
	}
	var buf [48]byte
	body := buf[:0]
	neg := math.Signbit(f)
	switch {
	case math.IsNaN(f):
		neg = false // Python ignores the sign of a NaN
		body = append(body, pick(upper, "NAN", "nan")...)
	case math.IsInf(f, 0):
		body = append(body, pick(upper, "INF", "inf")...)
	default:
		body = s.floatBody(body, math.Abs(f), bitSize)
	}
	if t == '%' {
		body = append(body, '%')
	}
	if neg && s.NoNegZero && isZero(body) {
		neg = false
	}
	n := 0
	for n < len(body) && body[n] >= '0' && body[n] <= '9' {
		n++
	}
	return s.appendNumber(dst, signChar(s.Sign, neg), "", body[:n], body[n:], 3), true
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

// isZero reports whether the mantissa of a formatted float has only zeros.
func isZero(b []byte) bool {
	for _, c := range b {
		switch c {
		case '0', '.':
		case 'e', 'E', '%':
			return true
		default:
			return false
		}
	}
	return true
}

// floatBody appends the finite, non-negative x formatted by the spec's type
// and precision, following CPython's float formatting.
func (s Spec) floatBody(b []byte, x float64, bitSize int) []byte {
	p := s.Precision
	var dbuf [32]byte
	expChar := byte('e')
	switch s.Type {
	case 'E', 'G':
		expChar = 'E'
	}
	switch s.Type {
	case 'f', 'F', '%':
		if p < 0 {
			p = 6
		}
		b = strconv.AppendFloat(b, x, 'f', p, 64)
		if p == 0 && s.Alt {
			b = append(b, '.')
		}
		return b
	case 'e', 'E':
		if p < 0 {
			p = 6
		}
		digits, exp := sciDigits(dbuf[:0], x, p, 64)
		return layout(b, digits, exp+1, true, p+1, false, s.Alt, expChar)
	case 0:
		if p < 0 {
			// Python's repr: shortest digits, exponent from 1e16 on, and
			// always a digit after the point.
			digits, exp := sciDigits(dbuf[:0], x, -1, bitSize)
			decpt := exp + 1
			return layout(b, digits, decpt, decpt <= -4 || decpt > 16, len(digits), true, s.Alt, 'e')
		}
		// Like "g", but with a digit after the point and an exponent
		// from exp >= precision-1 on.
		return s.generalFloat(b, dbuf[:0], x, max(p, 1), true, expChar)
	default: // g, G, n
		if p < 0 {
			p = 6
		}
		return s.generalFloat(b, dbuf[:0], x, max(p, 1), false, expChar)
	}
}

// generalFloat is the "g" format with p significant digits.
func (s Spec) generalFloat(b, dbuf []byte, x float64, p int, addDot0 bool, expChar byte) []byte {
	digits, exp := sciDigits(dbuf, x, p-1, 64)
	if !s.Alt {
		for len(digits) > 1 && digits[len(digits)-1] == '0' {
			digits = digits[:len(digits)-1]
		}
	}
	decpt := exp + 1
	limit := p
	if addDot0 {
		limit = p - 1
	}
	vend := len(digits)
	if s.Alt {
		vend = p
	}
	return layout(b, digits, decpt, decpt <= -4 || decpt > limit, vend, addDot0, s.Alt, expChar)
}

// sciDigits returns the decimal digits of x rounded to prec+1 significant
// digits (the shortest exact digits when prec is -1), and the decimal
// exponent of the first digit.
func sciDigits(b []byte, x float64, prec, bitSize int) ([]byte, int) {
	b = strconv.AppendFloat(b, x, 'e', prec, bitSize)
	e := len(b) - 1
	for b[e] != 'e' {
		e--
	}
	exp := 0
	for _, c := range b[e+2:] {
		exp = exp*10 + int(c-'0')
	}
	if b[e+1] == '-' {
		exp = -exp
	}
	n := e
	if e > 1 { // drop the '.'
		copy(b[1:], b[2:e])
		n = e - 1
	}
	return b[:n], exp
}

// layout appends digits with the decimal point after the first decpt of
// them, padded with zeros to at least vend digit positions, then the
// exponent when useExp (the point then follows the first digit). With
// addDot0 a number without exponent gets at least one digit after the
// point; alt keeps a trailing point.
func layout(b, digits []byte, decpt int, useExp bool, vend int, addDot0, alt bool, expChar byte) []byte {
	exp := 0
	if useExp {
		exp = decpt - 1
		decpt = 1
	}
	start := 0
	if decpt <= 0 {
		start = decpt - 1
	}
	if !useExp && addDot0 {
		vend = max(vend, decpt+1)
	} else {
		vend = max(vend, decpt)
	}
	vend = max(vend, len(digits))
	for i := start; i < vend; i++ {
		if i == decpt {
			b = append(b, '.')
		}
		if i >= 0 && i < len(digits) {
			b = append(b, digits[i])
		} else {
			b = append(b, '0')
		}
	}
	if decpt == vend && alt {
		b = append(b, '.')
	}
	if useExp {
		b = append(b, expChar)
		if exp < 0 {
			b = append(b, '-')
			exp = -exp
		} else {
			b = append(b, '+')
		}
		if exp < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendInt(b, int64(exp), 10)
	}
	return b
}

// appendNumber lays out a formatted number: sign, prefix such as "0x",
// integer digits (grouped, and zero-padded when the fill is '0' with '='
// alignment, as CPython does), and the rest (point, fraction, exponent, '%',
// or the character of type "c"), padded to the width.
func (s Spec) appendNumber(dst []byte, sign byte, prefix string, digits, rest []byte, group int) []byte {
	fill, align := s.fillAlign(true)
	w := s.width()
	other := len(prefix) + utf8.RuneCount(rest)
	if sign != 0 {
		other++
	}
	sep := s.Grouping
	nd := len(digits)
	minWidth := 0
	if sep != 0 && nd > 0 {
		if fill == '0' && align == '=' {
			minWidth = w - other
		}
		nd = groupDigits(nil, digits, group, sep, minWidth)
	}
	var lpad, spad, rpad int
	if pad := w - other - nd; pad > 0 {
		switch align {
		case '<':
			rpad = pad
		case '^':
			lpad = pad / 2
			rpad = pad - lpad
		case '=':
			spad = pad
		default:
			lpad = pad
		}
	}
	dst = appendFill(dst, fill, lpad)
	if sign != 0 {
		dst = append(dst, sign)
	}
	dst = append(dst, prefix...)
	dst = appendFill(dst, fill, spad)
	if sep != 0 && len(digits) > 0 {
		n := len(dst)
		dst = slices.Grow(dst, nd)[:n+nd]
		groupDigits(dst[n:], digits, group, sep, minWidth)
	} else {
		dst = append(dst, digits...)
	}
	dst = append(dst, rest...)
	return appendFill(dst, fill, rpad)
}

// groupDigits computes the digits with sep between groups of n, counted
// from the right, and leading zeros so that the result is at least minWidth
// long without starting with a separator (CPython's rule, which may exceed
// minWidth by one). It returns the length; when out is not nil it must have
// exactly that length and receives the result.
func groupDigits(out, digits []byte, n int, sep byte, minWidth int) int {
	remaining := len(digits)
	count := 0
	pos := len(out)
	first := true
	for {
		l := min(n, max(remaining, minWidth, 1))
		zeros := max(0, l-remaining)
		chars := max(0, min(remaining, l))
		if !first {
			count++
		}
		count += zeros + chars
		if out != nil {
			if !first {
				pos--
				out[pos] = sep
			}
			for i := 0; i < chars; i++ {
				pos--
				out[pos] = digits[remaining-1-i]
			}
			for range zeros {
				pos--
				out[pos] = '0'
			}
		}
		first = false
		remaining -= chars
		minWidth -= l
		if remaining <= 0 && minWidth <= 0 {
			return count
		}
		minWidth-- // the separator
	}
}

// appendFill appends n copies of fill.
func appendFill(dst []byte, fill rune, n int) []byte {
	if n <= 0 {
		return dst
	}
	if fill >= 0 && fill < utf8.RuneSelf {
		dst = slices.Grow(dst, n)
		for range n {
			dst = append(dst, byte(fill))
		}
		return dst
	}
	var fb [utf8.UTFMax]byte
	k := utf8.EncodeRune(fb[:], fill)
	dst = slices.Grow(dst, n*k)
	for range n {
		dst = append(dst, fb[:k]...)
	}
	return dst
}

// Pad applies fill/alignment/width to the text dst[start:] that the caller
// already appended (width counts runes, like Python counts code points).
// Default alignment for Pad is left ('<'). Other fields of the spec, such as
// the precision, are ignored; '=' aligns right.
func (s Spec) Pad(dst []byte, start int) []byte { return s.pad(dst, start, false) }

// PadNumber is Pad with numeric default alignment (right). '=' alignment,
// and the '0' flag without an alignment, put the padding after a leading
// sign ('+', '-' or ' ').
func (s Spec) PadNumber(dst []byte, start int) []byte { return s.pad(dst, start, true) }

func (s Spec) pad(dst []byte, start int, numeric bool) []byte {
	w := s.width()
	if w <= 0 || start < 0 || start > len(dst) {
		return dst
	}
	if len(dst)-start >= w && utf8.RuneCount(dst[start:]) >= w {
		return dst
	}
	pad := w - utf8.RuneCount(dst[start:])
	fill, align := s.fillAlign(numeric)
	at, l, r := start, 0, 0
	switch align {
	case '<':
		r = pad
	case '^':
		l = pad / 2
		r = pad - l
	case '=':
		if numeric && start < len(dst) {
			if c := dst[start]; c == '+' || c == '-' || c == ' ' {
				at++
			}
		}
		l = pad
	default:
		l = pad
	}
	if l > 0 {
		var fb [utf8.UTFMax]byte
		k := utf8.EncodeRune(fb[:], fill)
		add := l * k
		old := len(dst)
		dst = slices.Grow(dst, add)[:old+add]
		copy(dst[at+add:], dst[at:old])
		for i := at; i < at+add; i += k {
			copy(dst[i:], fb[:k])
		}
	}
	return appendFill(dst, fill, r)
}

// runePrefix returns the length in bytes of the first n runes of b.
func runePrefix(b []byte, n int) int {
	i := 0
	for ; n > 0 && i < len(b); n-- {
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return i
}

// AppendFloatRepr appends the finite x as Python's repr writes it: the
// shortest digits that read back as x, "1.0" rather than "1", and an
// exponent below 1e-4 and from 1e16 on ("1e-05", "1e+16"). bitSize is 32
// for a float32, which has its own shortest digits.
func AppendFloatRepr(dst []byte, x float64, bitSize int) []byte {
	if math.Signbit(x) {
		dst = append(dst, '-')
		x = -x
	}
	if x >= 1e-4 && x < 1e16 {
		return appendFixedRepr(dst, x, bitSize)
	}
	return Spec{Precision: -1}.floatBody(dst, x, bitSize)
}

// appendFixedRepr is repr for the values Python writes without an
// exponent: the shortest digits that round-trip, in fixed notation, with
// ".0" when they make an integer. A double outside [1e-4, 1e16) never has
// its shortest digits inside it, so the range check is exact.
func appendFixedRepr(dst []byte, x float64, bitSize int) []byte {
	start := len(dst)
	dst = strconv.AppendFloat(dst, x, 'f', -1, bitSize)
	if bytes.IndexByte(dst[start:], '.') < 0 {
		dst = append(dst, '.', '0')
	}
	return dst
}
