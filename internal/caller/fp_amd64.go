package caller

import "unsafe"

// haveFramePointers says that Go frames on this architecture start with a
// frame record (the caller's frame pointer, then the return address), which
// Site walks instead of asking the runtime's unwinder.
const haveFramePointers = true

// framePointer returns the frame pointer of its caller.
func framePointer() unsafe.Pointer
