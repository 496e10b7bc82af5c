package pyfmt

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

// mapNamed is a Named backed by a map.
type mapNamed map[string]any

func (m mapNamed) Lookup(name string) (any, bool) {
	v, ok := m[name]
	return v, ok
}

var testNamed = mapNamed{
	"user":          "bob",
	"id":            7,
	"w":             6,
	"p":             2,
	"fill":          "*",
	"pi":            math.Pi,
	"record.level":  "INFO",
	"extra[a:b]":    "ab",
	"record[extra]": "{}",
	" sp ":          "spaces",
	"nil":           nil,
}

func TestFormat(t *testing.T) {
	cases := []struct {
		tmpl string
		pos  []any
		want string
	}{
		// literal text and escapes
		{"", nil, ""},
		{"hello", nil, "hello"},
		{"héllo wörld", []any{1}, "héllo wörld%!(EXTRA int=1)"},
		{"{{}}", nil, "{}"},
		{"{{{}}}", []any{5}, "{5}"},
		{"a{{b}}c", nil, "a{b}c"},
		{"{{0}}", []any{1}, "{0}%!(EXTRA int=1)"},
		{"a}b", nil, "a}b"},
		{"a}}b", nil, "a}b"},
		{"}", nil, "}"},
		{"}}}", nil, "}}"},
		{"{}}", []any{1}, "1}"},
		// positional fields
		{"{} {}", []any{"a", 1}, "a 1"},
		{"{0} {1} {0}", []any{"a", "b"}, "a b a"},
		{"{1}{0}", []any{"a", "b"}, "ba"},
		{"{00}", []any{"a"}, "a"},
		{"{} {}", []any{"a", 1, "unused"}, "a 1%!(EXTRA string=unused)"},
		{"{1} {}", []any{"a", "b"}, "b a"}, // mixing numbering is allowed
		{"{0} {} {}", []any{"a", "b"}, "a a b"},
		{"x={} y={}", []any{1.5, true}, "x=1.5 y=true"},
		{"{}", []any{nil}, "<nil>"},
		{"{}", []any{1.0}, "1"},
		{"{}", []any{math.Inf(1)}, "+Inf"},
		// named fields
		{"{user} #{id}", nil, "bob #7"},
		{"{record.level}", nil, "INFO"},
		{"{extra[a:b]}", nil, "ab"},
		{"{record[extra]}", nil, "{}"},
		{"{ sp }", nil, "spaces"},
		{"{nil}", nil, "<nil>"},
		{"{user:>5}|{id:03}", nil, "  bob|007"},
		// specs
		{"{:>8}|{:<4}|{:^7}", []any{"INFO", 12, "x"}, "    INFO|12  |   x   "},
		{"{:,}", []any{1234567}, "1,234,567"},
		{"{:08.3f}", []any{-3.14159}, "-003.142"},
		{"{0:#x} {0:#o} {0:#b}", []any{10}, "0xa 0o12 0b1010"},
		{"{:.1%}", []any{0.25}, "25.0%"},
		{"{:}", []any{"empty spec"}, "empty spec"},
		{"{0:}", []any{3}, "3"},
		{"{:%Y}", []any{1.0}, "%!{:%Y}(BADSPEC)"},
		// nested specs
		{"{:{}}", []any{"ab", 5}, "ab   "},
		{"{:>{}}", []any{"ab", 5}, "   ab"},
		{"{:{}.{}f}", []any{math.Pi, 8, 3}, "   3.142"},
		{"{:{w}}|", []any{"ab"}, "ab    |"},
		{"{:{fill}^{w}}", []any{"ab"}, "**ab**"},
		{"{pi:.{p}f}", nil, "3.14"},
		{"{0:{1}} {2}", []any{"a", 3, "c"}, "a   c"},
		{"{:{}} {}", []any{"a", 3, "c"}, "a   c"},
		{"{:{{}}>3}", []any{"a"}, "%!{:{{}}>3}(BADSPEC)"},
		{"{:{:{}}}", []any{"a", 1, 2}, "%!{:{:{}}}(BADSPEC)"},
		{"{:{}}", []any{"a", "zz"}, "%!{:{}}(BADSPEC)"},
		{"{:{w}}", nil, "%!{:{w}}(MISSING)"},
		{"{:{x}}", []any{"a"}, "%!{:{x}}(MISSING)"},
		{"{:{a.b}}", []any{"a"}, "%!{:{a.b}}(NOTALLOWED)"},
		{"{:{:d}}", []any{"a", "x"}, "%!{:{:d}}(BADSPEC)"},
		// markers
		{"{} {}", []any{"a"}, "a %!{}(MISSING)"},
		{"{}", nil, "%!{}(MISSING)"},
		{"{1}", []any{"a"}, "%!{1}(MISSING)"},
		{"{1:>5}", []any{"a"}, "%!{1:>5}(MISSING)"},
		{"{99999999999999999999}", []any{"a"}, "%!{99999999999999999999}(MISSING)"},
		{"{name}", nil, "%!{name}(MISSING)"},
		{"{0.Name}", []any{"a"}, "%!{0.Name}(NOTALLOWED)"},
		{"{user.name}", nil, "%!{user.name}(NOTALLOWED)"},
		{"{0[0]}", []any{"a"}, "%!{0[0]}(NOTALLOWED)"},
		{"{a[0:x}", nil, "%!{a[0:x}(NOTALLOWED)"},
		{"{.x}", []any{"a"}, "%!{.x}(NOTALLOWED)"},
		{"{:d}", []any{"hello"}, "%!{:d}(string=hello)"},
		{"{0:d}", []any{1.5}, "%!{0:d}(float64=1.5)"},
		{"{:d}", []any{nil}, "%!{:d}(<nil>)"},
		{"{:d}", []any{point{1, 2}}, "%!{:d}(pyfmt.point={1 2})"},
		{"{:d}", []any{time.Second.String()}, "%!{:d}(string=1s)"},
		{"{user:x}", nil, "%!{user:x}(string=bob)"},
		{"{:zz}", []any{1}, "%!{:zz}(BADSPEC)"},
		{"{:.}", []any{1}, "%!{:.}(BADSPEC)"},
		{"{!x}", []any{1}, "%!{!x}(BADSPEC)"},
		{"{!}", []any{1}, "%!{!}(BADSPEC)"},
		{"{0!rr}", []any{1}, "%!{0!rr}(BADSPEC)"},
		{"{a{b}c}", nil, "%!{a{b}c}(BADSPEC)"},
		{"{missing:zz}", nil, "%!{missing:zz}(MISSING)"},
		{"{", nil, "%!{(UNCLOSED)"},
		{"abc {", nil, "abc %!{(UNCLOSED)"},
		{"abc {def", nil, "abc %!{(UNCLOSED)def"},
		{"{} {a {b}", []any{1}, "1 %!{(UNCLOSED)a {b}"},
		{"x {{y {z}}", nil, "x {y %!{z}(MISSING)}"},
		{"{:>5", []any{1}, "%!{(UNCLOSED):>5"},
		// surplus positional arguments are written as fmt writes them
		{"user", []any{"id", 42}, "user%!(EXTRA string=id, int=42)"},
		{"user {}", []any{"id", 42}, "user id%!(EXTRA int=42)"},
		{"{1}", []any{"a", "b"}, "b%!(EXTRA string=a)"},
		{"{0} {0}", []any{"a", nil}, "a a%!(EXTRA <nil>)"},
		{"{2} {0}", []any{"a", "b", "c"}, "c a%!(EXTRA string=b)"},
		{"{:{}}", []any{"a", 3, 4}, "a  %!(EXTRA int=4)"},
		// panics in methods are contained
		{"{}|{:>3}", []any{panicky{}, panickyErr{}}, "%!v(PANIC=String method: boom)|%!v(PANIC=Error method: bad error)"},
	}
	for _, c := range cases {
		got := Format([]byte("pre:"), c.tmpl, c.pos, testNamed)
		if string(got) != "pre:"+c.want {
			t.Errorf("Format(%q, %v) = %q; want %q", c.tmpl, c.pos, got, "pre:"+c.want)
		}
		if w := walkString(c.tmpl, c.pos, testNamed); w != c.want {
			t.Errorf("Walk(%q, %v) = %q; want %q", c.tmpl, c.pos, w, c.want)
		}
	}
}

