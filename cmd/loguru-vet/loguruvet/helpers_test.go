package loguruvet

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestAnalyzerIsValid(t *testing.T) {
	if Analyzer.Name != "loguru" || Analyzer.Doc == "" {
		t.Fatalf("Analyzer = %q, %q", Analyzer.Name, Analyzer.Doc)
	}
	if err := analysis.Validate([]*analysis.Analyzer{Analyzer}); err != nil {
		t.Fatal(err)
	}
}

func TestPositionalNeed(t *testing.T) {
	tests := []struct {
		tmpl string
		need int
		ok   bool
	}{
		{"", 0, true},
		{"no fields", 0, true},
		{"{}", 1, true},
		{"{} {}", 2, true},
		{"{1}", 2, true},
		{"{} {0}", 1, true},
		{"{{}} {{0}}", 0, true},
		{"{name} {record.line}", 0, true},
		{"{:{}}", 2, true},
		{"{:{w}.{}f}", 2, true},
		{"{:zz} {}", 2, true},
		{"{} {", 1, true},
		{"{9999}", 10000, true},
		{"{10000}", 0, false},
	}
	for _, tt := range tests {
		need, ok := positionalNeed(tt.tmpl)
		if need != tt.need || ok != tt.ok {
			t.Errorf("positionalNeed(%q) = %d, %t; want %d, %t", tt.tmpl, need, ok, tt.need, tt.ok)
		}
	}
}

func TestSpecError(t *testing.T) {
	tests := map[string]string{
		"{:zz}":   `invalid format spec "zz": `,
		"{!x}":    `unknown conversion "!x"`,
		"{a!rr}":  `unknown conversion "!rr"`,
		"{:.2d}":  `invalid format spec ".2d": `,
		"{0:,_d}": `invalid format spec ",_d": cannot use both "," and "_"`,
	}
	for whole, want := range tests {
		if got := specError(whole); !strings.HasPrefix(got, want) {
			t.Errorf("specError(%q) = %q; want prefix %q", whole, got, want)
		}
	}
}

func TestLevelProblem(t *testing.T) {
	s := newLevelSet()
	s.add("quiet")
	for _, ok := range []string{"TRACE", "trace", "Trace", "WARN", "warn", "Warn", "quiet", "0", "25", "+5"} {
		if p := s.problem(ok); p != "" {
			t.Errorf("problem(%q) = %q; want none", ok, p)
		}
	}
	for _, bad := range []string{"", "QUIET", "WARNN", "-1", " INFO", "1.5"} {
		if s.problem(bad) == "" {
			t.Errorf("problem(%q) = none; want one", bad)
		}
	}
	s.dynamic = true
	if s.problem("ANY") != "" || s.problem("-1") == "" {
		t.Error("a dynamic set knows every name, but no negative number")
	}
}
