package netwriter

// Buf is one encoded message. The message is B[Off:]: a transport that
// frames messages can write its prefix before Off once the message's
// length is known.
type Buf struct {
	B   []byte
	Off int
}

// Bytes returns the message.
func (m *Buf) Bytes() []byte { return m.B[m.Off:] }

// Buffers keep their memory from one message to the next: the writer
// keeps those it has written for the next Pushes, as many as the queue
// holds and up to maxFreeBytes of them. A list of its own rather than a
// sync.Pool, because buffers are taken by the logging goroutines and given
// back by the writer's, in batches of thousands, which a pool's
// per-processor caches serve badly.
const (
	maxFreeBytes = 16 << 20
	maxBufSize   = 64 << 10 // one huge message should not pin its memory
)

// getBuf returns an empty buffer. Callers hold mu.
func (w *Writer) getBuf() *Buf {
	if n := len(w.free); n > 0 {
		m := w.free[n-1]
		w.free[n-1] = nil
		w.free = w.free[:n-1]
		w.freeBytes -= cap(m.B)
		return m
	}
	// None free: make a slab of them, in two allocations rather than two
	// a buffer.
	slab := make([]Buf, slabSize)
	mem := make([]byte, slabSize*bufSize)
	for i := range slab[1:] {
		at := (i + 1) * bufSize
		slab[i+1].B = mem[at:at:min(at+bufSize, len(mem))]
		w.free = append(w.free, &slab[i+1])
		w.freeBytes += bufSize
	}
	slab[0].B = mem[0:0:bufSize]
	return &slab[0]
}

// A slab is slabSize buffers of bufSize bytes; each grows on its own when
// a message is longer.
const (
	slabSize = 32
	bufSize  = 512
)

// putBuf keeps m for a later message. Callers hold mu.
func (w *Writer) putBuf(m *Buf) {
	if cap(m.B) > maxBufSize || len(w.free) >= len(w.q.items) || w.freeBytes+cap(m.B) > maxFreeBytes {
		return
	}
	m.B, m.Off = m.B[:0], 0
	w.free = append(w.free, m)
	w.freeBytes += cap(m.B)
}
