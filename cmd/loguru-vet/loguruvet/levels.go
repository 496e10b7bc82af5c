package loguruvet

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/loguru-go/loguru"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// levelSet is what a package may know of level names: the built-in ones,
// and those added by it or by the packages it imports. They are kept in a
// real logger, so that a name is looked up by the runtime's own rule (as
// written, then in upper case, "WARN" for WARNING).
type levelSet struct {
	known *loguru.Logger
	// dynamic is set when a level name is only known at run time (a
	// non-constant AddLevel name, a configuration file): no name is then
	// reported as unknown.
	dynamic bool
}

func newLevelSet() *levelSet { return &levelSet{known: loguru.New()} }

// add makes name known. A name AddLevel refuses stays unknown, as it does
// at run time; a built-in name is known already.
func (s *levelSet) add(name string) { s.known.AddLevel(name, 0, "", "") }

// problem returns why name is not a level the runtime resolves, or "".
// A decimal number is an anonymous level, which must not be negative.
func (s *levelSet) problem(name string) string {
	if no, err := strconv.Atoi(name); err == nil {
		if no < 0 {
			return fmt.Sprintf("invalid level %q: a level number must not be negative", name)
		}
		return ""
	}
	if s.dynamic {
		return ""
	}
	if _, err := s.known.LookupLevel(name); err == nil {
		return ""
	}
	return fmt.Sprintf("unknown level %q", name)
}

// levelsFact carries the level names that a package adds, so that the
// packages importing it know them too.
type levelsFact struct {
	Names   []string // constant names given to AddLevel or in a Level literal
	Dynamic bool     // the package also adds levels whose names are not constant
}

// AFact implements analysis.Fact.
func (*levelsFact) AFact() {}

// String describes the fact, as analysistest shows it.
func (f *levelsFact) String() string {
	return fmt.Sprintf("levels(%s, dynamic=%t)", strings.Join(f.Names, " "), f.Dynamic)
}

// collectLevels returns the levels known to the package: the built-in
// ones, those of its dependencies, and those it adds itself, which it
// exports as a fact.
func collectLevels(pass *analysis.Pass, ins *inspector.Inspector) *levelSet {
	own := ownLevels(pass, ins)
	if len(own.Names) > 0 || own.Dynamic {
		pass.ExportPackageFact(own)
	}
	set := newLevelSet()
	set.dynamic = own.Dynamic
	add := func(f *levelsFact) {
		for _, n := range f.Names {
			set.add(n)
		}
		set.dynamic = set.dynamic || f.Dynamic
	}
	add(own)
	for _, pf := range pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*levelsFact); ok {
			add(f)
		}
	}
	return set
}

// ownLevels finds the levels that the package adds: the names given to
// AddLevel and in loguru.Level literals (Config.Levels creates them).
// Reading a configuration file may add any level.
func ownLevels(pass *analysis.Pass, ins *inspector.Inspector) *levelsFact {
	f := new(levelsFact)
	add := func(e ast.Expr) {
		if name, ok := constString(pass.TypesInfo, e); ok {
			f.Names = append(f.Names, name)
		} else {
			f.Dynamic = true
		}
	}
	nodes := []ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}
	ins.Preorder(nodes, func(n ast.Node) {
		if inLibrary(pass, n) {
			return
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			levelCall(pass.TypesInfo, n, add, func() { f.Dynamic = true })
		case *ast.CompositeLit:
			if isLoguruType(pass.TypesInfo.TypeOf(n), "Level") {
				if v := litField(n, "Name"); v != nil {
					add(v)
				}
			}
		}
	})
	slices.Sort(f.Names)
	f.Names = slices.Compact(f.Names)
	return f
}

// inLibrary reports whether n is in the non-test code of loguru itself,
// whose AddLevel passes a caller's name on and whose ConfigureFile calls
// ReadConfig: neither adds a level.
func inLibrary(pass *analysis.Pass, n ast.Node) bool {
	return pass.Pkg.Path() == loguruPath && !strings.HasSuffix(pass.Fset.File(n.Pos()).Name(), "_test.go")
}

// levelCall reads a call that creates levels: AddLevel passes its name to
// add, ReadConfig and ConfigureFile call dynamic.
func levelCall(info *types.Info, call *ast.CallExpr, add func(ast.Expr), dynamic func()) {
	fn, ok := loguruFunc(info, call)
	if !ok {
		return
	}
	switch fn.Name() {
	case "AddLevel":
		if len(call.Args) > 0 {
			add(call.Args[0])
		}
	case "ReadConfig", "ConfigureFile":
		dynamic()
	}
}

// checkLevelArg reports a constant level name that the runtime would not
// resolve.
func checkLevelArg(pass *analysis.Pass, levels *levelSet, e ast.Expr) {
	if name, ok := constString(pass.TypesInfo, e); ok {
		if p := levels.problem(name); p != "" {
			pass.Reportf(e.Pos(), "%s", p)
		}
	}
}

// litField returns the value of the keyed field name in a struct literal,
// or nil.
func litField(lit *ast.CompositeLit, name string) ast.Expr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok && isIdent(kv.Key, name) {
			return kv.Value
		}
	}
	return nil
}
