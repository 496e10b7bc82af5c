package traceback

import (
	"fmt"
	"log/slog"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/loguru-go/loguru/internal/pyfmt"
)

// DefaultRedact matches the names of values that are never shown: they are
// replaced by "<redacted>" before anything formats them.
var DefaultRedact = regexp.MustCompile(`(?i)pass(word|wd|phrase)?|secret|token|api[-_]?key|auth|cookie|session|credential|private[-_]?key|bearer|signature`)

var redact atomic.Pointer[regexp.Regexp]

func init() { redact.Store(DefaultRedact) }

// SetRedact replaces the pattern of secret names; nil restores the default.
func SetRedact(re *regexp.Regexp) {
	if re == nil {
		re = DefaultRedact
	}
	redact.Store(re)
}

// Redacted is the text shown in place of a secret.
const Redacted = "<redacted>"

// secretName reports whether a value's name looks like a secret.
func secretName(name string) bool { return name != "" && redact.Load().MatchString(name) }

// formatValue renders a diagnose value: secrets by name, by marker method
// or by slog.LogValuer are redacted without being formatted; strings are
// quoted, so a value cannot forge log lines; the text is capped.
func formatValue(name string, v any) (text string) {
	if secretName(name) {
		return Redacted
	}
	defer func() {
		if p := recover(); p != nil {
			text = "<unprintable " + typeName(v) + ": panic: " + capText(safeText(p)) + ">"
		}
	}()
	var b []byte
	b = appendValue(b, v, 0)
	return capText(string(b))
}

// appendValue writes v for a report. Structs and string-keyed maps apply
// the secret rule to their field names and keys; the depth is limited.
func appendValue(b []byte, v any, depth int) []byte {
	if depth > 4 {
		return append(b, "..."...)
	}
	switch x := v.(type) {
	case nil:
		return append(b, "nil"...)
	case interface{ Redacted() bool }:
		if x.Redacted() {
			return append(b, Redacted...)
		}
	case slog.LogValuer:
		return appendSlog(b, slog.AnyValue(x).Resolve(), depth)
	case slog.Value:
		return appendSlog(b, x.Resolve(), depth)
	case []slog.Attr:
		return appendSlog(b, slog.GroupValue(x...), depth)
	case string:
		return strconv.AppendQuote(b, scrub(x))
	case []byte:
		return strconv.AppendQuote(b, scrub(string(x)))
	case error:
		return strconv.AppendQuote(b, scrub(safeError(x)))
	case fmt.Stringer:
		return strconv.AppendQuote(b, scrub(x.String()))
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			return append(b, "nil"...)
		}
		if rv.Elem().Kind() == reflect.Struct {
			return appendValue(append(b, '&'), rv.Elem().Interface(), depth+1)
		}
	case reflect.Struct:
		return appendStruct(b, rv, depth)
	case reflect.Map:
		if rv.Type().Key().Kind() == reflect.String {
			return appendMap(b, rv, depth)
		}
	}
	return escape(b, pyfmt.AppendValue(nil, v))
}

func appendStruct(b []byte, rv reflect.Value, depth int) []byte {
	t := rv.Type()
	b = append(b, t.String()...)
	b = append(b, '{')
	first := true
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if !first {
			b = append(b, ", "...)
		}
		first = false
		b = append(b, f.Name...)
		b = append(b, ": "...)
		if secretName(f.Name) {
			b = append(b, Redacted...)
			continue
		}
		b = appendValue(b, rv.Field(i).Interface(), depth+1)
	}
	return append(b, '}')
}

func appendMap(b []byte, rv reflect.Value, depth int) []byte {
	keys := rv.MapKeys()
	strs := make([]string, len(keys))
	for i, k := range keys {
		strs[i] = k.String()
	}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return strings.Compare(strs[i], strs[j]) })
	b = append(b, '{')
	for n, i := range order {
		if n > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, strs[i])
		b = append(b, ": "...)
		if secretName(strs[i]) {
			b = append(b, Redacted...)
			continue
		}
		b = appendValue(b, rv.MapIndex(keys[i]).Interface(), depth+1)
	}
	return append(b, '}')
}

func appendSlog(b []byte, v slog.Value, depth int) []byte {
	if v.Kind() != slog.KindGroup {
		return appendValue(b, v.Any(), depth+1)
	}
	b = append(b, '{')
	for i, a := range v.Group() {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, a.Key...)
		b = append(b, ": "...)
		if secretName(a.Key) {
			b = append(b, Redacted...)
			continue
		}
		b = appendSlog(b, a.Value.Resolve(), depth+1)
	}
	return append(b, '}')
}

// userinfo finds the password of a URL: scheme://user:password@host.
var userinfo = regexp.MustCompile(`([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*):[^@/\s]+@`)

// scrub hides URL passwords inside a string value.
func scrub(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return userinfo.ReplaceAllString(s, "$1:***@")
}

// escape appends s with control characters escaped, so a value stays on
// its line.
func escape(b, s []byte) []byte {
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, `\x`...)
			b = append(b, "0123456789abcdef"[s[0]>>4], "0123456789abcdef"[s[0]&15])
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029:
			q := strconv.QuoteRune(r)
			b = append(b, q[1:len(q)-1]...)
		default:
			b = append(b, s[:n]...)
		}
		s = s[n:]
	}
	return b
}

// capText cuts s to MaxValue characters, ending in "..." as Loguru does.
func capText(s string) string {
	if utf8.RuneCountInString(s) <= MaxValue {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxValue-3 {
			return s[:i] + "..."
		}
		n++
	}
	return s
}

// ErrorText calls err.Error, containing a panic in it.
func ErrorText(err error) string { return safeError(err) }

// safeError calls err.Error, containing a panic in it.
func safeError(err error) (s string) {
	defer func() {
		if v := recover(); v != nil {
			s = "%!v(PANIC=Error method: " + fmt.Sprint(v) + ")"
		}
	}()
	return err.Error()
}

// safeText formats a panic value or any other value without letting its
// methods crash the report.
func safeText(v any) (s string) {
	defer func() {
		if p := recover(); p != nil {
			s = "<" + typeName(v) + " value whose method panicked>"
		}
	}()
	switch x := v.(type) {
	case error:
		return safeError(x)
	case string:
		return x
	}
	return string(pyfmt.AppendValue(nil, v))
}
