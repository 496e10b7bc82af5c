package loguru

import (
	"errors"
	"runtime"
	"sync/atomic"

	"github.com/loguru-go/loguru/internal/reentry"
)

// errDeadlock is reported when a sink logs to its own handler.
var errDeadlock = errors.New("could not acquire internal lock because it was already in use (deadlock avoided): " +
	"this happens when a sink logs to the handler it belongs to")

// A handler's lock is not reentrant, and any sink but a plain file may run
// code that logs to the very handler it belongs to (a function or Sink, a
// writer that logs, a RotationFunc). The goroutine in the sink must be told
// from the others, which only wait. Go has no goroutine-local state, and a
// portable goroutine id costs microseconds, so the sink is called through
// the handler's reentry mark: only the goroutine inside the sink has the
// mark's frame on its stack. The stack is looked at only when the lock is
// found taken; an uncontended write costs a TryLock and an indirect call.
//
// There are reentry.Slots marks. A handler that finds none free records its
// goroutine id as the owner instead.

// sinkCall is the write that writeGuarded makes through the mark: a pointer
// to it is a reentry.Call without an allocation.
type sinkCall struct {
	s sink
	b []byte
	r *Record
}

func (c *sinkCall) Call() error { return c.s.write(c.b, c.r) }

// mayReenter reports whether s can run code that logs.
func mayReenter(s sink) bool {
	fs, ok := s.(*fileSink)
	return !ok || fs.fn
}

// takeMark gives a handler written under its lock a reentry mark if one is
// free. stop gives it back, or the garbage collector for a handler never
// removed (a dropped Logger); h.mark itself never changes, since writes
// through an older snapshot may still read it.
func (h *handler) takeMark() {
	if h.wantQueue || h.free != nil || !mayReenter(h.sink) {
		return
	}
	h.guarded = true
	m, ok := reentry.Acquire()
	if !ok {
		return
	}
	h.mark, h.markHeld = m, &heldMark{m: m}
	runtime.AddCleanup(h, (*heldMark).release, h.markHeld)
}

// heldMark gives its mark back once, whichever of stop and the garbage
// collector comes first.
type heldMark struct {
	m    reentry.Mark
	done atomic.Bool
}

func (hm *heldMark) release() {
	if hm != nil && hm.done.CompareAndSwap(false, true) {
		hm.m.Release()
	}
}

// writeGuarded writes to the sink under the handler's lock, refusing a
// reentrant call instead of waiting for itself forever.
func (h *handler) writeGuarded(b []byte, r *Record) {
	if !h.mu.TryLock() {
		if h.guarded && h.reentrant() {
			h.fail(r, errDeadlock)
			return
		}
		h.mu.Lock()
	}
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	var err error
	switch {
	case !h.guarded:
		err = h.sink.write(b, r)
	case h.mark.Valid():
		h.call = sinkCall{h.sink, b, r}
		err = h.mark.Run(&h.call)
		h.call = sinkCall{}
	default:
		h.owner.Store(goroutineID())
		err = h.sink.write(b, r)
		h.owner.Store(0)
	}
	if err != nil {
		h.fail(r, err)
	} else {
		h.succeeded()
	}
}

// reentrant reports whether the calling goroutine is the one inside the
// sink, which holds the lock.
func (h *handler) reentrant() bool {
	if h.mark.Valid() {
		return h.mark.Inside()
	}
	return h.owner.Load() == goroutineID()
}
