package pyfmt

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

type myInt int
type myUint8 uint8
type myFloat float64
type myStr string
type myBool bool
type myFloat32 float32

// level is a named integer with a String method, like time.Duration.
type level int

func (l level) String() string { return "LEVEL" }

type point struct{ X, Y int }

type panicky struct{}

func (panicky) String() string { panic("boom") }

type panickyErr struct{}

func (panickyErr) Error() string { panic("bad error") }

type ptrStringer struct{ s string }

func (p *ptrStringer) String() string { return p.s }

// Expected outputs are CPython's format(value, spec), except where a comment
// says the Go port differs on purpose.
var specCases = []struct {
	spec string
	v    any
	want string
}{
	// strings
	{"", "hello", "hello"},
	{"s", "hello", "hello"},
	{"<8", "hello", "hello   "},
	{">8", "hello", "   hello"},
	{"^9", "hello", "  hello  "},
	{"8", "hello", "hello   "},
	{"3", "hello", "hello"},
	{"*^6", "ab", "**ab**"},
	{"*^7", "ab", "**ab***"},
	{"-<5", "ab", "ab---"},
	{".2", "hello", "he"},
	{"5.2", "hello", "he   "},
	{">5.2s", "hello", "   he"},
	{".0", "hello", ""},
	{".2", "héllo", "hé"},
	{"^7", "héllo", " héllo "},
	{"→>4", "ab", "→→ab"},
	{"05", "ab", "ab000"},
	{"<05", "ab", "ab000"},
	{">05", "ab", "000ab"},
	{" <8", "INFO", "INFO    "},
	{">4", "", "    "},

	// integers
	{"", 42, "42"},
	{"d", 42, "42"},
	{"n", 1234567, "1234567"},
	{",", 1234567, "1,234,567"},
	{",d", 1234567, "1,234,567"},
	{"_", 1234567, "1_234_567"},
	{",", 123, "123"},
	{",", 0, "0"},
	{",", -1234, "-1,234"},
	{"+,", 1234, "+1,234"},
	{">+10,", 1234, "    +1,234"},
	{"^+10,", 1234, "  +1,234  "},
	{"*=+10,", 1234, "+****1,234"},
	{"08d", -42, "-0000042"},
	{"08", 42, "00000042"},
	{"+08", 42, "+0000042"},
	{"05", -3, "-0003"},
	{"<05", 5, "50000"},
	{"^05", 5, "00500"},
	{"=+6", 12, "+   12"},
	{"=6", -12, "-   12"},
	{"+", 42, "+42"},
	{" ", 42, " 42"},
	{" ", -42, "-42"},
	{"-", 42, "42"},
	{"-", -42, "-42"},
	{"+d", 0, "+0"},
	{"5", 42, "   42"},
	{"<5", 42, "42   "},
	{"^5", 42, " 42  "},
	{"*^6d", 42, "**42**"},
	{"<+6", 42, "+42   "},
	{"x", 255, "ff"},
	{"X", 255, "FF"},
	{"#x", 255, "0xff"},
	{"#X", 255, "0XFF"},
	{"#x", -255, "-0xff"},
	{"#x", 0, "0x0"},
	{"o", 8, "10"},
	{"#o", 255, "0o377"},
	{"b", 5, "101"},
	{"b", -1, "-1"},
	{"#b", 255, "0b11111111"},
	{"#010x", 255, "0x000000ff"},
	{"#010b", 5, "0b00000101"},
	{"_x", int64(0xdeadbeef), "dead_beef"},
	{"#_x", int64(0xdeadbeef), "0xdead_beef"},
	{"_b", 255, "1111_1111"},
	{"#_b", 255, "0b1111_1111"},
	{"_o", 8 * 8 * 8 * 8 * 8, "10_0000"},
	{"#d", 42, "42"},
	{"c", 65, "A"},
	{">3c", 65, "  A"},
	{"3c", 65, "  A"},
	{"<3c", 65, "A  "},
	{"05c", 65, "0000A"},
	{"c", 0x1F600, "😀"},
	{"010,", 1234, "00,001,234"},
	{"09,", 1234, "0,001,234"},
	{"08,", 1234, "0,001,234"},
	{"08,", -1234, "-001,234"},
	{"0=10,", 1234, "00,001,234"},
	{"0>10,", 1234, "000001,234"},
	{"012_x", int64(0xdeadbeef), "00_dead_beef"},
	{"08_x", 0x1234, "000_1234"},
	{"#010_x", 0x1234, "0x000_1234"},
	{"010_b", 255, "0_1111_1111"},
	{"010,", -1234, "-0,001,234"},
	{"012,d", 1234567, "0,001,234,567"},
	{"07,", 1234, "001,234"},
	{".2e", 1, "1.00e+00"},
	{".2%", 1, "100.00%"},
	{"_b", 1, "1"},
	{"d", uint64(1e19), "10000000000000000000"},
	{",", int64(math.MinInt64), "-9,223,372,036,854,775,808"},
	{"x", int64(math.MinInt64), "-8000000000000000"},
	{",", uint64(math.MaxUint64), "18,446,744,073,709,551,615"},
	{"x", uint64(math.MaxUint64), "ffffffffffffffff"},
	{"d", int8(-128), "-128"},
	{"d", uint8(255), "255"},
	{"d", uintptr(7), "7"},
	{"f", 5, "5.000000"},
	{".2f", 5, "5.00"},
	{"f", -5, "-5.000000"},
	{".5", "ab", "ab"},
	{".1f", myFloat32(0.25), "0.2"},
	{"<", myFloat32(0.1), "0.1"},
	{"%", 5, "500.000000%"},
	{".1%", 5, "500.0%"},
	{"e", 5, "5.000000e+00"},
	{"g", 1234, "1234"},
	{"g", 1234567, "1.23457e+06"},
	{"G", 12345678, "1.23457E+07"},

	// floats
	{".2f", 3.14159, "3.14"},
	{".1%", 0.25, "25.0%"},
	{"%", 0.5, "50.000000%"},
	{".0%", 0.5, "50%"},
	{".2%", 1.0 / 3, "33.33%"},
	{"%", 2.5e-5, "0.002500%"},
	{"e", 1e20, "1.000000e+20"},
	{"e", 12345.6789, "1.234568e+04"},
	{".3e", 0.000123456, "1.235e-04"},
	{".2e", 1e100, "1.00e+100"},
	{"E", 1.5, "1.500000E+00"},
	{"e", 0.0, "0.000000e+00"},
	{".0e", 1.0, "1e+00"},
	{"#.0e", 1.0, "1.e+00"},
	{",.2f", 1234.5, "1,234.50"},
	{",.2f", 1234567.891, "1,234,567.89"},
	{"_.2f", 1234567.891, "1_234_567.89"},
	{"+,.1f", -1234.5, "-1,234.5"},
	{"012,.2f", 1234.5, "0,001,234.50"},
	{"015,.1f", -1234567.891, "-0,001,234,567.9"},
	{",f", 1e20, "100,000,000,000,000,000,000.000000"},
	{",", 1234.5, "1,234.5"},
	{",", 1234567.0, "1,234,567.0"},
	{",", 1e20, "1e+20"},
	{"f", 1.0, "1.000000"},
	{".0f", 0.5, "0"},
	{".0f", 1.5, "2"},
	{".0f", 2.5, "2"},
	{".2f", 0.125, "0.12"},
	{".2f", 0.375, "0.38"},
	{"#.0f", 1.0, "1."},
	{".20f", 0.1, "0.10000000000000000555"},
	{".0f", 1e22, "10000000000000000000000"},
	{"10.2f", 123.456, "    123.46"},
	{"<10.2f", 123.456, "123.46    "},
	{"^10.2f", 123.456, "  123.46  "},
	{"=+8.2f", 3.0, "+   3.00"},
	{"=+10.2f", -1.5, "-     1.50"},
	{"08.2f", 3.0, "00003.00"},
	{"08.2f", -3.0, "-0003.00"},
	{"g", 1.0, "1"},
	{"#g", 1.0, "1.00000"},
	{"#g", 1.5, "1.50000"},
	{"g", 123.456, "123.456"},
	{"g", 123456789.0, "1.23457e+08"},
	{"g", 0.0001, "0.0001"},
	{"g", 0.00001, "1e-05"},
	{"g", 100000.0, "100000"},
	{"g", 1000000.0, "1e+06"},
	{"g", 0.1, "0.1"},
	{"g", 0.0, "0"},
	{"#g", 0.0, "0.00000"},
	{".3g", 1234.5678, "1.23e+03"},
	{".4g", 1234.5678, "1235"},
	{".5g", 1234.5678, "1234.6"},
	{".0g", 1234.5678, "1e+03"},
	{"#.3g", 100.0, "100."},
	{"#.3g", 1e5, "1.00e+05"},
	{"#.3g", 0.0001234, "0.000123"},
	{"G", 1e-10, "1E-10"},
	{"n", 1.0, "1"},
	{"n", 1234567.0, "1.23457e+06"},
	// No type: Python's repr, or "g" with a digit after the point.
	{"<", 1.0, "1.0"},
	{"<5", 1.0, "1.0  "},
	{">8", 1e16, "   1e+16"},
	{"<", 1e15, "1000000000000000.0"},
	{"<", 9999999999999998.0, "9999999999999998.0"},
	{"<", 123456789012345678.0, "1.2345678901234568e+17"},
	{"<", 0.0001, "0.0001"},
	{"<", 0.00001, "1e-05"},
	{"<", tenth + 2*tenth, "0.30000000000000004"},
	{"<", 5e-324, "5e-324"},
	{"<", 1e100, "1e+100"},
	{"<", 0.0, "0.0"},
	{"<", negZero, "-0.0"},
	{"z", negZero, "0.0"},
	{"<z", negZero, "0.0"},
	{"z<3", negZero, "-0.0"}, // fill "z",
	{"#", 1.0, "1.0"},
	{"#", 1e20, "1.e+20"},
	{"+", 1.5, "+1.5"},
	{".2", 3.14159, "3.1"},
	{".2", 1.0, "1.0"},
	{".2", 10.0, "1e+01"},
	{".3", 123.0, "1.23e+02"},
	{".3", 12.0, "12.0"},
	{".0", 1.5, "2e+00"},
	{".2", 0.0001234, "0.00012"},
	{".3", 0.0, "0.0"},
	{"<", float32(0.1), "0.1"},
	{".3f", float32(0.1), "0.100"},
	{".10f", float32(0.1), "0.1000000015"},
	{"zg", negZero, "0"},
	{"z5g", negZero, "    0"},
	{"z10", negZero, "       0.0"},
	{"z10", -1.5, "      -1.5"},
	{"z.2", negZero, "0.0"},
	{"10", 1.0, "       1.0"},
	{"10", negZero, "      -0.0"},
	{"_", 1.0, "1.0"},
	{"10,", 1.0, "       1.0"},
	{",", 123456.789, "123,456.789"},
	{",.2", 123456.0, "1.2e+05"},
	{".2", 0.05, "0.05"},
	{"020,.2f", 1234567.891, "0,000,001,234,567.89"},
	{"020,.2f", math.Inf(1), "00000000000000000inf"},
	{"08,", math.Inf(1), "00000inf"},
	{"+020,", math.Inf(-1), "-0000000000000000inf"},
	{",", math.NaN(), "nan"},
	// negative zero
	{"f", negZero, "-0.000000"},
	{"zf", negZero, "0.000000"},
	{"z.2f", -0.0001, "0.00"},
	{"z.2e", -0.0001, "-1.00e-04"},
	{"z.1f", -0.06, "-0.1"},
	{"+z.1f", -0.04, "+0.0"},
	// inf and nan
	{"f", math.Inf(1), "inf"},
	{"F", math.Inf(1), "INF"},
	{"e", math.Inf(-1), "-inf"},
	{"E", math.Inf(1), "INF"},
	{"G", math.NaN(), "NAN"},
	{"f", math.NaN(), "nan"},
	{"+.2f", math.NaN(), "+nan"},
	{"f", math.Copysign(math.NaN(), -1), "nan"},
	{"+", math.Inf(1), "+inf"},
	{"<", math.Inf(-1), "-inf"},
	{">6", math.Inf(1), "   inf"},
	{"010", math.Inf(1), "0000000inf"},
	{"010,", math.Inf(-1), "-000000inf"},
	{"%", math.Inf(1), "inf%"},
	{"%", 1e307, "inf%"},

	// bools: true/false as strings, 1/0 as numbers
	{"", true, "true"},
	{">6", true, "  true"},
	{"<7", false, "false  "},
	{"s", true, "true"},
	{".1", true, "t"},
	{"d", true, "1"},
	{"05d", false, "00000"},
	{".2f", true, "1.00"},
	{"#x", true, "0x1"},

	// errors and Stringers render to strings
	{">6", errors.New("boom"), "  boom"},
	{".2", errors.New("boom"), "bo"},
	{">6", 1500 * time.Millisecond, "  1.5s"},
	{"*^5", level(1), "LEVEL"},
	{"*^7", level(1), "*LEVEL*"},
	// A numeric type formats the number of a named integer, String or not.
	{"d", time.Second, "1000000000"},
	{"03d", level(7), "007"},
	{">12", panicky{}, "%!v(PANIC=String method: boom)"},
	{">8", (*ptrStringer)(nil), "   <nil>"},

	// named basic types
	{"05", myInt(42), "00042"},
	{"#x", myUint8(255), "0xff"},
	{".1f", myFloat(1.25), "1.2"},
	{"<", myFloat(1), "1.0"},
	{"^4", myStr("ab"), " ab "},
	{".1", myStr("ab"), "a"},
	{">5", myBool(true), " true"},
	{"d", myBool(true), "1"},

	// other values: fill, alignment and width only
	{">8", point{1, 2}, "   {1 2}"},
	{"*^9", point{1, 2}, "**{1 2}**"},
	{">6", nil, " <nil>"},
	{"<6", []byte{1, 2}, "[1 2] "},
	{"", point{1, 2}, "{1 2}"},
	{"", nil, "<nil>"},
}

