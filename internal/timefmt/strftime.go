package timefmt

import (
	"fmt"
	"unicode/utf8"
)

// compileStrftime compiles a strftime format (see the package
// documentation for the directives).
func compileStrftime(format string) ([]op, error) {
	var b opBuilder
	start := 0 // start of the pending literal text
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		b.lit(format[start:i])
		pos := i
		i++
		var flag byte
		if i < len(format) && (format[i] == '-' || format[i] == '_' || format[i] == '0') {
			flag = format[i]
			i++
		}
		if i < len(format) && format[i] == ':' && i+1 < len(format) && format[i+1] == 'z' {
			// Python's "%:z".
			i++
			b.op(op{field: fOffsetColon})
			start = i + 1
			continue
		}
		if i >= len(format) {
			return nil, fmt.Errorf("incomplete directive %q at position %d", format[pos:], pos)
		}
		ops, ok := directive(format[i])
		if !ok {
			_, size := utf8.DecodeRuneInString(format[i:])
			return nil, fmt.Errorf("unknown directive %q at position %d", format[pos:i+size], pos)
		}
		for _, o := range ops {
			// Flags only change single numeric directives.
			if len(ops) == 1 && o.width != 0 && o.field != fFrac {
				switch flag {
				case '-':
					o.width = 0
				case '_':
					o.pad = ' '
				case '0':
					o.pad = '0'
				}
			}
			b.op(o)
		}
		start = i + 1
	}
	b.lit(format[start:])
	return b.ops, nil
}

// spaced returns a numeric op space-padded to width.
func spaced(f field, width uint8) op {
	return op{field: f, width: width, pad: ' '}
}

// lit returns a literal op.
func lit(s string) op {
	return op{field: fLit, lit: s}
}

// directives maps a strftime conversion character to its ops.
var directives = [128][]op{
	'a': {{field: fWeekdayAbbr}},
	'A': {{field: fWeekdayName}},
	'w': {{field: fWeekdaySun0}},
	'u': {{field: fWeekdayISO}},
	'd': {num(fDay, 2)},
	'e': {spaced(fDay, 2)},
	'b': {{field: fMonthAbbr}},
	'h': {{field: fMonthAbbr}},
	'B': {{field: fMonthName}},
	'm': {num(fMonth, 2)},
	'y': {num(fYear2, 2)},
	'Y': {num(fYear, 4)},
	'C': {num(fCentury, 2)},
	'G': {num(fISOYear, 4)},
	'g': {num(fISOYear2, 2)},
	'V': {num(fISOWeek, 2)},
	'U': {num(fWeekSun, 2)},
	'W': {num(fWeekMon, 2)},
	'j': {num(fYearDay, 3)},
	'H': {num(fHour, 2)},
	'k': {spaced(fHour, 2)},
	'I': {num(fHour12, 2)},
	'l': {spaced(fHour12, 2)},
	'M': {num(fMinute, 2)},
	'S': {num(fSecond, 2)},
	'f': {{field: fFrac, width: 6}},
	'p': {{field: fAMPM}},
	'P': {{field: fAmPm}},
	'z': {{field: fOffset}},
	'Z': {{field: fZoneName}},
	's': {{field: fUnix}},
	'c': {
		{field: fWeekdayAbbr}, lit(" "), {field: fMonthAbbr}, lit(" "), spaced(fDay, 2), lit(" "),
		num(fHour, 2), lit(":"), num(fMinute, 2), lit(":"), num(fSecond, 2), lit(" "), num(fYear, 4),
	},
	'x': {num(fMonth, 2), lit("/"), num(fDay, 2), lit("/"), num(fYear2, 2)},
	'D': {num(fMonth, 2), lit("/"), num(fDay, 2), lit("/"), num(fYear2, 2)},
	'F': {num(fYear, 4), lit("-"), num(fMonth, 2), lit("-"), num(fDay, 2)},
	'X': {num(fHour, 2), lit(":"), num(fMinute, 2), lit(":"), num(fSecond, 2)},
	'T': {num(fHour, 2), lit(":"), num(fMinute, 2), lit(":"), num(fSecond, 2)},
	'R': {num(fHour, 2), lit(":"), num(fMinute, 2)},
	'r': {num(fHour12, 2), lit(":"), num(fMinute, 2), lit(":"), num(fSecond, 2), lit(" "), {field: fAMPM}},
	'n': {lit("\n")},
	't': {lit("\t")},
	'%': {lit("%")},
}

// directive returns the ops of the conversion character c.
func directive(c byte) ([]op, bool) {
	if c >= 128 || directives[c] == nil {
		return nil, false
	}
	return directives[c], true
}
