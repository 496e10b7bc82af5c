// Package jsonparse reads JSON documents strictly, without reflection,
// into the values encoding/json would give (integers that fit as int): a
// netsink payload into a record, a log line into its fields.
package jsonparse

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxNesting bounds how deep arrays and objects may nest in a document, so
// that a hostile one cannot exhaust the stack. netsink's encoder stops at
// 32.
const MaxNesting = 128

// Parser reads one JSON document (RFC 8259), strictly: a payload is
// decoded straight into a record, without the reflection of encoding/json,
// which was most of the server's time. Strings are unescaped, invalid
// UTF-8 becomes U+FFFD as encoding/json does, and numbers are int when
// they are integers that fit and float64 otherwise.
type Parser struct {
	b     []byte
	i     int
	depth int
	// Values and Objects count what Value made, for netsink's estimate
	// of the decoded size.
	Values, Objects int
	// Intern, when set, shares member names and the strings read with
	// Interned across the documents parsed with it.
	Intern *Interner
}

// ErrEnd reports a document that ends too early, or has more after its value.
var ErrEnd = errors.New("unexpected end of JSON")

// New returns a parser of the document b.
func New(b []byte) *Parser { return &Parser{b: b} }

func (p *Parser) errorf(format string, args ...any) error {
	if p.i >= len(p.b) {
		return ErrEnd
	}
	return fmt.Errorf("offset %d: "+format, append([]any{p.i}, args...)...)
}

func (p *Parser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// next skips white space and returns the next byte, or 0 at the end (a
// NUL byte is never valid where next is asked).
func (p *Parser) next() byte {
	p.ws()
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

// End skips white space and reports whether the input is over.
func (p *Parser) End() bool {
	p.ws()
	return p.i >= len(p.b)
}

// Null consumes a null, reporting whether there was one: a null field is
// treated as absent, as encoding/json does for non-pointer fields.
func (p *Parser) Null() bool {
	if p.next() == 'n' && p.literal("null") == nil {
		return true
	}
	return false
}

func (p *Parser) literal(word string) error {
	if len(p.b)-p.i < len(word) || string(p.b[p.i:p.i+len(word)]) != word {
		return p.errorf("invalid literal")
	}
	p.i += len(word)
	return nil
}

// Object reads an object, calling field for each member with the parser at
// the member's value.
func (p *Parser) Object(field func(key string) error) error {
	if p.next() != '{' {
		return p.errorf("expected an object")
	}
	if err := p.enter(); err != nil {
		return err
	}
	defer p.leave()
	p.i++
	if p.next() == '}' {
		p.i++
		return nil
	}
	for {
		if p.next() != '"' {
			return p.errorf("expected a member name")
		}
		key, err := p.Interned()
		if err != nil {
			return err
		}
		if p.next() != ':' {
			return p.errorf("expected ':'")
		}
		p.i++
		if err := field(key); err != nil {
			return err
		}
		switch p.next() {
		case ',':
			p.i++
		case '}':
			p.i++
			return nil
		default:
			return p.errorf("expected ',' or '}'")
		}
	}
}

func (p *Parser) enter() error {
	if p.depth++; p.depth > MaxNesting {
		return p.errorf("nested deeper than %d", MaxNesting)
	}
	return nil
}

func (p *Parser) leave() { p.depth-- }

// Str reads a string. The common case, no escapes and valid UTF-8, is one
// copy.
func (p *Parser) Str() (string, error) { return p.str(nil) }

// Interned reads a string as Str does, shared through p.Intern when it is
// set: for strings that recur from one document to the next (names,
// levels, call sites), not for messages.
func (p *Parser) Interned() (string, error) { return p.str(p.Intern) }

func (p *Parser) str(in *Interner) (string, error) {
	if p.next() != '"' {
		return "", p.errorf("expected a string")
	}
	p.i++
	start := p.i
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			var s string
			if in != nil {
				s = in.get(p.b[start:p.i])
			} else {
				s = string(p.b[start:p.i])
			}
			p.i++
			return s, nil
		case c == '\\' || c >= utf8.RuneSelf:
			return p.strSlow(start)
		case c < 0x20:
			return "", p.errorf("control character in a string")
		}
		p.i++
	}
	return "", ErrEnd
}

// strSlow finishes a string that has escapes or non-ASCII bytes.
func (p *Parser) strSlow(start int) (string, error) {
	out := append(make([]byte, 0, p.i-start+16), p.b[start:p.i]...)
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			return string(out), nil
		case c == '\\':
			var err error
			if out, err = p.escape(out); err != nil {
				return "", err
			}
		case c < 0x20:
			return "", p.errorf("control character in a string")
		case c < utf8.RuneSelf:
			out = append(out, c)
			p.i++
		default:
			r, n := utf8.DecodeRune(p.b[p.i:])
			out = utf8.AppendRune(out, r) // RuneError for invalid bytes
			p.i += n
		}
	}
	return "", ErrEnd
}