// specMismatch lists specs that do not apply to the value: Python raises.
var specMismatch = []struct {
	spec string
	v    any
}{
	{"d", "hello"},
	{"x", "hello"},
	{"f", "hello"},
	{"=5", "ab"},
	{"+", "ab"},
	{" ", "ab"},
	{",", "ab"},
	{"_", "ab"},
	{"#", "ab"},
	{"z", "ab"},
	{"s", 42},
	{".2", 42},
	{"z", 42},
	{".2n", 1},
	{"z", true},
	{"c", -65},
	{"c", 0x110000},
	{"d", 1.0},
	{"x", 1.0},
	{"b", 1.0},
	{"c", 1.0},
	{"s", 1.0},
	{"+", true},
	{"=5", true},
	{"d", errors.New("x")},
	{"+", errors.New("x")},
	{"d", point{}},
	{".2", point{}},
	{"s", point{}},
	{"+", point{}},
	{"05", point{}},
	{"=5", point{}},
	{"d", nil},
	{"d", []byte("x")},
	{"d", myStr("x")},
	{"s", myInt(1)},
}

func TestSpecAppend(t *testing.T) {
	for _, c := range specCases {
		sp, err := ParseSpec(c.spec)
		if err != nil {
			t.Errorf("ParseSpec(%q): %v", c.spec, err)
			continue
		}
		got, ok := sp.Append([]byte("pre:"), c.v)
		if !ok || string(got) != "pre:"+c.want {
			t.Errorf("format(%#v, %q) = %q, %v; want %q", c.v, c.spec, got, ok, "pre:"+c.want)
		}
	}
}

