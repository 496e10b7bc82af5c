// Package value is the one type switch over Go's basic values. Every
// encoder (JSON, the text of {} and {extra}) writes nil, strings, booleans,
// integers and floats without reflection; they differ only in how a few of
// those kinds look, which a Style says, so a new basic type or a fix to the
// order of cases is made here once.
package value

import (
	"reflect"
	"strconv"
)

// Style is how one encoding writes the basic values that differ between
// encodings. Booleans and integers are written the same everywhere: true,
// false, and decimal digits.
//
// Append and AppendKind are generic over the style, rather than taking
// functions, so that each encoding gets its own copy with direct calls:
// give each style its own underlying type (not all struct{}), since Go
// shares one copy between types of the same underlying type.
type Style interface {
	Nil(dst []byte) []byte
	String(dst []byte, s string) []byte
	Float(dst []byte, f float64, size int) []byte // size 32 keeps a float32's own shortest digits
	// Other writes a value that is not of a predeclared basic type: one
	// with methods, a container, a named type (see AppendKind). depth is
	// Append's, for the encoder to bound its recursion.
	Other(dst []byte, v any, depth int) []byte
}

// Append appends v in the style. Values of the predeclared basic types are
// written here; anything else, a named type included, goes to s.Other,
// which may find methods on it (a String, a MarshalJSON) that come first,
// and then writes it with AppendKind.
func Append[S Style](dst []byte, v any, depth int, s S) []byte {
	switch x := v.(type) {
	case nil:
		return s.Nil(dst)
	case string:
		return s.String(dst, x)
	case bool:
		return strconv.AppendBool(dst, x)
	case int:
		return strconv.AppendInt(dst, int64(x), 10)
	case int8:
		return strconv.AppendInt(dst, int64(x), 10)
	case int16:
		return strconv.AppendInt(dst, int64(x), 10)
	case int32:
		return strconv.AppendInt(dst, int64(x), 10)
	case int64:
		return strconv.AppendInt(dst, x, 10)
	case uint:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint8:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint16:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint32:
		return strconv.AppendUint(dst, uint64(x), 10)
	case uint64:
		return strconv.AppendUint(dst, x, 10)
	case uintptr:
		return strconv.AppendUint(dst, uint64(x), 10)
	case float64:
		return s.Float(dst, x, 64)
	case float32:
		return s.Float(dst, float64(x), 32)
	}
	return s.Other(dst, v, depth)
}

// AppendKind appends rv when its kind is basic (a named type over a basic
// one, once its methods have been ruled out), and reports whether it did.
func AppendKind[S Style](dst []byte, rv reflect.Value, s S) ([]byte, bool) {
	switch rv.Kind() {
	case reflect.String:
		return s.String(dst, rv.String()), true
	case reflect.Bool:
		return strconv.AppendBool(dst, rv.Bool()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(dst, rv.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(dst, rv.Uint(), 10), true
	case reflect.Float32:
		return s.Float(dst, rv.Float(), 32), true
	case reflect.Float64:
		return s.Float(dst, rv.Float(), 64), true
	}
	return dst, false
}
