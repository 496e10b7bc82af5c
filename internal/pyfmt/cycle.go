package pyfmt

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// fmt recurses into maps, slices, arrays, structs and interfaces without
// limit, so a map that contains itself overflows the stack: a fatal error,
// not a panic. Values that could hold such a cycle are checked first, and
// printed by a careful printer when they do.

const (
	// maxWalk bounds the check; a value with more parts than this is
	// printed by the careful printer, whose cost is bounded the same way.
	maxWalk = 1 << 14
	// maxNest is the deepest nesting printed.
	maxNest = 64
)

// Cyclic reports whether fmt would follow a reference cycle in v (or v is
// too large to tell): a value to hand to code that prints with fmt only as
// text made by AppendValue.
func Cyclic(v any) bool {
	rv := reflect.ValueOf(v)
	return mayCycle(rv.Kind()) && unsafeForFmt(rv)
}

// mayCycle reports whether a value of kind k can contain itself in a way
// fmt follows.
func mayCycle(k reflect.Kind) bool {
	switch k {
	case reflect.Map, reflect.Slice, reflect.Array, reflect.Struct, reflect.Interface, reflect.Pointer:
		return true
	}
	return false
}

// walker looks for a reference cycle, following what fmt follows: every
// map, slice, array, struct and interface, and a pointer only at the top.
type walker struct {
	onPath map[uintptr]bool
	steps  int
}

// unsafeForFmt reports whether fmt could recurse forever (or nearly) on v.
func unsafeForFmt(rv reflect.Value) bool {
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return false
		}
		rv = rv.Elem()
	}
	var w walker
	return w.cyclic(rv, 0)
}

// holdsRefs reports whether values of type t can lead back to a map or a
// slice that fmt would print.
func holdsRefs(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Map:
		return true
	case reflect.Slice:
		return true
	case reflect.Interface:
		return true
	case reflect.Array:
		return holdsRefs(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsRefs(t.Field(i).Type) {
				return true
			}
		}
	}
	return false
}

func (w *walker) cyclic(v reflect.Value, depth int) bool {
	w.steps++
	if w.steps > maxWalk || depth > maxNest {
		return true
	}
	switch v.Kind() {
	case reflect.Interface:
		return !v.IsNil() && w.cyclic(v.Elem(), depth+1)
	case reflect.Map, reflect.Slice:
		if v.IsNil() || v.Len() == 0 {
			return false
		}
		t := v.Type()
		if !holdsRefs(t.Elem()) && (t.Kind() == reflect.Slice || !holdsRefs(t.Key())) {
			return false // e.g. []int or map[string]string: nothing to follow
		}
		id := uintptr(v.UnsafePointer())
		if w.onPath[id] {
			return true
		}
		if w.onPath == nil {
			w.onPath = map[uintptr]bool{}
		}
		w.onPath[id] = true
		defer delete(w.onPath, id)
		if v.Kind() == reflect.Map {
			for it := v.MapRange(); it.Next(); {
				if w.cyclic(it.Key(), depth+1) || w.cyclic(it.Value(), depth+1) {
					return true
				}
			}
			return false
		}
		return w.elems(v, depth)
	case reflect.Array:
		return w.elems(v, depth)
	case reflect.Struct:
		if !holdsRefs(v.Type()) {
			return false
		}
		for i := range v.NumField() {
			if w.cyclic(v.Field(i), depth+1) {
				return true
			}
		}
	}
	return false
}

func (w *walker) elems(v reflect.Value, depth int) bool {
	if !holdsRefs(v.Type().Elem()) {
		return false
	}
	for i := range v.Len() {
		if w.cyclic(v.Index(i), depth+1) {
			return true
		}
	}
	return false
}

// printer prints like fmt's %v, writing "<cycle>" where a map or slice
// contains itself and "..." where nesting or size runs out.
type printer struct {
	dst    []byte
	onPath map[uintptr]bool
	steps  int
}

