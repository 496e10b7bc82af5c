package markup

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parser parses markup across several literal pieces (a format template is
// split by its {fields}; tags may open in one piece and close in a later
// one). It keeps the stack of open tags. After Feed returns an error the
// Parser's state is unspecified and it should be dropped.
type Parser struct {
	colorize bool
	open     []openTag
}

// openTag is a tag waiting for its closing tag.
type openTag struct {
	name string // the text between "<" and ">"
	op   Op     // what opening it emits: its sequence, or OpLevel
}

// NewParser returns a Parser that turns tags into ANSI codes (colorize) or
// removes them (!colorize). Invalid markup is an error either way.
func NewParser(colorize bool) *Parser {
	return &Parser{colorize: colorize}
}

// Feed parses one literal piece and returns the ops for it. Consecutive text
// is merged into one OpText.
//
// In colorized mode an opening tag yields its ANSI sequence as OpText (or
// OpLevel for <level>), and a closing tag yields OpReset followed by the ops
// that re-open every tag still open in this Parser (OpText codes and
// OpLevel). In uncolorized mode tags yield nothing, only text does.
//
// An error is an *Error whose Pos is the offset of the tag's "<" in text.
func (p *Parser) Feed(text string) ([]Op, error) {
	i := strings.IndexByte(text, '<')
	if i < 0 {
		if text == "" {
			return nil, nil
		}
		return []Op{{Kind: OpText, Text: text}}, nil
	}
	var out opList
	pos := 0 // text before pos has been handled
	for i >= 0 {
		if end, ok := matchTag(text, i); ok {
			// The backslashes right before the tag belong to it.
			start := i
			for start > pos && text[start-1] == '\\' {
				start--
			}
			out.text(text[pos:start])
			slashes := i - start
			out.text(text[start : start+slashes/2])
			pos = end
			if slashes%2 == 1 {
				out.text(text[i:end])
			} else if err := p.tag(&out, text[i:end], i); err != nil {
				return nil, err
			}
			i = end
		} else {
			i++
		}
		if next := strings.IndexByte(text[i:], '<'); next >= 0 {
			i += next
		} else {
			i = -1
		}
	}
	out.text(text[pos:])
	return out.done(), nil
}

// tag handles one unescaped tag, found at pos.
func (p *Parser) tag(out *opList, tag string, pos int) error {
	if tag[1] == '/' {
		name := tag[2 : len(tag)-1]
		n := len(p.open)
		if n > 0 && (name == "" || name == p.open[n-1].name) {
			p.open = p.open[:n-1]
			if p.colorize {
				out.add(Op{Kind: OpReset})
				for _, t := range p.open {
					out.add(t.op)
				}
			}
			return nil
		}
		for _, t := range p.open {
			if t.name == name {
				return &Error{Msg: `Closing tag "` + tag + `" violates nesting rules`, Pos: pos}
			}
		}
		return &Error{Msg: `Closing tag "` + tag + `" has no corresponding opening tag`, Pos: pos}
	}
	name := tag[1 : len(tag)-1]
	var op Op
	if name == "level" || name == "lvl" {
		op = Op{Kind: OpLevel}
	} else if seq, ok := sequence(name); ok {
		op = Op{Kind: OpText, Text: seq}
	} else {
		return &Error{
			Msg: `Tag "` + tag + `" does not correspond to any known color directive, ` +
				`make sure you have not misspelled it (or prepend '\' to escape it)`,
			Pos: pos,
		}
	}
	p.open = append(p.open, openTag{name: name, op: op})
	if p.colorize {
		out.add(op)
	}
	return nil
}

// Open returns the ops that re-establish the currently open tags of this
// Parser, outermost first (used by the caller to restore the template's
// colors after a colored message resets them). It is empty when the Parser
// does not colorize. The slice is the caller's to keep.
func (p *Parser) Open() []Op {
	if !p.colorize {
		return nil
	}
	var out opList
	for _, t := range p.open {
		out.add(t.op)
	}
	return out.done()
}

// Finish reports the first tag still open, as an *Error whose Pos is -1 (the
// tag may have been opened in an earlier piece), or nil.
func (p *Parser) Finish() error {
	if len(p.open) == 0 {
		return nil
	}
	return &Error{Msg: `Opening tag "<` + p.open[0].name + `>" has no corresponding closing tag`, Pos: -1}
}

// Strip removes all markup from s (escapes applied). It returns an error for
// invalid markup, including a tag left open.
func Strip(s string) (string, error) {
	p := NewParser(false)
	ops, err := p.Feed(s)
	if err != nil {
		return "", err
	}
	if err := p.Finish(); err != nil {
		return "", err
	}
	switch len(ops) {
	case 0:
		return "", nil
	case 1:
		return ops[0].Text, nil
	}
	var b strings.Builder
	for _, op := range ops {
		b.WriteString(op.Text)
	}
	return b.String(), nil
}

// Render returns s with markup turned into ANSI, with <level> replaced by
// levelANSI; closing tags emit the reset and re-open the tags still open. It
// returns an error for invalid markup, including a tag left open.
func Render(s string, levelANSI string) (string, error) {
	p := NewParser(true)
	ops, err := p.Feed(s)
	if err != nil {
		return "", err
	}
	if err := p.Finish(); err != nil {
		return "", err
	}
	return join(ops, levelANSI), nil
}

// levelNotAllowed is the error for "<level>" where no level color exists.
const levelNotAllowed = "The '<level>' color tag is not allowed in this context, " +
	"it has not yet been associated to any color value."

// LevelColor converts a level's color markup (e.g. "<red><bold>") into its
// ANSI sequence ("\x1b[31m\x1b[1m"). It is lenient as Loguru is: the markup
// is trimmed and tags may be left open. Unknown tags are errors, and so is
// "<level>", which has no color to stand for here. An empty string gives "".
func LevelColor(markup string) (string, error) {
	s := strings.TrimLeftFunc(markup, isSpace)
	lead := len(markup) - len(s)
	s = strings.TrimRightFunc(s, isSpace)
	ops, err := NewParser(true).Feed(s)
	if err != nil {
		if e, ok := err.(*Error); ok && e.Pos >= 0 {
			e.Pos += lead
		}
		return "", err
	}
	for _, op := range ops {
		if op.Kind == OpLevel {
			return "", &Error{Msg: levelNotAllowed, Pos: -1}
		}
	}
	return join(ops, ""), nil
}

// join writes ops out, with levelANSI for OpLevel.
func join(ops []Op, levelANSI string) string {
	if len(ops) == 1 && ops[0].Kind == OpText {
		return ops[0].Text
	}
	var b strings.Builder
	for _, op := range ops {
		switch op.Kind {
		case OpText:
			b.WriteString(op.Text)
		case OpLevel:
			b.WriteString(levelANSI)
		case OpReset:
			b.WriteString(reset)
		}
	}
	return b.String()
}

// matchTag reports whether a tag starts at s[i], which is '<', and where it
// ends. A tag is "<", an optional "/", an optional "fg" or "bg" followed by
// one whitespace character, then anything but "<", ">" and whitespace, then
// ">".
func matchTag(s string, i int) (end int, ok bool) {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	if j+2 < len(s) && (s[j] == 'f' || s[j] == 'b') && s[j+1] == 'g' {
		if r, n := utf8.DecodeRuneInString(s[j+2:]); isSpace(r) {
			j += 2 + n
		}
	}
	for j < len(s) {
		c := s[j]
		switch {
		case c == '>':
			return j + 1, true
		case c == '<':
			return 0, false
		case c < utf8.RuneSelf:
			if isSpace(rune(c)) {
				return 0, false
			}
			j++
		default:
			r, n := utf8.DecodeRuneInString(s[j:])
			if isSpace(r) {
				return 0, false
			}
			j += n
		}
	}
	return 0, false
}

// isSpace reports whether r is whitespace as Python understands it, which
// adds the separators U+001C to U+001F to Unicode's white space.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// sequence returns the ANSI sequence of a tag's name, without "<" and ">".
func sequence(name string) (string, bool) {
	if seq, ok := direct[name]; ok {
		return seq, true
	}
	var layer string
	var table map[string]string
	var fold func(string) (string, bool)
	switch {
	case strings.HasPrefix(name, "fg "):
		layer, table, fold = "38", foreground, lowerASCII
	case strings.HasPrefix(name, "bg "):
		layer, table, fold = "48", background, upperASCII
	default:
		return "", false
	}
	color := strings.Trim(name[3:], " ")
	if key, ok := fold(color); ok {
		if seq, ok := table[key]; ok {
			return seq, true
		}
	}
	if byteValue(color) {
		return "\x1b[" + layer + ";5;" + color + "m", true
	}
	if hex, ok := strings.CutPrefix(color, "#"); ok && (len(hex) == 3 || len(hex) == 6) {
		var rgb [3]int
		for k := range rgb {
			var hi, lo int
			if len(hex) == 3 {
				hi = hexDigit(hex[k])
				lo = hi
			} else {
				hi, lo = hexDigit(hex[2*k]), hexDigit(hex[2*k+1])
			}
			if hi < 0 || lo < 0 {
				return "", false
			}
			rgb[k] = hi<<4 | lo
		}
		return "\x1b[" + layer + ";2;" + strconv.Itoa(rgb[0]) + ";" + strconv.Itoa(rgb[1]) + ";" + strconv.Itoa(rgb[2]) + "m", true
	}
	if strings.Count(color, ",") == 2 {
		r, rest, _ := strings.Cut(color, ",")
		g, b, _ := strings.Cut(rest, ",")
		if byteValue(r) && byteValue(g) && byteValue(b) {
			// The numbers are written as given, leading zeros included.
			return "\x1b[" + layer + ";2;" + r + ";" + g + ";" + b + "m", true
		}
	}
	return "", false
}

// byteValue reports whether s is ASCII digits whose value is at most 255.
func byteValue(s string) bool {
	if s == "" {
		return false
	}
	v := 0
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c < '0' || c > '9' {
			return false
		}
		if v = v*10 + int(c-'0'); v > 255 {
			return false
		}
	}
	return true
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// lowerASCII lowercases s as Python would when the result can be one of the
// (ASCII) color names: it fails when s holds a character whose lowercase is
// not ASCII. The Kelvin sign is the one such character that lowercases to
// ASCII ("k").
func lowerASCII(s string) (string, bool) {
	return foldASCII(s, 'A', 'Z', 'a'-'A', func(r rune) byte {
		if r == '\u212a' {
			return 'k'
		}
		return 0
	})
}

// upperASCII uppercases s as Python would when the result can be one of the
// (ASCII) color names. Dotless i and long s uppercase to "I" and "S"; the
// other characters with an ASCII uppercase (sharp s, ligatures) give several
// letters that no color name holds, so they fail like any non-ASCII.
func upperASCII(s string) (string, bool) {
	return foldASCII(s, 'a', 'z', 'A'-'a', func(r rune) byte {
		switch r {
		case '\u0131':
			return 'I'
		case '\u017f':
			return 'S'
		}
		return 0
	})
}

func foldASCII(s string, lo, hi byte, shift int, special func(rune) byte) (string, bool) {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r >= utf8.RuneSelf:
			c := special(r)
			if c == 0 {
				return "", false
			}
			b = append(b, c)
		case byte(r) >= lo && byte(r) <= hi:
			b = append(b, byte(int(r)+shift))
		default:
			b = append(b, byte(r))
		}
	}
	return string(b), true
}

// opList gathers ops, merging consecutive text.
type opList struct {
	ops     []Op
	pending string
}

func (l *opList) text(s string) {
	if l.pending == "" {
		l.pending = s
	} else if s != "" {
		l.pending += s
	}
}

func (l *opList) add(op Op) {
	if op.Kind == OpText {
		l.text(op.Text)
		return
	}
	l.flush()
	l.ops = append(l.ops, op)
}

func (l *opList) flush() {
	if l.pending != "" {
		l.ops = append(l.ops, Op{Kind: OpText, Text: l.pending})
		l.pending = ""
	}
}

func (l *opList) done() []Op {
	l.flush()
	return l.ops
}
