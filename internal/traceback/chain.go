package traceback

import (
	"log/slog"
	"reflect"
	"strconv"
	"strings"
)

// chain is the error tree while a report is built: the nodes, the stacks
// and wrap sites they carry, in depth-first order.
type chain struct {
	root      *Node
	nodes     []*link
	truncated bool
}

// link is a node with what was read from its error.
type link struct {
	node    *Node
	parent  *link
	pcs     []uintptr // a full stack, innermost first
	site    uintptr   // one wrap-site program counter
	origin  bool      // it owns a section: it has a stack and nothing below it has one
	inner   *link     // the nearest descendant with a stack, for wrap placement
	section int       // the section an origin owns
}

// walkChain reads the tree of err, following Unwrap() error and
// Unwrap() []error, with a cycle guard and a cap on the number of nodes.
func walkChain(err error, values bool) *chain {
	c := &chain{}
	seen := map[any]bool{}
	var walk func(err error, parent *link, path string) *link
	walk = func(err error, parent *link, path string) *link {
		n := &Node{Type: typeName(err), Message: safeError(err), Path: path}
		l := &link{node: n, parent: parent, section: -1}
		c.nodes = append(c.nodes, l)
		if key, ok := identity(err); ok {
			if seen[key] {
				n.Cycle = true
				return l
			}
			seen[key] = true
		}
		l.pcs, l.site = stackOf(err), wrapSiteOf(err)
		n.Stack = len(l.pcs) > 0
		if values {
			n.Values = fieldsOf(err)
		}
		for i, child := range unwrap(err) {
			if len(c.nodes) >= MaxNodes {
				c.truncated = true
				break
			}
			if child == nil {
				continue
			}
			n.Children = append(n.Children, walk(child, l, path+"."+strconv.Itoa(i)).node)
		}
		n.Own = ownText(n)
		return l
	}
	c.root = walk(err, nil, "0").node
	c.findOrigins()
	return c
}

// findOrigins marks the nodes whose stacks become sections: those with a
// stack and no stacked descendant. Outer stacked nodes (pkg/errors' Wrap
// records a whole stack at every layer) become wrap sites at their stack's
// first frame instead.
func (c *chain) findOrigins() {
	for i := len(c.nodes) - 1; i >= 0; i-- { // children before parents
		l := c.nodes[i]
		if len(l.pcs) > 0 && l.inner == nil {
			l.origin = true
		}
		if p := l.parent; p != nil { // the first child in order wins
			if l.origin {
				p.inner = l
			} else if l.inner != nil {
				p.inner = l.inner
			}
		}
	}
	for _, l := range c.nodes {
		if len(l.pcs) > 0 && !l.origin && l.site == 0 {
			l.site = l.pcs[0]
		}
	}
}

// origins returns the links that own a section, in depth-first order.
func (c *chain) origins() []*link {
	var out []*link
	for _, l := range c.nodes {
		if l.origin {
			out = append(out, l)
		}
	}
	return out
}

// ownText is what an error adds to its single child's message: "load
// config" for "load config: port out of range".
func ownText(n *Node) string {
	if len(n.Children) != 1 {
		if len(n.Children) > 1 {
			return ""
		}
		return n.Message
	}
	child := n.Children[0].Message
	own, ok := strings.CutSuffix(n.Message, child)
	if !ok {
		return n.Message
	}
	return strings.TrimRight(strings.TrimSuffix(own, ": "), " :")
}

// unwrap returns the errors err wraps, containing a panic in Unwrap.
func unwrap(err error) (out []error) {
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	switch e := err.(type) {
	case interface{ Unwrap() []error }:
		return e.Unwrap()
	case interface{ Unwrap() error }:
		if u := e.Unwrap(); u != nil {
			return []error{u}
		}
	}
	return nil
}

// identity is a key for cycle detection: the pointer of pointer-shaped
// errors. Other errors cannot wrap themselves without a pointer on the way.
func identity(err error) (any, bool) {
	v := reflect.ValueOf(err)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return [2]any{v.Type(), v.Pointer()}, true
	}
	return nil, false
}

// stackOf reads a full stack from an error, by method set only, so that no
// error package is imported: Callers() []uintptr (loguru, go-errors,
// tracerr) or StackTrace() returning a slice of uintptr-kind frames
// (pkg/errors, cockroachdb/errors).
func stackOf(err error) (pcs []uintptr) {
	defer func() {
		if recover() != nil {
			pcs = nil
		}
	}()
	if s, ok := err.(interface{ Callers() []uintptr }); ok {
		return s.Callers()
	}
	m := reflect.ValueOf(err).MethodByName("StackTrace")
	if !m.IsValid() {
		return nil
	}
	t := m.Type()
	if t.NumIn() != 0 || t.NumOut() != 1 || t.Out(0).Kind() != reflect.Slice || t.Out(0).Elem().Kind() != reflect.Uintptr {
		return nil
	}
	st := m.Call(nil)[0]
	pcs = make([]uintptr, min(st.Len(), maxDepth))
	for i := range pcs {
		pcs[i] = uintptr(st.Index(i).Uint())
	}
	return pcs
}

// wrapSiteOf reads the one program counter where an error was wrapped.
func wrapSiteOf(err error) (pc uintptr) {
	defer func() {
		if recover() != nil {
			pc = 0
		}
	}()
	if s, ok := err.(interface{ WrapSite() uintptr }); ok {
		return s.WrapSite()
	}
	return 0
}

// fieldsOf reads the values attached to an error with LogFields.
func fieldsOf(err error) (vs []Value) {
	defer func() {
		if v := recover(); v != nil {
			vs = []Value{{Name: "LogFields", Text: "<panic: " + capText(safeText(v)) + ">", Origin: "error"}}
		}
	}()
	f, ok := err.(interface{ LogFields() []slog.Attr })
	if !ok {
		return nil
	}
	for _, a := range f.LogFields() {
		vs = append(vs, Value{Name: a.Key, Text: formatValue(a.Key, a.Value.Any()), Origin: "error"})
	}
	return vs
}

// TypeName is the Go type of v as reflect spells it, e.g. "*fs.PathError".
func TypeName(v any) string { return typeName(v) }

func typeName(v any) string {
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}

// HasStack reports whether some error in err's tree records a stack that
// reports can read.
func HasStack(err error) bool {
	n := 0
	var walk func(error) bool
	walk = func(err error) bool {
		if n++; err == nil || n > MaxNodes {
			return false
		}
		if len(stackOf(err)) > 0 {
			return true
		}
		for _, c := range unwrap(err) {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(err)
}
