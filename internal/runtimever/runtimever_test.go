package runtimever

import (
	"runtime"
	"testing"
)

func TestVerified(t *testing.T) {
	for v, want := range map[string]bool{
		"go1.25": true, "go1.25.0": true, "go1.26.8": true, "go1.27.3": true,
		"go1.24.9": false, "go1.28": false, "go1.250": false, "go1.26rc1": false,
		"go1.26.": false, "go1.26.x": false, "devel go1.27-abcdef Mon Jan 1": false,
		"go1.26.1 X:nocoverageredesign": false, "": false,
	} {
		if got := Verified(v); got != want {
			t.Errorf("Verified(%q) = %t; want %t", v, got, want)
		}
	}
}

// The release this suite runs on must be in the list: a new Go release is
// verified by running the tests on it, and this test says to add it.
func TestCurrentReleaseIsVerified(t *testing.T) {
	if !Current() {
		t.Errorf("%s is not in the verified releases %v: run the suite with and without -tags purego on it, then add it", runtime.Version(), verified)
	}
}
