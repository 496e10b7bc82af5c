package netwriter

import "sync"

// Buf is one encoded message; buffers are pooled. The message is
// B[Off:]: a transport that frames messages can write its prefix before
// Off once the message's length is known.
type Buf struct {
	B   []byte
	Off int
}

// Bytes returns the message.
func (m *Buf) Bytes() []byte { return m.B[m.Off:] }

var bufs = sync.Pool{New: func() any { return &Buf{B: make([]byte, 0, 512)} }}

// GetBuf returns an empty buffer from the pool.
func GetBuf() *Buf { return bufs.Get().(*Buf) }

// PutBuf returns m to the pool.
func PutBuf(m *Buf) {
	if cap(m.B) > 64<<10 {
		return // one huge record should not pin its memory
	}
	m.B, m.Off = m.B[:0], 0
	bufs.Put(m)
}
