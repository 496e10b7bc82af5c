//go:build (amd64 || arm64) && !purego

package goid

import (
	"runtime"
	"sync"
	"unsafe"

	"github.com/loguru-go/loguru/internal/runtimever"
)

// getg returns the runtime's pointer to the current goroutine (g_*.s).
func getg() unsafe.Pointer

// fast reads the id at the calibrated offset, if there is one.
func fast() (int64, bool) {
	off := offset()
	if off < 0 {
		return 0, false
	}
	return *(*int64)(unsafe.Add(getg(), off)), true
}

var offset = sync.OnceValue(func() int { return calibrate(runtime.Version(), Slow) })

// scanBytes is how much of the goroutine struct calibration looks at; the
// struct is larger and the id sits well inside it in every Go release.
const scanBytes = 256

// calibrate finds the offset of the id within the goroutine struct: the one
// word that holds each of several fresh goroutines' ids (as slow reads
// them), and still does in goroutines it did not look at. It returns -1,
// and Get stays on slow, when the release is not verified, an id cannot be
// read, no single word matches, or the check fails.
func calibrate(version string, slow func() int64) int {
	if !runtimever.Verified(version) {
		return -1
	}
	var candidates map[int]bool
	for range 4 {
		m := inFresh(func() map[int]bool { return matches(slow()) })
		if m == nil {
			return -1
		}
		if candidates == nil {
			candidates = m
			continue
		}
		for off := range candidates {
			if !m[off] {
				delete(candidates, off)
			}
		}
	}
	if len(candidates) != 1 {
		return -1
	}
	var off int
	for o := range candidates {
		off = o
	}
	for range 4 {
		ok := inFresh(func() bool {
			id := slow()
			return id > 0 && *(*int64)(unsafe.Add(getg(), off)) == id
		})
		if !ok {
			return -1
		}
	}
	return off
}

// inFresh runs f in a new goroutine and returns its result.
func inFresh[T any](f func() T) T {
	done := make(chan T)
	go func() { done <- f() }()
	return <-done
}

// matches lists the word offsets of the current goroutine's struct that
// hold id, or returns nil when id is not a goroutine id.
func matches(id int64) map[int]bool {
	if id <= 0 {
		return nil
	}
	g := getg()
	m := make(map[int]bool)
	for off := 0; off < scanBytes; off += 8 {
		if *(*int64)(unsafe.Add(g, off)) == id {
			m[off] = true
		}
	}
	return m
}
