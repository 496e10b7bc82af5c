package timefmt

import "time"

// AppendPython appends t the way Python's str(datetime) renders an aware
// datetime: "2026-11-22 17:26:06.265672+00:00", or without the fraction
// when the microseconds are 0: "2026-11-22 17:26:06+00:00". An offset with
// seconds renders them too: "+01:49:03". Nanoseconds are truncated to
// microseconds.
func AppendPython(dst []byte, t time.Time) []byte {
	year, month, day := t.Date()
	hour, minute, sec := t.Clock()
	_, offset := t.Zone()
	dst = appendYear(dst, year)
	dst = append2(append(dst, '-'), int(month))
	dst = append2(append(dst, '-'), day)
	dst = append2(append(dst, ' '), hour)
	dst = append2(append(dst, ':'), minute)
	dst = append2(append(dst, ':'), sec)
	if ns := t.Nanosecond(); ns >= 1000 {
		dst = appendFrac(append(dst, '.'), ns, 6)
	}
	return appendOffset(dst, offset, ':')
}
