package netsink

import "sync"

// recentNonces is how many earlier connections' nonces a server keeps, to
// tell a frame replayed from one of them from a forged one. Both are
// rejected; only the counter differs.
const recentNonces = 16

// nonceRing holds the nonces of the latest connections.
type nonceRing struct {
	mu   sync.Mutex
	ring [recentNonces][nonceSize]byte
	n    int // nonces added so far
}

func newNonceRing() *nonceRing { return &nonceRing{} }

func (r *nonceRing) add(nonce [nonceSize]byte) {
	r.mu.Lock()
	r.ring[r.n%recentNonces] = nonce
	r.n++
	r.mu.Unlock()
}

// macOfAnother reports whether sum is the frame's MAC under the nonce of
// another recent connection than own. It runs only for frames already
// rejected, at most recentNonces MACs for a connection about to close.
func (r *nonceRing) macOfAnother(key []byte, own [nonceSize]byte, seq, payload, sum []byte) bool {
	r.mu.Lock()
	nonces := r.ring
	count := min(r.n, recentNonces)
	r.mu.Unlock()
	for _, nonce := range nonces[:count] {
		if nonce != own && newMAC(key, nonce).verify(seq, payload, sum) {
			return true
		}
	}
	return false
}
