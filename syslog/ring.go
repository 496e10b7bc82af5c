package syslog

// ring is a bounded FIFO of messages that, when full, makes room by
// dropping its oldest message.
type ring struct {
	items   []*buf
	head, n int
}

func newRing(size int) ring { return ring{items: make([]*buf, size)} }

// push adds m and returns the message it dropped to make room, if any.
func (r *ring) push(m *buf) (dropped *buf) {
	if r.n == len(r.items) {
		dropped = r.items[r.head]
		r.items[r.head] = nil
		r.head = (r.head + 1) % len(r.items)
		r.n--
	}
	r.items[(r.head+r.n)%len(r.items)] = m
	r.n++
	return dropped
}

// pop removes the oldest message; the ring must not be empty.
func (r *ring) pop() *buf {
	m := r.items[r.head]
	r.items[r.head] = nil
	r.head = (r.head + 1) % len(r.items)
	r.n--
	return m
}
