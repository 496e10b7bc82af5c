package loguruvet_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/loguru-go/loguru/cmd/loguru-vet/loguruvet"
)

// TestAnalyzer runs the analyzer over testdata, a module that uses the
// real loguru package of this repository (through a replace directive), so
// that the checks are tested against the API and parsers they rely on.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), loguruvet.Analyzer,
		"./messages", "./levels/...", "./dynamic", "./options")
}
