package filesink

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/loguru-go/loguru/internal/timefmt"
)

// defaultPathTime is how a bare {time} renders in a path, as in Loguru:
// 2026-11-22_10-01-02_345678.
const defaultPathTime = "%Y-%m-%d_%H-%M-%S_%f"

// Pattern is a file path that may hold {time} or {time:SPEC} fields,
// resolved each time a file is opened. "{{" and "}}" are literal braces.
type Pattern struct {
	src   string
	parts []part
}

// part is literal text, or a time field when layout is set.
type part struct {
	text   string
	layout *timefmt.Layout
}

// ParsePattern compiles a path pattern. Only the {time} field exists, as in
// Loguru; anything else in braces is an error.
func ParsePattern(path string) (*Pattern, error) {
	if path == "" {
		return nil, errors.New("empty file path")
	}
	p := &Pattern{src: path}
	var lit strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case c == '{' && strings.HasPrefix(path[i:], "{{"), c == '}' && strings.HasPrefix(path[i:], "}}"):
			lit.WriteByte(c)
			i++
		case c == '{':
			end := strings.IndexByte(path[i:], '}')
			if end < 0 {
				return nil, fmt.Errorf("unclosed '{' in file path %q", path)
			}
			field := path[i+1 : i+end]
			name, spec, hasSpec := strings.Cut(field, ":")
			if name != "time" {
				return nil, fmt.Errorf("unknown field {%s} in file path %q: only {time} is available", field, path)
			}
			if !hasSpec {
				spec = defaultPathTime
			}
			layout, err := timefmt.Compile(spec)
			if err != nil {
				return nil, fmt.Errorf("invalid time format in file path %q: %v", path, err)
			}
			if lit.Len() > 0 {
				p.parts = append(p.parts, part{text: lit.String()})
				lit.Reset()
			}
			p.parts = append(p.parts, part{layout: layout})
			i += end
		case c == '}':
			return nil, fmt.Errorf("single '}' in file path %q", path)
		default:
			lit.WriteByte(c)
		}
	}
	if lit.Len() > 0 {
		p.parts = append(p.parts, part{text: lit.String()})
	}
	return p, nil
}

// String is the pattern as given.
func (p *Pattern) String() string { return p.src }

// Render resolves the pattern at time t into an absolute path.
func (p *Pattern) Render(t time.Time) (string, error) {
	var b []byte
	for _, pt := range p.parts {
		if pt.layout != nil {
			b = pt.layout.Append(b, t)
		} else {
			b = append(b, pt.text...)
		}
	}
	return filepath.Abs(string(b))
}

// Globs are the patterns of the files that belong to this sink, as Loguru
// finds them for retention: the path with each field as '*', plus its
// rotated and compressed forms (app.log, app.log.*, app.*.log, app.*.log.*).
func (p *Pattern) Globs() ([]string, error) {
	var b strings.Builder
	for _, pt := range p.parts {
		if pt.layout != nil {
			b.WriteByte('*')
		} else {
			b.WriteString(globEscape(pt.text))
		}
	}
	path, err := filepath.Abs(b.String())
	if err != nil {
		return nil, err
	}
	dir, base := filepath.Split(path)
	ext := filepath.Ext(base)
	root := strings.TrimSuffix(base, ext)
	if ext == "" || root == "" {
		return []string{path, path + ".*"}, nil
	}
	return []string{path, path + ".*", dir + root + ".*" + ext, dir + root + ".*" + ext + ".*"}, nil
}

// globEscape quotes the characters filepath.Match treats specially.
func globEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`*?[\`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}
