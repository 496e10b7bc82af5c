package loguruvet

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// Analyzer reports loguru calls that would misbehave at run time: message
// templates that do not fit their arguments, unknown level names, and
// constant handler options that Add would reject. See the package
// documentation for the checks and their limits.
var Analyzer = &analysis.Analyzer{
	Name:      "loguru",
	Doc:       "check loguru message templates, level names and handler options",
	URL:       "https://pkg.go.dev/github.com/loguru-go/loguru/cmd/loguru-vet/loguruvet",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(levelsFact)},
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filterIgnored(pass)
	// Levels first: a call may use a level that the package adds further
	// down, or in a file that comes later.
	levels := collectLevels(pass, ins)
	nodes := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)}
	ins.Preorder(nodes, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			checkCall(pass, levels, n)
		case *ast.CompositeLit:
			checkOptionsLit(pass, levels, n)
		case *ast.AssignStmt:
			checkOptionsAssign(pass, levels, n)
		}
	})
	return nil, nil
}

// checkCall checks the level and the message of a call to a loguru
// logging function.
func checkCall(pass *analysis.Pass, levels *levelSet, call *ast.CallExpr) {
	c, ok := resolveCall(pass.TypesInfo, call)
	if !ok {
		return
	}
	if c.entry.level >= 0 {
		checkLevelArg(pass, levels, call.Args[c.entry.level])
	}
	if c.entry.msg >= 0 {
		checkMessage(pass, c, call)
	}
}
