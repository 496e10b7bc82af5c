package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	in := `goos: linux
BenchmarkDisabled/loguru-2         	1000000000	         1.000 ns/op	       0 B/op	       0 allocs/op
BenchmarkDisabled/zap-2            	1000000000	         4.00 ns/op	       0 B/op	       0 allocs/op
BenchmarkText/loguru               	 1000000	       100 ns/op	       0 B/op	       0 allocs/op
PASS
`
	var out strings.Builder
	if err := run(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	want := "### Disabled (-cpu 2)\n\n| library | ns/op | B/op | allocs/op | loguru time ÷ this |\n|---|---:|---:|---:|---:|\n" +
		"| loguru | 1 | 0 | 0 | 1.00x |\n| zap | 4 | 0 | 0 | 0.25x |\n\n" +
		"### Text\n\n| library | ns/op | B/op | allocs/op | loguru time ÷ this |\n|---|---:|---:|---:|---:|\n" +
		"| loguru | 100 | 0 | 0 | 1.00x |\n\n"
	if out.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestRunTakesMedianOfCounts(t *testing.T) {
	in := `BenchmarkText/loguru 	 1	       300 ns/op	       0 B/op	       0 allocs/op
BenchmarkText/zap    	 1	       900 ns/op	      10 B/op	       1 allocs/op
BenchmarkText/loguru 	 1	       100 ns/op	       0 B/op	       0 allocs/op
BenchmarkText/zap    	 1	       500 ns/op	      10 B/op	       1 allocs/op
BenchmarkText/loguru 	 1	       200 ns/op	       0 B/op	       0 allocs/op
BenchmarkText/zap    	 1	       400 ns/op	      10 B/op	       1 allocs/op
`
	var out strings.Builder
	if err := run(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	want := "### Text\n\n| library | ns/op | B/op | allocs/op | loguru time ÷ this |\n|---|---:|---:|---:|---:|\n" +
		"| loguru | 200 | 0 | 0 | 1.00x |\n| zap | 500 | 10 | 1 | 0.40x |\n\n"
	if out.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestRunNestedNamesAndRates(t *testing.T) {
	in := `BenchmarkScaling/g2/loguru-2 	 1	       150 ns/op	       0 B/op	       0 allocs/op
BenchmarkScaling/g2/zap-lumberjack-2 	 1	       600 ns/op	      10 B/op	       1 allocs/op
BenchmarkEnqueue/loguru-2 	 1	       250.5 ns/op	   3951083 records/s	      12 B/op	       0 allocs/op
`
	var out strings.Builder
	if err := run(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	want := "### Scaling/g2 (-cpu 2)\n\n| library | ns/op | B/op | allocs/op | loguru time ÷ this |\n|---|---:|---:|---:|---:|\n" +
		"| loguru | 150 | 0 | 0 | 1.00x |\n| zap-lumberjack | 600 | 10 | 1 | 0.25x |\n\n" +
		"### Enqueue (-cpu 2)\n\n| library | ns/op | B/op | allocs/op | loguru time ÷ this | records/s |\n|---|---:|---:|---:|---:|---:|\n" +
		"| loguru | 250.50 | 12 | 0 | 1.00x | 3.95 M |\n\n"
	if out.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestChartDrawsABarPerLibrary(t *testing.T) {
	in := `BenchmarkTextWithCaller/loguru 	 1	       250 ns/op	       0 B/op	       0 allocs/op
BenchmarkTextWithCaller/zap    	 1	      1000 ns/op	      10 B/op	       6 allocs/op
BenchmarkTextWithCaller/loguru-2 	 1	       125 ns/op	       0 B/op	       0 allocs/op
BenchmarkOther/loguru 	 1	       1 ns/op	       0 B/op	       0 allocs/op
`
	groups, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	writeChart(&out, groups, "", "T & co")
	svg := out.String()
	for _, want := range []string{
		`<text x="10" y="24" font-size="16" font-weight="bold">T &amp; co</text>`,
		`<text x="10" y="68" font-weight="bold">TextWithCaller</text>`,
		`<rect x="190" y="78" width="100.0" height="14" fill="#2a9d8f"/>`, // 250/1000 of 400
		`<text x="296.0" y="89">250 ns · 0 allocs</text>`,
		`<rect x="190" y="96" width="400.0" height="14" fill="#f4a261"/>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s:\n%s", want, svg)
		}
	}
	if strings.Contains(svg, "Other") || strings.Count(svg, "<rect x=\"190\"") != 2 {
		t.Errorf("chart shows more than the -cpu 1 TextWithCaller panel:\n%s", svg)
	}
}

// The loguru rows of a purego run join the default run's tables; its peer
// rows do not.
func TestMergePurego(t *testing.T) {
	def, _ := parse(strings.NewReader(`BenchmarkText/loguru-2 	 1	       100 ns/op	       0 B/op	       0 allocs/op
BenchmarkText/zerolog-2 	 1	       400 ns/op	       0 B/op	       0 allocs/op
`))
	pure, _ := parse(strings.NewReader(`BenchmarkText/loguru-2 	 1	       200 ns/op	       0 B/op	       0 allocs/op
BenchmarkText/loguru-logfields-2 	 1	       300 ns/op	       8 B/op	       1 allocs/op
BenchmarkText/zerolog-2 	 1	       999 ns/op	       0 B/op	       0 allocs/op
BenchmarkOnlyPure/loguru 	 1	       50 ns/op	       0 B/op	       0 allocs/op
`))
	var out strings.Builder
	for _, g := range mergePurego(def, pure) {
		write(&out, g)
	}
	want := "### Text (-cpu 2)\n\n| library | ns/op | B/op | allocs/op | loguru time ÷ this |\n|---|---:|---:|---:|---:|\n" +
		"| loguru | 100 | 0 | 0 | 1.00x |\n| zerolog | 400 | 0 | 0 | 0.25x |\n" +
		"| loguru-purego | 200 | 0 | 0 | 0.50x |\n| loguru-logfields-purego | 300 | 8 | 1 | 0.33x |\n\n"
	if !strings.HasPrefix(out.String(), want) {
		t.Fatalf("got\n%s\nwant prefix\n%s", out.String(), want)
	}
	if !strings.Contains(out.String(), "### OnlyPure\n") || !strings.Contains(out.String(), "| loguru-purego | 50 |") {
		t.Fatalf("a benchmark only in the purego run is missing:\n%s", out.String())
	}
}