func TestFormatNilNamed(t *testing.T) {
	if got := Format(nil, "{a} {b.c} {}", []any{1}, nil); string(got) != "%!{a}(MISSING) %!{b.c}(NOTALLOWED) 1" {
		t.Errorf("Format = %q", got)
	}
}

// walkString concatenates what Walk reports.
func walkString(tmpl string, pos []any, named Named) string {
	var b strings.Builder
	Walk(tmpl, pos, named, func(s string) { b.WriteString(s) }, func(p []byte) { b.Write(p) })
	return b.String()
}

func TestWalk(t *testing.T) {
	cases := []struct {
		tmpl string
		pos  []any
		want []string // "L:" literal, "F:" field
	}{
		{"", nil, nil},
		{"plain", nil, []string{"L:plain"}},
		{"{}", []any{1}, []string{"F:1"}},
		{"{}{}", []any{1, ""}, []string{"F:1", "F:"}},
		{"<red>{}</red>", []any{"<b>x</b>"}, []string{"L:<red>", "F:<b>x</b>", "L:</red>"}},
		{"a{{b {} c}}d {user} e", []any{1}, []string{"L:a{b ", "F:1", "L: c}d ", "F:bob", "L: e"}},
		{"{{}}", nil, []string{"L:{}"}},
		{"a}b", nil, []string{"L:a}b"}},
		{"x {:d} y", []any{"s"}, []string{"L:x ", "F:%!{:d}(string=s)", "L: y"}},
		{"a {b", nil, []string{"L:a ", "F:%!{(UNCLOSED)", "L:b"}},
		{"a {", nil, []string{"L:a ", "F:%!{(UNCLOSED)"}},
		{"{:>{}}!", []any{"x", 3}, []string{"F:  x", "L:!"}},
	}
	for _, c := range cases {
		var got []string
		Walk(c.tmpl, c.pos, testNamed,
			func(s string) { got = append(got, "L:"+s) },
			func(b []byte) { got = append(got, "F:"+string(b)) })
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", c.want) {
			t.Errorf("Walk(%q) = %q; want %q", c.tmpl, got, c.want)
		}
	}
}