func TestSpecMismatch(t *testing.T) {
	for _, c := range specMismatch {
		sp, err := ParseSpec(c.spec)
		if err != nil {
			t.Errorf("ParseSpec(%q): %v", c.spec, err)
			continue
		}
		// dst has spare capacity holding a sentinel, which a failed Append
		// must leave alone.
		buf := []byte("pre:SENTINEL")
		got, ok := sp.Append(buf[:4], c.v)
		if ok || string(got) != "pre:" || string(buf) != "pre:SENTINEL" {
			t.Errorf("format(%#v, %q) = %q, %v (buffer %q); want a mismatch", c.v, c.spec, got, ok, buf)
		}
	}
}

func TestZeroSpec(t *testing.T) {
	for _, v := range []any{1.0, math.Inf(1), 1e20, "x", 42, nil, true, point{1, 2}} {
		for _, sp := range []Spec{{}, {Fill: ' ', Precision: -1}} {
			if !sp.IsZero() {
				t.Errorf("%+v.IsZero() = false", sp)
			}
			got, ok := sp.Append(nil, v)
			if want := AppendValue(nil, v); !ok || string(got) != string(want) {
				t.Errorf("%+v.Append(%v) = %q, %v; want %q", sp, v, got, ok, want)
			}
		}
	}
	sp, _ := ParseSpec("")
	if !sp.IsZero() {
		t.Error(`ParseSpec("") is not zero`)
	}
	for _, s := range []string{"<", ">0", "5", ".0", "+", "d", "z", "#", "0", ","} {
		sp, err := ParseSpec(s)
		if err != nil || sp.IsZero() {
			t.Errorf("ParseSpec(%q) = %+v, %v: want a non-zero spec", s, sp, err)
		}
	}
}

