package loguruvet

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// loguruPath is the import path of the package whose calls are checked.
const loguruPath = "github.com/loguru-go/loguru"

// entry says which arguments of a loguru function the checks read.
type entry struct {
	level  int  // index of the level name argument, or -1
	msg    int  // index of the message template argument, or -1
	fields bool // the variadic arguments are ...Field rather than ...any
}

// entries are the checked functions, both package-level and *Logger
// methods: they share names and argument positions.
var entries = map[string]entry{
	"Trace":     {level: -1, msg: 0},
	"Debug":     {level: -1, msg: 0},
	"Info":      {level: -1, msg: 0},
	"Success":   {level: -1, msg: 0},
	"Warning":   {level: -1, msg: 0},
	"Error":     {level: -1, msg: 0},
	"Critical":  {level: -1, msg: 0},
	"Exception": {level: -1, msg: 1},
	"Log":       {level: 0, msg: 1},
	"LogFields": {level: 0, msg: 1, fields: true},
	"SetLevel":  {level: 1, msg: -1},
	"Writer":    {level: 0, msg: -1},
}

// loguruCall is a call resolved to one of the entries.
type loguruCall struct {
	fn    *types.Func
	entry entry
	name  string // as diagnostics show it: "loguru.Info" or "Logger.Info"
}

// resolveCall resolves call, by its type information, to a checked loguru
// function or *Logger method (promoted ones included). It refuses a
// function whose signature no longer has the expected shape, so that a
// change of the API silences the check rather than misreading arguments.
func resolveCall(info *types.Info, call *ast.CallExpr) (loguruCall, bool) {
	fn, ok := loguruFunc(info, call)
	if !ok {
		return loguruCall{}, false
	}
	e, ok := entries[fn.Name()]
	if !ok || !shapeFits(fn.Signature(), e) || len(call.Args) <= max(e.level, e.msg) {
		return loguruCall{}, false
	}
	name := "loguru." + fn.Name()
	if fn.Signature().Recv() != nil {
		name = "Logger." + fn.Name()
	}
	return loguruCall{fn: fn, entry: e, name: name}, true
}

// loguruFunc returns the loguru function or *Logger method that call
// calls. Calls through function values are not resolved.
func loguruFunc(info *types.Info, call *ast.CallExpr) (*types.Func, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != loguruPath {
		return nil, false
	}
	if recv := fn.Signature().Recv(); recv != nil && !isLoguruType(recv.Type(), "Logger") {
		return nil, false
	}
	return fn, true
}

// shapeFits reports whether sig has string parameters where e expects the
// level and the message, and ends with the variadic arguments a message
// needs.
func shapeFits(sig *types.Signature, e entry) bool {
	params := sig.Params()
	for _, i := range []int{e.level, e.msg} {
		if i >= 0 && (i >= params.Len() || !isString(params.At(i).Type())) {
			return false
		}
	}
	return e.msg < 0 || (sig.Variadic() && params.Len() == e.msg+2)
}

// isLoguruType reports whether t is the named loguru type name, or a
// pointer to it.
func isLoguruType(t types.Type, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == loguruPath
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// constString returns the value of e when it is a constant string.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
