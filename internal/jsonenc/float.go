package jsonenc

import (
	"math"

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
