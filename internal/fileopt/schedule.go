package fileopt

import "time"

// Next is the first rotation time after a file created at created, for the
// time-based rules. Times are wall-clock times in created's location, so a
// daily rotation stays at its hour across daylight saving changes.
func (r Rotation) Next(created time.Time) time.Time {
	y, mo, d := created.Date()
	h, loc := created.Hour(), created.Location()
	switch {
	case r.Interval > 0:
		return created.Add(r.Interval)
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
		return limit.Add(r.Interval)
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
