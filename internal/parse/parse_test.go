package parse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"reflect"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// loguruPattern matches records of Loguru's default format; a record's
// message goes on over the following lines that do not start with a digit.
var loguruPattern = regexp.MustCompile(`(?m)^(?P<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}) \| (?P<level>[A-Z]+) +\| (?P<name>[^:\n]*):(?P<function>[^:\n]*):(?P<line>\d+) - (?P<message>.*(?:\n[^0-9\n].*)*)`)

// collect runs Matches to the end and returns the records, the errors and
// whether a record came after an error.
func collect(r io.Reader, re *regexp.Regexp, opts Options) (recs []map[string]string, errs []error, afterErr bool) {
	for rec, err := range Matches(r, re, opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if len(errs) > 0 {
			afterErr = true
		}
		recs = append(recs, rec)
	}
	return recs, errs, afterErr
}

// reference is the single-pass result over the whole input.
func reference(data []byte, re *regexp.Regexp) []map[string]string {
	var out []map[string]string
	names := re.SubexpNames()
	for _, m := range re.FindAllSubmatchIndex(data, -1) {
		rec := map[string]string{}
		for i, name := range names {
			if name == "" {
				continue
			}
			if _, ok := rec[name]; !ok {
				rec[name] = ""
			}
			if m[2*i] >= 0 && !participatedBefore(names, m, i) {
				rec[name] = string(data[m[2*i]:m[2*i+1]])
			}
		}
		out = append(out, rec)
	}
	return out
}

func participatedBefore(names []string, m []int, i int) bool {
	for j := 1; j < i; j++ {
		if names[j] == names[i] && m[2*j] >= 0 {
			return true
		}
	}
	return false
}

func checkSame(t *testing.T, data []byte, re *regexp.Regexp, chunk int) {
	t.Helper()
	want := reference(data, re)
	got, errs, _ := collect(bytes.NewReader(data), re, Options{ChunkSize: chunk})
	if len(errs) > 0 {
		t.Fatalf("pattern %q chunk %d: errors %v", re, chunk, errs)
	}
	if !equalRecords(got, want) {
		t.Fatalf("pattern %q chunk %d input %q:\n got %q\nwant %q", re, chunk, data, got, want)
	}
}