// escape decodes the escape sequence at p.i.
func (p *Parser) escape(out []byte) ([]byte, error) {
	if p.i+1 >= len(p.b) {
		return nil, ErrEnd
	}
	c := p.b[p.i+1]
	p.i += 2
	switch c {
	case '"', '\\', '/':
		return append(out, c), nil
	case 'b':
		return append(out, '\b'), nil
	case 'f':
		return append(out, '\f'), nil
	case 'n':
		return append(out, '\n'), nil
	case 'r':
		return append(out, '\r'), nil
	case 't':
		return append(out, '\t'), nil
	case 'u':
		r, err := p.hex4()
		if err != nil {
			return nil, err
		}
		if utf16.IsSurrogate(r) {
			r = p.lowSurrogate(r)
		}
		return utf8.AppendRune(out, r), nil
	}
	p.i--
	return nil, p.errorf("invalid escape")
}

// lowSurrogate pairs a high surrogate with the \u escape after it; a lone
// surrogate is U+FFFD, as encoding/json decodes it.
func (p *Parser) lowSurrogate(hi rune) rune {
	save := p.i
	if p.i+1 < len(p.b) && p.b[p.i] == '\\' && p.b[p.i+1] == 'u' {
		p.i += 2
		if lo, err := p.hex4(); err == nil {
			if r := utf16.DecodeRune(hi, lo); r != utf8.RuneError {
				return r
			}
		}
	}
	p.i = save
	return utf8.RuneError
}

func (p *Parser) hex4() (rune, error) {
	if len(p.b)-p.i < 4 {
		return 0, ErrEnd
	}
	var r rune
	for _, c := range p.b[p.i : p.i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, p.errorf("invalid \\u escape")
		}
		r = r<<4 | rune(c)
	}
	p.i += 4
	return r, nil
}

// number reads a number's text, checking its grammar; integer reports
// whether it has neither fraction nor exponent.
func (p *Parser) number() (text []byte, integer bool, err error) {
	p.ws()
	start := p.i
	integer = true
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.b) && p.b[p.i] == '0':
		p.i++
	case p.i < len(p.b) && '1' <= p.b[p.i] && p.b[p.i] <= '9':
		p.digits()
	default:
		return nil, false, p.errorf("expected a number")
	}
	if p.i < len(p.b) && p.b[p.i] == '.' {
		integer = false
		p.i++
		if !p.digits() {
			return nil, false, p.errorf("expected a digit")
		}
	}
	if p.i < len(p.b) && (p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		integer = false
		p.i++
		if p.i < len(p.b) && (p.b[p.i] == '+' || p.b[p.i] == '-') {
			p.i++
		}
		if !p.digits() {
			return nil, false, p.errorf("expected a digit")
		}
	}
	return p.b[start:p.i], integer, nil
}

func (p *Parser) digits() bool {
	start := p.i
	for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// Int64 reads an integer field.
func (p *Parser) Int64() (int64, error) {
	text, integer, err := p.number()
	if err != nil {
		return 0, err
	}
	if !integer {
		return 0, fmt.Errorf("number %s is not an integer", text)
	}
	n, err := strconv.ParseInt(string(text), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("number %s out of range", text)
	}
	return n, nil
}

// Int reads an integer field that fits an int.
func (p *Parser) Int() (int, error) {
	n, err := p.Int64()
	if err == nil && int64(int(n)) != n {
		err = fmt.Errorf("number %d out of range", n)
	}
	return int(n), err
}

// Bool reads a boolean.
func (p *Parser) Bool() (bool, error) {
	switch p.next() {
	case 't':
		return true, p.literal("true")
	case 'f':
		return false, p.literal("false")
	}
	return false, p.errorf("expected true or false")
}

// Value reads any value: string, int or float64, bool, nil,
// map[string]any or []any.
func (p *Parser) Value() (any, error) {
	p.Values++
	switch c := p.next(); {
	case c == '"':
		return p.Str()
	case c == '{':
		return p.Members()
	case c == '[':
		return p.array()
	case c == 't' || c == 'f':
		return p.Bool()
	case c == 'n':
		return nil, p.literal("null")
	case c == '-' || ('0' <= c && c <= '9'):
		return p.anyNumber()
	}
	return nil, p.errorf("expected a value")
}

// Members reads an object as a map[string]any.
func (p *Parser) Members() (map[string]any, error) {
	p.Objects++
	m := map[string]any{}
	err := p.Object(func(key string) error {
		v, err := p.Value()
		m[key] = v
		return err
	})
	return m, err
}

func (p *Parser) array() ([]any, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	p.i++ // '['
	a := []any{}
	if p.next() == ']' {
		p.i++
		return a, nil
	}
	for {
		v, err := p.Value()
		if err != nil {
			return nil, err
		}
		a = append(a, v)
		switch p.next() {
		case ',':
			p.i++
		case ']':
			p.i++
			return a, nil
		default:
			return nil, p.errorf("expected ',' or ']'")
		}
	}
}

func (p *Parser) anyNumber() (any, error) {
	text, integer, err := p.number()
	if err != nil {
		return nil, err
	}
	if integer {
		if n, err := strconv.ParseInt(string(text), 10, 64); err == nil && int64(int(n)) == n {
			return int(n), nil
		}
	}
	f, _ := strconv.ParseFloat(string(text), 64) // ±Inf past float64's range
	return f, nil
}
