package jsonenc

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"net"
	"strings"
	"testing"
	"time"
)

func TestAppendString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"plain text", `"plain text"`},
		{`say "hi" \ bye`, `"say \"hi\" \\ bye"`},
		{"a\nb\rc\td\be\ff", `"a\nb\rc\td\be\ff"`},
		{"\x00\x01\x1b[31m\x1f\x7f", `"\u0000\u0001\u001b[31m\u001f\u007f"`},
		{"héllo ✓ 日本 🎉", `"héllo ✓ 日本 🎉"`},
		{"bad \xff\xfe end", `"bad \ufffd\ufffd end"`},
		{"cut \xe2\x9c", `"cut \ufffd\ufffd"`},
		{"line\u2028sep\u2029para", `"line\u2028sep\u2029para"`},
		{"<html>&amp;", `"<html>&amp;"`},
	}
	for _, tt := range tests {
		got := string(AppendString(nil, tt.in))
		if got != tt.want {
			t.Errorf("AppendString(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("AppendString(%q) = %s is not valid JSON", tt.in, got)
		}
	}
}

func TestAppendFloatIsPythonRepr(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0"},
		{math.Copysign(0, -1), "-0.0"},
		{1, "1.0"},
		{-2.5, "-2.5"},
		{0.1, "0.1"},
		{100, "100.0"},
		{0.0001, "0.0001"},
		{0.00012345, "0.00012345"},
		{0.00001, "1e-05"},
		{1.5e-7, "1.5e-07"},
		{1e15, "1000000000000000.0"},
		{1e16, "1e+16"},
		{1.2345e16, "1.2345e+16"},
		{1.5e300, "1.5e+300"},
		{5e-324, "5e-324"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
		{1795338062.345678, "1795338062.345678"},
		{1.006903, "1.006903"},
		{123456789012345.6, "123456789012345.6"},
		{math.NaN(), `"NaN"`},
		{math.Inf(1), `"Infinity"`},
		{math.Inf(-1), `"-Infinity"`},
	}
	for _, tt := range tests {
		if got := string(AppendFloat(nil, tt.in)); got != tt.want {
			t.Errorf("AppendFloat(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := string(AppendValue(nil, float32(0.1))); got != "0.1" {
		t.Errorf("float32(0.1) = %s, want 0.1", got)
	}
}

type stringer struct{}

func (stringer) String() string { return "as text" }

type panicky struct{}

func (panicky) String() string { panic("no text today") }

type badJSON struct{}

func (badJSON) MarshalJSON() ([]byte, error) { return []byte(`{"open":`), nil }

type failingJSON struct{}

func (failingJSON) MarshalJSON() ([]byte, error) { return nil, errors.New("cannot marshal") }

type spacedJSON struct{}

func (spacedJSON) MarshalJSON() ([]byte, error) { return []byte("{ \"a\" : [1, 2]\n}"), nil }

type myErr struct{ msg string }

func (e *myErr) Error() string { return e.msg }

type user struct {
	Name  string `json:"name"`
	Age   int    `json:"age,omitempty"`
	Skip  string `json:"-"`
	inner int
}

type valuer struct{ id int }

func (v valuer) LogValue() slog.Value {
	return slog.GroupValue(slog.Int("id", v.id), slog.String("kind", "user"))
}

type color int

func (c color) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("c%d", int(c))), nil }

