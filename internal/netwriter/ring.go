package netwriter

// ring is a bounded FIFO of messages that counts their bytes.
type ring struct {
	items   []*Buf
	head, n int
	bytes   int
}

func newRing(size int) ring { return ring{items: make([]*Buf, size)} }

// push adds m; the ring must not be full.
func (r *ring) push(m *Buf) {
	r.items[(r.head+r.n)%len(r.items)] = m
	r.n++
	r.bytes += len(m.Bytes())
}

// pop removes the oldest message; the ring must not be empty.
func (r *ring) pop() *Buf {
	m := r.items[r.head]
	r.items[r.head] = nil
	r.head = (r.head + 1) % len(r.items)
	r.n--
	r.bytes -= len(m.Bytes())
	return m
}
