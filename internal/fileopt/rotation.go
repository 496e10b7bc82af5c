package fileopt

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// String describes the rule, for tests and error messages.
func (r Rotation) String() string {
	switch {
	case r.Size > 0:
		return fmt.Sprintf("every %d bytes", r.Size)
	case r.Interval > 0:
		return fmt.Sprintf("every %v", r.Interval)
	case r.Frequency != "":
		return r.Frequency
	case r.Daytime != nil:
		d := r.Daytime
		at := fmt.Sprintf("%02d:%02d:%02d.%09d", d.Hour, d.Minute, d.Second, d.Nano)
		if d.Weekly {
			return d.Weekday.String() + " at " + at
		}
		return "daily at " + at
	}
	return "never"
}

// Rotation is a parsed rotation rule; exactly one of its kinds is set.
type Rotation struct {
	Size      int64         // rotate before the file grows past Size bytes
	Interval  time.Duration // rotate every Interval from the file's creation
	Frequency string        // "hourly", "daily", "weekly", "monthly" or "yearly"
	Daytime   *Daytime      // daily, or weekly on a day, at a time of day
}

// Daytime is a time of day, on every day or on one weekday.
type Daytime struct {
	Weekly  bool
	Weekday time.Weekday
	Hour    int
	Minute  int
	Second  int
	Nano    int
}

// ParseRotation reads a rotation rule in Loguru's order: a size ("500 MB"),
// a duration ("1 week"), a frequency ("daily"), then a time of day or
// weekday ("12:00", "13", "monday at 12:00"). A number of three digits or
// more is a number of bytes ("1048576"), which Loguru takes as an integer:
// it cannot be an hour.
func ParseRotation(s string) (Rotation, error) {
	t := strings.TrimSpace(s)
	if n, err := strconv.ParseInt(t, 10, 64); err == nil && n >= 0 && len(t) > 2 {
		return Rotation{Size: max(n, 1)}, nil
	}
	if n, ok, err := ParseSize(t); ok {
		return Rotation{Size: max(n, 1)}, err
	}
	if d, ok, err := ParseDuration(t); ok {
		if err == nil && d <= 0 {
			err = fmt.Errorf("rotation interval must be positive: %q", s)
		}
		return Rotation{Interval: d}, err
	}
	switch f := strings.ToLower(t); f {
	case "hourly", "daily", "weekly", "monthly", "yearly":
		return Rotation{Frequency: f}, nil
	}
	if dt, ok, err := ParseDaytime(t); ok {
		return Rotation{Daytime: &dt}, err
	}
	return Rotation{}, fmt.Errorf("cannot parse rotation from %q", s)
}

// maxParts bounds the comma-separated parts of a rotation, which are
// joined in runs while parsing: the work grows with their square.
const maxParts = 32

// ParseRotations reads one rotation condition or several separated by
// commas ("12:00, 100 MB"); a file rotates when any of them holds. A
// duration may itself hold commas ("1 h, 30 min"): the longest run of
// parts that reads as one condition is taken first.
func ParseRotations(s string) ([]Rotation, error) {
	parts := strings.Split(s, ",")
	if len(parts) == 1 {
		r, err := ParseRotation(s)
		return []Rotation{r}, err
	}
	if len(parts) > maxParts {
		return nil, fmt.Errorf("too many commas in rotation %.40q...: at most %d parts", s, maxParts)
	}
	var out []Rotation
	for i := 0; i < len(parts); {
		j := len(parts)
		for ; j > i; j-- {
			if r, err := ParseRotation(strings.Join(parts[i:j], ",")); err == nil {
				out = append(out, r)
				break
			}
		}
		if j == i {
			_, err := ParseRotation(parts[i])
			return nil, fmt.Errorf("%w, in %q", err, s)
		}
		i = j
	}
	return out, nil
}

