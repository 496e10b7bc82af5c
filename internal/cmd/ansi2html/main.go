// Command ansi2html turns text with ANSI SGR escape sequences (the colored
// output of a terminal) into an HTML page that looks like a dark terminal
// window, for taking a screenshot of it.
//
// Usage:
//
//	ansi2html [-title T] [-width W] < colored.txt > page.html
//	ansi2html -size [-width W] < colored.txt   # prints "W,H", the window size that fits the text
//
// It knows the SGR codes loguru emits: reset (0), bold (1), dim (2), italic
// (3), underline (4), blink (5, shown steady), reverse (7), hide (8), strike
// (9) and their resets (21-29), the 8 and 16 colors (30-37, 90-97 and their
// backgrounds 40-47, 100-107), 256 colors (38;5;n, 48;5;n), truecolor
// (38;2;r;g;b, 48;2;r;g;b) and the defaults (39, 49). Other escape
// sequences and control characters but newline and tab are dropped.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"html"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The page's metrics, in CSS pixels, shared by the style sheet and -size.
const (
	fontSize   = 15
	lineHeight = 20
	padTop     = 16
	padSide    = 20
	titleBar   = 34
	charWidth  = 0.602 * fontSize // the advance of DejaVu Sans Mono
)

// The default colors and the 16-color palette of the page (a dark theme).
const (
	defaultFG = "#d4d4d4"
	defaultBG = "#1e1e1e"
)

var palette = [16]string{
	"#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
	"#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
}

func main() {
	title := flag.String("title", "terminal", "the window's title")
	width := flag.Int("width", 1100, "the window's width in pixels")
	size := flag.Bool("size", false, `print the window size that fits the text, as "W,H", instead of HTML`)
	flag.Parse()
	in, err := io.ReadAll(bufio.NewReader(os.Stdin))
	if err != nil {
		fmt.Fprintln(os.Stderr, "ansi2html:", err)
		os.Exit(1)
	}
	text := strings.TrimRight(string(in), "\n")
	if *size {
		w, h, clipped := windowSize(text, *width)
		if clipped > 0 {
			fmt.Fprintf(os.Stderr, "ansi2html: %d line(s) wider than %d px\n", clipped, *width)
		}
		fmt.Printf("%d,%d\n", w, h)
		return
	}
	fmt.Print(page(*title, convert(text)))
}

// windowSize returns the size of the window that shows text's lines without
// scrolling at the given width, and how many lines would not fit across.
func windowSize(text string, width int) (w, h, clipped int) {
	lines := strings.Split(plain(text), "\n")
	room := float64(width - 2*padSide)
	for _, l := range lines {
		if float64(utf8.RuneCountInString(strings.ReplaceAll(l, "\t", "        ")))*charWidth > room {
			clipped++
		}
	}
	return width, titleBar + 2*padTop + len(lines)*lineHeight, clipped
}

// plain returns text without escape sequences.
func plain(text string) string {
	var b strings.Builder
	scan(text, func(s string) { b.WriteString(s) }, func(string) {})
	return b.String()
}

