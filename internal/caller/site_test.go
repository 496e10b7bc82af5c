package caller

import (
	"reflect"
	"runtime"
	"sync"
	"testing"
)

// siteAndPC returns Site's and PC's answers for the same frame: skip counts
// from the caller of siteAndPC.
//
//go:noinline
func siteAndPC(skip int) (fast, slow uintptr, f *Frame) {
	fast, f = Site(skip + 1)
	slow = PC(skip + 1)
	return fast, slow, f
}

type shapes struct{}

//go:noinline
func (shapes) method(skip int) (uintptr, uintptr, *Frame) { return siteAndPC(skip) }

func inlinable(skip int) (uintptr, uintptr, *Frame) { return siteAndPC(skip) }

func generic[T any](skip int) (uintptr, uintptr, *Frame) { return siteAndPC(skip) }

//go:noinline
func deep(n, skip int) (uintptr, uintptr, *Frame) {
	if n == 0 {
		return siteAndPC(skip)
	}
	return deep(n-1, skip)
}

func TestSiteAgreesWithPC(t *testing.T) {
	siteAgreesWithPC(t)
	if fastWanted && !Fast() {
		t.Fatal("the frame-pointer walk was turned off: it disagreed with runtime.Callers")
	}
}

// With the frame-pointer walk disabled (as on an unverified release), Site
// gives the same answers.
func TestDisabledSiteAgreesWithPC(t *testing.T) {
	restore := Disable()
	defer restore()
	if Fast() {
		t.Fatal("Fast() after Disable")
	}
	siteAgreesWithPC(t)
}

func siteAgreesWithPC(t *testing.T) {
	method := shapes{}.method // a method value calls through a wrapper
	cases := map[string]func(skip int) (uintptr, uintptr, *Frame){
		"direct":       siteAndPC,
		"method":       shapes{}.method,
		"method value": method,
		"inlined":      inlinable,
		"generic":      generic[int],
		"closure":      func(skip int) (uintptr, uintptr, *Frame) { return siteAndPC(skip) },
		"deep":         func(skip int) (uintptr, uintptr, *Frame) { return deep(3, skip) },
		"deeper than the walk": func(skip int) (uintptr, uintptr, *Frame) {
			return deep(maxHops+2, skip)
		},
	}
	for name, fn := range cases {
		for skip := range maxHops + 4 {
			for range 2 { // computed, then cached
				fast, slow, f := fn(skip)
				if fast != slow {
					t.Fatalf("%s, skip %d: Site = %#x, PC = %#x", name, skip, fast, slow)
				}
				if want := Lookup(slow); !reflect.DeepEqual(f, want) {
					t.Fatalf("%s, skip %d: Site frame %+v, Lookup %+v", name, skip, f, want)
				}
			}
		}
	}

}

func TestSiteAtTheTopOfAGoroutine(t *testing.T) {
	var wg sync.WaitGroup
	for skip := range 5 {
		wg.Go(func() {
			fast, slow, _ := siteAndPC(skip)
			if fast != slow {
				t.Errorf("skip %d on a new goroutine: Site = %#x, PC = %#x", skip, fast, slow)
			}
		})
	}
	wg.Wait()
	runtime.GC()
}

func TestSiteFrameNamesTheCaller(t *testing.T) {
	_, f := Site(0)
	if f.Function != "TestSiteFrameNamesTheCaller" || f.File != "site_test.go" {
		t.Fatalf("Site(0) = %+v", f)
	}
}

func BenchmarkSite(b *testing.B) {
	for b.Loop() {
		Site(1)
	}
}

func BenchmarkPCAndLookup(b *testing.B) {
	for b.Loop() {
		Lookup(PC(1))
	}
}