var (
	dayAtRe  = regexp.MustCompile(`(?i)^(.*?)\s+at\s+(.*)$`)
	dayRe    = regexp.MustCompile(`(?i)^(?:w[0-9]+|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$`)
	timeRe   = regexp.MustCompile(`(?i)^[\d.:]+\s*(?:[ap]m)?$`)
	weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

// ParseDaytime reads "12:00", "1:30 PM", "sunday", "w0" (Monday) or
// "monday at 12:00". ok is false when s is in none of these forms.
func ParseDaytime(s string) (dt Daytime, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return dt, false, nil
	}
	day, clock := s, ""
	if m := dayAtRe.FindStringSubmatch(s); m != nil {
		day, clock = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	} else if timeRe.MatchString(s) {
		day, clock = "", s
	}
	if day != "" {
		if !dayRe.MatchString(day) {
			if clock == "" {
				return dt, false, nil
			}
			return dt, true, fmt.Errorf("invalid day while parsing daytime: %q", day)
		}
		wd, err := parseWeekday(day)
		if err != nil {
			return dt, true, err
		}
		dt.Weekly, dt.Weekday = true, wd
	}
	if clock != "" {
		if !timeRe.MatchString(clock) {
			return dt, true, fmt.Errorf("invalid time while parsing daytime: %q", clock)
		}
		if err := parseClock(clock, &dt); err != nil {
			return dt, true, err
		}
	}
	return dt, true, nil
}

// parseWeekday reads a day name or "w0".."w6", Monday being 0 as in Python.
func parseWeekday(day string) (time.Weekday, error) {
	d := strings.ToLower(day)
	n := -1
	if d[0] == 'w' && len(d) > 1 && d[1] >= '0' && d[1] <= '9' {
		if v, err := strconv.Atoi(d[1:]); err == nil && v <= 6 {
			n = v
		}
	} else {
		for i, name := range weekdays {
			if d == name {
				n = i
			}
		}
	}
	if n < 0 {
		return 0, fmt.Errorf("invalid day while parsing daytime: %q", day)
	}
	return time.Weekday((n + 1) % 7), nil
}

// clockLayouts are Loguru's strptime forms, in its order.
var clockLayouts = []struct {
	fields int  // number of ':'-separated fields
	frac   bool // seconds have a fraction
	ampm   bool // 12-hour clock with AM/PM
}{
	{1, false, false}, {2, false, false}, {3, false, false}, {3, true, false},
	{1, false, true}, {2, false, true}, {3, false, true}, {3, true, true},
}

// parseClock reads "13", "12:00", "1:0:0.0 pm" into dt.
func parseClock(s string, dt *Daytime) error {
	bad := fmt.Errorf("invalid time while parsing daytime: %q", s)
	body, ampm := strings.TrimSpace(s), ""
	if l := strings.ToLower(body); strings.HasSuffix(l, "am") || strings.HasSuffix(l, "pm") {
		body, ampm = strings.TrimSpace(body[:len(body)-2]), l[len(l)-2:]
	}
	fields := strings.Split(body, ":")
	frac := strings.Contains(body, ".")
	for _, l := range clockLayouts {
		if l.fields != len(fields) || l.frac != frac || l.ampm != (ampm != "") {
			continue
		}
		var v [3]int
		for i, f := range fields {
			if i == 2 && frac {
				sec, nano, ok := splitFraction(f)
				if !ok {
					return bad
				}
				v[2], dt.Nano = sec, nano
				continue
			}
			n, err := strconv.Atoi(f)
			if err != nil || len(f) > 2 || f == "" || n < 0 {
				return bad
			}
			v[i] = n
		}
		h := v[0]
		if l.ampm {
			if h < 1 || h > 12 {
				return bad
			}
			h %= 12
			if ampm == "pm" {
				h += 12
			}
		}
		if h > 23 || v[1] > 59 || v[2] > 59 {
			return bad
		}
		dt.Hour, dt.Minute, dt.Second = h, v[1], v[2]
		return nil
	}
	return bad
}

// splitFraction reads "05.25" as 5 seconds and 250ms, with 1 to 6
// fractional digits as strptime's %f.
func splitFraction(f string) (sec, nano int, ok bool) {
	whole, frac, _ := strings.Cut(f, ".")
	s, err := strconv.Atoi(whole)
	if err != nil || len(whole) == 0 || len(whole) > 2 || len(frac) == 0 || len(frac) > 6 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(frac)
	if err != nil {
		return 0, 0, false
	}
	for i := len(frac); i < 9; i++ {
		n *= 10
	}
	return s, n, true
}
