package timefmt

import (
	"sync/atomic"
	"time"
)

// rfcSecond is the RFC 3339 text of one second in one location: the date
// and time before the fraction, and the zone after it. Never modified once
// published.
type rfcSecond struct {
	unix int64
	loc  *time.Location
	head [19]byte // 2006-01-02T15:04:05
	zone [6]byte  // Z or -07:00
	nz   uint8
}

// RFC3339Cache keeps the text of the last second AppendRFC3339Nano
// rendered. A cache serves one stream of times well (the times of records);
// another stream should have its own. The zero value is ready; it is safe
// for concurrent use.
type RFC3339Cache struct {
	p atomic.Pointer[rfcSecond]
}

// AppendRFC3339Nano appends t as t.AppendFormat(dst, time.RFC3339Nano) does,
// rendering the calendar part once per second: JSON lines of one second
// share everything but the fraction.
func (rc *RFC3339Cache) AppendRFC3339Nano(dst []byte, t time.Time) []byte {
	unix, loc := t.Unix(), t.Location()
	c := rc.p.Load()
	if c == nil || c.unix != unix || c.loc != loc {
		if c = renderRFCSecond(t, unix, loc); c == nil {
			return t.AppendFormat(dst, time.RFC3339Nano)
		}
		rc.p.Store(c)
	}
	dst = append(dst, c.head[:]...)
	if ns := t.Nanosecond(); ns != 0 {
		var frac [10]byte
		frac[0] = '.'
		for i := 9; i >= 1; i-- {
			frac[i] = byte('0' + ns%10)
			ns /= 10
		}
		n := 10
		for frac[n-1] == '0' {
			n--
		}
		dst = append(dst, frac[:n]...)
	}
	return append(dst, c.zone[:c.nz]...)
}

// renderRFCSecond returns nil where time's own formatting must be used:
// years outside 0 to 9999, and offsets that are not whole minutes (RFC 3339
// has no seconds in offsets; time writes them its own way).
func renderRFCSecond(t time.Time, unix int64, loc *time.Location) *rfcSecond {
	year, month, day := t.Date()
	_, offset := t.Zone()
	if year < 0 || year > 9999 || offset%60 != 0 || offset <= -24*3600 || offset >= 24*3600 {
		return nil
	}
	hour, minute, sec := t.Clock()
	c := &rfcSecond{unix: unix, loc: loc}
	b := appendYear(c.head[:0], year)
	b = append2(append(b, '-'), int(month))
	b = append2(append(b, '-'), day)
	b = append2(append(b, 'T'), hour)
	b = append2(append(b, ':'), minute)
	append2(append(b, ':'), sec)
	z := c.zone[:0]
	if offset == 0 {
		z = append(z, 'Z')
	} else {
		sign := byte('+')
		if offset < 0 {
			sign, offset = '-', -offset
		}
		z = append2(append(z, sign), offset/3600)
		z = append2(append(z, ':'), offset%3600/60)
	}
	c.nz = uint8(len(z))
	return c
}
