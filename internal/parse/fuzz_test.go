package parse

import (
	"bytes"
	"regexp"
	"testing"
)

// fuzzPattern is a line-anchored multi-line record pattern: a record
// starts with digits at the beginning of a line and goes on over the
// following lines that do not start with a digit. What such a match covers
// never depends on text past the start of the next record, which is the
// condition under which chunked matching equals a single pass (see
// Matches). A pattern that prefers a longer match overlapping a later one,
// such as `abcd|a|c`, is outside it and is not fuzzed.
var fuzzPattern = regexp.MustCompile(`(?m)^(?P<time>[0-9]+(?:\.[0-9]+)?) \| (?P<level>[A-Z]+) *\| (?P<msg>.*(?:\n[^0-9\n].*)*)|(?P<word>\bok\b)`)

func FuzzMatches(f *testing.F) {
	f.Add([]byte(loguruLog), uint8(0))
	f.Add([]byte("1 | A | x\ny\n2 | B | z\n"), uint8(2))
	f.Add([]byte("12.5 | INFO | ok\n\tmore ok\n\n3 | E |\xe2\x82\xac\n"), uint8(6))
	f.Add([]byte("ok ok\nok1 | A | ok"), uint8(63))
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8) {
		size := 1 + int(chunk)%64
		want := reference(data, fuzzPattern)
		got, errs, _ := collect(bytes.NewReader(data), fuzzPattern, Options{ChunkSize: size})
		if len(errs) > 0 {
			t.Fatalf("errors: %v", errs)
		}
		if !equalRecords(got, want) {
			t.Fatalf("chunk %d input %q:\n got %q\nwant %q", size, data, got, want)
		}
	})
}

// FuzzEquivalence does the same for the patterns of TestEquivalence:
// greedy runs, line and text anchors, word boundaries, empty matches,
// multi-byte characters.
func FuzzEquivalence(f *testing.F) {
	for i, in := range equivalenceInputs {
		f.Add([]byte(in), uint8(i), uint8(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, which, chunk uint8) {
		re := compiledEquivalence[int(which)%len(compiledEquivalence)]
		size := 1 + int(chunk)%64
		want := reference(data, re)
		got, errs, _ := collect(bytes.NewReader(data), re, Options{ChunkSize: size})
		if len(errs) > 0 || !equalRecords(got, want) {
			t.Fatalf("pattern %q chunk %d input %q:\n got %q\nwant %q (errors %v)", re, size, data, got, want, errs)
		}
	})
}

var compiledEquivalence = func() []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, p := range equivalencePatterns {
		out = append(out, regexp.MustCompile(p))
	}
	return out
}()

// FuzzArbitraryPattern checks, for arbitrary patterns, that nothing
// panics and that every yielded record is well formed; equality with a
// single pass is not required of patterns outside the documented limits
// when the input comes in small chunks. When it comes in one piece, the
// matching loop (anchors and word boundaries after a match, empty
// matches) must reproduce a single pass for any pattern.
func FuzzArbitraryPattern(f *testing.F) {
	f.Add(`a+|b`, []byte("aab\nb"), uint8(1))
	f.Add(`(?m)^$`, []byte("\n\n"), uint8(0))
	f.Add(`(?P<x>.*?)(?P<y>\b)`, []byte("ab cd"), uint8(3))
	f.Fuzz(func(t *testing.T, pattern string, data []byte, chunk uint8) {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		for rec, err := range Matches(bytes.NewReader(data), re, Options{ChunkSize: 1 + int(chunk)%16, MaxRecord: 1 + int(chunk)%32}) {
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range re.SubexpNames() {
				if _, ok := rec[name]; name != "" && !ok {
					t.Fatalf("missing group %q in %q", name, rec)
				}
			}
		}
		want := reference(data, re)
		got, errs, _ := collect(bytes.NewReader(data), re, Options{ChunkSize: len(data) + 1})
		if len(errs) > 0 || !equalRecords(got, want) {
			t.Fatalf("one piece, pattern %q input %q:\n got %q\nwant %q (errors %v)", pattern, data, got, want, errs)
		}
	})
}
