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
