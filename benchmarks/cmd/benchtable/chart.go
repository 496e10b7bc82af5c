package main

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
)

// chartGroups are the benchmarks the chart shows, in order.
var chartGroups = []string{"Disabled", "TextWithCaller", "JSONStatic", "JSONTenFields", "JSONBoundContext", "File"}

// palette colors each library the same in every panel; loguru's own
// variants share its color.
var palette = map[string]string{
	"loguru": "#2a9d8f", "zerolog": "#e9c46a", "zap": "#f4a261", "slog": "#8ab17d",
	"phuslu": "#9b8ec4", "logrus": "#e76f51",
}

func colorOf(lib string) string {
	name, _, _ := strings.Cut(lib, "-")
	if c, ok := palette[name]; ok {
		return c
	}
	return "#999999"
}

// writeChart draws one panel per benchmark of chartGroups (as measured with
// the suffix, e.g. "" for -cpu 1 or " (-cpu 2)"), a horizontal bar per
// library, its length the time per operation relative to the slowest of
// the panel. Shorter is faster.
func writeChart(w io.Writer, groups []*group, suffix, title string) {
	const (
		width, left, barMax = 780, 190, 400
		rowH, headH, gap    = 18, 26, 14
	)
	index := map[string]*group{}
	for _, g := range groups {
		index[g.name] = g
	}
	var panels []*group
	height := 50
	for _, name := range chartGroups {
		if g := index[name+suffix]; g != nil {
			panels = append(panels, g)
			height += headH + rowH*len(g.libs) + gap
		}
	}
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	fmt.Fprintf(w, `<text x="10" y="24" font-size="16" font-weight="bold">%s</text>`+"\n", html.EscapeString(title))
	fmt.Fprintf(w, `<text x="10" y="40" fill="#555">ns per log call, shorter is faster</text>`+"\n")
	y := 50
	for _, g := range panels {
		fmt.Fprintf(w, `<text x="10" y="%d" font-weight="bold">%s</text>`+"\n", y+18, html.EscapeString(g.name))
		y += headH
		worst := 0.0
		for _, lib := range g.libs {
			worst = max(worst, g.median(lib).ns)
		}
		for _, lib := range g.libs {
			r := g.median(lib)
			n := 1.0
			if worst > 0 {
				n = max(1, r.ns/worst*barMax)
			}
			weight := "normal"
			if strings.HasPrefix(lib, "loguru") {
				weight = "bold"
			}
			fmt.Fprintf(w, `<text x="%d" y="%d" text-anchor="end" font-weight="%s">%s</text>`+"\n", left-8, y+13, weight, html.EscapeString(lib))
			fmt.Fprintf(w, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`+"\n", left, y+2, n, rowH-4, colorOf(lib))
			fmt.Fprintf(w, `<text x="%.1f" y="%d">%s ns · %s allocs</text>`+"\n", float64(left)+n+6, y+13, num(r.ns), strconv.FormatFloat(r.all, 'f', -1, 64))
			y += rowH
		}
		y += gap
	}
	fmt.Fprintln(w, "</svg>")
}