func equalRecords(a, b []map[string]string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

const loguruLog = "2026-11-22 10:01:02.345 | INFO     | main:main:12 - Hello\n" +
	"2026-11-22 10:01:02.350 | WARNING  | app.db:connect:88 - retrying in 5s\n" +
	"2026-11-22 10:01:03.001 | ERROR    | app.db:connect:97 - connection failed: dial tcp 10.0.0.7:5432: connect: connection refused\n" +
	"goroutine 1 [running]:\n" +
	"main.connect(...)\n" +
	"\t/src/app/db.go:97 +0x1d\n" +
	"main.main()\n" +
	"\t/src/app/main.go:12 +0x25\n" +
	"2026-11-22 10:01:04.000 | SUCCESS  | main:main:20 - done | 3 items\n"

var loguruWant = []map[string]string{
	{"time": "2026-11-22 10:01:02.345", "level": "INFO", "name": "main", "function": "main", "line": "12", "message": "Hello"},
	{"time": "2026-11-22 10:01:02.350", "level": "WARNING", "name": "app.db", "function": "connect", "line": "88", "message": "retrying in 5s"},
	{"time": "2026-11-22 10:01:03.001", "level": "ERROR", "name": "app.db", "function": "connect", "line": "97", "message": "connection failed: dial tcp 10.0.0.7:5432: connect: connection refused\n" +
		"goroutine 1 [running]:\n" +
		"main.connect(...)\n" +
		"\t/src/app/db.go:97 +0x1d\n" +
		"main.main()\n" +
		"\t/src/app/main.go:12 +0x25"},
	{"time": "2026-11-22 10:01:04.000", "level": "SUCCESS", "name": "main", "function": "main", "line": "20", "message": "done | 3 items"},
}

func TestLoguruFormat(t *testing.T) {
	for chunk := 0; chunk <= 128; chunk++ {
		got, errs, _ := collect(strings.NewReader(loguruLog), loguruPattern, Options{ChunkSize: chunk})
		if len(errs) > 0 {
			t.Fatalf("chunk %d: %v", chunk, errs)
		}
		if !reflect.DeepEqual(got, loguruWant) {
			t.Fatalf("chunk %d:\n got %q\nwant %q", chunk, got, loguruWant)
		}
	}
	// Without the final newline the last record is still complete at EOF.
	trimmed := strings.TrimSuffix(loguruLog, "\n")
	for _, chunk := range []int{1, 2, 3, 7, 64} {
		got, _, _ := collect(strings.NewReader(trimmed), loguruPattern, Options{ChunkSize: chunk})
		if !reflect.DeepEqual(got, loguruWant) {
			t.Fatalf("no final newline, chunk %d:\n got %q", chunk, got)
		}
	}
}

// The brief form of the multi-line pattern, whose message keeps the line
// ends and the continuation lines.
func TestMultilineContinuation(t *testing.T) {
	re := regexp.MustCompile(`(?m)^(?P<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}) \| (?P<level>[A-Z]+) +\| (?P<msg>(?:.*\n?)(?:[^0-9\n].*\n?)*)`)
	data := []byte("junk before\n" + loguruLog + "\n\nnot a record\n" + loguruLog)
	for _, chunk := range []int{1, 2, 3, 7, 64, 1000} {
		checkSame(t, data, re, chunk)
	}
	if got := len(reference(data, re)); got != 8 {
		t.Fatalf("reference found %d records, want 8", got)
	}
}

var equivalencePatterns = []string{
	`a+`,
	`(?m)^\w+`,
	`(?m)^a`,
	`(?m)^`,
	`(?m)$`,
	`(?m)^$`,
	`(?m)^.*$`,
	`x*`,
	`a*`,
	`\bab\b`,
	`\B\w`,
	`\b`,
	`\d+`,
	`.`,
	`(?s).`,
	`€+`,
	`[^a]`,
	`^a`,
	`\Aab|b`,
	`a$`,
	`(?s)<.*?>`,
	`(?P<x>a)|(?P<y>b)`,
	`(?P<n>a)(?P<n>b)?|(?P<n>c)`,
	`(?m)^(?P<t>[0-9]+) (?P<l>[A-Z]+)(?P<m>.*(?:\n[^0-9\n].*)*)`,
	`(?m)^(?P<t>[0-9]+) \| (?P<m>(?:.*\n?)(?:[^0-9\n].*\n?)*)`,
}

var equivalenceInputs = []string{
	"",
	"a",
	"aaaa",
	"ab ab\nab\n\nba aab",
	"\n\n\na\n",
	"123\n456\n7 A msg\n more\n8 B\n",
	"12 ABC x\ncont\n\n34 D y\n5 nope\n 6 E z",
	"x€€€y€\xe2\x82\n€",
	"\xff\xfe\x80a\xe2\x82",
	"<a><b\n>c<",
	"1 | one\ntwo\n2 | three\n\n3 | four",
}

func TestEquivalence(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []string{"a", "b", "c", "x", "1", "2", " ", "\n", "|", "<", ">", "A", "€", "\xe2", "\x82"}
	inputs := append([]string(nil), equivalenceInputs...)
	for range 300 {
		var sb strings.Builder
		for range rng.Intn(60) {
			sb.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		inputs = append(inputs, sb.String())
	}
	for _, p := range equivalencePatterns {
		re := regexp.MustCompile(p)
		for _, in := range inputs {
			for _, chunk := range []int{1, 2, 3, 7, 64} {
				checkSame(t, []byte(in), re, chunk)
			}
		}
	}
}

// A match at the end of a chunk may grow, and one may start right after
// the previous match next to a byte that also matches: both must come out
// as in a single pass.
func TestChunkBoundaries(t *testing.T) {
	cases := []struct {
		pattern, input string
		want           []string
	}{
		{`a+`, "aaaa baa", []string{"aaaa", "aa"}},
		{`(?m)^\d+`, "123\n456\n78", []string{"123", "456", "78"}},
		{`(?m)^\d+`, "123 456\n7", []string{"123", "7"}},
		{`\bab`, "abab ab", []string{"ab", "ab"}},
		{`^a`, "aaa", []string{"a"}},
	}
	for _, c := range cases {
		re := regexp.MustCompile(`(?P<v>` + c.pattern + `)`)
		for chunk := 1; chunk <= 9; chunk++ {
			got, _, _ := collect(strings.NewReader(c.input), re, Options{ChunkSize: chunk})
			var vals []string
			for _, g := range got {
				vals = append(vals, g["v"])
			}
			if !reflect.DeepEqual(vals, c.want) {
				t.Errorf("%q on %q chunk %d: got %q want %q", c.pattern, c.input, chunk, vals, c.want)
			}
		}
	}
}

func TestNamedGroups(t *testing.T) {
	re := regexp.MustCompile(`(?P<a>x)(y)?(?P<b>z)?`)
	got, _, _ := collect(strings.NewReader("xyz x"), re, Options{})
	want := []map[string]string{{"a": "x", "b": "z"}, {"a": "x", "b": ""}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q want %q", got, want)
	}
	// Groups sharing a name: the first one that participated wins.
	re = regexp.MustCompile(`(?P<v>a)|(?P<v>b)`)
	got, _, _ = collect(strings.NewReader("ab"), re, Options{})
	want = []map[string]string{{"v": "a"}, {"v": "b"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("duplicate names: got %q want %q", got, want)
	}
	// No named group: one empty map per match.
	got, _, _ = collect(strings.NewReader("aa"), regexp.MustCompile(`a`), Options{})
	if len(got) != 2 || len(got[0]) != 0 {
		t.Fatalf("unnamed: got %q", got)
	}
}

// Values must not alias the buffer, which is reused.
func TestValuesAreCopies(t *testing.T) {
	var data strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&data, "2026-11-22 10:01:02.%03d | INFO     | m:f:%d - message %d\n", i%1000, i, i)
	}
	got, _, _ := collect(strings.NewReader(data.String()), loguruPattern, Options{ChunkSize: 100})
	if len(got) != 2000 {
		t.Fatalf("got %d records", len(got))
	}
	for i, rec := range got {
		if rec["message"] != "message "+strconv.Itoa(i) || rec["line"] != strconv.Itoa(i) {
			t.Fatalf("record %d corrupted: %q", i, rec)
		}
	}
}

type failingReader struct {
	data []byte
	err  error
	read int // calls after the error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		r.read++
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	lines := strings.SplitAfter(loguruLog, "\n")
	// Two complete records and a third one cut in the middle of its message.
	partial := lines[0] + lines[1] + lines[2][:60]
	for _, chunk := range []int{1, 7, 64, 0} {
		r := &failingReader{data: []byte(partial), err: boom}
		got, errs, afterErr := collect(r, loguruPattern, Options{ChunkSize: chunk})
		if !reflect.DeepEqual(got, loguruWant[:2]) {
			t.Fatalf("chunk %d: got %q", chunk, got)
		}
		if len(errs) != 1 || !errors.Is(errs[0], boom) || afterErr {
			t.Fatalf("chunk %d: errors %v (after error: %v)", chunk, errs, afterErr)
		}
		if r.read != 1 {
			t.Fatalf("chunk %d: reader called %d times after failing", chunk, r.read)
		}
	}
}

// The data that comes with io.EOF counts.
type eofWithData struct{ data []byte }

func (r *eofWithData) Read(p []byte) (int, error) {
	n := copy(p, r.data)
	r.data = r.data[n:]
	if len(r.data) == 0 {
		return n, io.EOF
	}
	return n, nil
}

func TestEOFWithData(t *testing.T) {
	got, errs, _ := collect(&eofWithData{data: []byte(loguruLog)}, loguruPattern, Options{ChunkSize: 50})
	if len(errs) > 0 || !reflect.DeepEqual(got, loguruWant) {
		t.Fatalf("got %q, errors %v", got, errs)
	}
}

type stuckReader struct{}

func (stuckReader) Read([]byte) (int, error) { return 0, nil }

func TestStuckReader(t *testing.T) {
	got, errs, _ := collect(stuckReader{}, loguruPattern, Options{})
	if len(got) != 0 || len(errs) != 1 || !errors.Is(errs[0], io.ErrNoProgress) {
		t.Fatalf("got %q, errors %v", got, errs)
	}
}

func TestNilArguments(t *testing.T) {
	_, errs, _ := collect(nil, loguruPattern, Options{})
	if len(errs) != 1 {
		t.Fatalf("nil reader: errors %v", errs)
	}
	_, errs, _ = collect(strings.NewReader("x"), nil, Options{})
	if len(errs) != 1 {
		t.Fatalf("nil regexp: errors %v", errs)
	}
}

func TestEarlyBreak(t *testing.T) {
	for _, chunk := range []int{1, 13, 0} {
		n := 0
		for rec, err := range Matches(strings.NewReader(loguruLog), loguruPattern, Options{ChunkSize: chunk}) {
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(rec, loguruWant[n]) {
				t.Fatalf("record %d: %q", n, rec)
			}
			n++
			if n == 2 {
				break
			}
		}
		if n != 2 {
			t.Fatalf("chunk %d: %d records", chunk, n)
		}
	}
	// Breaking on the error too.
	for _, err := range Matches(nil, loguruPattern, Options{}) {
		if err == nil {
			t.Fatal("want an error")
		}
		break
	}
}

func TestLongRecord(t *testing.T) {
	re := regexp.MustCompile(`(?m)^(?P<v>S[xS\n]*)`)
	long := "S" + strings.Repeat("x", 1000)
	data := "S\n" + long + "\nS\n"
	got, errs, _ := collect(strings.NewReader(data), re, Options{ChunkSize: 10, MaxRecord: 100})
	if len(errs) > 0 || len(got) == 0 {
		t.Fatalf("got %q, errors %v", got, errs)
	}
	v := got[0]["v"]
	// The whole input is one match of the pattern; it is longer than
	// MaxRecord, so it comes out cut, with at least MaxRecord bytes.
	if !strings.HasPrefix(data, v) || len(v) < 100 || len(v) >= len(data) {
		t.Fatalf("first match %d bytes: %q", len(v), v)
	}
	// Records up to MaxRecord are intact.
	got, _, _ = collect(strings.NewReader(data), regexp.MustCompile(`(?P<v>S)(?P<n>x*)`), Options{ChunkSize: 10, MaxRecord: 1100})
	if len(got) != 3 || got[1]["n"] != long[1:] {
		t.Fatalf("got %d records", len(got))
	}
}

// logGen lazily produces synthetic log lines: every tenth record carries
// a three-line traceback.
type logGen struct {
	size, done int
	n          int
	line       []byte
}

func (g *logGen) Read(p []byte) (int, error) {
	total := 0
	for len(p) > 0 {
		if g.done >= g.size {
			break
		}
		if len(g.line) == 0 {
			g.line = fmt.Appendf(g.line[:0], "2026-11-22 10:%02d:%02d.%03d | INFO     | app.worker:run:%d - processed item %d\n",
				g.n/60000%60, g.n/1000%60, g.n%1000, g.n%500, g.n)
			if g.n%10 == 9 {
				g.line = append(g.line, "error: boom\n\tat worker.go:12\n\tat main.go:3\n"...)
			}
			g.n++
		}
		n := copy(p, g.line)
		g.line = g.line[n:]
		p = p[n:]
		total += n
		g.done += n
	}
	if total == 0 {
		return 0, io.EOF
	}
	return total, nil
}

type capWatch struct{ max int }

func (w *capWatch) install(t *testing.T) {
	bufGrowHook = func(c int) { w.max = max(w.max, c) }
	t.Cleanup(func() { bufGrowHook = nil })
}

func heapInuse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

func TestBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a large synthetic log")
	}
	// 50 MiB keeps the test within a few seconds (matching runs at about
	// 25 MB/s); the bound does not depend on the size.
	size := 50 << 20
	if raceEnabled {
		size = 4 << 20
	}
	var w capWatch
	w.install(t)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	peak := before.HeapInuse

	gen := &logGen{size: size}
	start := time.Now()
	count := 0
	for rec, err := range Matches(gen, loguruPattern, Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		count++
		if count%50000 == 0 {
			peak = max(peak, heapInuse())
			if want := "processed item " + strconv.Itoa(count-1); !strings.HasPrefix(rec["message"], want) {
				t.Fatalf("record %d: %q", count-1, rec["message"])
			}
		}
	}
	elapsed := time.Since(start)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	peak = max(peak, after.HeapInuse)

	// The generator stops at a byte count, possibly inside a record; a
	// record cut there still matches as long as its header is complete.
	if count < gen.n-1 || count > gen.n {
		t.Fatalf("%d records, generated %d", count, gen.n)
	}
	growth := int64(peak) - int64(before.HeapInuse)
	t.Logf("%d MiB, %d records in %v; peak heap growth %.1f MiB; max buffer %d KiB; total allocated %d MiB",
		size>>20, count, elapsed, float64(growth)/(1<<20), w.max>>10, (after.TotalAlloc-before.TotalAlloc)>>20)
	if growth > 16<<20 {
		t.Errorf("heap grew by %d bytes", growth)
	}
	if limit := 2*defaultMaxRecord + 2*defaultChunkSize + 1; w.max > limit {
		t.Errorf("buffer capacity %d > %d", w.max, limit)
	}
}

