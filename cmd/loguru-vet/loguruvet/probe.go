package loguruvet

import (
	"bytes"
	"strings"
	"sync"

	"github.com/loguru-go/loguru/internal/pyfmt"
	"github.com/loguru-go/loguru/internal/template"
)

// The checks never parse a message template themselves: they run the
// runtime's own formatter, pyfmt.Walk, over stand-in arguments and read
// the markers it writes in place of the fields it cannot format. What the
// runtime accepts is exactly what passes.

// The stand-in value of every argument and Field. An int is a valid width
// or precision when a spec nests a field ("{:{}}"), and formats under any
// numeric spec.
const probeValue = 1

// Marker suffixes that pyfmt writes for a field, as "%!{1}(MISSING)".
const (
	markMissing  = "(MISSING)"
	markBadSpec  = "(BADSPEC)"
	markUnclosed = "%!{(UNCLOSED)"
)

// maxProbe bounds the positional arguments given to a probe run, so that
// "{123456789}" costs no memory; a template reading past it is reported
// without a count.
const maxProbe = 10000

// standIns are the positional stand-ins, shared read-only by all runs.
var standIns = sync.OnceValue(func() []any {
	pos := make([]any, maxProbe)
	for i := range pos {
		pos[i] = probeValue
	}
	return pos
})

// walkFields calls fn with the output of each field of tmpl formatted with
// n positional stand-ins and the given named fields.
func walkFields(tmpl string, n int, named pyfmt.Named, fn func(out []byte)) {
	pyfmt.Walk(tmpl, standIns()[:min(n, maxProbe)], named, func(string) {}, fn)
}

// missingCount returns how many fields of tmpl have no argument when the
// call gives n positional arguments and every named field resolves.
func missingCount(tmpl string, n int) int {
	count := 0
	walkFields(tmpl, n, allNames{}, func(out []byte) {
		if bytes.HasSuffix(out, []byte(markMissing)) {
			count++
		}
	})
	return count
}

// positionalNeed returns how many positional arguments tmpl reads: the
// fewest that leave no field missing. ok is false when that is more than
// maxProbe.
func positionalNeed(tmpl string) (need int, ok bool) {
	limit := probeLimit(tmpl)
	if missingCount(tmpl, limit) > 0 {
		return 0, false
	}
	// More arguments never make a field missing: search the smallest
	// count that is enough.
	lo, hi := 0, limit
	for lo < hi {
		mid := (lo + hi) / 2
		if missingCount(tmpl, mid) == 0 {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, true
}

// probeLimit is a count of positional arguments that is enough for tmpl
// unless it names an index above maxProbe: one per "{" for the automatic
// fields, and one past the largest number right after a "{" for the
// numbered ones.
func probeLimit(tmpl string) int {
	largest := 0
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] != '{' {
			continue
		}
		n := 0
		for j := i + 1; j < len(tmpl) && tmpl[j] >= '0' && tmpl[j] <= '9'; j++ {
			n = min(n*10+int(tmpl[j]-'0'), maxProbe)
		}
		largest = max(largest, n)
	}
	return min(largest+1+strings.Count(tmpl, "{"), maxProbe)
}

// fieldFaults are the faults of a template that do not depend on the
// values of its arguments.
type fieldFaults struct {
	badFields []string // fields whose conversion or spec is invalid, as written
	unclosed  bool     // a "{" is never closed
}

// templateFaults formats tmpl with n positional stand-ins and named, and
// collects the fields the runtime would mark as invalid. A field whose spec
// nests another field is left out: its spec is known only at run time.
func templateFaults(tmpl string, n int, named pyfmt.Named) fieldFaults {
	var f fieldFaults
	walkFields(tmpl, n, named, func(out []byte) {
		s := string(out)
		switch {
		case s == markUnclosed:
			f.unclosed = true
		case strings.HasPrefix(s, "%!{") && strings.HasSuffix(s, markBadSpec):
			whole := s[2 : len(s)-len(markBadSpec)]
			if strings.Count(whole, "{") == 1 {
				f.badFields = append(f.badFields, whole)
			}
		}
	})
	return f
}

// specError explains why the field whole ("{:zz}") is invalid, with the
// runtime's own reason: pyfmt.SplitField's for the conversion, then
// pyfmt.ParseSpec's for the spec.
func specError(whole string) string {
	_, _, spec, err := pyfmt.SplitField(whole[1 : len(whole)-1])
	if err != nil {
		return err.Error()
	}
	if _, err := pyfmt.ParseSpec(spec); err != nil {
		return err.Error()
	}
	return "invalid field"
}

// allNames resolves every named field, for counting positional arguments
// alone, and when a call may hold Fields of unknown names.
type allNames struct{}

// Lookup implements pyfmt.Named.
func (allNames) Lookup(string) (any, bool) { return probeValue, true }

// callNames resolves the named fields of one call: the constant keys of its
// Fields, and record fields, which CallOptions.Record may make available.
// It keeps, in order, the names it could not resolve and why.
type callNames struct {
	keys     map[string]bool
	rejected []rejection
}

// rejection is a named field that the call cannot fill.
type rejection struct {
	name string
	why  string // "" when no Field has the name
}

// Lookup implements pyfmt.Named, as the runtime's lookup does: a Field
// first, then a record field.
func (c *callNames) Lookup(name string) (any, bool) {
	if c.keys[name] {
		return probeValue, true
	}
	why := ""
	if field, ok := template.RecordField(name); ok {
		// Valid only under CallOptions.Record, which a logger may have:
		// only a field the record does not have is certainly wrong.
		_, _, err := template.Field(field)
		if err == nil {
			return probeValue, true
		}
		why = err.Error()
	} else if strings.ContainsAny(name, ".[") {
		why = "attribute and index access are not allowed"
	}
	c.rejected = append(c.rejected, rejection{name: name, why: why})
	return nil, false
}
