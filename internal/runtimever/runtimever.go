// Package runtimever says whether the running Go release is one that the
// speed tricks reading the runtime's private layout (internal/goid's
// goroutine id, internal/caller's frame-pointer walk) were verified on.
// Those tricks check themselves at run time as well; this guard keeps them
// off altogether on a release nobody has run the test suite on, where a
// changed layout could pass a check by chance.
package runtimever

import (
	"runtime"
	"strings"
)

// verified lists the Go releases (every patch release of each) that the
// unsafe paths were tested on. A new release is added once CI passes on it.
var verified = []string{"go1.25", "go1.26", "go1.27"}

// Verified reports whether v, as runtime.Version prints it, is a release of
// one of the verified Go versions: "go1.26" or "go1.26.8", not a release
// candidate or a development build ("devel go1.28-...").
func Verified(v string) bool {
	for _, r := range verified {
		rest, ok := strings.CutPrefix(v, r)
		if ok && (rest == "" || isPatch(rest)) {
			return true
		}
	}
	return false
}

// isPatch reports whether s is ".N" with N a number. A build may append
// " X:..." experiments to the version; those are refused.
func isPatch(s string) bool {
	if len(s) < 2 || s[0] != '.' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Current reports whether the running release is verified.
func Current() bool { return Verified(runtime.Version()) }
