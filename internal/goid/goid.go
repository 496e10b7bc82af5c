// Package goid reads the current goroutine's id.
//
// The runtime has no API for it. The portable way, parsing the header of
// runtime.Stack, costs microseconds (it walks the whole stack under the
// runtime's print lock), too much for every record a user sink receives.
// Where assembly can load the runtime's goroutine pointer (amd64, arm64),
// the id is read from the goroutine's struct at an offset found at start-up
// by comparing with runtime.Stack in fresh goroutines; if that calibration
// is not unambiguous, or on other architectures, Get falls back to
// runtime.Stack.
package goid

import (
	"runtime"
	"sync"
	"unsafe"
)

// Get returns the current goroutine's id.
func Get() int64 {
	if off := offset(); off >= 0 {
		return *(*int64)(unsafe.Add(getg(), off))
	}
	return Slow()
}

// Slow reads the id from the header of runtime.Stack ("goroutine 42
// [running]:").
func Slow() int64 {
	var buf [32]byte
	b := buf[:runtime.Stack(buf[:], false)]
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

// scanBytes is how much of the goroutine struct calibration looks at; the
// struct is larger and the id sits well inside it in every Go release.
const scanBytes = 256

var offset = sync.OnceValue(calibrate)

// calibrate finds the offset of the id within the goroutine struct: the one
// word that holds each of several fresh goroutines' ids. It returns -1 when
// there is no goroutine pointer or no single such word.
func calibrate() int {
	if !haveG {
		return -1
	}
	var candidates map[int]bool
	for range 4 {
		found := make(chan map[int]bool)
		go func() { found <- matches(Slow()) }()
		m := <-found
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
	if len(candidates) == 1 {
		for off := range candidates {
			return off
		}
	}
	return -1
}

// matches lists the word offsets of the current goroutine's struct that
// hold id.
func matches(id int64) map[int]bool {
	g := getg()
	m := make(map[int]bool)
	for off := 0; off < scanBytes; off += 8 {
		if *(*int64)(unsafe.Add(g, off)) == id {
			m[off] = true
		}
	}
	return m
}
