package markup

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

const (
	rst    = "\x1b[0m"
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
)

func text(s string) Op { return Op{Kind: OpText, Text: s} }

var (
	level   = Op{Kind: OpLevel}
	resetOp = Op{Kind: OpReset}
)

func TestFeedOps(t *testing.T) {
	tests := []struct {
		in   string
		want []Op
	}{
		{"", nil},
		{"plain", []Op{text("plain")}},
		{"<red>x</red>", []Op{text(red + "x"), resetOp}},
		{"<green>a<bold>b</bold>c</green>", []Op{text(green + "a" + bold + "b"), resetOp, text(green + "c"), resetOp}},
		{"<level>x</level>", []Op{level, text("x"), resetOp}},
		{"<lvl>x</lvl>", []Op{level, text("x"), resetOp}},
		{"<red><level>x</level></red>", []Op{text(red), level, text("x"), resetOp, text(red), resetOp}},
		{"<level><b>x</b></level>", []Op{level, text(bold + "x"), resetOp, level, resetOp}},
		{"a<red>b</>c", []Op{text("a" + red + "b"), resetOp, text("c")}},
		{"<red>", []Op{text(red)}},
	}
	for _, tt := range tests {
		got, err := NewParser(true).Feed(tt.in)
		if err != nil {
			t.Errorf("Feed(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Feed(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFeedUncolorized(t *testing.T) {
	tests := []struct {
		in   string
		want []Op
	}{
		{"", nil},
		{"<red>x</red>", []Op{text("x")}},
		{"<red></red>", nil},
		{"a<green>b<bold>c</bold>d</green>e", []Op{text("abcde")}},
		{"<level>x</level>", []Op{text("x")}},
		{`\<red>x\</red>`, []Op{text("<red>x</red>")}},
		{`\\<red>x</red>`, []Op{text(`\x`)}},
	}
	for _, tt := range tests {
		p := NewParser(false)
		got, err := p.Feed(tt.in)
		if err != nil {
			t.Errorf("Feed(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Feed(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if open := p.Open(); open != nil {
			t.Errorf("Open() = %q, want nil", open)
		}
	}
}

func TestFeedAcrossPieces(t *testing.T) {
	p := NewParser(true)
	steps := []struct {
		in   string
		want []Op
		open []Op
	}{
		{"<green>", []Op{text(green)}, []Op{text(green)}},
		{"time ", []Op{text("time ")}, []Op{text(green)}},
		{"</green> | <level>", []Op{resetOp, text(" | "), level}, []Op{level}},
		{"<b>", []Op{text(bold)}, []Op{level, text(bold)}},
		{"", nil, []Op{level, text(bold)}},
		{"</>", []Op{resetOp, level}, []Op{level}},
		{"</level>", []Op{resetOp}, nil},
	}
	for _, s := range steps {
		got, err := p.Feed(s.in)
		if err != nil {
			t.Fatalf("Feed(%q): %v", s.in, err)
		}
		if !reflect.DeepEqual(got, s.want) {
			t.Errorf("Feed(%q) = %q, want %q", s.in, got, s.want)
		}
		if open := p.Open(); !reflect.DeepEqual(open, s.open) {
			t.Errorf("after Feed(%q): Open() = %q, want %q", s.in, open, s.open)
		}
	}
	if err := p.Finish(); err != nil {
		t.Errorf("Finish() = %v", err)
	}

	// A tag left open in an earlier piece is reported by Finish.
	p = NewParser(false)
	for _, in := range []string{"<red>", "x", "<b>y</b>"} {
		if _, err := p.Feed(in); err != nil {
			t.Fatalf("Feed(%q): %v", in, err)
		}
	}
	checkError(t, "Finish", p.Finish(), `Opening tag "<red>" has no corresponding closing tag`, -1)

	// A closing tag in a later piece is checked against the earlier ones.
	p = NewParser(true)
	if _, err := p.Feed("<red><b>"); err != nil {
		t.Fatal(err)
	}
	_, err := p.Feed("ab</red>")
	checkError(t, "Feed", err, `Closing tag "</red>" violates nesting rules`, 2)
}

func TestOpenIsACopy(t *testing.T) {
	p := NewParser(true)
	if _, err := p.Feed("<red><b>"); err != nil {
		t.Fatal(err)
	}
	open := p.Open()
	if want := []Op{text(red + bold)}; !reflect.DeepEqual(open, want) {
		t.Fatalf("Open() = %q, want %q", open, want)
	}
	if _, err := p.Feed("</b><green>"); err != nil {
		t.Fatal(err)
	}
	if want := []Op{text(red + bold)}; !reflect.DeepEqual(open, want) {
		t.Errorf("earlier Open() result changed to %q", open)
	}
	if got, want := p.Open(), []Op{text(red + green)}; !reflect.DeepEqual(got, want) {
		t.Errorf("Open() = %q, want %q", got, want)
	}
}

func TestRender(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"<red>hi</red>", red + "hi" + rst},
		{"<b><r>x</r>y</b>", bold + red + "x" + rst + bold + "y" + rst},
		{"<b>1</b><d>2</d>", bold + "1" + rst + dim + "2" + rst},
		{"0<b>1<d>2</d>3</b>4", "0" + bold + "1" + dim + "2" + rst + bold + "3" + rst + "4"},
		{"<d>0<b>1<d>2</d>3</b>4</d>", dim + "0" + bold + "1" + dim + "2" + rst + dim + bold + "3" + rst + dim + "4" + rst},
		{"<red>foo</>", red + "foo" + rst},
		{"<green><bold>bar</></green>", green + bold + "bar" + rst + green + rst},
		{"a<yellow>b<b>c</>d</>e", "a" + yellow + "b" + bold + "c" + rst + yellow + "d" + rst + "e"},
		{"<level>x</level>", "<L>x" + rst},
		{"<red><lvl>x</lvl>y</red>", red + "<L>x" + rst + red + "y" + rst},
		// Text that only looks like a tag stays as it is.
		{"a < b", "a < b"},
		{"1<2", "1<2"},
		{"<r>2 > 1</r>", red + "2 > 1" + rst},
		{"<r>1 < 2</r>", red + "1 < 2" + rst},
		{"<r>1 </ 2</r>", red + "1 </ 2" + rst},
		{"{: <10}<r>1</r>", "{: <10}" + red + "1" + rst},
		{"{: </10}<r>1</r>", "{: </10}" + red + "1" + rst},
		{"<r>1</r>{: >10}", red + "1" + rst + "{: >10}"},
		{"<1<r>2</r>3>", "<1" + red + "2" + rst + "3>"},
		{"</1<r>2</r>3>", "</1" + red + "2" + rst + "3>"},
		{"<1<r>2 < 3</r>4>", "<1" + red + "2 < 3" + rst + "4>"},
		{"<1<r>2 </ 3</r>4>", "<1" + red + "2 </ 3" + rst + "4>"},
		{"<1<r>3 > 2</r>4>", "<1" + red + "3 > 2" + rst + "4>"},
		{"<<r>x</r>>", "<" + red + "x" + rst + ">"},
		{"<r\t>x", "<r\t>x"},
		{"<fg  red>x", "<fg  red>x"},
		{"<FG red>x", "<FG red>x"},
		{"<r>\u00e9t\u00e9 \u2603</r>", red + "\u00e9t\u00e9 \u2603" + rst},
		{"<r>\xff</r>", red + "\xff" + rst},
	}
	for _, tt := range tests {
		got, err := Render(tt.in, "<L>")
		if err != nil {
			t.Errorf("Render(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Render(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDirectives(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"b", "\x1b[1m"}, {"bold", "\x1b[1m"},
		{"d", "\x1b[2m"}, {"dim", "\x1b[2m"},
		{"i", "\x1b[3m"}, {"italic", "\x1b[3m"},
		{"u", "\x1b[4m"}, {"underline", "\x1b[4m"},
		{"l", "\x1b[5m"}, {"blink", "\x1b[5m"},
		{"v", "\x1b[7m"}, {"reverse", "\x1b[7m"},
		{"h", "\x1b[8m"}, {"hide", "\x1b[8m"},
		{"s", "\x1b[9m"}, {"strike", "\x1b[9m"},
		{"n", "\x1b[22m"}, {"normal", "\x1b[22m"},

		{"k", "\x1b[30m"}, {"black", "\x1b[30m"},
		{"r", "\x1b[31m"}, {"red", "\x1b[31m"},
		{"g", "\x1b[32m"}, {"green", "\x1b[32m"},
		{"y", "\x1b[33m"}, {"yellow", "\x1b[33m"},
		{"e", "\x1b[34m"}, {"blue", "\x1b[34m"},
		{"m", "\x1b[35m"}, {"magenta", "\x1b[35m"},
		{"c", "\x1b[36m"}, {"cyan", "\x1b[36m"},
		{"w", "\x1b[37m"}, {"white", "\x1b[37m"},
		{"lk", "\x1b[90m"}, {"light-black", "\x1b[90m"},
		{"lr", "\x1b[91m"}, {"light-red", "\x1b[91m"},
		{"lg", "\x1b[92m"}, {"light-green", "\x1b[92m"},
		{"ly", "\x1b[93m"}, {"light-yellow", "\x1b[93m"},
		{"le", "\x1b[94m"}, {"light-blue", "\x1b[94m"},
		{"lm", "\x1b[95m"}, {"light-magenta", "\x1b[95m"},
		{"lc", "\x1b[96m"}, {"light-cyan", "\x1b[96m"},
		{"lw", "\x1b[97m"}, {"light-white", "\x1b[97m"},

		{"K", "\x1b[40m"}, {"BLACK", "\x1b[40m"},
		{"R", "\x1b[41m"}, {"RED", "\x1b[41m"},
		{"G", "\x1b[42m"}, {"GREEN", "\x1b[42m"},
		{"Y", "\x1b[43m"}, {"YELLOW", "\x1b[43m"},
		{"E", "\x1b[44m"}, {"BLUE", "\x1b[44m"},
		{"M", "\x1b[45m"}, {"MAGENTA", "\x1b[45m"},
		{"C", "\x1b[46m"}, {"CYAN", "\x1b[46m"},
		{"W", "\x1b[47m"}, {"WHITE", "\x1b[47m"},
		{"LK", "\x1b[100m"}, {"LIGHT-BLACK", "\x1b[100m"},
		{"LR", "\x1b[101m"}, {"LIGHT-RED", "\x1b[101m"},
		{"LG", "\x1b[102m"}, {"LIGHT-GREEN", "\x1b[102m"},
		{"LY", "\x1b[103m"}, {"LIGHT-YELLOW", "\x1b[103m"},
		{"LE", "\x1b[104m"}, {"LIGHT-BLUE", "\x1b[104m"},
		{"LM", "\x1b[105m"}, {"LIGHT-MAGENTA", "\x1b[105m"},
		{"LC", "\x1b[106m"}, {"LIGHT-CYAN", "\x1b[106m"},
		{"LW", "\x1b[107m"}, {"LIGHT-WHITE", "\x1b[107m"},

		{"fg red", "\x1b[31m"},
		{"fg RED", "\x1b[31m"},
		{"fg R", "\x1b[31m"},
		{"fg light-blue", "\x1b[94m"},
		{"fg LIGHT-CYAN", "\x1b[96m"},
		{"fg \u212a", "\x1b[30m"}, // the Kelvin sign lowercases to "k"
		{"bg red", "\x1b[41m"},
		{"bg BLACK", "\x1b[40m"},
		{"bg r", "\x1b[41m"},
		{"bg light-green", "\x1b[102m"},
		{"bg LIGHT-MAGENTA", "\x1b[105m"},
		{"bg l\u0131ght-red", "\x1b[101m"}, // dotless i uppercases to "I"

		{"fg 0", "\x1b[38;5;0m"},
		{"fg 200", "\x1b[38;5;200m"},
		{"fg 255", "\x1b[38;5;255m"},
		{"fg 007", "\x1b[38;5;007m"},
		{"bg 49", "\x1b[48;5;49m"},
		{"bg 100", "\x1b[48;5;100m"},

		{"fg #ff0000", "\x1b[38;2;255;0;0m"},
		{"fg #F12", "\x1b[38;2;255;17;34m"},
		{"fg #aBc", "\x1b[38;2;170;187;204m"},
		{"bg #00A000", "\x1b[48;2;0;160;0m"},
		{"bg #BEE", "\x1b[48;2;187;238;238m"},

		{"fg 255,0,0", "\x1b[38;2;255;0;0m"},
		{"bg 0,160,0", "\x1b[48;2;0;160;0m"},
		{"bg 23,12,12", "\x1b[48;2;23;12;12m"},
		{"fg 001,02,3", "\x1b[38;2;001;02;3m"},
	}
	for _, tt := range tests {
		in := "<" + tt.tag + ">x</" + tt.tag + ">"
		got, err := Render(in, "")
		if err != nil {
			t.Errorf("Render(%q): %v", in, err)
			continue
		}
		if want := tt.want + "x" + rst; got != want {
			t.Errorf("Render(%q) = %q, want %q", in, got, want)
		}
		if got, err := Strip(in); err != nil || got != "x" {
			t.Errorf("Strip(%q) = %q, %v; want \"x\"", in, got, err)
		}
	}
}

func TestHexShortForm(t *testing.T) {
	for _, c := range [][2]string{{"abc", "aabbcc"}, {"f00", "ff0000"}, {"f12", "ff1122"}, {"bee", "bbeeee"}, {"Ace", "AAccee"}} {
		for _, layer := range []string{"fg", "bg"} {
			short, err1 := Render("<"+layer+" #"+c[0]+">_</>", "")
			long, err2 := Render("<"+layer+" #"+c[1]+">_</>", "")
			if err1 != nil || err2 != nil || short != long {
				t.Errorf("%s #%s gives %q (%v), #%s gives %q (%v)", layer, c[0], short, err1, c[1], long, err2)
			}
		}
	}
}

func TestNestedExtended(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<red><b><bg #00A000>1</bg #00A000></b></red>",
			red + bold + "\x1b[48;2;0;160;0m1" + rst + red + bold + rst + red + rst},
		{"<bg 100><fg 200>1</fg 200></bg 100>",
			"\x1b[48;5;100m\x1b[38;5;200m1" + rst + "\x1b[48;5;100m" + rst},
		{"<bg 0,160,0><fg 255,0,0>1</fg 255,0,0></bg 0,160,0>",
			"\x1b[48;2;0;160;0m\x1b[38;2;255;0;0m1" + rst + "\x1b[48;2;0;160;0m" + rst},
	}
	for _, tt := range tests {
		if got, err := Render(tt.in, ""); err != nil || got != tt.want {
			t.Errorf("Render(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestEscapes(t *testing.T) {
	tests := []struct{ in, render, strip string }{
		{`\<red>foobar\</red>`, "<red>foobar</red>", "<red>foobar</red>"},
		{`\\<red>foobar\\</red>`, `\` + red + `foobar\` + rst, `\foobar\`},
		{`\\\<red>foobar\\\</red>`, `\<red>foobar\</red>`, `\<red>foobar\</red>`},
		{`\\\\<red>foobar\\\\</red>`, `\\` + red + `foobar\\` + rst, `\\foobar\\`},
		{`<red>foo\</red>bar</red>`, red + "foo</red>bar" + rst, "foo</red>bar"},
		{`<red>foo\<red>bar</red>`, red + "foo<red>bar" + rst, "foo<red>bar"},
		{`\<red>\</red>`, "<red></red>", "<red></red>"},
		{`foo\</>bar\</>baz`, "foo</>bar</>baz", "foo</>bar</>baz"},
		{`\a \\b \\\c \\\\d`, `\a \\b \\\c \\\\d`, `\a \\b \\\c \\\\d`},
		{`\<foo>`, "<foo>", "<foo>"},
		{`a\<`, `a\<`, `a\<`},
		{`\\<a b>`, `\\<a b>`, `\\<a b>`},
		{`<r>\\</r>`, red + `\` + rst, `\`},
		{`<r></r>\<r>`, red + rst + "<r>", "<r>"},
	}
	for _, tt := range tests {
		if got, err := Render(tt.in, ""); err != nil || got != tt.render {
			t.Errorf("Render(%q) = %q, %v; want %q", tt.in, got, err, tt.render)
		}
		if got, err := Strip(tt.in); err != nil || got != tt.strip {
			t.Errorf("Strip(%q) = %q, %v; want %q", tt.in, got, err, tt.strip)
		}
	}
}

func TestStrip(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"<red>foo</red>", "foo"},
		{"<BLACK>bar</BLACK>", "bar"},
		{"<b>baz</b>", "baz"},
		{"<b>1</b>2<d>3</d>", "123"},
		{"<red>foo</>", "foo"},
		{"<level>x</level>", "x"},
		{"<fg #ff0000>foobar</fg #ff0000>", "foobar"},
		{"<fg 55>baz</fg 55>", "baz"},
		{"<bg 23,12,12>bar</bg 23,12,12>", "bar"},
		{"<r>2 > 1</r>", "2 > 1"},
		{"<1<r>2 </ 3</r>4>", "<12 </ 34>"},
		{"a < b", "a < b"},
	}
	for _, tt := range tests {
		if got, err := Strip(tt.in); err != nil || got != tt.want {
			t.Errorf("Strip(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func unknown(tag string) string {
	return `Tag "` + tag + `" does not correspond to any known color directive, make sure you have not misspelled it (or prepend '\' to escape it)`
}

func TestErrors(t *testing.T) {
	noOpening := func(tag string) string { return `Closing tag "` + tag + `" has no corresponding opening tag` }
	nesting := func(tag string) string { return `Closing tag "` + tag + `" violates nesting rules` }
	unclosed := func(tag string) string { return `Opening tag "` + tag + `" has no corresponding closing tag` }
	tests := []struct {
		in  string
		msg string
		pos int
	}{
		// Closing tags with no opening one.
		{"<b>1</d>", noOpening("</d>"), 4},
		{"</b>", noOpening("</b>"), 0},
		{"<b>1</b></b>", noOpening("</b>"), 8},
		{"<red><b>1</b></b></red>", noOpening("</b>"), 13},
		{"<green>1</b>", noOpening("</b>"), 8},
		{"<green>foo</bar>", noOpening("</bar>"), 10},
		{"</>", noOpening("</>"), 0},
		{"<red><green>X</></green>", noOpening("</green>"), 16},
		{"<lvl>x</level>", noOpening("</level>"), 6},
		{"<fg red>x</fg RED>", noOpening("</fg RED>"), 9},
		{`\\</r>`, noOpening("</r>"), 2},

		// Closing tags out of order.
		{"<r><Y>1</r>2</Y>", nesting("</r>"), 7},
		{"<r><r><Y>1</r>2</Y></r>", nesting("</r>"), 10},
		{"<b><level>x</b>", nesting("</b>"), 11},
		{"<r><Y><r></r></r></Y>", nesting("</r>"), 13},

		// Tags left open.
		{"<b>", unclosed("<b>"), -1},
		{"<Y><b></b>", unclosed("<Y>"), -1},
		{"<b><b></b>", unclosed("<b>"), -1},
		{"<fg red>1<fg red>", unclosed("<fg red>"), -1},
		{"<r><b>x", unclosed("<r>"), -1},

		// Unknown tags.
		{"<foo>bar</foo>", unknown("<foo>"), 0},
		{"<Green>foobar</Green>", unknown("<Green>"), 0},
		{"<bar>foo</green>", unknown("<bar>"), 0},
		{"<b>1</b><tag>2</tag>", unknown("<tag>"), 8},
		{"<tag>1</b>", unknown("<tag>"), 0},
		{"<b></b><tag>1</tag>", unknown("<tag>"), 7},
		{"<b><tag>1</tag></b>", unknown("<tag>"), 3},
		{"1<x>", unknown("<x>"), 1},
		{"a <=> b", unknown("<=>"), 2},
		{`\\<foo>`, unknown("<foo>"), 2},
		{"<fg light-blue2>1</fg light-blue2>", unknown("<fg light-blue2>"), 0},
		{"<bg ,red>1</bg ,red>", unknown("<bg ,red>"), 0},
		{"<bg red,>1</bg red,>", unknown("<bg red,>"), 0},
		{"<bg a,z>1</bg a,z>", unknown("<bg a,z>"), 0},
		{"<bg blue,yelllow>1</bg blue,yelllow>", unknown("<bg blue,yelllow>"), 0},
		{"<>1</>", unknown("<>"), 0},
		{"<,>1</,>", unknown("<,>"), 0},
		{"<z,z>1</z,z>", unknown("<z,z>"), 0},
		{"<z,z,z>1</z,z,z>", unknown("<z,z,z>"), 0},
		{"<fg>1</fg>", unknown("<fg>"), 0},
		{"<fg >1</fg >", unknown("<fg >"), 0},
		{"<fg\tred>1", unknown("<fg\tred>"), 0},
		{"<fg red>1<bg yelow>", unknown("<bg yelow>"), 9},
		{"<fg R>x</fg R><bg r>x</bg r><fg RED>x</fg RED><fg reed>", unknown("<fg reed>"), 46},
		{"<fg #>1</fg #>", unknown("<fg #>"), 0},
		{"<bg #12>1</bg #12>", unknown("<bg #12>"), 0},
		{"<fg #1234567>1</fg #1234567>", unknown("<fg #1234567>"), 0},
		{"<bg #E7G>1</bg #E7G>", unknown("<bg #E7G>"), 0},
		{"<fg #F2D1GZ>1</fg #F2D1GZ>", unknown("<fg #F2D1GZ>"), 0},
		{"<fg 256>1</fg 256>", unknown("<fg 256>"), 0},
		{"<bg 2222>1</bg 2222>", unknown("<bg 2222>"), 0},
		{"<bg -1>1</bg -1>", unknown("<bg -1>"), 0},
		{"<fg 99999999999999999999999>", unknown("<fg 99999999999999999999999>"), 0},
		{"<fg 1,2,>1</fg 1,2,>", unknown("<fg 1,2,>"), 0},
		{"<bg ,>1</bg ,>", unknown("<bg ,>"), 0},
		{"<fg ,,>1</fg ,,>", unknown("<fg ,,>"), 0},
		{"<fg 256,120,120>1</fg 256,120,120>", unknown("<fg 256,120,120>"), 0},
		{"<bg 1,2,3,4>1</bg 1,2,3,4>", unknown("<bg 1,2,3,4>"), 0},
		{"<fg \u0661>", unknown("<fg \u0661>"), 0}, // only ASCII digits
		{"<fg l\u0130ght-red>", unknown("<fg l\u0130ght-red>"), 0},
		{"<#ff0000>x</#ff0000>", unknown("<#ff0000>"), 0},
		{"<255,0,0>x</255,0,0>", unknown("<255,0,0>"), 0},
		{"<100>x</100>", unknown("<100>"), 0},
		{"é<foo>", unknown("<foo>"), 2},
	}
	for _, tt := range tests {
		for _, colorize := range []bool{true, false} {
			p := NewParser(colorize)
			_, err := p.Feed(tt.in)
			if err == nil {
				err = p.Finish()
			}
			checkError(t, "Feed/Finish", err, tt.msg, tt.pos)
		}
		_, err := Render(tt.in, "")
		checkError(t, "Render", err, tt.msg, tt.pos)
		_, err = Strip(tt.in)
		checkError(t, "Strip", err, tt.msg, tt.pos)
	}
}

func checkError(t *testing.T, what string, err error, msg string, pos int) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%s: error %v, want *Error %q", what, err, msg)
		return
	}
	if e.Msg != msg || e.Error() != msg || e.Pos != pos {
		t.Errorf("%s: error %q at %d, want %q at %d", what, e.Msg, e.Pos, msg, pos)
	}
}

func TestLevelColor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"<cyan><bold>", "\x1b[36m\x1b[1m"},   // TRACE
		{"<blue><bold>", "\x1b[34m\x1b[1m"},   // DEBUG
		{"<bold>", "\x1b[1m"},                 // INFO
		{"<green><bold>", "\x1b[32m\x1b[1m"},  // SUCCESS
		{"<yellow><bold>", "\x1b[33m\x1b[1m"}, // WARNING
		{"<red><bold>", "\x1b[31m\x1b[1m"},    // ERROR
		{"<RED><bold>", "\x1b[41m\x1b[1m"},    // CRITICAL
		{" <red> \n", "\x1b[31m"},             // trimmed
		{"\x1c<red>\u3000", "\x1b[31m"},       // as Python trims
		{"<fg #F12>", "\x1b[38;2;255;17;34m"}, // extended forms
		{"<Y><b></b>", "\x1b[43m\x1b[1m" + rst + "\x1b[43m"},
		{"<b><b></b>", "\x1b[1m\x1b[1m" + rst + "\x1b[1m"},
		{"<red>x</red>", "\x1b[31mx" + rst},
		{"plain", "plain"},
		{`\<red>`, "<red>"},
	}
	for _, tt := range tests {
		if got, err := LevelColor(tt.in); err != nil || got != tt.want {
			t.Errorf("LevelColor(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}

	errs := []struct {
		in  string
		msg string
		pos int
	}{
		{"<level>", levelNotAllowed, -1},
		{"<red><lvl>", levelNotAllowed, -1},
		{"<level><foo>", unknown("<foo>"), 7},
		{"  <foo>", unknown("<foo>"), 2},
		{"<red></b>", `Closing tag "</b>" has no corresponding opening tag`, 5},
	}
	for _, tt := range errs {
		_, err := LevelColor(tt.in)
		checkError(t, "LevelColor("+tt.in+")", err, tt.msg, tt.pos)
	}
	if !strings.Contains(levelNotAllowed, "'<level>' color tag is not allowed in this context") {
		t.Errorf("unexpected message %q", levelNotAllowed)
	}
}

func TestFeedPlainAllocs(t *testing.T) {
	p := NewParser(true)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := p.Feed("no tags here {"); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 1 {
		t.Errorf("Feed of plain text allocates %v times, want at most 1", allocs)
	}
}

func FuzzParser(f *testing.F) {
	for _, s := range []string{"<red>x</red>", `\\<b>a</>`, "<fg 1,2,3>x<level>y</level></fg 1,2,3>", "a < b", "<r><Y>1</r>2</Y>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		colored, err1 := NewParser(true).Feed(s)
		plain, err2 := NewParser(false).Feed(s)
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("colorized error %v, uncolorized error %v", err1, err2)
		}
		if err1 != nil {
			if e, ok := err1.(*Error); !ok || e.Pos < 0 || e.Pos >= len(s) || s[e.Pos] != '<' {
				t.Fatalf("bad error %#v", err1)
			}
			return
		}
		var want strings.Builder
		for _, op := range plain {
			if op.Kind != OpText {
				t.Fatalf("uncolorized op %v", op)
			}
			want.WriteString(op.Text)
		}
		// Colorized text minus the escape sequences is the stripped text.
		var got strings.Builder
		for _, op := range colored {
			if op.Kind == OpText {
				got.WriteString(op.Text)
			}
		}
		if strings.IndexByte(s, '\x1b') < 0 && removeSGR(got.String()) != want.String() {
			t.Fatalf("colorized %q, stripped %q", got.String(), want.String())
		}
	})
}

// removeSGR drops "\x1b[...m" sequences.
func removeSGR(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], 'm')
		s = s[i+j+1:]
	}
}
