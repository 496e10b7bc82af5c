package timefmt

import "strings"

// compileTokens compiles a spec made of Loguru tokens. The caller has
// already removed "!UTC", handled strftime specs and rejected runs of seven
// or more 'S'.
//
// Loguru scans the spec with the regular expression
//
//	(?:TOKENS)|\[(?:TOKENS|!UTC|)\]
//
// where TOKENS is the alternation
//
//	H{1,2}|h{1,2}|m{1,2}|s{1,2}|S+|YYYY|YY|M{1,4}|D{1,4}|Z{1,2}|zz|A|X|x|E|Q|dddd|ddd|d
//
// At each position the first alternative that matches wins. Alternatives
// starting with different letters never compete, and those sharing a letter
// are either one greedy repetition or listed longest first, so a bare token
// is the longest run the letter allows. A '[' can only start the bracketed
// form, which matches when the text up to the next ']' is exactly one token,
// "!UTC" or nothing; the content is then literal. Otherwise '[' is ordinary
// text and scanning resumes right after it.
func compileTokens(spec string) []op {
	var b opBuilder
	for i := 0; i < len(spec); {
		if spec[i] == '[' {
			if end := strings.IndexByte(spec[i+1:], ']'); end >= 0 {
				content := spec[i+1 : i+1+end]
				if content == "" || content == utcSuffix || tokenLen(content, 0) == len(content) {
					b.lit(content)
					i += end + 2
					continue
				}
			}
			b.lit("[")
			i++
			continue
		}
		n := tokenLen(spec, i)
		if n == 0 {
			b.lit(spec[i : i+1])
			i++
			continue
		}
		b.op(tokenOp(spec[i : i+n]))
		i += n
	}
	return b.ops
}

// tokenLen returns the length of the token starting at s[i], 0 if none.
func tokenLen(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch c := s[i]; c {
	case 'H', 'h', 'm', 's', 'Z':
		return run(s, i, c, 2)
	case 'M', 'D':
		return run(s, i, c, 4)
	case 'S':
		return run(s, i, c, len(s))
	case 'Y':
		switch {
		case strings.HasPrefix(s[i:], "YYYY"):
			return 4
		case strings.HasPrefix(s[i:], "YY"):
			return 2
		}
	case 'z':
		if strings.HasPrefix(s[i:], "zz") {
			return 2
		}
	case 'A', 'X', 'x', 'E', 'Q':
		return 1
	case 'd':
		switch {
		case strings.HasPrefix(s[i:], "dddd"):
			return 4
		case strings.HasPrefix(s[i:], "ddd"):
			return 3
		}
		return 1
	}
	return 0
}

// run returns the number of successive c starting at s[i], at most limit.
func run(s string, i int, c byte, limit int) int {
	n := 0
	for i+n < len(s) && s[i+n] == c && n < limit {
		n++
	}
	return n
}

// tokenOp returns the op of a token recognised by tokenLen.
func tokenOp(tok string) op {
	switch tok {
	case "YYYY":
		return num(fYear, 4)
	case "YY":
		return num(fYear2, 2)
	case "Q":
		return op{field: fQuarter}
	case "MMMM":
		return op{field: fMonthName}
	case "MMM":
		return op{field: fMonthAbbr}
	case "MM":
		return num(fMonth, 2)
	case "M":
		return num(fMonth, 0)
	case "DDDD":
		return num(fYearDay, 3)
	case "DDD":
		return num(fYearDay, 0)
	case "DD":
		return num(fDay, 2)
	case "D":
		return num(fDay, 0)
	case "dddd":
		return op{field: fWeekdayName}
	case "ddd":
		return op{field: fWeekdayAbbr}
	case "d":
		return op{field: fWeekdayMon0}
	case "E":
		return op{field: fWeekdayISO}
	case "HH":
		return num(fHour, 2)
	case "H":
		return num(fHour, 0)
	case "hh":
		return num(fHour12, 2)
	case "h":
		return num(fHour12, 0)
	case "mm":
		return num(fMinute, 2)
	case "m":
		return num(fMinute, 0)
	case "ss":
		return num(fSecond, 2)
	case "s":
		return num(fSecond, 0)
	case "A":
		return op{field: fAMPM}
	case "Z":
		return op{field: fOffsetColon}
	case "ZZ":
		return op{field: fOffset}
	case "zz":
		return op{field: fZoneName}
	case "X":
		return op{field: fUnix}
	case "x":
		return op{field: fUnixMicro}
	}
	// One to six 'S'; longer runs were rejected by Compile.
	return op{field: fFrac, width: uint8(len(tok))}
}

// num returns a numeric op zero-padded to width.
func num(f field, width uint8) op {
	return op{field: f, width: width, pad: '0'}
}

// opBuilder collects ops, merging adjacent literals.
type opBuilder struct {
	ops []op
}

func (b *opBuilder) lit(s string) {
	if s == "" {
		return
	}
	if n := len(b.ops); n > 0 && b.ops[n-1].field == fLit {
		b.ops[n-1].lit += s
		return
	}
	b.ops = append(b.ops, op{field: fLit, lit: s})
}

func (b *opBuilder) op(o op) {
	if o.field == fLit {
		b.lit(o.lit)
		return
	}
	b.ops = append(b.ops, o)
}
