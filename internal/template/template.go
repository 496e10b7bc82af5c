// Package template compiles a handler's format, such as
// "<green>{time:YYYY-MM-DD}</green> | {level: <8} | {message}", into a flat
// list of operations. Compilation happens once, when a handler is added; the
// logging path only walks the list.
package template

import (
	"fmt"
	"strings"

	"github.com/loguru-go/loguru/internal/markup"
	"github.com/loguru-go/loguru/internal/pyfmt"
	"github.com/loguru-go/loguru/internal/timefmt"
)

// Kind is the kind of an operation.
type Kind uint8

// The operations. Lit and LevelColor come from literal text and color
// markup; the others are record fields.
const (
	Lit        Kind = iota // append Op.Text
	LevelColor             // append the record level's ANSI color
	Time
	Elapsed
	Level
	LevelNo
	LevelIcon
	Message
	Name
	Function
	Module
	File
	FilePath
	Line
	Process
	ProcessName
	Thread
	ThreadName
	Extra
	ExtraKey
	Exception
)

// Needs says which expensive record parts a template reads.
type Needs uint8

// The record parts a template may need.
const (
	NeedCaller Needs = 1 << iota // name, function, module, file, line
	NeedThread                   // the goroutine id
	NeedExtra                    // Extra as a map (rather than the encoders' views)
)

// Op is one step of a compiled template.
type Op struct {
	Kind Kind
	Text string // Lit: the text; ExtraKey: the key
	// Path holds, for ExtraKey, the keys after the first one:
	// "{extra[a][b]}" reads Extra["a"]["b"].
	Path []string

	// Spec is the field's format spec; PadOnly is true when the spec only
	// sets fill, alignment and width, so the value can be appended as usual
	// and padded afterwards.
	Spec    pyfmt.Spec
	HasSpec bool
	PadOnly bool
	// PadRight is the width of the common "{level: <8}": a text field
	// padded on the right with spaces, which the renderer does inline.
	PadRight int
	// Conv is the conversion after "!": 's', 'r' (quoted, so that a
	// value cannot break the line) or 'a' ('r' in ASCII); 0 for none.
	Conv byte

	Layout *timefmt.Layout // Time

	// Reopen holds, for Message, the color ops that were open where the
	// field stands: a message logged with colors resets the terminal at
	// each of its closing tags and must restore the template's colors.
	Reopen []markup.Op
}

// Template is a compiled format.
type Template struct {
	Source string
	Ops    []Op
	Needs  Needs
}

// fields maps a field name to its kind and what it needs.
var fields = map[string]struct {
	kind  Kind
	needs Needs
}{
	"time":         {Time, 0},
	"elapsed":      {Elapsed, 0},
	"level":        {Level, 0},
	"level.name":   {Level, 0},
	"level.no":     {LevelNo, 0},
	"level.icon":   {LevelIcon, 0},
	"message":      {Message, 0},
	"name":         {Name, NeedCaller},
	"function":     {Function, NeedCaller},
	"module":       {Module, NeedCaller},
	"file":         {File, NeedCaller},
	"file.name":    {File, NeedCaller},
	"file.path":    {FilePath, NeedCaller},
	"line":         {Line, NeedCaller},
	"process":      {Process, 0},
	"process.id":   {Process, 0},
	"process.name": {ProcessName, 0},
	"thread":       {Thread, NeedThread},
	"thread.id":    {Thread, NeedThread},
	"thread.name":  {ThreadName, NeedThread},
	"extra":        {Extra, NeedExtra},
	"exception":    {Exception, 0},
}

// Error is a template error with the byte offset where it was found.
type Error struct {
	Format string
	Pos    int
	Msg    string
}

func (e *Error) Error() string {
	if e.Pos < 0 {
		return fmt.Sprintf("invalid format %q: %s", e.Format, e.Msg)
	}
	return fmt.Sprintf("invalid format %q: %s (at position %d)", e.Format, e.Msg, e.Pos)
}

// Compile compiles format. With colorize, markup tags become ANSI codes;
// without, they are removed. Either way invalid markup is an error.
func Compile(format string, colorize bool) (*Template, error) {
	c := compiler{src: format, p: markup.NewParser(colorize), colorize: colorize}
	if err := c.run(); err != nil {
		return nil, err
	}
	if err := c.p.Finish(); err != nil {
		return nil, &Error{Format: format, Pos: -1, Msg: err.Error()}
	}
	return &Template{Source: format, Ops: merge(c.ops), Needs: c.needs}, nil
}

type compiler struct {
	src      string
	p        *markup.Parser
	colorize bool
	ops      []Op
	needs    Needs
	lit      strings.Builder // literal text since the last field
	litPos   int             // where that literal text starts in src
}

func (c *compiler) run() error {
	s := c.src
	for i := 0; i < len(s); {
		switch ch := s[i]; {
		case ch == '{' && i+1 < len(s) && s[i+1] == '{':
			c.lit.WriteByte('{')
			i += 2
		case ch == '}' && i+1 < len(s) && s[i+1] == '}':
			c.lit.WriteByte('}')
			i += 2
		case ch == '}':
			return &Error{Format: s, Pos: i, Msg: `single "}" (write "}}" for a literal brace)`}
		case ch == '{':
			// A "{" before the closing brace means this one was left open:
			// formats do not nest fields.
			end := strings.IndexByte(s[i:], '}')
			if end < 0 || strings.IndexByte(s[i+1:i+end], '{') >= 0 {
				return &Error{Format: s, Pos: i, Msg: `"{" is never closed (write "{{" for a literal brace)`}
			}
			if err := c.flushLit(); err != nil {
				return err
			}
			if err := c.field(s[i+1:i+end], i); err != nil {
				return err
			}
			i += end + 1
			c.litPos = i
		default:
			c.lit.WriteByte(ch)
			i++
		}
	}
	return c.flushLit()
}

