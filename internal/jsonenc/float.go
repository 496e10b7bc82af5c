package jsonenc

import (
	"math"
	"strconv"
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
	// The shortest round-tripping digits, as d.ddddde±XX.
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], f, 'e', -1, bits)
	neg := e[0] == '-'
	if neg {
		e = e[1:]
	}
	digits, exp := splitExp(e)
	if neg {
		b = append(b, '-')
	}
	// Python switches to exponent form below 1e-4 and from 1e16 on.
	if exp < -4 || exp >= 16 {
		return appendSci(b, digits, exp)
	}
	return appendFixed(b, digits, exp)
}

// splitExp splits "d.dddde±XX" into its digits without the point and its
// exponent.
func splitExp(e []byte) (digits []byte, exp int) {
	i := 0
	for e[i] != 'e' {
		i++
	}
	mant := e[:i]
	x, _ := strconv.Atoi(string(e[i+1:]))
	if len(mant) > 1 {
		// Drop the point: "1.25" -> "125". The digits move down by one
		// in place, which is safe because they are ours.
		copy(mant[1:], mant[2:])
		mant = mant[:len(mant)-1]
	}
	return mant, x
}

// appendSci writes digits with exponent exp the way Python does: "1e-05",
// "1.5e+16".
func appendSci(b, digits []byte, exp int) []byte {
	b = append(b, digits[0])
	if len(digits) > 1 {
		b = append(b, '.')
		b = append(b, digits[1:]...)
	}
	b = append(b, 'e')
	if exp < 0 {
		b = append(b, '-')
		exp = -exp
	} else {
		b = append(b, '+')
	}
	if exp < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(exp), 10)
}

// appendFixed writes digits with exponent exp in positional form, always
// with a fractional part: "100.0", "0.001", "1.5".
func appendFixed(b, digits []byte, exp int) []byte {
	if exp < 0 {
		b = append(b, '0', '.')
		for i := -1; i > exp; i-- {
			b = append(b, '0')
		}
		return append(b, digits...)
	}
	point := exp + 1
	if point >= len(digits) {
		b = append(b, digits...)
		for i := len(digits); i < point; i++ {
			b = append(b, '0')
		}
		return append(b, '.', '0')
	}
	b = append(b, digits[:point]...)
	b = append(b, '.')
	return append(b, digits[point:]...)
}
