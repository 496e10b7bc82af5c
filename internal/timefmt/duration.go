package timefmt

import "time"

// AppendDuration appends d the way Python's str(datetime.timedelta) renders
// it: "0:00:00.006903", "0:00:05" (no fraction when the microseconds are
// 0), "1 day, 0:00:03.000004", "2 days, 0:00:03". A negative duration keeps
// Python's normalisation, where only the day count is negative and the
// rest counts forward from it: -1s is "-1 day, 23:59:59". d is truncated to
// whole microseconds (toward zero) first.
func AppendDuration(dst []byte, d time.Duration) []byte {
	const microsPerDay = 24 * 60 * 60 * 1e6
	us := d.Microseconds()
	days := us / microsPerDay
	rem := us % microsPerDay
	if rem < 0 {
		days--
		rem += microsPerDay
	}
	if days != 0 {
		dst = appendInt(dst, days, 0, 0)
		if days == 1 || days == -1 {
			dst = append(dst, " day, "...)
		} else {
			dst = append(dst, " days, "...)
		}
	}
	secs, micro := int(rem/1e6), int(rem%1e6)
	dst = appendSmall(dst, secs/3600, 0, 0)
	dst = append2(append(dst, ':'), secs/60%60)
	dst = append2(append(dst, ':'), secs%60)
	if micro != 0 {
		dst = appendFrac(append(dst, '.'), micro*1000, 6)
	}
	return dst
}