// flushLit runs the literal text gathered so far through the markup parser.
// Escaped braces were already unescaped; markup positions are reported
// relative to the start of the literal run, which is exact unless the run
// contained "{{" or "}}".
func (c *compiler) flushLit() error {
	if c.lit.Len() == 0 {
		return nil
	}
	ops, err := c.p.Feed(c.lit.String())
	c.lit.Reset()
	if err != nil {
		if me, ok := err.(*markup.Error); ok {
			return &Error{Format: c.src, Pos: c.litPos + me.Pos, Msg: me.Msg}
		}
		return &Error{Format: c.src, Pos: c.litPos, Msg: err.Error()}
	}
	for _, op := range ops {
		c.ops = append(c.ops, markupOp(op))
	}
	return nil
}

func markupOp(op markup.Op) Op {
	switch op.Kind {
	case markup.OpLevel:
		return Op{Kind: LevelColor}
	case markup.OpReset:
		return Op{Kind: Lit, Text: "\x1b[0m"}
	default:
		return Op{Kind: Lit, Text: op.Text}
	}
}

// field compiles the inside of one "{...}" found at pos.
func (c *compiler) field(inner string, pos int) error {
	name, spec, hasSpec := strings.Cut(inner, ":")
	name, conv, hasConv := strings.Cut(name, "!")
	if hasConv && (len(conv) != 1 || strings.IndexByte("sra", conv[0]) < 0) {
		return &Error{Format: c.src, Pos: pos, Msg: fmt.Sprintf("unknown conversion %q in {%s}: use !s, !r or !a", "!"+conv, inner)}
	}
	op, needs, err := Field(name)
	if err != nil {
		return &Error{Format: c.src, Pos: pos, Msg: err.Error()}
	}
	if hasConv {
		if op.Kind == Time || op.Kind == Exception {
			return &Error{Format: c.src, Pos: pos, Msg: fmt.Sprintf("{%s} takes no conversion", name)}
		}
		op.Conv = conv[0]
	}
	c.needs |= needs
	if op.Kind == Time {
		// After "time:" comes a time layout, not a format spec.
		layout, err := timefmt.Compile(spec)
		if err != nil {
			return &Error{Format: c.src, Pos: pos, Msg: err.Error()}
		}
		op.Layout = layout
	} else if hasSpec && spec != "" {
		sp, err := pyfmt.ParseSpec(spec)
		if err != nil {
			return &Error{Format: c.src, Pos: pos, Msg: err.Error()}
		}
		op.Spec, op.HasSpec = sp, true
		op.PadOnly = sp.Sign == 0 && !sp.NoNegZero && !sp.Alt && !sp.Zero && sp.Grouping == 0 && sp.Precision < 0 && sp.Type == 0
		if op.PadOnly && (sp.Fill == 0 || sp.Fill == ' ') && (sp.Align == 0 || sp.Align == '<') {
			op.PadRight = sp.Width
		}
	}
	if op.Kind == Message && c.colorize {
		op.Reopen = c.p.Open()
	}
	c.ops = append(c.ops, op)
	return nil
}

// RecordField returns the record field a message field names under
// CallOptions.Record: "record.line" and Loguru's spelling "record[line]"
// name "line", "record[extra][user]" names "extra[user]". ok is false for a
// name that does not start with "record." or "record[".
func RecordField(name string) (field string, ok bool) {
	if rest, ok := strings.CutPrefix(name, "record."); ok {
		return rest, true
	}
	if rest, ok := strings.CutPrefix(name, "record["); ok {
		key, tail, _ := strings.Cut(rest, "]")
		return key + tail, true
	}
	return "", false
}

// Field resolves a record field name such as "level.no" or "extra[user]".
// It is shared with the message formatter, which resolves "{record.line}".
func Field(name string) (Op, Needs, error) {
	if f, ok := fields[name]; ok {
		op := Op{Kind: f.kind}
		if f.kind == Time {
			layout, _ := timefmt.Compile("")
			op.Layout = layout
		}
		return op, f.needs, nil
	}
	if key, ok := strings.CutPrefix(name, "extra["); ok && strings.HasSuffix(key, "]") {
		keys := strings.Split(key[:len(key)-1], "][")
		for _, k := range keys {
			if k == "" || strings.ContainsAny(k, "[]") {
				return Op{}, 0, fmt.Errorf("invalid field {%s}: write {extra[key]} or {extra[key][nested]}", name)
			}
		}
		return Op{Kind: ExtraKey, Text: keys[0], Path: keys[1:]}, NeedExtra, nil
	}
	if name == "" {
		return Op{}, 0, fmt.Errorf("empty field %q: a handler format needs field names such as {message}", "{}")
	}
	return Op{}, 0, fmt.Errorf("unknown field {%s} (for a bound value use {extra[%s]})", name, name)
}

// merge joins consecutive literal ops, so "a" "\x1b[0m" " | " is one append.
func merge(ops []Op) []Op {
	out := ops[:0]
	for _, op := range ops {
		if n := len(out); n > 0 && op.Kind == Lit && out[n-1].Kind == Lit {
			out[n-1].Text += op.Text
			continue
		}
		if op.Kind == Lit && op.Text == "" {
			continue
		}
		out = append(out, op)
	}
	return out
}
