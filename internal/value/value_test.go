package value

import (
	"reflect"
	"strconv"
	"testing"
)

// plain writes every kind so that the test sees which way each value went.
type plain uint8

func (plain) Nil(dst []byte) []byte { return append(dst, "nil"...) }
func (plain) String(dst []byte, s string) []byte {
	return append(append(append(dst, "s:"...), s...), ';')
}
func (plain) Float(dst []byte, f float64, size int) []byte {
	return strconv.AppendFloat(append(dst, "f"+strconv.Itoa(size)+":"...), f, 'g', -1, size)
}
func (plain) Other(dst []byte, v any, depth int) []byte {
	return append(dst, "other@"+strconv.Itoa(depth)...)
}

type named int

type text string

func TestAppend(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{nil, "nil"},
		{"hi", "s:hi;"},
		{true, "true"},
		{false, "false"},
		{-7, "-7"},
		{int8(-8), "-8"},
		{int16(-16), "-16"},
		{int32(-32), "-32"},
		{int64(-64), "-64"},
		{uint(7), "7"},
		{uint8(8), "8"},
		{uint16(16), "16"},
		{uint32(32), "32"},
		{uint64(1 << 63), "9223372036854775808"},
		{uintptr(9), "9"},
		{0.1, "f64:0.1"},
		{float32(0.1), "f32:0.1"},
		// A named type may have methods: the encoder looks first.
		{named(5), "other@3"},
		{text("x"), "other@3"},
		{[]int{1}, "other@3"},
		{(*int)(nil), "other@3"},
	} {
		if got := Append(nil, tc.v, 3, plain(0)); string(got) != tc.want {
			t.Errorf("Append(%#v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestAppendKind(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{named(5), "5"},
		{text("x"), "s:x;"},
		{true, "true"},
		{uint16(3), "3"},
		{float32(0.25), "f32:0.25"},
	} {
		got, ok := AppendKind(nil, reflect.ValueOf(tc.v), plain(0))
		if !ok || string(got) != tc.want {
			t.Errorf("AppendKind(%#v) = %q, %v; want %q", tc.v, got, ok, tc.want)
		}
	}
	for _, v := range []any{[]int{1}, struct{}{}, (*int)(nil), nil} {
		if got, ok := AppendKind([]byte("kept"), reflect.ValueOf(v), plain(0)); ok || string(got) != "kept" {
			t.Errorf("AppendKind(%#v) = %q, %v; want nothing written", v, got, ok)
		}
	}
}
