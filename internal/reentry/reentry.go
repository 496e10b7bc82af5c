// Package reentry tells a goroutine whether it is already inside a call,
// without a goroutine id: a guard against a sink that logs to its own
// handler, whose lock is not reentrant.
//
// Go has no goroutine-local state and no public goroutine id (reading one
// portably costs microseconds). What a goroutine can see cheaply is its own
// stack. A Mark owns one of Slots distinct functions; Run makes the call
// through it, so while the call runs the goroutine's stack holds that
// function's frame, and only that goroutine's stack does. Inside looks for
// the frame with runtime.Callers. Run costs an indirect call; Inside, a walk
// of the stack, is meant for the rare path (a lock found taken).
//
// Everything here is the runtime's public API: it works the same on every
// Go release and platform, with or without the purego build tag.
package reentry

import (
	"reflect"
	"runtime"
	"sync"
)

// Call is the call a Mark runs. A pointer to a struct holding the call's
// arguments satisfies it without an allocation.
type Call interface{ Call() error }

// Mark is one slot: a distinct function that calls through. The zero Mark
// is not a slot (see Acquire).
type Mark struct{ slot int } // slot+1; 0 means none

// Acquire takes a free slot. ok is false when all Slots are taken (or the
// marks could not be told apart at start-up): the caller then needs
// another way to detect reentry.
func Acquire() (m Mark, ok bool) {
	t := table()
	if !t.ok {
		return Mark{}, false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, used := range t.used {
		if !used {
			t.used[i] = true
			return Mark{slot: i + 1}, true
		}
	}
	return Mark{}, false
}

// Release gives the slot back. The caller must be done with Run and Inside.
func (m Mark) Release() {
	if m.slot == 0 {
		return
	}
	t := table()
	t.mu.Lock()
	t.used[m.slot-1] = false
	t.mu.Unlock()
}

// Valid reports whether m owns a slot.
func (m Mark) Valid() bool { return m.slot != 0 }

// Run makes c's call through m's function. A Mark without a slot calls c
// directly.
func (m Mark) Run(c Call) error {
	if m.slot == 0 {
		return c.Call()
	}
	return marks[m.slot-1](c)
}

// Inside reports whether the calling goroutine is inside m.Run: whether
// m's function has a frame on its stack. It is false for a Mark without a
// slot.
func (m Mark) Inside() bool {
	if m.slot == 0 {
		return false
	}
	entry := table().entries[m.slot-1]
	var pcs [64]uintptr
	for skip := 2; ; {
		n := runtime.Callers(skip, pcs[:])
		for _, pc := range pcs[:n] {
			// pc is a return address: pc-1 is inside the calling
			// function. Most frames are far from the marks and cost
			// only the comparison.
			if pc > entry && pc <= entry+maxMarkSize {
				if f := runtime.FuncForPC(pc - 1); f != nil && f.Entry() == entry {
					return true
				}
			}
		}
		if n < len(pcs) {
			return false
		}
		skip += n
	}
}

// maxMarkSize bounds the code of one mark function, which only calls
// through; FuncForPC decides for addresses within it.
const maxMarkSize = 1 << 10

// slots is the registry of marks: their entry addresses and which are in
// use.
type slots struct {
	ok      bool // the marks have distinct entry addresses
	entries [Slots]uintptr
	mu      sync.Mutex
	used    [Slots]bool
}

var table = sync.OnceValue(func() *slots {
	t := &slots{ok: true}
	seen := make(map[uintptr]bool, Slots)
	for i, f := range marks {
		e := reflect.ValueOf(f).Pointer()
		t.entries[i] = e
		if fn := runtime.FuncForPC(e); e == 0 || seen[e] || fn == nil || fn.Entry() != e {
			// A linker that folded identical functions, or a func
			// value not pointing at its function's entry, would make
			// the frames ambiguous: refuse rather than guess.
			t.ok = false
		}
		seen[e] = true
	}
	return t
})
