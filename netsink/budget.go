package netsink

import (
	"sync"
	"sync/atomic"
	"time"
)

// The decoded size of a record is estimated as its payload's length (the
// strings it holds are copies of the payload's), plus a fixed cost per
// record, per value and per object, measured on this package's parser:
// an array or scalar holds 14 to 40 bytes live, a one-member object about
// 350. Counting values, not bytes, keeps payloads such as [[],[],...],
// which decode to 20 times their size, within the budget.
const (
	recordCost = 1024 // the remote, its Record and the Extra the emitter builds
	valueCost  = 64   // every value: an interface slot and what it boxes
	objectCost = 256  // every object, on top of its valueCost: a map and its first group
)

// budget bounds the bytes of the records read but not yet re-emitted
// (ServerOptions.MaxPending). A connection waits for room before reading a
// payload, which leaves the client's frames in the socket: TCP then slows
// the client down instead of the server buffering without end.
type budget struct {
	mu     sync.Mutex
	cond   sync.Cond
	limit  int64
	used   int64
	parked int64 // held by connections waiting in grow
	// Tickets make admit first come, first served, so that a large frame
	// is not starved by a stream of small ones.
	next, head uint64
	closed     bool
	peak       *atomic.Int64 // the highest used, for tests
}

func newBudget(limit int64, peak *atomic.Int64) *budget {
	b := &budget{limit: limit, peak: peak}
	b.cond.L = &b.mu
	return b
}

// fits reports whether n more bytes fit, or whether the bytes pending are
// only the caller's own held ones: a record larger than the whole budget
// still passes, alone. Callers hold mu.
func (b *budget) fits(n, held int64) bool {
	return b.used+n <= b.limit || b.used == held
}

// admit waits for n bytes of room, in turn, and takes them. It returns how
// long it waited, and false if the server shut down meanwhile.
func (b *budget) admit(n int64) (time.Duration, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return 0, false
	}
	if b.next == b.head && b.fits(n, 0) {
		b.take(n)
		return 0, true
	}
	start := time.Now()
	ticket := b.next
	b.next++
	for !b.closed && (ticket != b.head || !b.fits(n, 0)) {
		b.cond.Wait()
	}
	if b.closed {
		return 0, false
	}
	b.head++
	b.take(n)
	b.cond.Broadcast() // the next in line may fit too
	return time.Since(start), true
}

// grow adds n bytes to the held ones a connection was admitted with, once
// its payload is decoded. It does not queue behind admit: the frame is
// already read. When every byte pending is held by connections waiting
// here, no emission will free any, so one of them goes on past the limit.
// It returns false if the server shut down meanwhile.
func (b *budget) grow(n, held int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	b.parked += held
	for !b.closed && !b.fits(n, held) && b.used != b.parked {
		b.cond.Wait()
	}
	b.parked -= held
	if b.closed {
		return false
	}
	b.take(n)
	return true
}

// take adds n bytes to those used. Callers hold mu.
func (b *budget) take(n int64) {
	b.used += n
	if b.used > b.peak.Load() {
		b.peak.Store(b.used)
	}
}

// release gives back the bytes of an emitted record, or of a frame that
// was not.
func (b *budget) release(n int64) {
	if n == 0 {
		return
	}
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
}

// close wakes every waiting connection, for the server's shutdown.
func (b *budget) close() {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	b.cond.Broadcast()
}
