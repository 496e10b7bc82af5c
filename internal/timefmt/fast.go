package timefmt

import "time"

// secondCache is the text rendered by a fast layout for one second in one
// location: "YYYY-MM-DD HH:mm:ss." in buf[:head] and, for fastSecOf, the
// " +01:00" that follows the milliseconds in buf[head:n]. It is never
// modified once published, so readers need no lock.
type secondCache struct {
	unix int64
	loc  *time.Location
	head uint8
	n    uint8
	buf  [32]byte
}

// appendFast formats "YYYY-MM-DD HH:mm:ss.SSS" and
// "YYYY-MM-DD HH:mm:ss.SSS Z". Everything but the milliseconds depends only
// on the Unix second and the location (a location maps an instant to one
// offset), so the text for the last pair seen is kept in l.cache and
// consecutive records of the same second skip the calendar computations.
// Keeping the *time.Location in the cache also keeps it alive, so a
// pointer match cannot be a different location at a reused address.
func (l *Layout) appendFast(dst []byte, t time.Time) []byte {
	unix, loc := t.Unix(), t.Location()
	c := l.cache.Load()
	if c == nil || c.unix != unix || c.loc != loc {
		if c = l.renderSecond(t, unix, loc); c == nil {
			return l.appendOps(dst, t)
		}
		l.cache.Store(c)
	}
	dst = append(dst, c.buf[:c.head]...)
	dst = append3(dst, t.Nanosecond()/1e6)
	return append(dst, c.buf[c.head:c.n]...)
}

// renderSecond renders the cache entry for t, or returns nil when t falls
// outside what the fixed-size entry holds (years outside 0 to 9999, offsets
// of 100 hours or more); the general path then handles it.
func (l *Layout) renderSecond(t time.Time, unix int64, loc *time.Location) *secondCache {
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return nil
	}
	hour, minute, sec := t.Clock()
	c := &secondCache{unix: unix, loc: loc}
	b := c.buf[:0]
	b = appendYear(b, year)
	b = append2(append(b, '-'), int(month))
	b = append2(append(b, '-'), day)
	b = append2(append(b, ' '), hour)
	b = append2(append(b, ':'), minute)
	b = append2(append(b, ':'), sec)
	b = append(b, '.')
	c.head = uint8(len(b))
	if l.fast == fastSecOf {
		_, offset := t.Zone()
		if offset <= -100*3600 || offset >= 100*3600 {
			return nil
		}
		b = appendOffset(append(b, ' '), offset, ':')
	}
	c.n = uint8(len(b))
	return c
}
