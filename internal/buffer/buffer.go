// Package buffer provides pooled byte buffers for formatting records without
// allocating in steady state.
package buffer

import "sync"

// maxPooled is the largest capacity returned to the pool. A record with a
// huge message must not pin megabytes of memory for the rest of the program.
const maxPooled = 64 << 10

// Buffer is a growable byte slice that returns to a pool when freed.
type Buffer struct {
	B []byte
}

var pool = sync.Pool{New: func() any { return &Buffer{B: make([]byte, 0, 512)} }}

// Get returns an empty buffer from the pool.
func Get() *Buffer {
	b := pool.Get().(*Buffer)
	b.B = b.B[:0]
	return b
}

// Free returns b to the pool; b must not be used afterwards.
func (b *Buffer) Free() {
	if cap(b.B) > maxPooled {
		return
	}
	pool.Put(b)
}
