package main

import (
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text is escaped", `a <b> & "c"`, `a &lt;b&gt; &amp; &#34;c&#34;`},
		{"a loguru line",
			"\x1b[32m2026-01-02 10:00:00.000\x1b[0m | \x1b[31m\x1b[1mERROR   \x1b[0m | \x1b[36mmain\x1b[0m:\x1b[36m7\x1b[0m - \x1b[31m\x1b[1mPayment failed\x1b[0m\n",
			`<span style="color:#0dbc79">2026-01-02 10:00:00.000</span> | <span style="color:#cd3131;font-weight:bold">ERROR   </span> | ` +
				`<span style="color:#11a8cd">main</span>:<span style="color:#11a8cd">7</span> - <span style="color:#cd3131;font-weight:bold">Payment failed</span>` + "\n"},
		{"a closing tag resets then restores: runs of one style merge",
			"\x1b[1mMarkup: \x1b[31mred\x1b[0m\x1b[1m, bold\x1b[0m\x1b[1m\x1b[0m",
			`<span style="font-weight:bold">Markup: </span><span style="color:#cd3131;font-weight:bold">red</span><span style="font-weight:bold">, bold</span>`},
		{"styles", "\x1b[2md\x1b[22m\x1b[3mi\x1b[23m\x1b[4mu\x1b[9ms\x1b[24m\x1b[29m\x1b[8mh\x1b[28m\x1b[5mblink\x1b[0m",
			`<span style="opacity:0.6">d</span><span style="font-style:italic">i</span><span style="text-decoration:underline">u</span>` +
				`<span style="text-decoration:underline line-through">s</span><span style="visibility:hidden">h</span>blink`},
		{"combined parameters, bright and background colors", "\x1b[1;93;41mx\x1b[39;49mbold\x1b[22;104my\x1b[m z",
			`<span style="color:#f5f543;background-color:#cd3131;font-weight:bold">x</span><span style="font-weight:bold">bold</span>` +
				`<span style="background-color:#3b8eea">y</span> z`},
		{"256 colors", "\x1b[38;5;9ma\x1b[38;5;208mb\x1b[48;5;16;38;5;231mc\x1b[38;5;244md\x1b[0m",
			`<span style="color:#f14c4c">a</span><span style="color:#ff8700">b</span>` +
				`<span style="color:#ffffff;background-color:#000000">c</span><span style="color:#808080;background-color:#000000">d</span>`},
		{"truecolor, leading zeros", "\x1b[38;2;255;0;128ma\x1b[48;2;001;002;003mb\x1b[0m",
			`<span style="color:#ff0080">a</span><span style="color:#ff0080;background-color:#010203">b</span>`},
		{"reverse", "\x1b[7mr\x1b[31mR\x1b[27m\x1b[0m",
			`<span style="color:#1e1e1e;background-color:#d4d4d4">r</span><span style="color:#1e1e1e;background-color:#cd3131">R</span>`},
		{"other sequences and controls are dropped",
			"a\x1b[1A\x1b[Jb\r\n\x1b]0;title\x07c\x1b]8;;http://x\x1b\\d\x1b(Be\tf\x00",
			"ab\ncde\tf"},
		{"a bad extended color stops the sequence", "\x1b[38;5mx\x1b[1;38;2;1;2mbold", `x<span style="font-weight:bold">bold</span>`},
	}
	for _, tt := range tests {
		if got := convert(tt.in); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestWindowSize(t *testing.T) {
	text := "\x1b[1mshort\x1b[0m\n" + strings.Repeat("x", 200) + "\n│ └ three"
	w, h, clipped := windowSize(text, 1100)
	if w != 1100 || h != titleBar+2*padTop+3*lineHeight || clipped != 1 {
		t.Errorf("windowSize = %d, %d, %d clipped; want 1100, %d, 1", w, h, clipped, titleBar+2*padTop+3*lineHeight)
	}
}

func TestPage(t *testing.T) {
	p := page(`a <demo>`, `<span style="font-weight:bold">x</span>`)
	for _, want := range []string{
		"<title>a &lt;demo&gt;</title>",
		`<span class="title">a &lt;demo&gt;</span>`,
		"<pre>" + `<span style="font-weight:bold">x</span>` + "</pre>",
		"background: #1e1e1e;",
		`font: 15px/20px "DejaVu Sans Mono", monospace;`,
	} {
		if !strings.Contains(p, want) {
			t.Errorf("page lacks %q:\n%s", want, p)
		}
	}
}
