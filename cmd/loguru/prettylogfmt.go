package main

import (
	"strconv"

	"github.com/loguru-go/loguru"
)

// decodeLogfmt makes a record of a logfmt line (key=value pairs, values
// quoted when they hold spaces), as slog's TextHandler writes. A line
// without a msg or level key, or that does not parse, is not logfmt.
func decodeLogfmt(line []byte) (*loguru.Record, bool) {
	m := make(map[string]any, 8)
	for i := 0; i < len(line); {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		if i == len(line) {
			break
		}
		k := i
		for i < len(line) && line[i] != '=' && line[i] != ' ' && line[i] != '"' {
			i++
		}
		if i == k || i == len(line) || line[i] != '=' {
			return nil, false
		}
		key := string(line[k:i])
		i++ // '='
		v, n, ok := logfmtValue(line[i:])
		if !ok {
			return nil, false
		}
		if i < len(line) && line[i] == '"' {
			m[key] = v
		} else {
			m[key] = bareValue(v)
		}
		i += n
	}
	_, hasMsg := m["msg"]
	_, hasLevel := m["level"]
	if !hasMsg && !hasLevel {
		return nil, false
	}
	return fieldsRecord(m), true
}

// logfmtValue reads a value, quoted or bare, and returns it with the
// number of bytes it took.
func logfmtValue(b []byte) (string, int, bool) {
	if len(b) == 0 || b[0] != '"' {
		n := 0
		for n < len(b) && b[n] != ' ' {
			n++
		}
		return string(b[:n]), n, true
	}
	for n := 1; n < len(b); n++ {
		switch b[n] {
		case '\\':
			n++
		case '"':
			s, err := strconv.Unquote(string(b[:n+1]))
			return s, n + 1, err == nil
		}
	}
	return "", 0, false
}

// bareValue reads an unquoted value as the number or boolean it spells,
// as slog's TextHandler wrote it; anything else stays text.
func bareValue(s string) any {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && s != "NaN" && s != "Inf" && s != "+Inf" && s != "-Inf" {
		return f
	}
	if b, err := strconv.ParseBool(s); err == nil && (s == "true" || s == "false") {
		return b
	}
	return s
}