// garbage yields bytes that never match, in lines or as one endless line.
type garbage struct {
	size, done int
	newlines   bool
}

func (g *garbage) Read(p []byte) (int, error) {
	n := min(len(p), g.size-g.done)
	if n <= 0 {
		return 0, io.EOF
	}
	for i := range p[:n] {
		k := g.done + i
		switch {
		case g.newlines && k%80 == 79:
			p[i] = '\n'
		default:
			p[i] = "abcdefghij-| :"[k%14]
		}
	}
	g.done += n
	return n, nil
}

func TestBoundedMemoryWithoutMatches(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a large synthetic input")
	}
	size := 32 << 20
	if raceEnabled {
		size = 4 << 20
	}
	for _, newlines := range []bool{false, true} {
		var w capWatch
		w.install(t)
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		got, errs, _ := collect(&garbage{size: size, newlines: newlines}, loguruPattern, Options{})
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		if len(got) != 0 || len(errs) != 0 {
			t.Fatalf("got %d records, errors %v", len(got), errs)
		}
		allocated := after.TotalAlloc - before.TotalAlloc
		t.Logf("newlines=%v: %d MiB of garbage in %v; max buffer %d KiB; total allocated %.1f MiB",
			newlines, size>>20, elapsed, w.max>>10, float64(allocated)/(1<<20))
		if limit := 2*defaultMaxRecord + 2*defaultChunkSize + 1; w.max > limit {
			t.Errorf("buffer capacity %d > %d", w.max, limit)
		}
		if allocated > 16<<20 {
			t.Errorf("allocated %d bytes", allocated)
		}
	}
	// With small settings the bound follows them.
	var w capWatch
	w.install(t)
	got, _, _ := collect(&garbage{size: 1 << 20}, loguruPattern, Options{ChunkSize: 100, MaxRecord: 1000})
	if len(got) != 0 || w.max > 2*1000+2*100+1 {
		t.Fatalf("%d records, max buffer %d", len(got), w.max)
	}
}

