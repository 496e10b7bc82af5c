//go:build (amd64 || arm64) && !purego

package goid

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// Each way calibration can go wrong makes it refuse, so that Get stays on
// runtime.Stack.
func TestCalibrationRefuses(t *testing.T) {
	v := runtime.Version()
	if off := calibrate(v, Slow); off < 0 || off != offset() {
		t.Fatalf("calibrate on this release = %d, offset() = %d", off, offset())
	}
	var calls atomic.Int64
	liar := func() int64 {
		// Right while calibrating, wrong when checked.
		if calls.Add(1) > 4 {
			return Slow() + 1
		}
		return Slow()
	}
	for name, tc := range map[string]struct {
		version string
		slow    func() int64
	}{
		"unverified release": {"go1.99.1", Slow},
		"development build":  {"devel go1.27-abcdef", Slow},
		"no id":              {v, func() int64 { return 0 }},
		"no matching word":   {v, func() int64 { return 1 << 60 }},
		"check fails":        {v, liar},
	} {
		if off := calibrate(tc.version, tc.slow); off != -1 {
			t.Errorf("%s: calibrate = %d; want -1", name, off)
		}
	}
}

func TestFastOnVerifiedRelease(t *testing.T) {
	if !Fast() {
		t.Fatalf("Get does not read the goroutine struct on %s", runtime.Version())
	}
}
