package reentry

import (
	"sync"
	"testing"
)

type callFunc func() error

func (f callFunc) Call() error { return f() }

func take(t *testing.T) Mark {
	t.Helper()
	m, ok := Acquire()
	if !ok {
		t.Fatal("no slot")
	}
	t.Cleanup(m.Release)
	return m
}

func TestInsideOnlyWithinRun(t *testing.T) {
	a, b := take(t), take(t)
	if a.Inside() || b.Inside() {
		t.Fatal("Inside before Run")
	}
	var inA, inBfromA, inBinB, inAinB bool
	a.Run(callFunc(func() error {
		inA, inBfromA = a.Inside(), b.Inside()
		return b.Run(callFunc(func() error {
			inBinB, inAinB = b.Inside(), a.Inside()
			return nil
		}))
	}))
	if !inA || inBfromA || !inBinB || !inAinB {
		t.Errorf("inside a: %t, b from a: %t, b in b: %t, a in b: %t", inA, inBfromA, inBinB, inAinB)
	}
	if a.Inside() || b.Inside() {
		t.Error("Inside after Run")
	}
}

// Another goroutine is not inside, even while the mark's call runs.
func TestInsideIsPerGoroutine(t *testing.T) {
	m := take(t)
	var other bool
	m.Run(callFunc(func() error {
		var wg sync.WaitGroup
		wg.Go(func() { other = m.Inside() })
		wg.Wait()
		return nil
	}))
	if other {
		t.Error("another goroutine is inside")
	}
}

func deep(n int, f func()) {
	if n == 0 {
		f()
		return
	}
	deep(n-1, f)
}

// The mark's frame is found below more frames than one runtime.Callers
// batch holds.
func TestInsideDeepStack(t *testing.T) {
	m := take(t)
	var in bool
	m.Run(callFunc(func() error {
		deep(300, func() { in = m.Inside() })
		return nil
	}))
	if !in {
		t.Error("not inside under 300 frames")
	}
}

func TestRunReturnsTheCallsError(t *testing.T) {
	m := take(t)
	want := errTest{}
	if err := m.Run(callFunc(func() error { return want })); err != want {
		t.Errorf("Run = %v", err)
	}
	if err := (Mark{}).Run(callFunc(func() error { return want })); err != want {
		t.Errorf("zero Mark Run = %v", err)
	}
}

type errTest struct{}

func (errTest) Error() string { return "test" }

// When every slot is taken, Acquire says so; a released slot is taken
// again.
func TestAcquireExhaustion(t *testing.T) {
	var held []Mark
	for {
		m, ok := Acquire()
		if !ok {
			break
		}
		held = append(held, m)
	}
	if len(held) != Slots {
		t.Fatalf("acquired %d slots; want %d", len(held), Slots)
	}
	var zero Mark
	if zero.Valid() || zero.Inside() {
		t.Error("the zero Mark is a slot")
	}
	held[3].Release()
	if m, ok := Acquire(); !ok || m != held[3] {
		t.Errorf("Acquire after Release = %v, %t", m, ok)
	}
	for _, m := range held {
		m.Release()
	}
}

func TestMarksAreDistinct(t *testing.T) {
	if !table().ok {
		t.Fatal("the mark functions are not told apart")
	}
}

func BenchmarkRun(b *testing.B) {
	m, _ := Acquire()
	defer m.Release()
	c := callFunc(func() error { return nil })
	for b.Loop() {
		m.Run(c)
	}
}

func BenchmarkInside(b *testing.B) {
	m, _ := Acquire()
	defer m.Release()
	for b.Loop() {
		m.Inside()
	}
}
