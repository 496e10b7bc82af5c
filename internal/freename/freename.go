// Package freename picks the name a new file takes beside others of its
// kind: prefix+ext, or prefix.N+ext with a counter N. Rotated files and
// archives are both named this way, so that names of one kind sort in the
// order they were made.
package freename

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Counter is the counter in name after prefix: N for prefix.N.<more> or
// prefix.N, 1 for prefix.<more> (the unnumbered name), and ok false for a
// name that does not continue prefix with a dot.
func Counter(name, prefix string) (n int, ok bool) {
	rest, found := strings.CutPrefix(name, prefix)
	if !found || !strings.HasPrefix(rest, ".") {
		return 0, false
	}
	digits, _, _ := strings.Cut(rest[1:], ".")
	if n, err := strconv.Atoi(digits); err == nil && n > 0 && digits[0] != '+' {
		return n, true
	}
	return 1, true
}

// Next is the name of a new file: prefix+ext when no file is named after
// prefix, else prefix.N+ext with N one past every counter in use, whatever
// those files' extensions (a rotated log and its archive count alike), and
// past last, a counter given before whose file may be gone since. It
// returns the counter too (1 for the unnumbered name).
//
// The counter goes past the highest one rather than filling a gap, so that
// a file removed by retention does not let a newer one sort before an
// older one.
func Next(prefix, ext string, last int) (string, int, error) {
	dir, base := filepath.Split(prefix)
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if err != nil {
		return "", 0, err
	}
	for _, e := range entries {
		if n, ok := Counter(e.Name(), base); ok {
			last = max(last, n)
		}
	}
	if last == 0 {
		return prefix + ext, 1, nil
	}
	return prefix + "." + strconv.Itoa(last+1) + ext, last + 1, nil
}
