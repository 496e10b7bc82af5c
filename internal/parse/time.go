package parse

import (
	"fmt"
	"time"
)

// ParseTime parses the time of Loguru's default format, "2006-01-02 15:04:05.000"
// in the local time zone (also accepts an optional numeric zone suffix " +01:00"
// or "+0100", and 1 to 9 fractional digits), for use in a cast.
//
// The fraction may also be left out. With a zone suffix the result carries
// that fixed offset; without one it is in time.Local, as Loguru writes
// local times by default. Errors quote the input.
func ParseTime(s string) (time.Time, error) {
	const layout = "2006-01-02 15:04:05"
	fail := func(why string) (time.Time, error) {
		return time.Time{}, fmt.Errorf("loguru: invalid time %q: %s", s, why)
	}
	if len(s) < len(layout) {
		return fail("too short")
	}
	rest := s[len(layout):]

	nsec := 0
	if len(rest) > 0 && rest[0] == '.' {
		digits := 0
		for digits+1 < len(rest) && isDigit(rest[digits+1]) {
			digits++
		}
		if digits == 0 || digits > 9 {
			return fail("want 1 to 9 fractional digits")
		}
		for i := 1; i <= 9; i++ {
			nsec *= 10
			if i <= digits {
				nsec += int(rest[i] - '0')
			}
		}
		rest = rest[1+digits:]
	}

	loc := time.Local
	if rest != "" {
		off, ok := parseOffset(rest)
		if !ok {
			return fail("want an optional zone such as +01:00 or +0100 after the time")
		}
		loc = time.FixedZone("", off)
	}

	// time.ParseInLocation checks the ranges of the fields; it is given
	// the fixed-width part only, since the rest was checked above.
	t, err := time.ParseInLocation(layout, s[:len(layout)], loc)
	if err != nil {
		return fail("want the form 2006-01-02 15:04:05.000")
	}
	return t.Add(time.Duration(nsec)), nil
}

// parseOffset reads " +hh:mm", "+hh:mm", " +hhmm" or "+hhmm" (or with
// '-') and returns the offset east of UTC in seconds.
func parseOffset(z string) (int, bool) {
	if len(z) > 0 && z[0] == ' ' {
		z = z[1:]
	}
	if len(z) != 5 && len(z) != 6 {
		return 0, false
	}
	sign := 1
	switch z[0] {
	case '+':
	case '-':
		sign = -1
	default:
		return 0, false
	}
	z = z[1:]
	if len(z) == 5 {
		if z[2] != ':' {
			return 0, false
		}
		z = z[:2] + z[3:]
	}
	for i := range 4 {
		if !isDigit(z[i]) {
			return 0, false
		}
	}
	hh := int(z[0]-'0')*10 + int(z[1]-'0')
	mm := int(z[2]-'0')*10 + int(z[3]-'0')
	if hh > 23 || mm > 59 {
		return 0, false
	}
	return sign * (hh*3600 + mm*60), true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
