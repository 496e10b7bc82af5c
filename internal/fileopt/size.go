// Package fileopt parses the text forms of the file sink options Rotation
// and Retention, as Loguru's string parsers read them.
package fileopt

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

var sizeRe = regexp.MustCompile(`(?i)^([e+\-.\d]+)\s*([kmgtpezy])?(i)?(b)$`)

// ParseSize reads "500 MB", "1 GiB", "100 KB", "64b" (bits) as a number of
// bytes, rounded down. ok is false when s is not in size form at all.
func ParseSize(s string) (bytes int64, ok bool, err error) {
	m := sizeRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false, nil
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || n < 0 {
		return 0, true, fmt.Errorf("invalid float value while parsing size: %q", m[1])
	}
	base := 1000.0
	if m[3] != "" {
		base = 1024
	}
	if m[2] != "" {
		n *= math.Pow(base, float64(strings.IndexByte("kmgtpezy", lower(m[2][0]))+1))
	}
	if m[4] == "b" {
		n /= 8 // a lowercase b counts bits
	}
	if n >= math.MaxInt64 {
		return 0, true, fmt.Errorf("size too large: %q", s)
	}
	return int64(n), true, nil
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
