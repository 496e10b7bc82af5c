package main

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/caller"
	"github.com/loguru-go/loguru/internal/jsonparse"
)

// The keys that, in one logger's JSON or another's, hold a record's own
// fields; every other key goes to Extra.
var (
	messageKeys = []string{"message", "msg"}
	timeKeys    = []string{"time", "ts", "timestamp"}
	levelKeys   = []string{"level", "severity"}
)

// levelAliases are the level names of zap and zerolog that loguru does
// not have; loguru looks up the others (slog's WARN included) in any case.
var levelAliases = map[string]string{"dpanic": "CRITICAL", "panic": "CRITICAL", "fatal": "CRITICAL"}

// decodeLine makes a record of one JSON log line, whatever wrote it:
// loguru's JSON lines and Serialize, zap, zerolog and slog's JSONHandler.
// It reports false for a line that is not a JSON object. in, when set,
// shares the member names across lines.
func decodeLine(line []byte, in *jsonparse.Interner) (*loguru.Record, bool) {
	if len(line) == 0 || line[0] != '{' {
		return nil, false
	}
	p := jsonparse.New(line)
	p.Intern = in // the member names recur from line to line
	v, err := p.Value()
	m, isObject := v.(map[string]any)
	if err != nil || !p.End() || !isObject {
		return nil, false
	}
	if rec, ok := m["record"].(map[string]any); ok {
		if text, ok := m["text"].(string); ok {
			return serializedRecord(rec, text), true // loguru's Serialize
		}
	}
	return fieldsRecord(m), true
}

// fieldsRecord takes a record's fields out of m and leaves the rest as
// Extra.
func fieldsRecord(m map[string]any) *loguru.Record {
	r := &loguru.Record{Level: levelOf(nil)}
	if s, ok := take(m, messageKeys).(string); ok {
		r.Message = s
	}
	if v := take(m, timeKeys); v != nil {
		r.Time, _ = parseTime(v)
	}
	if v := take(m, levelKeys); v != nil {
		r.Level = levelOf(v)
	}
	fromLoguru := callerFields(r, m)
	if st, ok := m["stacktrace"].(string); ok { // zap's
		delete(m, "stacktrace")
		r.Exception = &loguru.ExceptionInfo{Text: st}
	}
	if e, ok := m["exception"].(map[string]any); ok { // loguru's JSON lines
		delete(m, "exception")
		r.Exception = exceptionOf(e)
	}
	if x, ok := m["extra"].(map[string]any); ok && fromLoguru { // loguru's Extra is an object
		delete(m, "extra")
		for k, v := range x {
			m[k] = v
		}
	}
	if len(m) > 0 {
		r.Extra = m
	}
	return r
}

// serializedRecord reads the "record" object of a Serialize line; the
// traceback is the formatted text's, after its first line.
func serializedRecord(rec map[string]any, text string) *loguru.Record {
	r := &loguru.Record{Level: levelOf(rec["level"])}
	r.Message, _ = rec["message"].(string)
	if t, ok := rec["time"].(map[string]any); ok {
		if s, ok := t["repr"].(string); ok {
			r.Time, _ = loguru.ParseTime(s)
		}
	}
	r.Name, _ = rec["name"].(string)
	r.Function, _ = rec["function"].(string)
	r.Module, _ = rec["module"].(string)
	r.Line = intOf(rec["line"])
	if f, ok := rec["file"].(map[string]any); ok {
		r.File.Name, _ = f["name"].(string)
		r.File.Path, _ = f["path"].(string)
	}
	if x, ok := rec["extra"].(map[string]any); ok && len(x) > 0 {
		r.Extra = x
	}
	if e, ok := rec["exception"].(map[string]any); ok {
		r.Exception = exceptionOf(e)
		if _, tb, ok := strings.Cut(strings.TrimSuffix(text, "\n"), "\n"); ok && r.Exception.Text == "" {
			r.Exception.Text = tb
		}
	}
	return r
}

// callerFields reads the caller: loguru's name, function and line, slog's
// source object, or zap's and zerolog's "file:line" caller. It reports
// whether the line is loguru's.
func callerFields(r *loguru.Record, m map[string]any) (fromLoguru bool) {
	if fn, ok := m["function"].(string); ok {
		if name, ok := m["name"].(string); ok { // loguru
			r.Name, r.Function, r.Line = name, fn, intOf(m["line"])
			delete(m, "name")
			delete(m, "function")
			delete(m, "line")
			return true
		}
	}
	switch c := m["source"].(type) {
	case map[string]any: // slog's AddSource
		delete(m, "source")
		file, _ := c["file"].(string)
		fn, _ := c["function"].(string)
		setCaller(r, file, intOf(c["line"]), fn)
		return false
	case string: // slog's TextHandler, read as logfmt
		delete(m, "source")
		file, line := splitCaller(c)
		setCaller(r, file, line, "")
		return false
	}
	if c, ok := m["caller"].(string); ok { // zap, zerolog
		delete(m, "caller")
		file, line := splitCaller(c)
		fn, _ := m["function"].(string) // zap's FunctionKey
		if fn != "" {
			delete(m, "function")
		}
		setCaller(r, file, line, fn)
	}
	return false
}

