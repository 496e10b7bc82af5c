package loguruvet

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/loguru-go/loguru/internal/pyfmt"
)

// callArgs is what the variadic arguments of a call give its template.
type callArgs struct {
	minPos, maxPos int             // positional arguments, certain and possible
	keys           map[string]bool // constant keys of the Field arguments
	anyKey         bool            // some argument may be a Field of unknown key
}

// checkMessage checks the constant message template of call against its
// arguments. The runtime formats a message only when the call has
// arguments, so a call without any is printed as written and never
// reported; neither is a call that spreads a slice, whose arguments are
// unknown.
func checkMessage(pass *analysis.Pass, c loguruCall, call *ast.CallExpr) {
	msgArg := call.Args[c.entry.msg]
	tmpl, ok := constString(pass.TypesInfo, msgArg)
	variadic := call.Args[c.entry.msg+1:]
	if !ok || len(variadic) == 0 || call.Ellipsis.IsValid() {
		return
	}
	field := c.fn.Pkg().Scope().Lookup("Field")
	if field == nil {
		return
	}
	args := classifyArgs(pass.TypesInfo, variadic, field.Type(), c.entry.fields)
	checkTemplate(pass, c, msgArg, tmpl, args)
}

// checkTemplate reports what in tmpl does not fit the call's arguments.
func checkTemplate(pass *analysis.Pass, c loguruCall, at ast.Expr, tmpl string, args callArgs) {
	prefix := fmt.Sprintf("%s format %q", c.name, tmpl)
	need, ok := positionalNeed(tmpl)
	if !ok {
		pass.Reportf(at.Pos(), "%s reads more arguments than the call has", prefix)
		return
	}
	if need > args.maxPos {
		pass.Reportf(at.Pos(), "%s reads %s, but the call has %s", prefix,
			plural(need, "argument"), countText(args))
	}
	faulty := checkFields(pass, at, prefix, tmpl, max(need, args.maxPos), args)
	if !faulty && args.minPos > need {
		// As with fmt's %!(EXTRA ...), an argument that no field reads is
		// a mistake: it never shows where the message meant it to. Not
		// said of a template with a bad field, which may be what left
		// the argument unread.
		pass.Reportf(at.Pos(), "%s call has %s that no placeholder reads", c.name,
			plural(args.minPos-need, "argument"))
	}
}

// checkFields reports the fields of tmpl that the runtime would mark as
// invalid when formatted with n positional arguments and the call's
// Fields. It reports whether there were any.
func checkFields(pass *analysis.Pass, at ast.Expr, prefix, tmpl string, n int, args callArgs) bool {
	names := namedFor(args)
	faults := templateFaults(tmpl, n, names)
	if faults.unclosed {
		pass.Reportf(at.Pos(), `%s has an unclosed "{" (write "{{" for a literal brace)`, prefix)
	}
	for _, whole := range faults.badFields {
		pass.Reportf(at.Pos(), "%s has a bad field %s: %s", prefix, whole, specError(whole))
	}
	var rejected []rejection
	if cn, ok := names.(*callNames); ok {
		rejected = cn.rejected
		reportRejections(pass, at, prefix, rejected)
	}
	return faults.unclosed || len(faults.badFields) > 0 || len(rejected) > 0
}

// namedFor returns the lookup of named fields for a call: every name
// resolves when some Field's key is not known.
func namedFor(args callArgs) pyfmt.Named {
	if args.anyKey {
		return allNames{}
	}
	return &callNames{keys: args.keys}
}

// reportRejections reports the named fields that the call cannot fill,
// each name once.
func reportRejections(pass *analysis.Pass, at ast.Expr, prefix string, rs []rejection) {
	seen := make(map[string]bool)
	for _, r := range rs {
		if seen[r.name] {
			continue
		}
		seen[r.name] = true
		if r.why != "" {
			pass.Reportf(at.Pos(), "%s has {%s}: %s", prefix, r.name, r.why)
		} else {
			pass.Reportf(at.Pos(), "%s reads {%s}, but the call has no F(%q, ...)", prefix, r.name, r.name)
		}
	}
}

// classifyArgs sorts the variadic arguments of a call into positional ones
// and Fields, by their static types: the runtime takes every argument whose
// dynamic type is Field as a named one.
func classifyArgs(info *types.Info, exprs []ast.Expr, field types.Type, allFields bool) callArgs {
	args := callArgs{keys: make(map[string]bool)}
	for _, e := range exprs {
		t := info.TypeOf(e)
		switch {
		case allFields || t != nil && types.Identical(t, field):
			if key, ok := fieldKey(info, e); ok {
				args.keys[key] = true
			} else {
				args.anyKey = true
			}
		case mayHold(t, field):
			// An interface value may be a Field at run time.
			args.maxPos++
			args.anyKey = true
		default:
			args.minPos++
			args.maxPos++
		}
	}
	return args
}

// fieldKey returns the key of a Field argument written as F("key", v) or
// Field{Key: "key", ...} with a constant key.
func fieldKey(info *types.Info, e ast.Expr) (string, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fn, ok := loguruFunc(info, e); ok && fn.Name() == "F" && fn.Signature().Recv() == nil && len(e.Args) == 2 {
			return constString(info, e.Args[0])
		}
	case *ast.CompositeLit:
		return compositeKey(info, e)
	}
	return "", false
}

// compositeKey returns the constant Key of a Field composite literal.
func compositeKey(info *types.Info, lit *ast.CompositeLit) (string, bool) {
	for i, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		switch {
		case !ok && i == 0:
			return constString(info, elt)
		case ok && isIdent(kv.Key, "Key"):
			return constString(info, kv.Value)
		}
	}
	return "", false
}

// mayHold reports whether a value of static type t may hold a field at
// run time: t is an interface, or a type parameter, that field implements.
func mayHold(t, field types.Type) bool {
	if t == nil || !types.IsInterface(t) {
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	return ok && types.Implements(field, iface)
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// countText says how many positional arguments a call has.
func countText(args callArgs) string {
	if args.minPos == args.maxPos {
		return fmt.Sprint(args.maxPos)
	}
	return fmt.Sprintf("at most %d", args.maxPos)
}

// plural writes n with its noun: "1 argument", "2 arguments".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
