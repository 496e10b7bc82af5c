package loguruvet

import (
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ignoreDirective silences the diagnostics of one line, for code that
// misuses loguru on purpose (a test of the runtime's markers):
//
//	l.Info("{nope}", 1) //loguru-vet:ignore tests the MISSING marker
//
// It covers its own line and the next one, so it may also be written alone
// on the line above the call. Saying why after it is good practice.
const ignoreDirective = "//loguru-vet:ignore"

// lineKey names one line of one file.
type lineKey struct {
	file string
	line int
}

// filterIgnored makes pass drop the diagnostics of lines that an ignore
// directive covers.
func filterIgnored(pass *analysis.Pass) {
	ignored := map[lineKey]bool{}
	for _, f := range pass.Files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				if !strings.HasPrefix(c.Text, ignoreDirective) {
					continue
				}
				p := pass.Fset.Position(c.Slash)
				ignored[lineKey{p.Filename, p.Line}] = true
				ignored[lineKey{p.Filename, p.Line + 1}] = true
			}
		}
	}
	if len(ignored) == 0 {
		return
	}
	report := pass.Report
	pass.Report = func(d analysis.Diagnostic) {
		if p := pass.Fset.Position(d.Pos); !ignored[lineKey{p.Filename, p.Line}] {
			report(d)
		}
	}
}
