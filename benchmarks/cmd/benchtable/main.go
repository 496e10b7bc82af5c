// Command benchtable turns `go test -bench` output into the Markdown tables
// of benchmarks/README.md: for each benchmark, every library's ns/op, B/op
// and allocs/op, and loguru's time as a ratio of each one's. With -count N
// each library's figures are the median of its N runs.
//
//	go test -bench . -benchmem | go run ./cmd/benchtable -svg chart.svg
//
// With -svg it also draws the main benchmarks as a bar chart. With -purego
// FILE it adds the loguru rows of a second run, made with -tags purego, to
// the same tables as "loguru-purego" (and "loguru-logfields-purego"...), so
// that the portable build is compared with the default one and the peers.
// The peers' rows of that run are left out: some of them have purego
// variants of their own.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// line matches a result: the benchmark's name up to its last '/', the
// library, the -cpu suffix and ns/op; metrics reads the others.
var (
	line    = regexp.MustCompile(`^Benchmark(\S+)/([^/\s]+?)(?:-(\d+))?\s+\d+\s+([\d.]+) ns/op`)
	metrics = regexp.MustCompile(`([\d.e+]+) (B/op|allocs/op|records/s)`)
)

type result struct {
	lib            string
	ns, bytes, all float64
	rate           float64 // records/s, when the benchmark reports it
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
	svg := flag.String("svg", "", "also write a bar chart of the main benchmarks (-cpu 1) to this SVG file")
	title := flag.String("title", "loguru-go against zap, zerolog, slog, logrus and phuslu/log", "the chart's title")
	purego := flag.String("purego", "", "a second `go test -bench` output, from a -tags purego build, whose loguru rows join the tables")
	flag.Parse()
	groups, err := parse(os.Stdin)
	if err == nil && *purego != "" {
		groups, err = addPurego(groups, *purego)
	}
	if err == nil {
		for _, g := range groups {
			write(os.Stdout, g)
		}
		if *svg != "" {
			err = saveChart(*svg, groups, *title)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

// addPurego adds the loguru rows of the results in path to groups, each
// library renamed with a "-purego" suffix.
func addPurego(groups []*group, path string) ([]*group, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	extra, err := parse(f)
	if err != nil {
		return nil, err
	}
	return mergePurego(groups, extra), nil
}

// mergePurego adds extra's loguru rows to the groups of the same name.
func mergePurego(groups, extra []*group) []*group {
	index := map[string]*group{}
	for _, g := range groups {
		index[g.name] = g
	}
	for _, e := range extra {
		g := index[e.name]
		if g == nil {
			g = &group{name: e.name}
			index[e.name] = g
			groups = append(groups, g)
		}
		for _, lib := range e.libs {
			if lib != "loguru" && !strings.HasPrefix(lib, "loguru-") {
				continue
			}
			for _, r := range e.results[lib] {
				r.lib = lib + "-purego"
				g.add(r)
			}
		}
	}
	return groups
}

// saveChart writes the chart of the -cpu 1 results to path.
func saveChart(path string, groups []*group, title string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	writeChart(f, groups, "", title)
	return f.Close()
}

// run writes the tables of the results read from r.
func run(r io.Reader, w io.Writer) error {
	groups, err := parse(r)
	if err != nil {
		return err
	}
	for _, g := range groups {
		write(w, g)
	}
	return nil
}

// parse reads `go test -bench` output into groups, in order of appearance.
func parse(r io.Reader) ([]*group, error) {
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
		r := result{lib: m[2]}
		r.ns, _ = strconv.ParseFloat(m[4], 64)
		for _, mm := range metrics.FindAllStringSubmatch(sc.Text(), -1) {
			v, _ := strconv.ParseFloat(mm[1], 64)
			switch mm[2] {
			case "B/op":
				r.bytes = v
			case "allocs/op":
				r.all = v
			case "records/s":
				r.rate = v
			}
		}
		g.add(r)
	}
	return groups, sc.Err()
}

func write(w io.Writer, g *group) {
	var ours float64
	if _, ok := g.results["loguru"]; ok {
		ours = g.median("loguru").ns
	}
	rates := false
	for _, lib := range g.libs {
		rates = rates || g.median(lib).rate > 0
	}
	head, rule := "| library | ns/op | B/op | allocs/op | loguru time ÷ this |", "|---|---:|---:|---:|---:|"
	if rates {
		head, rule = head+" records/s |", rule+"---:|"
	}
	fmt.Fprintf(w, "### %s\n\n%s\n%s\n", g.name, head, rule)
	for _, lib := range g.libs {
		r := g.median(lib)
		ratio := "-"
		if ours > 0 && r.ns > 0 {
			ratio = strconv.FormatFloat(ours/r.ns, 'f', 2, 64) + "x"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |", r.lib, num(r.ns), num(r.bytes), num(r.all), ratio)
		if rates {
			fmt.Fprintf(w, " %s |", rate(r.rate))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

// rate writes records per second in millions.
func rate(f float64) string {
	if f == 0 {
		return "-"
	}
	return strconv.FormatFloat(f/1e6, 'f', 2, 64) + " M"
}

func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	return strings.TrimSuffix(strings.TrimSuffix(s, ".00"), ".0")
}
