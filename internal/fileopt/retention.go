package fileopt

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Retention is a parsed retention rule: keep Count files, or remove files
// older than Age.
type Retention struct {
	IsCount bool
	Count   int
	Age     time.Duration
}

// ParseRetention reads a count of files ("10") or an age ("10 days").
func ParseRetention(s string) (Retention, error) {
	t := strings.TrimSpace(s)
	if n, err := strconv.Atoi(t); err == nil {
		if n < 0 {
			return Retention{}, fmt.Errorf("retention count must not be negative: %q", s)
		}
		return Retention{IsCount: true, Count: n}, nil
	}
	d, ok, err := ParseDuration(t)
	if !ok {
		return Retention{}, fmt.Errorf("cannot parse retention from %q", s)
	}
	if err == nil && d <= 0 {
		err = fmt.Errorf("retention age must be positive: %q", s)
	}
	return Retention{Age: d}, err
}
