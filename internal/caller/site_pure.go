//go:build !amd64 || purego

package caller

import "runtime"

// Site returns the program counter and the frame of the caller skip frames
// above the caller of Site: Lookup(PC(skip)). Without frame pointers to walk
// (or with the purego build tag) it goes through runtime.Callers, called
// here directly: every frame between it and the user's call costs time to
// unwind.
func Site(skip int) (uintptr, *Frame) {
	var pcs [1]uintptr
	runtime.Callers(skip+2, pcs[:])
	return pcs[0], Lookup(pcs[0])
}

// Fast reports whether Site walks frame pointers: never here.
func Fast() bool { return false }

// Disable is a no-op here: Site always uses runtime.Callers.
func Disable() (restore func()) { return func() {} }
