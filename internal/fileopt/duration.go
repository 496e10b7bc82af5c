package fileopt

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	durationRe = regexp.MustCompile(`(?i)^(?:[e+\-.\d]+\s*[a-z]+[\s,]*)+$`)
	pairRe     = regexp.MustCompile(`(?i)([e+\-.\d]+)\s*([a-z]+)[\s,]*`)
)

// units are Loguru's duration units in seconds. "m" alone is not one: it
// could be minutes or months.
var units = []struct {
	re      *regexp.Regexp
	seconds float64
}{
	{regexp.MustCompile(`^(?:y|years?)$`), 31536000},
	{regexp.MustCompile(`^months?$`), 2628000},
	{regexp.MustCompile(`^(?:w|weeks?)$`), 604800},
	{regexp.MustCompile(`^(?:d|days?)$`), 86400},
	{regexp.MustCompile(`^(?:h|hours?)$`), 3600},
	{regexp.MustCompile(`^min(?:ute)?s?$`), 60},
	{regexp.MustCompile(`^(?:s|sec(?:ond)?s?)$`), 1},
	{regexp.MustCompile(`^(?:ms|milliseconds?)$`), 0.001},
	{regexp.MustCompile(`^(?:us|microseconds?)$`), 0.000001},
}

// ParseDuration reads "1 week", "6 hours", "2 days, 4 hours", "1.5d" as the
// sum of its parts. ok is false when s is not in duration form at all.
func ParseDuration(s string) (d time.Duration, ok bool, err error) {
	s = strings.TrimSpace(s)
	if !durationRe.MatchString(s) {
		return 0, false, nil
	}
	pairs := pairRe.FindAllStringSubmatch(s, -1)
	if u := strings.ToLower(pairs[len(pairs)-1][2]); u == "am" || u == "pm" {
		return 0, false, nil // "12 am" is a time of day
	}
	var total float64
	for _, m := range pairs {
		n, err := strconv.ParseFloat(m[1], 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
			return 0, true, fmt.Errorf("invalid float value while parsing duration: %q", m[1])
		}
		sec, known := unitSeconds(strings.ToLower(m[2]))
		if !known {
			return 0, true, fmt.Errorf("invalid unit value while parsing duration: %q", m[2])
		}
		total += n * sec
	}
	if total*1e9 >= math.MaxInt64 || total*1e9 <= math.MinInt64 {
		return 0, true, fmt.Errorf("duration too large: %q", s)
	}
	return time.Duration(math.Round(total * 1e9)), true, nil
}

func unitSeconds(unit string) (float64, bool) {
	for _, u := range units {
		if u.re.MatchString(unit) {
			return u.seconds, true
		}
	}
	return 0, false
}
