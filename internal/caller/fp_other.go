//go:build !amd64

package caller

import "unsafe"

const haveFramePointers = false

func framePointer() unsafe.Pointer { return nil }
