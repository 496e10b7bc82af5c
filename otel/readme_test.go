package otel

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readmeBlock is one ```go block of the repository's README.
type readmeBlock struct {
	line int // of the block's first line of code
	code string
}

// readmeBlocks returns the Go blocks of the README at path.
func readmeBlocks(t *testing.T, path string) []readmeBlock {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []readmeBlock
	var cur *readmeBlock
	for i, l := range strings.Split(string(text), "\n") {
		switch {
		case cur == nil && l == "```go":
			cur = &readmeBlock{line: i + 2}
		case cur != nil && l == "```":
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.code += l + "\n"
		}
	}
	if cur != nil {
		t.Fatalf("README.md:%d: a Go block is not closed", cur.line-1)
	}
	return blocks
}

// snippetPrelude declares what the README's fragments take as given: a
// context, an error, a test, and the values the text around them names.
const snippetPrelude = `var (
	ctx          context.Context
	err          error
	t            testing.TB
	worker       func()
	path         string
	file         io.Reader
	pattern      string
	key          []byte
	otherHandler slog.Handler
)
`

// snippetImports are the packages a fragment may use, by the name it uses;
// each fragment imports those it names.
var snippetImports = map[string]string{
	"os": "os", "log": "log", "fmt": "fmt", "time": "time",
	"otel": "github.com/loguru-go/loguru/otel", "syslog": "github.com/loguru-go/loguru/syslog",
	"netsink": "github.com/loguru-go/loguru/netsink",
}

var qualified = regexp.MustCompile(`\b([a-z]+)\.[A-Z]`)

// snippetFile makes a compilable file of a block: a whole program as it is,
// a fragment as the body of a function that returns an error.
func snippetFile(b readmeBlock) string {
	if strings.HasPrefix(b.code, "package ") {
		return b.code
	}
	imports := []string{`"context"`, `"io"`, `"log/slog"`, `"testing"`, `"github.com/loguru-go/loguru"`}
	seen := map[string]bool{}
	for _, m := range qualified.FindAllStringSubmatch(b.code, -1) {
		if p, ok := snippetImports[m[1]]; ok && !seen[p] {
			seen[p] = true
			imports = append(imports, fmt.Sprintf("%q", p))
		}
	}
	// The //line directive makes the compiler's messages point into the
	// README.
	return "package snippet\n\nimport (\n\t" + strings.Join(imports, "\n\t") + "\n)\n\n" + snippetPrelude +
		"\nfunc snippet() error {\n//line README.md:" + fmt.Sprint(b.line) + "\n" + b.code + "\treturn nil\n}\n"
}

// The README's Go blocks compile: the programs as they are, the fragments
// in a function that has ctx, err and the other names their text gives.
func TestReadmeSnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the README's snippets with the go command")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	blocks := readmeBlocks(t, filepath.Join(root, "README.md"))
	if len(blocks) < 10 {
		t.Fatalf("found %d Go blocks in README.md", len(blocks))
	}
	dir := t.TempDir()
	work := fmt.Sprintf("go 1.26.0\n\nuse (\n\t%s\n\t%s\n\t./snippets\n)\n", root, filepath.Join(root, "otel"))
	write(t, filepath.Join(dir, "go.work"), work)
	write(t, filepath.Join(dir, "snippets", "go.mod"), "module snippets\n\ngo 1.26.0\n")
	for i, b := range blocks {
		write(t, filepath.Join(dir, "snippets", fmt.Sprintf("block%02d", i), "main.go"), snippetFile(b))
	}
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = filepath.Join(dir, "snippets")
	cmd.Env = append(os.Environ(), "GOWORK="+filepath.Join(dir, "go.work"), "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the README's snippets do not build: %v\n%s", err, out)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
