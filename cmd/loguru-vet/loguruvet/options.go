package loguruvet

import (
	"errors"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/loguru-go/loguru/internal/archive"
	"github.com/loguru-go/loguru/internal/fileopt"
	"github.com/loguru-go/loguru/internal/template"
)

// optionCheck returns why a constant option value is refused, or "".
type optionCheck func(levels *levelSet, value string) string

// optionChecks are the checked string fields of the option structs, run
// through the parsers that Add and Catch use. An empty string is every
// option's default and is never checked.
var optionChecks = map[string]map[string]optionCheck{
	"HandlerOptions": {
		"Level":       checkLevelOption,
		"Format":      checkFormat,
		"Rotation":    checkRotation,
		"Retention":   checkRetention,
		"Compression": checkCompression,
		"Mode":        checkMode,
	},
	"CatchOptions": {
		"Level": checkLevelOption,
	},
}

// checkOptionsLit checks the constant fields of a HandlerOptions or
// CatchOptions literal, and the levels of its FilterLevels map literal.
func checkOptionsLit(pass *analysis.Pass, levels *levelSet, lit *ast.CompositeLit) {
	checks := checksFor(pass.TypesInfo.TypeOf(lit))
	if checks == nil {
		return
	}
	if isLoguruType(pass.TypesInfo.TypeOf(lit), "HandlerOptions") {
		checkExclusive(pass, lit)
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			continue
		}
		switch {
		case key.Name == "Format" && hasFunc(pass.TypesInfo, lit, "FormatFunc"):
			// FormatFunc overrides Format, which is then never compiled.
		case key.Name == "FilterLevels":
			checkFilterLevels(pass, levels, kv.Value)
		default:
			checkOption(pass, levels, checks, key.Name, kv.Value)
		}
	}
}

// checkOptionsAssign checks constants assigned to the checked fields, as in
// opts.Rotation = "1 day".
func checkOptionsAssign(pass *analysis.Pass, levels *levelSet, as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := lhs.(*ast.SelectorExpr)
		if !ok {
			continue
		}
		s := pass.TypesInfo.Selections[sel]
		if s == nil || s.Kind() != types.FieldVal {
			continue
		}
		if checks := checksFor(s.Recv()); checks != nil {
			checkOption(pass, levels, checks, sel.Sel.Name, as.Rhs[i])
		}
	}
}

// checksFor returns the checks of the option struct type t, or nil.
func checksFor(t types.Type) map[string]optionCheck {
	for name, checks := range optionChecks {
		if t != nil && isLoguruType(t, name) {
			return checks
		}
	}
	return nil
}

// checkOption runs the check of field, if any, on a constant value.
func checkOption(pass *analysis.Pass, levels *levelSet, checks map[string]optionCheck, field string, value ast.Expr) {
	check := checks[field]
	if check == nil {
		return
	}
	if s, ok := constString(pass.TypesInfo, value); ok && s != "" {
		if p := check(levels, s); p != "" {
			pass.Reportf(value.Pos(), "%s", p)
		}
	}
}

// checkExclusive reports a HandlerOptions literal that sets two options
// Add refuses together, with Add's words.
func checkExclusive(pass *analysis.Pass, lit *ast.CompositeLit) {
	if isTrue(pass.TypesInfo, litField(lit, "Serialize")) && isTrue(pass.TypesInfo, litField(lit, "JSON")) {
		pass.Reportf(lit.Pos(), "Serialize and JSON are two different encodings: choose one")
	}
	if r, ok := constString(pass.TypesInfo, litField(lit, "Retention")); ok && r != "" && hasFunc(pass.TypesInfo, lit, "RetentionFunc") {
		pass.Reportf(lit.Pos(), "Retention and RetentionFunc are both set: choose one")
	}
}

// isTrue reports whether e is the constant true.
func isTrue(info *types.Info, e ast.Expr) bool {
	if e == nil {
		return false
	}
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// hasFunc reports whether lit sets the function field name to something
// other than nil.
func hasFunc(info *types.Info, lit *ast.CompositeLit, name string) bool {
	v := litField(lit, name)
	return v != nil && !info.Types[v].IsNil()
}

// checkFilterLevels checks the constant levels of a FilterLevels map
// literal: a level name or number, or "true" or "false" in any case.
func checkFilterLevels(pass *analysis.Pass, levels *levelSet, e ast.Expr) {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		s, ok := constString(pass.TypesInfo, kv.Value)
		if !ok || strings.EqualFold(s, "true") || strings.EqualFold(s, "false") {
			continue
		}
		if p := levels.problem(s); p != "" {
			pass.Reportf(kv.Value.Pos(), "%s in FilterLevels", p)
		}
	}
}

func checkLevelOption(levels *levelSet, s string) string { return levels.problem(s) }

// checkFormat compiles a handler format as Add does, with the
// "\n{exception}" that Add appends.
func checkFormat(_ *levelSet, s string) string {
	_, err := template.Compile(s+"\n{exception}", false)
	if err == nil {
		return ""
	}
	var te *template.Error
	switch {
	case !errors.As(err, &te):
		return fmt.Sprintf("bad Format %q: %v", s, err)
	case te.Pos < 0:
		return fmt.Sprintf("bad Format %q: %s", s, te.Msg)
	}
	return fmt.Sprintf("bad Format %q: %s (at position %d)", s, te.Msg, te.Pos)
}

func checkRotation(_ *levelSet, s string) string {
	_, err := fileopt.ParseRotations(s)
	return optionError("Rotation", s, err)
}

func checkRetention(_ *levelSet, s string) string {
	_, err := fileopt.ParseRetention(s)
	return optionError("Retention", s, err)
}

func checkCompression(_ *levelSet, s string) string {
	_, err := archive.Parse(s)
	return optionError("Compression", s, err)
}

// checkMode accepts the file modes that the file sink opens.
func checkMode(_ *levelSet, s string) string {
	if s == "a" || s == "w" {
		return ""
	}
	return fmt.Sprintf(`bad Mode %q: use "a" (append) or "w" (truncate)`, s)
}

// optionError words the runtime's error for option field.
func optionError(field, value string, err error) string {
	if err == nil {
		return ""
	}
	return fmt.Sprintf("bad %s %q: %v", field, value, err)
}
