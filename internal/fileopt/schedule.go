package fileopt

import "time"

// Next is the first rotation time after a file created at created, for the
// time-based rules. Times are wall-clock times in created's location, as
// Loguru's naive datetimes are, so a daily rotation stays at its hour and
// "1 day" is 23 or 25 hours on the days daylight saving time changes.
func (r Rotation) Next(created time.Time) time.Time {
	y, mo, d := created.Date()
	h, loc := created.Hour(), created.Location()
	switch {
	case r.Interval > 0:
		return wallAdd(created, r.Interval)
	case r.Daytime != nil:
		dt := r.Daytime
		days := 0
		if dt.Weekly {
			days = (int(dt.Weekday) - int(created.Weekday()) + 7) % 7
		}
		t := time.Date(y, mo, d+days, dt.Hour, dt.Minute, dt.Second, dt.Nano, loc)
		if !t.After(created) {
			t = r.Step(t)
		}
		return t
	}
	switch r.Frequency {
	case "hourly":
		return time.Date(y, mo, d, h+1, 0, 0, 0, loc)
	case "daily":
		return time.Date(y, mo, d+1, 0, 0, 0, 0, loc)
	case "weekly":
		days := (int(time.Monday) - int(created.Weekday()) + 7) % 7
		if days == 0 {
			days = 7
		}
		return time.Date(y, mo, d+days, 0, 0, 0, 0, loc)
	case "monthly":
		return time.Date(y, mo+1, 1, 0, 0, 0, 0, loc)
	case "yearly":
		return time.Date(y+1, 1, 1, 0, 0, 0, 0, loc)
	}
	return time.Time{}
}

// Step is the rotation time after limit, a rotation time of the rule.
func (r Rotation) Step(limit time.Time) time.Time {
	if r.Interval > 0 {
		return wallAdd(limit, r.Interval)
	}
	if dt := r.Daytime; dt != nil {
		y, mo, d := limit.Date()
		days := 1
		if dt.Weekly {
			days = 7
		}
		return time.Date(y, mo, d+days, dt.Hour, dt.Minute, dt.Second, dt.Nano, limit.Location())
	}
	return r.Next(limit)
}

// wallAdd adds d to the wall clock reading of t: 10:00 plus a day is 10:00
// the next day whatever the offset changes between. A reading that falls
// in a skipped hour is normalized past the gap.
func wallAdd(t time.Time, d time.Duration) time.Time {
	y, mo, day := t.Date()
	naive := time.Date(y, mo, day, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC).Add(d)
	y, mo, day = naive.Date()
	return time.Date(y, mo, day, naive.Hour(), naive.Minute(), naive.Second(), naive.Nanosecond(), t.Location())
}
