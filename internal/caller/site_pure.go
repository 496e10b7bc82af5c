//go:build !amd64 || purego

package caller

// Site returns the program counter and the frame of the caller skip frames
// above the caller of Site: Lookup(PC(skip)). Without frame pointers to walk
// (or with the purego build tag) it goes through runtime.Callers.
func Site(skip int) (uintptr, *Frame) { return slowSite(skip + 1) }

// Fast reports whether Site walks frame pointers: never here.
func Fast() bool { return false }

// Disable is a no-op here: Site always uses runtime.Callers.
func Disable() (restore func()) { return func() {} }
