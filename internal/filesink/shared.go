package filesink

import (
	"sync/atomic"
	"time"
	"unsafe"
)

// shared is the state that the processes writing one rotating file keep in
// its lock file, mapped into each one's memory. It lets a writer check, with
// a few atomic operations and no system call, that the file it holds is
// still the current one and that the record fits, where it would otherwise
// take the file lock, stat the path and release the lock for every record.
//
// The file lock stays the rule for everything else: a rotation holds it
// exclusively, and a process opening the file again after another's
// rotation holds it shared. The protocol between a record's writer and a
// rotation in another process is:
//
//   - The state word packs the generation of the current file (bumped by
//     each rotation) with the bytes reserved in it. A writer announces
//     itself in the counter of its generation's parity, then reserves its
//     bytes with a compare-and-swap that fails if the generation moved on,
//     writes, and leaves the counter.
//   - A rotation renames the file, creates the next one, then publishes the
//     new generation with a zero size. Before the rotated file is
//     compressed or retention may remove it, the rotation waits until the
//     counter of the old generation is empty: every write that reserved
//     bytes in the old file has landed in it.
//
// A writer killed between announcing and leaving would hold the counter
// forever; the wait gives up after drainTimeout so that compression goes on.
type shared struct {
	mem []byte // one page of the lock file
}

// The layout of the page. A page of zeros is an unused lock file.
const (
	offMagic  = 0  // sharedMagic once initialized
	offWord   = 8  // generation << sizeBits | reserved size
	offDev    = 16 // device and inode of the current file, to notice
	offIno    = 24 // a file replaced while no process had it open
	offActive = 32 // two int64 counters of writers, by generation parity

	sharedMagic = 0x6c6f677572750001 // "loguru" and a layout version
	sharedSize  = 4096
	sizeBits    = 40 // sizes up to 1 TiB; 24 bits of generation
	sizeMask    = 1<<sizeBits - 1
	genMask     = 1<<(64-sizeBits) - 1

	drainTimeout = 2 * time.Second
)

func (m *shared) u64(off int) *atomic.Uint64 { return (*atomic.Uint64)(unsafe.Pointer(&m.mem[off])) }
func (m *shared) active(gen uint64) *atomic.Int64 {
	return (*atomic.Int64)(unsafe.Pointer(&m.mem[offActive+8*int(gen&1)]))
}

// gen is the generation of the current file.
func (m *shared) gen() uint64 { return m.u64(offWord).Load() >> sizeBits }

// size is the number of bytes reserved in the current file.
func (m *shared) size() int64 { return int64(m.u64(offWord).Load() & sizeMask) }

// reserved tells how a reservation went.
type reserved int

const (
	reserveOK    reserved = iota
	reserveFull           // the record does not fit: rotate first
	reserveStale          // another process rotated: open the file again
)

// reserve claims n bytes in the file of generation gen, unless the file
// has moved on or would grow past limit (0 for none). An empty file takes
// any record. The caller has entered gen.
func (m *shared) reserve(gen uint64, n, limit int64) reserved {
	w := m.u64(offWord)
	for {
		old := w.Load()
		if old>>sizeBits != gen&genMask {
			return reserveStale
		}
		size := int64(old & sizeMask)
		if limit > 0 && size > 0 && size+n > limit {
			return reserveFull
		}
		if w.CompareAndSwap(old, old&^sizeMask|uint64(min(size+n, sizeMask))) {
			return reserveOK
		}
	}
}

// add counts n bytes written while holding the file lock, which no
// rotation can hold meanwhile.
func (m *shared) add(n int64) {
	w := m.u64(offWord)
	for {
		old := w.Load()
		size := min(int64(old&sizeMask)+n, sizeMask)
		if w.CompareAndSwap(old, old&^sizeMask|uint64(size)) {
			return
		}
	}
}

func (m *shared) enter(gen uint64) { m.active(gen).Add(1) }
func (m *shared) leave(gen uint64) { m.active(gen).Add(-1) }

// publish makes a new file current: its generation follows gen, and it
// holds size bytes. The caller holds the file lock exclusively.
func (m *shared) publish(gen uint64, size int64, dev, ino uint64) uint64 {
	next := (gen + 1) & genMask
	m.u64(offDev).Store(dev)
	m.u64(offIno).Store(ino)
	m.u64(offWord).Store(next<<sizeBits | uint64(min(size, sizeMask)))
	m.u64(offMagic).Store(sharedMagic)
	return next
}

// current tells whether the state describes the file dev/ino, so that a
// process opening the file can trust the size and generation there.
func (m *shared) current(dev, ino uint64) bool {
	return m.u64(offMagic).Load() == sharedMagic && m.u64(offDev).Load() == dev && m.u64(offIno).Load() == ino
}

// drain waits until no write reserved in the file of generation gen is in
// progress, or until drainTimeout, and reports whether it drained.
func (m *shared) drain(gen uint64, sleep func(time.Duration)) bool {
	var spent time.Duration
	for wait := 50 * time.Microsecond; ; wait = min(2*wait, 10*time.Millisecond) {
		if m.active(gen).Load() <= 0 {
			return true
		}
		if spent >= drainTimeout {
			return false
		}
		sleep(wait)
		spent += wait
	}
}