// page returns the HTML document showing body, the output of convert.
func page(title, body string) string {
	t := html.EscapeString(title)
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>` + t + `</title>
<style>
html, body { margin: 0; height: 100%; overflow: hidden; background: ` + defaultBG + `; }
.titlebar { height: ` + strconv.Itoa(titleBar) + `px; box-sizing: border-box; padding: 0 14px; display: flex; align-items: center; gap: 8px;
  background: #323233; border-bottom: 1px solid #141414; font: 13px "DejaVu Sans", sans-serif; color: #a0a0a0; }
.dot { width: 12px; height: 12px; border-radius: 50%; flex: none; }
.title { flex: 1; text-align: center; margin-right: 60px; }
pre { margin: 0; padding: ` + strconv.Itoa(padTop) + `px ` + strconv.Itoa(padSide) + `px; color: ` + defaultFG + `;
  font: ` + strconv.Itoa(fontSize) + `px/` + strconv.Itoa(lineHeight) + `px "DejaVu Sans Mono", monospace; white-space: pre; }
</style>
</head>
<body>
<div class="titlebar"><span class="dot" style="background:#ff5f56"></span><span class="dot" style="background:#ffbd2e"></span><span class="dot" style="background:#27c93f"></span><span class="title">` + t + `</span></div>
<pre>` + body + `</pre>
</body>
</html>
`
}

// style is the state the SGR codes set.
type style struct {
	fg, bg                                      string // "#rrggbb", or "" for the default
	bold, dim, italic, underline, blink, strike bool
	reverse, hidden                             bool
}

// css returns the inline style of s, "" for the default look.
func (s style) css() string {
	fg, bg := s.fg, s.bg
	if s.reverse {
		fg, bg = cmpOr(bg, defaultBG), cmpOr(fg, defaultFG)
	}
	var d []string
	if fg != "" {
		d = append(d, "color:"+fg)
	}
	if bg != "" {
		d = append(d, "background-color:"+bg)
	}
	if s.bold {
		d = append(d, "font-weight:bold")
	}
	if s.dim {
		d = append(d, "opacity:0.6")
	}
	if s.italic {
		d = append(d, "font-style:italic")
	}
	switch {
	case s.underline && s.strike:
		d = append(d, "text-decoration:underline line-through")
	case s.underline:
		d = append(d, "text-decoration:underline")
	case s.strike:
		d = append(d, "text-decoration:line-through")
	}
	if s.hidden {
		d = append(d, "visibility:hidden")
	}
	return strings.Join(d, ";")
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// apply changes s by the parameters of one SGR sequence ("1;31", "" = "0").
func (s *style) apply(params string) {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		n, err := strconv.Atoi(cmpOr(ps[i], "0"))
		if err != nil {
			return
		}
		switch {
		case n == 0:
			*s = style{}
		case n == 1:
			s.bold = true
		case n == 2:
			s.dim = true
		case n == 3:
			s.italic = true
		case n == 4 || n == 21:
			s.underline = true
		case n == 5 || n == 6:
			s.blink = true
		case n == 7:
			s.reverse = true
		case n == 8:
			s.hidden = true
		case n == 9:
			s.strike = true
		case n == 22:
			s.bold, s.dim = false, false
		case n == 23:
			s.italic = false
		case n == 24:
			s.underline = false
		case n == 25:
			s.blink = false
		case n == 27:
			s.reverse = false
		case n == 28:
			s.hidden = false
		case n == 29:
			s.strike = false
		case n >= 30 && n <= 37:
			s.fg = palette[n-30]
		case n >= 90 && n <= 97:
			s.fg = palette[n-90+8]
		case n == 39:
			s.fg = ""
		case n >= 40 && n <= 47:
			s.bg = palette[n-40]
		case n >= 100 && n <= 107:
			s.bg = palette[n-100+8]
		case n == 49:
			s.bg = ""
		case n == 38 || n == 48:
			c, used, ok := extended(ps[i+1:])
			if !ok {
				return
			}
			if n == 38 {
				s.fg = c
			} else {
				s.bg = c
			}
			i += used
		}
	}
}

// extended reads the color after a 38 or 48: "5;n" or "2;r;g;b". It returns
// the color and the number of parameters it took.
func extended(ps []string) (string, int, bool) {
	num := func(k int) (int, bool) {
		if k >= len(ps) {
			return 0, false
		}
		n, err := strconv.Atoi(ps[k])
		return n, err == nil && n >= 0 && n <= 255
	}
	mode, ok := num(0)
	switch {
	case ok && mode == 5:
		n, ok := num(1)
		return color256(n), 2, ok
	case ok && mode == 2:
		r, ok1 := num(1)
		g, ok2 := num(2)
		b, ok3 := num(3)
		return rgb(r, g, b), 4, ok1 && ok2 && ok3
	}
	return "", 0, false
}

// color256 returns color n of the xterm 256-color palette.
func color256(n int) string {
	switch {
	case n < 16:
		return palette[n]
	case n < 232:
		n -= 16
		level := func(k int) int {
			if k == 0 {
				return 0
			}
			return 55 + 40*k
		}
		return rgb(level(n/36), level(n/6%6), level(n%6))
	default:
		g := 8 + 10*(n-232)
		return rgb(g, g, g)
	}
}

func rgb(r, g, b int) string { return fmt.Sprintf("#%02x%02x%02x", r, g, b) }

// convert returns the HTML for text: its characters escaped, in spans that
// give each run its style.
func convert(text string) string {
	var b strings.Builder
	var cur style
	var run strings.Builder
	runCSS := ""
	flush := func() {
		if run.Len() == 0 {
			return
		}
		if runCSS == "" {
			b.WriteString(html.EscapeString(run.String()))
		} else {
			b.WriteString(`<span style="` + runCSS + `">` + html.EscapeString(run.String()) + `</span>`)
		}
		run.Reset()
	}
	scan(text, func(s string) {
		if css := cur.css(); css != runCSS {
			flush()
			runCSS = css
		}
		run.WriteString(s)
	}, cur.apply)
	flush()
	return b.String()
}

// scan splits text into printable text, passed to onText, and SGR
// sequences, whose parameters are passed to onSGR; it drops other escape
// sequences and control characters but '\n' and '\t'.
func scan(text string, onText func(string), onSGR func(params string)) {
	for len(text) > 0 {
		i := strings.IndexFunc(text, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f })
		if i < 0 {
			onText(text)
			return
		}
		if i > 0 {
			onText(text[:i])
		}
		text = text[i:]
		if text[0] != 0x1b {
			text = text[1:]
			continue
		}
		switch {
		case strings.HasPrefix(text, "\x1b["): // CSI: parameters, intermediates, a final byte
			j := 2
			for j < len(text) && (text[j] < 0x40 || text[j] > 0x7e) {
				j++
			}
			if j == len(text) {
				return
			}
			if text[j] == 'm' {
				onSGR(text[2:j])
			}
			text = text[j+1:]
		case strings.HasPrefix(text, "\x1b]"): // OSC, up to BEL or ST (ESC \)
			bel, st := strings.IndexByte(text, '\a'), strings.Index(text, "\x1b\\")
			switch {
			case bel >= 0 && (st < 0 || bel < st):
				text = text[bel+1:]
			case st >= 0:
				text = text[st+2:]
			default:
				return
			}
		default: // ESC, intermediate bytes ("(" in "ESC ( B"), a final byte
			j := 1
			for j < len(text) && text[j] >= 0x20 && text[j] <= 0x2f {
				j++
			}
			text = text[min(j+1, len(text)):]
		}
	}
}