// appendCareful appends v as fmt's %v would, but safely.
func appendCareful(dst []byte, v any) []byte {
	p := printer{dst: dst, onPath: map[uintptr]bool{}}
	if rv, ok := v.(reflect.Value); ok && rv.CanInterface() {
		// fmt prints the value a reflect.Value holds; so does this.
		v = rv.Interface()
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && mayCycle(rv.Elem().Kind()) {
		p.dst = append(p.dst, '&')
		rv = rv.Elem()
	}
	p.print(rv, 0)
	return p.dst
}

func (p *printer) print(v reflect.Value, depth int) {
	p.steps++
	if p.steps > maxWalk || depth > maxNest {
		p.dst = append(p.dst, "..."...)
		return
	}
	if v.Kind() == reflect.Invalid {
		p.dst = append(p.dst, "<nil>"...)
		return
	}
	if v.CanInterface() {
		switch v.Interface().(type) {
		case fmt.Formatter, error, fmt.Stringer:
			p.dst = AppendValue(p.dst, v.Interface())
			return
		}
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			p.dst = append(p.dst, "<nil>"...)
			return
		}
		p.print(v.Elem(), depth+1)
	case reflect.Map:
		p.printMap(v, depth)
	case reflect.Slice, reflect.Array:
		p.printList(v, depth)
	case reflect.Struct:
		p.dst = append(p.dst, '{')
		for i := range v.NumField() {
			if i > 0 {
				p.dst = append(p.dst, ' ')
			}
			p.print(v.Field(i), depth+1)
		}
		p.dst = append(p.dst, '}')
	case reflect.Pointer:
		// fmt prints nested pointers as addresses, never following them.
		if v.IsNil() {
			p.dst = append(p.dst, "<nil>"...)
			return
		}
		p.dst = append(p.dst, "0x"...)
		p.dst = strconv.AppendUint(p.dst, uint64(v.Pointer()), 16)
	default:
		// Numbers, strings, channels, functions: nothing to recurse into.
		p.dst = safeLeaf(p.dst, v)
	}
}

// safeLeaf formats a value without parts.
func safeLeaf(dst []byte, v reflect.Value) (out []byte) {
	n := len(dst)
	defer func() {
		if recover() != nil {
			out = append(dst[:n], "%!v(PANIC)"...)
			contained(out[n:])
		}
	}()
	return fmt.Appendf(dst, "%v", v)
}

// enter marks a map or slice as being printed; false means it already is.
func (p *printer) enter(v reflect.Value) (uintptr, bool) {
	id := uintptr(v.UnsafePointer())
	if p.onPath[id] {
		p.dst = append(p.dst, "<cycle>"...)
		return 0, false
	}
	p.onPath[id] = true
	return id, true
}

func (p *printer) printMap(v reflect.Value, depth int) {
	if v.IsNil() {
		p.dst = append(p.dst, "map[]"...)
		return
	}
	id, ok := p.enter(v)
	if !ok {
		return
	}
	defer delete(p.onPath, id)
	type entry struct {
		key string
		val reflect.Value
	}
	var entries []entry
	for it := v.MapRange(); it.Next(); {
		k := printer{onPath: p.onPath, steps: p.steps}
		k.print(it.Key(), depth+1)
		entries = append(entries, entry{string(k.dst), it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	p.dst = append(p.dst, "map["...)
	for i, e := range entries {
		if i > 0 {
			p.dst = append(p.dst, ' ')
		}
		p.dst = append(p.dst, e.key...)
		p.dst = append(p.dst, ':')
		p.print(e.val, depth+1)
	}
	p.dst = append(p.dst, ']')
}

func (p *printer) printList(v reflect.Value, depth int) {
	if v.Kind() == reflect.Slice && v.Len() > 0 {
		id, ok := p.enter(v)
		if !ok {
			return
		}
		defer delete(p.onPath, id)
	}
	p.dst = append(p.dst, '[')
	for i := range v.Len() {
		if i > 0 {
			p.dst = append(p.dst, ' ')
		}
		p.print(v.Index(i), depth+1)
	}
	p.dst = append(p.dst, ']')
}
