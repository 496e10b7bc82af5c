package jsonenc

import (
	"math"
	"strconv"

	"github.com/loguru-go/loguru/internal/pyfmt"
)

// AppendFloat appends f as Python's repr writes it ("1.0", "0.0001",
// "1e-05", "1e+16"), so serialized records read the same as Loguru's.
// JSON has no NaN or infinities: they are written as the strings "NaN",
// "Infinity" and "-Infinity", which keeps every line valid JSON.
func AppendFloat(b []byte, f float64) []byte {
	return appendFloat(b, f, 64)
}

// appendFloat is AppendFloat for a value of the given bit size, so a
// float32 keeps its own shortest digits (float32(0.1) is 0.1, not
// 0.10000000149011612).
func appendFloat(b []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(b, `"Infinity"`...)
	case math.IsInf(f, -1):
		return append(b, `"-Infinity"`...)
	}
	return pyfmt.AppendFloatRepr(b, f, bits)
}

// AppendMicros appends m microseconds as seconds, exactly as
// AppendFloat(b, float64(m)/1e6) does, without the float conversion where
// that is provably the same text: for 0 <= m/1e6 < 2^31, the float nearest
// to the decimal m/1e6 has no shorter decimal that rounds to it (floats
// there are closer than 1e-6 to each other), so Python's repr, the shortest
// decimal that round-trips, is that decimal. Small values that repr writes
// with an exponent (below 1e-4) and anything out of that range take
// AppendFloat.
func AppendMicros(b []byte, m int64) []byte {
	const limit = 1 << 31 * 1e6
	if m < 100 && m != 0 || m >= limit || m < 0 {
		return AppendFloat(b, float64(m)/1e6)
	}
	b = strconv.AppendInt(b, m/1e6, 10)
	frac := m % 1e6
	if frac == 0 {
		return append(b, ".0"...)
	}
	var digits [7]byte
	digits[0] = '.'
	for i := 6; i > 0; i-- {
		digits[i] = byte('0' + frac%10)
		frac /= 10
	}
	n := 7
	for digits[n-1] == '0' {
		n--
	}
	return append(b, digits[:n]...)
}