func TestParseSpec(t *testing.T) {
	cases := []struct {
		in   string
		want Spec
	}{
		{"", Spec{Fill: ' ', Precision: -1}},
		{" <8", Spec{Fill: ' ', Align: '<', Width: 8, Precision: -1}},
		{">4", Spec{Fill: ' ', Align: '>', Width: 4, Precision: -1}},
		{">>x", Spec{Fill: '>', Align: '>', Precision: -1, Type: 'x'}},
		{"→^6", Spec{Fill: '→', Align: '^', Width: 6, Precision: -1}},
		{"<05", Spec{Fill: ' ', Align: '<', Zero: true, Width: 5, Precision: -1}},
		{"*<05", Spec{Fill: '*', Align: '<', Width: 5, Precision: -1}},
		{"0<5", Spec{Fill: '0', Align: '<', Width: 5, Precision: -1}},
		{"00", Spec{Fill: ' ', Zero: true, Precision: -1}},
		{"*^+z#012,.3f", Spec{Fill: '*', Align: '^', Sign: '+', NoNegZero: true, Alt: true, Width: 12, Grouping: ',', Precision: 3, Type: 'f'}},
		{"+z#012_.3e", Spec{Fill: ' ', Sign: '+', NoNegZero: true, Alt: true, Zero: true, Width: 12, Grouping: '_', Precision: 3, Type: 'e'}},
		{" d", Spec{Fill: ' ', Sign: ' ', Precision: -1, Type: 'd'}},
		{"_x", Spec{Fill: ' ', Grouping: '_', Precision: -1, Type: 'x'}},
		{".0", Spec{Fill: ' ', Precision: 0}},
		{"9999.9999", Spec{Fill: ' ', Width: 9999, Precision: 9999}},
		{"%", Spec{Fill: ' ', Precision: -1, Type: '%'}},
	}
	for _, c := range cases {
		got, err := ParseSpec(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseSpec(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
}

func TestParseSpecErrors(t *testing.T) {
	cases := []struct{ in, msg string }{
		{">>>x", `invalid format spec ">>>x": unexpected ">x"`},
		{"zz", `unknown format type "z"`},
		{"q", `unknown format type "q"`},
		{"ab", `unexpected "ab"`},
		{".", `missing precision after "."`},
		{".x", `missing precision after "."`},
		{",_", `cannot use both "," and "_"`},
		{"_,", `cannot use both "," and "_"`},
		{",x", `"," is not allowed with type "x"; use "_"`},
		{",s", `"," is not allowed with type "s"`},
		{"_n", `"_" is not allowed with type "n"`},
		{",c", `"," is not allowed with type "c"`},
		{".2d", `a precision is not allowed with integer type "d"`},
		{".2x", `a precision is not allowed with integer type "x"`},
		{"+s", `a sign is not allowed with type "s"`},
		{"#s", `"#" is not allowed with type "s"`},
		{"=5s", `"=" alignment is not allowed with type "s"`},
		{"zs", `"z" is not allowed with type "s"`},
		{"zd", `"z" is not allowed with integer type "d"`},
		{"+c", `a sign is not allowed with type "c"`},
		{"#c", `"#" is not allowed with type "c"`},
		{"10000", "width is larger than 9999"},
		{"99999999999999999999999", "width is larger than 9999"},
		{".10000", "precision is larger than 9999"},
		{"é", `unexpected "é"`},
		{"5.2.1", `unexpected ".1"`},
	}
	for _, c := range cases {
		_, err := ParseSpec(c.in)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseSpec(%q) error = %v; want it to contain %q", c.in, err, c.msg)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "invalid format spec ") {
			t.Errorf("ParseSpec(%q) error = %v; want the prefix", c.in, err)
		}
	}
}

func TestHandBuiltSpec(t *testing.T) {
	cases := []struct {
		sp   Spec
		v    any
		want string
		ok   bool
	}{
		{Spec{Width: 5, Precision: -1}, 42, "   42", true},
		{Spec{Width: 5, Precision: -1}, "ab", "ab   ", true},
		{Spec{Fill: '*', Align: '^', Width: 6, Precision: -1}, "ab", "**ab**", true},
		{Spec{Zero: true, Width: 5, Precision: -1}, -4, "-0004", true},
		{Spec{Width: 5}, 42, "", false}, // Precision 0: not an integer spec
		{Spec{Width: 5}, "ab", "     ", true},
		{Spec{Align: 'x', Precision: -1}, 1, "", false},
		{Spec{Sign: '!', Precision: -1}, 1, "", false},
		{Spec{Type: 'q', Precision: -1}, 1, "", false},
		{Spec{Grouping: ',', Type: 'x', Precision: -1}, 1, "", false},
		{Spec{Width: -3, Precision: -1}, 1, "", false},
		{Spec{Width: math.MaxInt32, Precision: -1}, "", strings.Repeat(" ", maxNum), true},
	}
	for _, c := range cases {
		got, ok := c.sp.Append(nil, c.v)
		if ok != c.ok || string(got) != c.want {
			t.Errorf("%+v.Append(%v) = %q, %v; want %q, %v", c.sp, c.v, got, ok, c.want, c.ok)
		}
	}
}

func TestPad(t *testing.T) {
	cases := []struct {
		spec, text, pad, padNumber string
	}{
		{">5", "ab", "   ab", "   ab"},
		{"<5", "ab", "ab   ", "ab   "},
		{"5", "ab", "ab   ", "   ab"},
		{"*^6", "ab", "**ab**", "**ab**"},
		{"→^5", "ab", "→ab→→", "→ab→→"},
		{"3", "abcd", "abcd", "abcd"},
		{"4", "héé", "héé ", " héé"},
		{"05", "-4", "-4000", "-0004"},
		{"=5", "+4", "   +4", "+   4"},
		{"0=5", "4", "00004", "00004"},
		{"", "ab", "ab", "ab"},
		{">3", "", "   ", "   "},
	}
	for _, c := range cases {
		sp, err := ParseSpec(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		if got := sp.Pad([]byte("x|"+c.text), 2); string(got) != "x|"+c.pad {
			t.Errorf("Pad(%q, %q) = %q; want %q", c.spec, c.text, got, "x|"+c.pad)
		}
		if got := sp.PadNumber([]byte("x|"+c.text), 2); string(got) != "x|"+c.padNumber {
			t.Errorf("PadNumber(%q, %q) = %q; want %q", c.spec, c.text, got, "x|"+c.padNumber)
		}
	}
	sp, _ := ParseSpec(">4")
	if got := sp.Pad([]byte("ab"), 5); string(got) != "ab" {
		t.Errorf("Pad with start out of range = %q", got)
	}
}

// TestGroupingZeroPad checks CPython's rule for zero padding with grouping
// at every width: the result never starts with a separator, so it may be
// one longer than the width.
func TestGroupingZeroPad(t *testing.T) {
	want := []string{
		"1,234", "1,234", "1,234", "1,234", "1,234", "1,234",
		"01,234", "001,234", "0,001,234", "0,001,234", "00,001,234", "000,001,234",
		"0,000,001,234",
	}
	for w, s := range want {
		sp := Spec{Fill: ' ', Zero: true, Width: w, Grouping: ',', Precision: -1}
		if got, _ := sp.Append(nil, 1234); string(got) != s {
			t.Errorf("format(1234, \"0%d,\") = %q; want %q", w, got, s)
		}
	}
}

var (
	tenth   = 0.1 // a variable, so that 0.1+0.2 is computed in float64
	negZero = math.Copysign(0, -1)
)

func TestSpecAppendKinds(t *testing.T) {
	sp, _ := ParseSpec("05")
	for _, v := range []any{int(-4), int8(-4), int16(-4), int32(-4), int64(-4)} {
		if got, ok := sp.Append(nil, v); !ok || string(got) != "-0004" {
			t.Errorf("format(%T(-4), \"05\") = %q, %v", v, got, ok)
		}
	}
	for _, v := range []any{uint(4), uint8(4), uint16(4), uint32(4), uint64(4), uintptr(4), myUint8(4), myInt(4), myBool(true), float32(4), myFloat(4)} {
		want := "00004"
		switch v.(type) {
		case float32, myFloat:
			want = "004.0"
		case myBool:
			want = "true0"
		}
		if got, ok := sp.Append(nil, v); !ok || string(got) != want {
			t.Errorf("format(%T(4), \"05\") = %q, %v; want %q", v, got, ok, want)
		}
	}
	cases := []struct {
		spec string
		v    any
		want string
		ok   bool
	}{
		{">6", formatterOnly{}, "  F(v)", true},
		{"d", formatterOnly{}, "", false},
		{"s", formatterOnly{}, "F(v)", true}, // a Stringer, rendered by Format as fmt does
		{">6", pureFormatter{}, "  P(v)", true},
		{"s", pureFormatter{}, "", false},
		{">3", errStringer{}, "  E", true},
		{"ze", negZero, "0.000000e+00", true},
		{"z%", negZero, "0.000000%", true},
		{"z.0%", -0.001, "0%", true},
		{"ze", math.Inf(-1), "-inf", true},
		{"c", myInt(66), "B", true},
		{"x", myStr("x"), "", false},
		{">4", complex(1, 2), "(1+2i)", true},
	}
	for _, c := range cases {
		sp, err := ParseSpec(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := sp.Append(nil, c.v); ok != c.ok || string(got) != c.want {
			t.Errorf("format(%#v, %q) = %q, %v; want %q, %v", c.v, c.spec, got, ok, c.want, c.ok)
		}
	}
}

// pureFormatter has only a Format method.
type pureFormatter struct{}

func (pureFormatter) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "P(%c)", verb) }

func TestFixedReprAgreesWithTheGeneralPath(t *testing.T) {
	slow := func(x float64, bits int) string {
		return string(Spec{Precision: -1}.floatBody(nil, x, bits))
	}
	values := []float64{1e-4, 0.00010000000000000002, 1, 1.5, 3.14, 10, 100000, 1234567, 123456789012345.6,
		9999999999999998, 0.1, 0.3, 2.5e-4, 1e15, 12345.678}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		values = append(values, math.Pow(10, rng.Float64()*20-4)) // 1e-4 to 1e16
	}
	for _, x := range values {
		for _, bits := range []int{64, 32} {
			if bits == 32 && (x > math.MaxFloat32 || float64(float32(x)) < 1e-4 || float64(float32(x)) >= 1e16) {
				continue
			}
			v := x
			if bits == 32 {
				v = float64(float32(x))
			}
			if v < 1e-4 || v >= 1e16 {
				continue
			}
			if got, want := string(appendFixedRepr(nil, v, bits)), slow(v, bits); got != want {
				t.Fatalf("repr(%v, %d bits) = %q, want %q", v, bits, got, want)
			}
		}
	}
}
