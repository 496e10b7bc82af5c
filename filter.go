package loguru

import (
	"fmt"
	"sort"
	"strings"
)

// inPackage reports whether name is the package prefix or one of its
// sub-packages. Import paths nest on "/": "github.com/acme/lib" holds
// "github.com/acme/lib/x" but not "github.com/acme/library". The empty
// prefix holds every package. A prefix that ends in "/" holds none, as
// Loguru's "pkg." (it appends the separator itself) matches no module: "/"
// must not silence every package.
func inPackage(name, prefix string) bool {
	if prefix == "" {
		return true
	}
	if prefix[len(prefix)-1] == '/' || !strings.HasPrefix(name, prefix) {
		return false
	}
	return len(name) == len(prefix) || name[len(prefix)] == '/'
}

// parent returns the enclosing package path of name, and false at the root.
func parent(name string) (string, bool) {
	if name == "" {
		return "", false
	}
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[:i], true
	}
	return "", true
}

// levelFilter is Loguru's dict filter: the nearest package prefix decides
// the minimum level.
type levelFilter map[string]int

// reject is the minimum level of a package whose records are all rejected.
const reject = int(^uint(0) >> 1)

func newLevelFilter(m map[string]string, levels *levelTable) (levelFilter, error) {
	f := make(levelFilter, len(m))
	for pkg, lvl := range m {
		switch strings.ToLower(lvl) {
		case "true":
			f[pkg] = 0
			continue
		case "false":
			f[pkg] = reject
			continue
		}
		l, fault := levels.find(lvl)
		switch fault {
		case levelNegative:
			return nil, fmt.Errorf("loguru: the filter map contains the package %q associated to an invalid level, it should be a positive integer, not: %d", pkg, l.No)
		case levelUnknown:
			return nil, fmt.Errorf("loguru: the filter map contains the package %q associated to a level that does not exist: %q", pkg, lvl)
		}
		f[pkg] = l.No
	}
	return f, nil
}

func (f levelFilter) keep(name string, no int) bool {
	for pkg, ok := name, true; ok; pkg, ok = parent(pkg) {
		if min, found := f[pkg]; found {
			return no >= min
		}
	}
	return true
}

// rule is one Enable or Disable call.
type rule struct {
	prefix  string
	enabled bool
}

// activation is the ordered list of Enable/Disable rules, most specific
// (longest) prefix first, so the first match wins.
type activation []rule

func (a activation) enabled(name string) bool {
	for _, r := range a {
		if inPackage(name, r.prefix) {
			return r.enabled
		}
	}
	return true
}

// with returns the rules after Enable(prefix) or Disable(prefix). A rule that
// agrees with what its parent already decides is not stored, and Enable("")
// clears every rule, as in Loguru.
func (a activation) with(prefix string, enabled bool) activation {
	if prefix == "" && enabled {
		return nil
	}
	n := make(activation, 0, len(a)+1)
	for _, r := range a {
		// The new rule overrides the rules for its sub-packages.
		if r.prefix != prefix && !inPackage(r.prefix, prefix) {
			n = append(n, r)
		}
	}
	if n.enabled(prefix) != enabled || prefix == "" {
		n = append(n, rule{prefix, enabled})
	}
	sort.SliceStable(n, func(i, j int) bool { return len(n[i].prefix) > len(n[j].prefix) })
	return n
}

// parseLevel resolves a handler's Level option: "" is DEBUG.
func parseLevel(s string, levels *levelTable) (int, error) {
	if s == "" {
		return levels.std[idxDebug].No, nil
	}
	l, err := levels.resolve(s)
	return l.No, err
}