func TestFormatAllocs(t *testing.T) {
	dst := make([]byte, 0, 1024)
	cases := []struct {
		tmpl string
		pos  []any
	}{
		{"a plain message without fields", nil},
		{"escaped {{braces}}", nil},
		{"user {} logged in from {}", []any{"bob", "10.0.0.1"}},
		{"{} items in {} ms ({}%)", []any{12345, int64(-7), uint8(99)}},
		{"{0} {1} {0}", []any{"a", 1}},
		{"{user} #{id}", nil},
		{"{:>10}|{:<6}|{:^5}", []any{"INFO", 42, "x"}},
		{"{:08.3f} {:,} {:#x} {:.1%}", []any{3.14159, 1234567, 255, 0.25}},
		{"{} {} {}", []any{1.5, true, fmt.Errorf("boom")}},
		{"{} {:>7}", []any{level(1), level(2)}},
	}
	for _, c := range cases {
		n := testing.AllocsPerRun(100, func() {
			dst = Format(dst[:0], c.tmpl, c.pos, testNamed)
		})
		if n != 0 {
			t.Errorf("Format(%q) allocates %v times", c.tmpl, n)
		}
	}
}

func FuzzFormat(f *testing.F) {
	for _, s := range []string{
		"", "plain", "{}", "{0} {1} {2} {3} {4} {5} {6} {7}", "{name} {w} {x.y} {a[0]}",
		"{:>10} {:<5d} {:^+08.3f} {:,} {:_x} {:#b} {:c} {:%} {:e} {:G}",
		"{!r} {!a:>5} {!s:.2}", "{:{}} {:{w}.{p}f} {:{:{}}}", "{{}} }} } {", "{a{b}c}",
		"{:\x00<5}", "{:é^9}", "{:z.1f}", "{9999999999999}", "{:9999}",
	} {
		f.Add(s)
	}
	pos := []any{"str", 42, -3.5, nil, true, panicky{}, []byte{1}, time.Second, uint8(200), float32(0.5), 1e300}
	const allExtra = "%!(EXTRA string=str, int=42, float64=-3.5, <nil>, bool=true, " +
		"pyfmt.panicky=%!v(PANIC=String method: boom), []uint8=[1], time.Duration=1s, uint8=200, float32=0.5, float64=1e+300)"
	f.Fuzz(func(t *testing.T, tmpl string) {
		out := Format(nil, tmpl, pos, testNamed)
		if w := walkString(tmpl, pos, testNamed); w != string(out) {
			t.Fatalf("Walk(%q) = %q; Format = %q", tmpl, w, out)
		}
		if !strings.ContainsAny(tmpl, "{}") && string(out) != tmpl+allExtra {
			t.Fatalf("Format(%q) = %q; want the text unchanged, then every argument as EXTRA", tmpl, out)
		}
		// Every spec that parses formats every value without panicking.
		if sp, err := ParseSpec(tmpl); err == nil {
			for _, v := range pos {
				out, ok := sp.Append(nil, v)
				if !ok && len(out) != 0 {
					t.Fatalf("Append(%q, %v) = %q, false", tmpl, v, out)
				}
			}
			sp.Pad([]byte("ab"), 0)
			sp.PadNumber([]byte("-1"), 0)
		}
	})
}