func TestAppendValue(t *testing.T) {
	var nilErr *myErr
	var nilMap map[string]any
	when := time.Date(2026, 11, 22, 10, 1, 2, 345678901, time.FixedZone("CET", 3600))
	n := 7
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"nil", nil, "null"},
		{"string", "hi\n", `"hi\n"`},
		{"bools", []any{true, false}, "[true,false]"},
		{"ints", []any{int8(-8), int16(16), int32(-32), int64(64), 42}, "[-8,16,-32,64,42]"},
		{"uints", []any{uint8(8), uint16(16), uint32(32), uint64(1 << 63), uint(1), uintptr(2)}, "[8,16,32,9223372036854775808,1,2]"},
		{"floats", []any{1.0, 0.5, math.NaN()}, `[1.0,0.5,"NaN"]`},
		{"bytes", []byte("raw\x00"), `"raw\u0000"`},
		{"nil bytes", []byte(nil), "null"},
		{"time", when, `"2026-11-22T10:01:02.345678901+01:00"`},
		{"time pointer", &when, `"2026-11-22T10:01:02.345678901+01:00"`},
		{"duration", 1500 * time.Millisecond, `"1.5s"`},
		{"json number", json.Number("12.50"), "12.50"},
		{"map sorted", map[string]any{"b": 2, "a": map[string]any{"z": nil, "y": "x"}}, `{"a":{"y":"x","z":null},"b":2}`},
		{"nil map", nilMap, "null"},
		{"strings", []string{"a", `"b"`}, `["a","\"b\""]`},
		{"error", errors.New("boom"), `"boom"`},
		{"typed nil error", error(nilErr), "null"},
		{"nil pointer", (*int)(nil), "null"},
		{"pointer", &n, "7"},
		{"stringer", stringer{}, `"as text"`},
		{"panicking stringer", panicky{}, `"!PANIC: no text today"`},
		{"marshaler", spacedJSON{}, `{"a":[1,2]}`},
		{"invalid marshaler", badJSON{}, `"!ERROR: invalid JSON \"{\\\"open\\\":\": unexpected end of JSON input"`},
		{"failing marshaler", failingJSON{}, `"!ERROR: cannot marshal"`},
		{"text marshaler", color(3), `"c3"`},
		{"log valuer", valuer{9}, `{"id":9,"kind":"user"}`},
		{"slog value", slog.IntValue(3), "3"},
		{"slog attr", slog.Group("g", slog.Bool("ok", true)), `{"g":{"ok":true}}`},
		{"struct", user{Name: "bob", Skip: "x", inner: 1}, `{"name":"bob"}`},
		{"int map", map[int]string{2: "b", 10: "j", 1: "a"}, `{"1":"a","10":"j","2":"b"}`},
		{"text key map", map[color]int{1: 1, 2: 2}, `{"c1":1,"c2":2}`},
		{"array", [2]float32{0.25, 1}, "[0.25,1.0]"},
		{"nested slice", [][]int{{1}, {2, 3}}, "[[1],[2,3]]"},
		{"complex", complex(1, 2), `"(1+2i)"`},
		{"ip", net.IPv4(10, 0, 0, 1), `"10.0.0.1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(AppendValue(nil, tt.in))
			if got != tt.want {
				t.Errorf("AppendValue(%#v) =\n %s\nwant\n %s", tt.in, got, tt.want)
			}
			if !json.Valid([]byte(got)) {
				t.Errorf("%s is not valid JSON", got)
			}
		})
	}
}

type node struct {
	Name string
	Next *node
	Ch   chan int
}

func TestCyclesStopAtTheDepthLimit(t *testing.T) {
	m := map[string]any{"name": "loop"}
	m["self"] = m
	s := []any{1}
	s = append(s, nil)
	s[1] = s
	a := &node{Name: "a", Ch: make(chan int)}
	a.Next = &node{Name: "b", Next: a}
	for _, v := range []any{m, s, a, map[string]any{"nested": a}} {
		got := AppendValue(nil, v)
		if !json.Valid(got) {
			t.Fatalf("%T: not valid JSON: %s", v, got)
		}
		if !strings.Contains(string(got), `"!DEPTH"`) {
			t.Errorf("%T: no depth marker in %.200s", v, got)
		}
	}
	got := string(AppendValue(nil, a))
	if !strings.HasPrefix(got, `{"Name":"a","Next":{"Name":"b","Next":{"Name":"a","Next":`) {
		t.Errorf("struct fallback = %.120s", got)
	}
}

func TestCommonValuesDoNotAllocate(t *testing.T) {
	values := []any{"text", 42, 3.25, true, time.Second, map[string]any{"b": 1, "a": "x"}, []any{1, "two"}}
	b := make([]byte, 0, 1024)
	for _, v := range values {
		allocs := testing.AllocsPerRun(100, func() { b = AppendValue(b[:0], v) })
		if allocs != 0 {
			t.Errorf("AppendValue(%#v) allocates %v times", v, allocs)
		}
	}
}

// FuzzAppendString checks that every string encodes to valid JSON that
// decodes to the same text, with invalid bytes replaced one for one.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "\x00\x1f\x7f", "\"\\", "日本\xff", "\u2028", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := AppendString(nil, s)
		var back string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Fatalf("AppendString(%q) = %s: %v", s, got, err)
		}
		if want := string([]rune(s)); back != want {
			t.Fatalf("AppendString(%q) decodes to %q, want %q", s, back, want)
		}
	})
}

// FuzzAppendValue builds nested values from fuzzed parts and checks the
// result is always valid JSON, and that floats and strings keep their
// values.
func FuzzAppendValue(f *testing.F) {
	f.Add("key", "value", 1.5, int64(-3), []byte("raw"), uint8(2))
	f.Add("", "\xff\x00", math.Inf(1), int64(0), []byte{}, uint8(40))
	f.Add("k\u2028", "\"", 1e-7, int64(math.MaxInt64), []byte(nil), uint8(0))
	f.Fuzz(func(t *testing.T, key, s string, fl float64, i int64, raw []byte, depth uint8) {
		var v any = map[string]any{key: s, "f": fl, "i": i, "raw": raw, "n": nil, "list": []any{s, fl, raw}}
		for range depth % 48 {
			v = map[string]any{key: v, "x": []any{s, fl}}
			if depth%3 == 0 {
				v = []any{v}
			}
		}
		got := AppendValue(nil, v)
		if !json.Valid(got) {
			t.Fatalf("not valid JSON: %s", got)
		}
		var back any
		if err := json.Unmarshal(AppendValue(nil, fl), &back); err != nil {
			t.Fatal(err)
		}
		switch {
		case math.IsNaN(fl):
			if back != "NaN" {
				t.Fatalf("NaN = %v", back)
			}
		case math.IsInf(fl, 0):
			if _, ok := back.(string); !ok {
				t.Fatalf("%v = %v", fl, back)
			}
		case back != fl:
			t.Fatalf("%v round-trips to %v", fl, back)
		}
	})
}

// AppendMicros must write what AppendFloat writes, at every edge of its
// fast path and at random points inside and outside it.
func TestAppendMicrosMatchesAppendFloat(t *testing.T) {
	cases := []int64{0, 1, 99, 100, 101, 999999, 1000000, 1000001, 1500000, 123456,
		1765085543123456, 1765085543000000, 1765085543100000, 1<<31*1e6 - 1, 1 << 31 * 1e6,
		1<<31*1e6 + 1, 1 << 40 * 1e6, -1, -1500000, math.MaxInt64, math.MinInt64}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		cases = append(cases, rng.Int64N(1<<31*1e6), rng.Int64N(1e6), rng.Int64()-rng.Int64())
	}
	for _, m := range cases {
		want := string(AppendFloat(nil, float64(m)/1e6))
		if got := string(AppendMicros(nil, m)); got != want {
			t.Fatalf("AppendMicros(%d) = %s, AppendFloat gives %s", m, got, want)
		}
	}
}
