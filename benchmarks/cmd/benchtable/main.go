// Command benchtable turns `go test -bench` output into the Markdown tables
// of benchmarks/README.md: for each benchmark, every library's ns/op, B/op
// and allocs/op, and loguru's time as a ratio of each one's. With -count N
// each library's figures are the median of its N runs.
//
//	go test -bench . -benchmem | go run ./cmd/benchtable
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var line = regexp.MustCompile(`^Benchmark(\S+?)/(\S+?)(?:-(\d+))?\s+\d+\s+([\d.]+) ns/op(?:\s+([\d.]+) B/op\s+([\d.]+) allocs/op)?`)

type result struct {
	lib            string
	ns, bytes, all float64
}

type group struct {
	name    string
	libs    []string            // in order of first appearance
	results map[string][]result // runs per library
}

func (g *group) add(r result) {
	if g.results == nil {
		g.results = map[string][]result{}
	}
	if _, ok := g.results[r.lib]; !ok {
		g.libs = append(g.libs, r.lib)
	}
	g.results[r.lib] = append(g.results[r.lib], r)
}

// median returns the run with the median time (the lower middle one for an
// even count).
func (g *group) median(lib string) result {
	runs := slices.Clone(g.results[lib])
	slices.SortFunc(runs, func(a, b result) int {
		switch {
		case a.ns < b.ns:
			return -1
		case a.ns > b.ns:
			return 1
		}
		return 0
	})
	return runs[(len(runs)-1)/2]
}

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

func run(r io.Reader, w io.Writer) error {
	var groups []*group
	index := map[string]*group{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		name := m[1]
		if m[3] != "" {
			name += fmt.Sprintf(" (-cpu %s)", m[3])
		}
		g := index[name]
		if g == nil {
			g = &group{name: name}
			index[name] = g
			groups = append(groups, g)
		}
		ns, _ := strconv.ParseFloat(m[4], 64)
		bytes, _ := strconv.ParseFloat(m[5], 64)
		allocs, _ := strconv.ParseFloat(m[6], 64)
		g.add(result{m[2], ns, bytes, allocs})
	}
	if err := sc.Err(); err != nil {
		return err
	}
	for _, g := range groups {
		write(w, g)
	}
	return nil
}

func write(w io.Writer, g *group) {
	var ours float64
	if _, ok := g.results["loguru"]; ok {
		ours = g.median("loguru").ns
	}
	fmt.Fprintf(w, "### %s\n\n| library | ns/op | B/op | allocs/op | loguru time ÷ this |\n|---|---:|---:|---:|---:|\n", g.name)
	for _, lib := range g.libs {
		r := g.median(lib)
		ratio := "-"
		if ours > 0 && r.ns > 0 {
			ratio = strconv.FormatFloat(ours/r.ns, 'f', 2, 64) + "x"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", r.lib, num(r.ns), num(r.bytes), num(r.all), ratio)
	}
	fmt.Fprintln(w)
}

func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	return strings.TrimSuffix(strings.TrimSuffix(s, ".00"), ".0")
}