var benchDst = make([]byte, 0, 1024)

func benchFormat(b *testing.B, tmpl string, pos []any) {
	b.ReportAllocs()
	for b.Loop() {
		benchDst = Format(benchDst[:0], tmpl, pos, testNamed)
	}
}

func BenchmarkFormatLiteral(b *testing.B) {
	benchFormat(b, "a plain message without any fields in it", nil)
}

func BenchmarkFormatStrings(b *testing.B) {
	benchFormat(b, "user {} logged in from {}", []any{"bob", "10.0.0.1"})
}

func BenchmarkFormatInts(b *testing.B) {
	benchFormat(b, "{} items in {} ms", []any{12345, 678})
}

func BenchmarkFormatNamed(b *testing.B) {
	benchFormat(b, "user {user} has id {id}", nil)
}

func BenchmarkFormatSpecs(b *testing.B) {
	benchFormat(b, "{:>10}|{:08.3f}|{:,d}", []any{"INFO", 3.14159, 1234567})
}

func BenchmarkFormatNestedSpec(b *testing.B) {
	benchFormat(b, "{:{w}.{p}f}", []any{3.14159})
}

func BenchmarkFmtAppendfStrings(b *testing.B) {
	b.ReportAllocs()
	pos := []any{"bob", "10.0.0.1"}
	for b.Loop() {
		benchDst = fmt.Appendf(benchDst[:0], "user %v logged in from %v", pos...)
	}
}

func BenchmarkFmtAppendfSpecs(b *testing.B) {
	b.ReportAllocs()
	pos := []any{"INFO", 3.14159, 1234567}
	for b.Loop() {
		benchDst = fmt.Appendf(benchDst[:0], "%10v|%08.3f|%d", pos...)
	}
}

func BenchmarkParseSpec(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, _ = ParseSpec("*^+#012,.3f")
	}
}

func BenchmarkAppendValueStringer(b *testing.B) {
	b.ReportAllocs()
	var v any = level(1)
	for b.Loop() {
		benchDst = AppendValue(benchDst[:0], v)
	}
}

func BenchmarkSpecPad(b *testing.B) {
	b.ReportAllocs()
	sp, _ := ParseSpec(" <8")
	for b.Loop() {
		benchDst = append(benchDst[:0], "INFO"...)
		benchDst = sp.Pad(benchDst, 0)
	}
}

// Past 64 arguments, an unused argument is reported only after the last one
// used.
func TestFormatExtraManyArguments(t *testing.T) {
	pos := make([]any, 67)
	for i := range pos {
		pos[i] = i
	}
	tmpl := strings.Repeat("{}", 65)
	want := ""
	for i := range 65 {
		want += strconv.Itoa(i)
	}
	if got := string(Format(nil, tmpl, pos, nil)); got != want+"%!(EXTRA int=65, int=66)" {
		t.Errorf("Format(65 fields, 67 args) = %q", got)
	}
	if got := string(Format(nil, "{66}", pos, nil)); !strings.HasPrefix(got, "66%!(EXTRA int=0, int=1,") ||
		!strings.HasSuffix(got, ", int=63)") {
		t.Errorf("Format({66}, 67 args) = %q", got)
	}
}
