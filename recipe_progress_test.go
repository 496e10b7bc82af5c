package loguru_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The progress-bar recipe lives in its own module, examples/progress, so
// that the core does not depend on a progress-bar library. This test runs
// that module's test, so that go test ./... runs every recipe.
func TestRecipeProgressBar(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds another module with the go tool")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go tool is needed to run examples/progress: %v", err)
	}
	cmd := exec.Command(goTool, "test", "-count=1", "-run", "TestProcess", "-v", ".")
	cmd.Dir = filepath.Join("examples", "progress")
	// The module's go line may ask for a newer Go than the one running this
	// test (CI runs the core on the oldest Go it supports): the go tool
	// picks a toolchain that satisfies it.
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=auto")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test in %s: %v\n%s", cmd.Dir, err, out)
	}
	if !strings.Contains(string(out), "--- PASS: TestProcess") {
		t.Fatalf("the progress-bar recipe's test did not run:\n%s", out)
	}
}