func TestParseTime(t *testing.T) {
	plus1 := time.FixedZone("", 3600)
	minus530 := time.FixedZone("", -(5*3600 + 30*60))
	cases := []struct {
		in   string
		want time.Time
	}{
		{"2026-11-22 10:01:02.345", time.Date(2026, 11, 22, 10, 1, 2, 345e6, time.Local)},
		{"2026-11-22 10:01:02.345 +01:00", time.Date(2026, 11, 22, 10, 1, 2, 345e6, plus1)},
		{"2026-11-22 10:01:02.345+0100", time.Date(2026, 11, 22, 10, 1, 2, 345e6, plus1)},
		{"2026-11-22 10:01:02.345 -0530", time.Date(2026, 11, 22, 10, 1, 2, 345e6, minus530)},
		{"2026-11-22 10:01:02.3", time.Date(2026, 11, 22, 10, 1, 2, 300e6, time.Local)},
		{"2026-11-22 10:01:02.123456789", time.Date(2026, 11, 22, 10, 1, 2, 123456789, time.Local)},
		{"2026-11-22 10:01:02", time.Date(2026, 11, 22, 10, 1, 2, 0, time.Local)},
		{"2024-02-29 23:59:59.999 +00:00", time.Date(2024, 2, 29, 23, 59, 59, 999e6, time.UTC)},
	}
	for _, c := range cases {
		got, err := ParseTime(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if !got.Equal(c.want) {
			t.Errorf("%q: got %v want %v", c.in, got, c.want)
		}
		_, gotOff := got.Zone()
		_, wantOff := c.want.Zone()
		if gotOff != wantOff {
			t.Errorf("%q: offset %d want %d", c.in, gotOff, wantOff)
		}
		if c.want.Location() == time.Local && got.Location() != time.Local {
			t.Errorf("%q: location %v, want Local", c.in, got.Location())
		}
	}
	if got, _ := ParseTime("2026-11-22 10:01:02.345"); got.Nanosecond() != 345e6 {
		t.Errorf("nanoseconds %d", got.Nanosecond())
	}

	bad := []string{
		"",
		"yesterday",
		"2026-11-22",
		"2026-11-22T10:01:02.345",
		"2026-13-22 10:01:02.345",
		"2026-02-30 10:01:02.345",
		"2026-11-22 24:01:02.345",
		"2026-11-22 10:01:02.",
		"2026-11-22 10:01:02.1234567890",
		"2026-11-22 10:01:02.345 +1:00",
		"2026-11-22 10:01:02.345 +01:60",
		"2026-11-22 10:01:02.345 UTC",
		"2026-11-22 10:01:02.345  +01:00",
		"2026-11-22 10:01:02.345 +01:00 ",
		"2026-11-22 10:01:02,345",
	}
	for _, in := range bad {
		_, err := ParseTime(in)
		if err == nil {
			t.Errorf("%q: no error", in)
			continue
		}
		if !strings.Contains(err.Error(), strconv.Quote(in)) {
			t.Errorf("%q: error %q does not quote the input", in, err)
		}
	}
}

// A record followed by a long stretch without matches: the record comes
// out intact and the stretch does not accumulate.
func TestRecordThenGarbage(t *testing.T) {
	var w capWatch
	w.install(t)
	r := io.MultiReader(strings.NewReader(loguruLog+"9"), &garbage{size: 3 << 20})
	got, errs, _ := collect(r, loguruPattern, Options{ChunkSize: 4096, MaxRecord: 64 << 10})
	if len(errs) > 0 || !reflect.DeepEqual(got, loguruWant) {
		t.Fatalf("got %q, errors %v", got, errs)
	}
	if limit := 2*(64<<10) + 2*4096 + 1; w.max > limit {
		t.Fatalf("buffer capacity %d > %d", w.max, limit)
	}
}

// Longest changes which match is chosen, not the mechanics.
func TestLongest(t *testing.T) {
	re := regexp.MustCompile(`(?P<v>a|ab)`)
	re.Longest()
	for _, chunk := range []int{1, 2, 3, 64} {
		checkSame(t, []byte("abab aab"), re, chunk)
	}
}

func BenchmarkMatches(b *testing.B) {
	data, _ := io.ReadAll(&logGen{size: 8 << 20})
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		for _, err := range Matches(bytes.NewReader(data), loguruPattern, Options{}) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
