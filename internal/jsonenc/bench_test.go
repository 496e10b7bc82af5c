package jsonenc

import "testing"

// BenchmarkAppendValueScalars writes the basic values a record's fields
// mostly hold.
func BenchmarkAppendValueScalars(b *testing.B) {
	vals := []any{"bob", 42, 3.14, true, int64(-7), uint8(200), float32(0.5), nil}
	buf := make([]byte, 0, 256)
	for b.Loop() {
		buf = buf[:0]
		for _, v := range vals {
			buf = AppendValue(buf, v)
		}
	}
}
