// Package jsonenc appends JSON to byte slices without reflection for the
// common types and without ever failing: whatever a value holds, the
// result is valid JSON.
package jsonenc

import (
	"unicode/utf8"
	"unsafe"
)

const hex = "0123456789abcdef"

// safe reports which ASCII bytes are copied as they are. Quotes, the
// backslash, control characters and DEL are escaped.
var safe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != 0x7f
	}
	return t
}()

// AppendString appends s as a JSON string. Non-ASCII text is kept as it is
// (as Python's json.dumps with ensure_ascii=False); invalid UTF-8 becomes
// U+FFFD, and U+2028 and U+2029 are escaped so the line is also valid
// JavaScript.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if safe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = append(b, hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendEscape appends the escape sequence of the ASCII byte c.
func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	}
	return append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
}

// AppendBytes is AppendString for text held in a byte slice, without
// copying it into a string first.
func AppendBytes(b, p []byte) []byte {
	// The string aliases p only for the duration of the call, during
	// which p is not modified, and AppendString keeps no reference to it.
	return AppendString(b, unsafe.String(unsafe.SliceData(p), len(p)))
}
