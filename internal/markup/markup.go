// Package markup reads Loguru's color markup, such as
// "<green>{time}</green> <level>{message}</level>", and turns its tags into
// ANSI escape sequences or removes them.
//
// A tag is "<name>", closed by "</name>" or by "</>". Names are styles
// ("b", "bold", "u", ...), foreground colors in lowercase ("r", "red",
// "lr", "light-red", ...), background colors in uppercase ("R", "RED", ...),
// "<fg X>" and "<bg X>" where X is a color name, a number from 0 to 255, a
// "#rgb" or "#rrggbb" hex color or "R,G,B", and "<level>" (or "<lvl>"), the
// color of the record's level, which is only known when a record is written.
//
// A closing tag resets the terminal ("\x1b[0m") and then sets again every tag
// that is still open, so nested colors survive. A tag preceded by an odd
// number of backslashes is literal text; each pair of backslashes before a
// tag stands for one backslash.
package markup

import "strconv"

// OpKind says what an Op emits.
type OpKind uint8

// The kinds of Op.
const (
	OpText  OpKind = iota // Text: literal text, which in colorized mode may include ANSI codes
	OpLevel               // emit the current record's level color (for <level>/<lvl>)
	OpReset               // a closing tag: emit "\x1b[0m" and then whatever re-establishes the enclosing context
)

// Op is one step of parsed markup. Text is set for OpText only.
type Op struct {
	Kind OpKind
	Text string
}

// Error is a markup error with the byte offset of the offending tag in the
// text given to Feed, or -1 when no offset applies.
type Error struct {
	Msg string
	Pos int
}

// Error returns the message, worded as Loguru words it.
func (e *Error) Error() string { return e.Msg }

// reset is the sequence a closing tag emits before restoring the open tags.
const reset = "\x1b[0m"

// The SGR codes of the styles.
var styleCodes = map[string]int{
	"b": 1, "bold": 1,
	"d": 2, "dim": 2,
	"i": 3, "italic": 3,
	"u": 4, "underline": 4,
	"l": 5, "blink": 5,
	"v": 7, "reverse": 7,
	"h": 8, "hide": 8,
	"s": 9, "strike": 9,
	"n": 22, "normal": 22,
}

// The SGR codes of the foreground colors, written in lowercase.
var foregroundCodes = map[string]int{
	"k": 30, "black": 30,
	"r": 31, "red": 31,
	"g": 32, "green": 32,
	"y": 33, "yellow": 33,
	"e": 34, "blue": 34,
	"m": 35, "magenta": 35,
	"c": 36, "cyan": 36,
	"w": 37, "white": 37,
	"lk": 90, "light-black": 90,
	"lr": 91, "light-red": 91,
	"lg": 92, "light-green": 92,
	"ly": 93, "light-yellow": 93,
	"le": 94, "light-blue": 94,
	"lm": 95, "light-magenta": 95,
	"lc": 96, "light-cyan": 96,
	"lw": 97, "light-white": 97,
}

// The SGR codes of the background colors, written in uppercase.
var backgroundCodes = map[string]int{
	"K": 40, "BLACK": 40,
	"R": 41, "RED": 41,
	"G": 42, "GREEN": 42,
	"Y": 43, "YELLOW": 43,
	"E": 44, "BLUE": 44,
	"M": 45, "MAGENTA": 45,
	"C": 46, "CYAN": 46,
	"W": 47, "WHITE": 47,
	"LK": 100, "LIGHT-BLACK": 100,
	"LR": 101, "LIGHT-RED": 101,
	"LG": 102, "LIGHT-GREEN": 102,
	"LY": 103, "LIGHT-YELLOW": 103,
	"LE": 104, "LIGHT-BLUE": 104,
	"LM": 105, "LIGHT-MAGENTA": 105,
	"LC": 106, "LIGHT-CYAN": 106,
	"LW": 107, "LIGHT-WHITE": 107,
}

// The escape sequences, built once from the tables above. direct holds
// every name usable as a tag on its own; foreground and background are the
// names "<fg X>" and "<bg X>" accept.
var (
	direct     = sequences(styleCodes, foregroundCodes, backgroundCodes)
	foreground = sequences(foregroundCodes)
	background = sequences(backgroundCodes)
)

func sequences(tables ...map[string]int) map[string]string {
	n := 0
	for _, t := range tables {
		n += len(t)
	}
	m := make(map[string]string, n)
	for _, t := range tables {
		for name, code := range t {
			m[name] = sgr(code)
		}
	}
	return m
}

func sgr(code int) string { return "\x1b[" + strconv.Itoa(code) + "m" }