// setCaller fills the caller fields from a file path, a line and a
// function as runtime.Frame names it ("github.com/a/b.(*T).M").
func setCaller(r *loguru.Record, file string, line int, fn string) {
	r.File = loguru.File{Name: path.Base(file), Path: file}
	r.Module = strings.TrimSuffix(r.File.Name, ".go")
	r.Line = line
	if fn == "" {
		r.Name = path.Base(path.Dir(file))
		return
	}
	if pkg, name := caller.SplitFunc(fn); name != "" {
		r.Name, r.Function = pkg, name
		return
	}
	r.Function = fn
}

// splitCaller splits "dir/file.go:12".
func splitCaller(c string) (string, int) {
	i := strings.LastIndexByte(c, ':')
	if i < 0 {
		return c, 0
	}
	n, err := strconv.Atoi(c[i+1:])
	if err != nil {
		return c, 0
	}
	return c[:i], n
}

func exceptionOf(e map[string]any) *loguru.ExceptionInfo {
	x := &loguru.ExceptionInfo{}
	x.Type, _ = e["type"].(string)
	x.Value, _ = e["value"].(string)
	switch tb := e["traceback"].(type) {
	case string:
		x.Text = tb
	case bool: // loguru's JSON lines: the frames are data
		if sections, ok := e["sections"].([]any); ok && tb {
			x.Text = tracebackText(sections, x.Type, x.Value)
		}
	}
	return x
}

// tracebackText renders the frames of a JSON line's exception sections as
// loguru's traceback, without the values: the catch point marked with '>',
// each frame with its source line, then the error.
func tracebackText(sections []any, typ, value string) string {
	var b strings.Builder
	b.WriteString("Traceback (most recent call last):\n")
	for _, s := range sections {
		sec, _ := s.(map[string]any)
		frames, _ := sec["frames"].([]any)
		for _, f := range frames {
			fr, _ := f.(map[string]any)
			file, _ := fr["file"].(string)
			fn, _ := fr["function"].(string)
			src, _ := fr["source"].(string)
			mark := "  "
			if c, _ := fr["catch_point"].(bool); c {
				mark = "> "
			}
			fmt.Fprintf(&b, "\n%sFile %q, line %d, in %s\n", mark, file, intOf(fr["line"]), fn)
			if src != "" {
				fmt.Fprintf(&b, "    %s\n", src)
			}
		}
	}
	fmt.Fprintf(&b, "\n%s: %s", typ, value)
	return b.String()
}

// take returns and deletes the first of keys in m that holds a value.
func take(m map[string]any, keys []string) any {
	for _, k := range keys {
		if v, ok := m[k]; ok {
			delete(m, k)
			return v
		}
	}
	return nil
}

// levelOf reads a level: a name in any case ("info", "WARN"), loguru's
// {"name", "no"} object, or a number of loguru's scale. Known names are
// loguru's levels, with their colors.
func levelOf(v any) loguru.Level {
	switch v := v.(type) {
	case string:
		if l, ok := knownLevel(v); ok {
			return l
		}
		if n, err := strconv.Atoi(v); err == nil {
			return loguru.Level{Name: "Level " + v, No: n}
		}
		return loguru.Level{Name: strings.ToUpper(v), No: 20}
	case map[string]any:
		name, _ := v["name"].(string)
		if l, ok := knownLevel(name); ok {
			return l
		}
		return loguru.Level{Name: name, No: intOf(v["no"])}
	case int:
		return loguru.Level{Name: "Level " + strconv.Itoa(v), No: v}
	}
	l, _ := knownLevel("INFO")
	return l
}

// knownLevel looks name up among loguru's levels, after the aliases.
func knownLevel(name string) (loguru.Level, bool) {
	if alias, ok := levelAliases[strings.ToLower(name)]; ok {
		name = alias
	}
	l, err := loguru.LookupLevel(name)
	return l, err == nil
}

func intOf(v any) int {
	switch v := v.(type) {
	case int:
		return v
	case string:
		n, _ := strconv.Atoi(v)
		return n
	}
	return 0
}

// parseTime reads a time: RFC 3339 text, loguru's own text, or a Unix time
// in seconds (zap's "ts"), milliseconds, microseconds or nanoseconds,
// told apart by size.
func parseTime(v any) (time.Time, bool) {
	switch v := v.(type) {
	case string:
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			return t, true
		}
		t, err := loguru.ParseTime(v)
		return t, err == nil
	case int:
		return unixTime(int64(v)), true
	case float64:
		if math.Abs(v) < 1e11 {
			sec, frac := math.Modf(v)
			return time.Unix(int64(sec), int64(math.Round(frac*1e6))*1e3), true // microseconds: what a float64 holds
		}
		return unixTime(int64(v)), true
	}
	return time.Time{}, false
}

// unixTime reads an integer Unix time in seconds, milliseconds,
// microseconds or nanoseconds, told apart by size.
func unixTime(n int64) time.Time {
	switch a := max(n, -n); {
	case a < 1e11:
		return time.Unix(n, 0)
	case a < 1e14:
		return time.UnixMilli(n)
	case a < 1e17:
		return time.UnixMicro(n)
	}
	return time.Unix(0, n)
}
