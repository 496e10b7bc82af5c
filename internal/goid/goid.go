// Package goid reads the current goroutine's id.
//
// The runtime has no API for it. The portable way, parsing the header of
// runtime.Stack, costs microseconds (it walks the whole stack under the
// runtime's print lock), too much for every record a user sink receives.
// Where assembly can load the runtime's goroutine pointer (amd64, arm64),
// the id is read from the goroutine's struct at an offset found at start-up
// by comparing with runtime.Stack in fresh goroutines (fast.go). That path
// is taken only on a verified Go release (internal/runtimever), when the
// calibration finds exactly one offset and the offset then gives the right
// id in goroutines it did not calibrate on; otherwise, on other
// architectures, and with the purego build tag, Get is Slow.
package goid

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Get returns the current goroutine's id.
func Get() int64 {
	if fastOn.Load() {
		if id, ok := fast(); ok {
			return id
		}
	}
	return Slow()
}

// Slow reads the id from the header of runtime.Stack ("goroutine 42
// [running]:").
func Slow() int64 {
	buf := stackBufs.Get().(*[32]byte)
	defer stackBufs.Put(buf)
	return parseHeader(buf[:runtime.Stack(buf[:], false)])
}

// stackBufs spares Slow an allocation per call: runtime.Stack keeps its
// buffer from staying on the caller's stack.
var stackBufs = sync.Pool{New: func() any { return new([32]byte) }}

// parseHeader reads the id in "goroutine 42 [running]:", or 0.
func parseHeader(b []byte) int64 {
	const prefix = "goroutine "
	if len(b) < len(prefix) || string(b[:len(prefix)]) != prefix {
		return 0
	}
	var id int64
	for _, c := range b[len(prefix):] {
		if c < '0' || c > '9' {
			break
		}
		id = id*10 + int64(c-'0')
	}
	return id
}

// fastOn is whether Get reads the goroutine struct; Disable turns it off.
var fastOn atomic.Bool

func init() { fastOn.Store(true) }

// Fast reports whether Get reads the id from the goroutine struct rather
// than from runtime.Stack.
func Fast() bool {
	_, ok := fast()
	return fastOn.Load() && ok
}

// Disable makes Get use Slow until the returned function is called; tests
// use it to show that both paths give the same results.
func Disable() (restore func()) {
	was := fastOn.Swap(false)
	return func() { fastOn.Store(was) }
}
