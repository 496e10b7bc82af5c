//go:build amd64 || arm64

package goid

import "unsafe"

const haveG = true

// getg returns the runtime's pointer to the current goroutine.
func getg() unsafe.Pointer
