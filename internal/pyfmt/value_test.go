package pyfmt

import (
	"errors"
	"fmt"
	"math"
	"testing"
	"time"
)

// formatterOnly has a Format method and a String method; fmt prefers Format.
type formatterOnly struct{}

func (formatterOnly) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "F(%c)", verb) }
func (formatterOnly) String() string                { return "S" }

// errStringer is an error and a Stringer; fmt prefers Error.
type errStringer struct{}

func (errStringer) Error() string  { return "E" }
func (errStringer) String() string { return "S" }

// nestedPanic panics with a value whose String method panics too.
type nestedPanic struct{}

func (nestedPanic) String() string { panic(panicky{}) }

// selfPanic panics with itself, forever.
type selfPanic struct{}

func (selfPanic) String() string { panic(selfPanic{}) }

// formatPanic's Format method panics with a value whose String method
// panics, which fmt itself re-panics on.
type formatPanic struct{}

func (formatPanic) Format(fmt.State, rune) { panic(panicky{}) }

func TestAppendValueMatchesFmt(t *testing.T) {
	now := time.Date(2024, 5, 6, 7, 8, 9, 10, time.UTC)
	values := []any{
		nil, "", "hello", "héllo\n",
		0, 42, -42, int8(-8), int16(16), int32(-32), int64(math.MinInt64),
		uint(7), uint8(255), uint16(16), uint32(32), uint64(math.MaxUint64), uintptr(9),
		1.0, 0.1, negZero, 1e20, 1e21, 1e-7, 123456.0, 1234567.0, 5e-324, math.MaxFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(),
		float32(0.1), float32(1e20), float32(math.Inf(1)),
		true, false,
		errors.New("boom"), time.Second, 1500 * time.Millisecond, now,
		level(3), myInt(-5), myUint8(200), myFloat(0.1), myStr("named"), myBool(true), myFloat32(0.1),
		point{1, 2}, &point{3, 4}, []byte{1, 2, 3}, []string{"a"}, map[string]int{"a": 1},
		complex(1, 2), [2]int{1, 2}, struct{}{},
		panicky{}, panickyErr{}, (*ptrStringer)(nil), &ptrStringer{"ptr"},
		formatterOnly{}, errStringer{},
	}
	for _, v := range values {
		want := fmt.Sprint(v)
		if got := AppendValue([]byte("pre:"), v); string(got) != "pre:"+want {
			t.Errorf("AppendValue(%T) = %q; want %q", v, got, "pre:"+want)
		}
	}
}

func TestAppendValuePanics(t *testing.T) {
	cases := []struct {
		v    any
		want string
	}{
		{panicky{}, "%!v(PANIC=String method: boom)"},
		{panickyErr{}, "%!v(PANIC=Error method: bad error)"},
		{(*ptrStringer)(nil), "<nil>"},
		{nestedPanic{}, "%!v(PANIC=String method: %!v(PANIC=String method: boom))"},
		{selfPanic{}, "%!v(PANIC=String method: %!v(PANIC=String method: %!v(PANIC=String method: ?)))"},
		{formatPanic{}, "%!v(PANIC=boom)"},
	}
	for _, c := range cases {
		if got := AppendValue(nil, c.v); string(got) != c.want {
			t.Errorf("AppendValue(%T) = %q; want %q", c.v, got, c.want)
		}
	}
}

func TestConversions(t *testing.T) {
	cases := []struct {
		tmpl string
		v    any
		want string
	}{
		{"{!s}", "hi\n", "hi\n"},
		{"{!s}", 42, "42"},
		{"{!s:>4}", 42, "  42"},
		{"{!s:4}", 42, "42  "},
		{"{!r}", "hi\n", `"hi\n"`},
		{"{!r}", "é", `"é"`},
		{"{!a}", "é", `"\u00e9"`},
		{"{!a}", "😀", `"\U0001f600"`},
		{"{!r}", 42, "42"},
		{"{!r}", 1.5, "1.5"},
		{"{!r}", true, "true"},
		{"{!r}", nil, "<nil>"},
		{"{!r}", myStr("x"), `"x"`},
		{"{!r}", myInt(3), "3"},
		{"{!r}", errors.New("bad\tthing"), `"bad\tthing"`},
		{"{!r}", time.Second, `"1s"`},
		{"{!r}", point{1, 2}, "pyfmt.point{X:1, Y:2}"},
		{"{!r}", []byte("hi"), "[]byte{0x68, 0x69}"},
		{"{!a}", struct{ S string }{"é"}, `struct { S string }{S:"\u00e9"}`},
		{"{!r:>6}", "ab", `  "ab"`},
		{"{!r:.3}", "abcdef", `"ab`},
		{"{!r:d}", "x", `%!{!r:d}(string="x")`},
		{"{!s:+}", 42, "%!{!s:+}(string=42)"},
	}
	for _, c := range cases {
		if got := Format(nil, c.tmpl, []any{c.v}, nil); string(got) != c.want {
			t.Errorf("Format(%q, %#v) = %q; want %q", c.tmpl, c.v, got, c.want)
		}
	}
}

func TestEscapeNonASCII(t *testing.T) {
	got := escapeNonASCII([]byte("keep:a\xffé😀z"), 5)
	if want := `keep:a\xff\u00e9\U0001f600z`; string(got) != want {
		t.Errorf("escapeNonASCII = %q; want %q", got, want)
	}
}
