package timefmt

// Hand-written number formatting: the hot path must neither allocate nor go
// through fmt or time.Format.

// twoDigits holds "00" to "99" back to back.
const twoDigits = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// append2 appends v, which must be in [0, 99], as two digits.
func append2(dst []byte, v int) []byte {
	return append(dst, twoDigits[2*v], twoDigits[2*v+1])
}

// append3 appends v, which must be in [0, 999], as three digits.
func append3(dst []byte, v int) []byte {
	return append2(append(dst, byte('0'+v/100)), v%100)
}

// appendSmall appends a non-negative v below 1000 padded to width with pad,
// falling back to appendInt for anything else.
func appendSmall(dst []byte, v int, width uint8, pad byte) []byte {
	switch {
	case v < 0 || v >= 1000:
		return appendInt(dst, int64(v), width, pad)
	case v < 10:
		for i := uint8(1); i < width; i++ {
			dst = append(dst, pad)
		}
		return append(dst, byte('0'+v))
	case v < 100:
		for i := uint8(2); i < width; i++ {
			dst = append(dst, pad)
		}
		return append2(dst, v)
	default:
		for i := uint8(3); i < width; i++ {
			dst = append(dst, pad)
		}
		return append3(dst, v)
	}
}

// appendInt appends v in decimal, padded to width with pad. As with
// Python's "%04d", the width includes the sign and zero padding goes after
// it; space padding goes before it.
func appendInt(dst []byte, v int64, width uint8, pad byte) []byte {
	var buf [20]byte
	i := len(buf)
	u := uint64(v)
	neg := v < 0
	if neg {
		u = -u
	}
	for u >= 10 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	i--
	buf[i] = byte('0' + u)
	n := len(buf) - i
	if neg {
		n++
	}
	if neg && pad != ' ' {
		dst = append(dst, '-')
	}
	for ; n < int(width); n++ {
		dst = append(dst, pad)
	}
	if neg && pad == ' ' {
		dst = append(dst, '-')
	}
	return append(dst, buf[i:]...)
}

var pow10 = [10]int{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000}

// appendFrac appends the first digits (1 to 9) digits of the fraction of a
// second whose nanoseconds are ns, truncated.
func appendFrac(dst []byte, ns, digits int) []byte {
	switch digits {
	case 3:
		return append3(dst, ns/1e6)
	case 6:
		v := ns / 1e3
		return append2(append2(append2(dst, v/10000), v/100%100), v%100)
	}
	v := ns / pow10[9-digits]
	var buf [9]byte
	for i := digits - 1; i >= 0; i-- {
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	return append(dst, buf[:digits]...)
}

// appendYear appends a year with at least four digits, as "%04d".
func appendYear(dst []byte, year int) []byte {
	if year >= 0 && year < 10000 {
		return append2(append2(dst, year/100), year%100)
	}
	return appendInt(dst, int64(year), 4, '0')
}

// appendOffset appends a UTC offset given in seconds east of UTC as
// "+HH<sep>MM", followed by "<sep>SS" when the offset has seconds. A zero
// sep means no separator.
func appendOffset(dst []byte, offset int, sep byte) []byte {
	if offset < 0 {
		dst = append(dst, '-')
		offset = -offset
	} else {
		dst = append(dst, '+')
	}
	h, m, s := offset/3600, offset/60%60, offset%60
	if h < 100 {
		dst = append2(dst, h)
	} else {
		dst = appendInt(dst, int64(h), 0, 0)
	}
	if sep != 0 {
		dst = append(dst, sep)
	}
	dst = append2(dst, m)
	if s != 0 {
		if sep != 0 {
			dst = append(dst, sep)
		}
		dst = append2(dst, s)
	}
	return dst
}
