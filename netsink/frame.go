package netsink

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
)

// Sizes and constants of the wire format; see the package documentation.
const (
	helloMagic = "LGNS"
	version    = 1
	nonceSize  = 16
	helloSize  = len(helloMagic) + 2 + nonceSize
	headerSize = 4 + 8 // payload length, sequence number
	macSize    = sha256.Size

	flagMAC = 1 // the hello's flag: frames carry a MAC
)

// appendHello writes the greeting the server sends on every connection.
func appendHello(b []byte, nonce *[nonceSize]byte, keyed bool) []byte {
	var flags byte
	if keyed {
		flags = flagMAC
	}
	b = append(b, helloMagic...)
	b = append(b, version, flags)
	return append(b, nonce[:]...)
}

// parseHello reads the server's greeting.
func parseHello(b []byte) (nonce [nonceSize]byte, keyed bool, err error) {
	if len(b) != helloSize || string(b[:4]) != helloMagic {
		return nonce, false, errors.New("netsink: the server is not a netsink server")
	}
	if b[4] != version {
		return nonce, false, fmt.Errorf("netsink: the server speaks protocol version %d, not %d", b[4], version)
	}
	copy(nonce[:], b[6:])
	return nonce, b[5]&flagMAC != 0, nil
}

// putHeader writes a frame's length prefix and sequence number.
func putHeader(h *[headerSize]byte, n int, seq uint64) {
	binary.BigEndian.PutUint32(h[:4], uint32(n))
	binary.BigEndian.PutUint64(h[4:], seq)
}

// mac computes the frames' HMACs for one connection. The nonce makes a MAC
// valid on its connection only; the sequence number, at one position only.
type mac struct {
	h     hash.Hash
	nonce [nonceSize]byte
	sum   [macSize]byte
}

func newMAC(key []byte, nonce [nonceSize]byte) *mac {
	return &mac{h: hmac.New(sha256.New, key), nonce: nonce}
}

// of returns HMAC-SHA256(key, nonce || seq || payload); the result is
// overwritten by the next call.
func (m *mac) of(seq []byte, payload []byte) []byte {
	m.h.Reset()
	m.h.Write(m.nonce[:])
	m.h.Write(seq)
	m.h.Write(payload)
	return m.h.Sum(m.sum[:0])
}

// verify reports, in constant time, whether got is the MAC of the frame.
func (m *mac) verify(seq, payload, got []byte) bool {
	return hmac.Equal(m.of(seq, payload), got)
}
