package loguru

import (
	"runtime"
	"sync/atomic"
	"time"
	"unsafe"
)

// inflight counts the writes in progress on a handler whose sink needs no
// lock, so that Remove can still wait for them. One shared counter would be
// as contended as a lock: each goroutine counts in one of several
// cache-line-sized shards, chosen by the address of its stack.
type inflight struct {
	closed atomic.Bool
	shards [inflightShards]struct {
		n atomic.Int64
		_ [56]byte // one shard per cache line
	}
}

const inflightShards = 16

// enter registers a write and returns its shard, or nil when the handler is
// closed and the record must be dropped.
func (f *inflight) enter() *atomic.Int64 {
	var here byte
	// Goroutine stacks are at least 2 KiB each: the address of a local, in
	// 2 KiB units, spreads goroutines over the shards. A goroutine may land
	// on another shard next time; enter returns the one it counted in.
	s := &f.shards[(uintptr(unsafe.Pointer(&here))>>11)%inflightShards].n
	s.Add(1)
	if f.closed.Load() {
		s.Add(-1)
		return nil
	}
	return s
}

// close stops new writes and waits for those in progress. Go's atomics are
// sequentially consistent: a write either sees closed and backs out, or is
// seen here and waited for.
func (f *inflight) close() {
	f.closed.Store(true)
	for spin := 0; ; spin++ {
		busy := false
		for i := range f.shards {
			busy = busy || f.shards[i].n.Load() != 0
		}
		if !busy {
			return
		}
		if spin < 100 {
			runtime.Gosched()
		} else {
			time.Sleep(50 * time.Microsecond) // a write blocked on a slow pipe
		}
	}
}
