package caller

import (
	"strings"
	"testing"
)

func TestSplitFunc(t *testing.T) {
	tests := []struct{ in, pkg, name string }{
		{"main.main", "main", "main"},
		{"main.main.func1", "main", "main.func1"},
		{"github.com/acme/shop/cart.(*Cart).Add", "github.com/acme/shop/cart", "(*Cart).Add"},
		{"github.com/acme/shop/cart.Cart.Total", "github.com/acme/shop/cart", "Cart.Total"},
		{"gopkg.in/yaml%2ev3.Marshal", "gopkg.in/yaml.v3", "Marshal"},
		{"example.com/m.Map[...]", "example.com/m", "Map[...]"},
		{"nodot", "nodot", ""},
	}
	for _, tt := range tests {
		pkg, name := SplitFunc(tt.in)
		if pkg != tt.pkg || name != tt.name {
			t.Errorf("SplitFunc(%q) = %q, %q; want %q, %q", tt.in, pkg, name, tt.pkg, tt.name)
		}
	}
}

type cart struct{}

//go:noinline
func (*cart) add() *Frame { return Lookup(PC(0)) }

func TestLookupMethodAndClosure(t *testing.T) {
	f := (&cart{}).add()
	if f.Name != "github.com/loguru-go/loguru/internal/caller" || f.Function != "(*cart).add" {
		t.Fatalf("method frame = %q %q", f.Name, f.Function)
	}
	if f.File != "caller_test.go" || f.Module != "caller_test" || !strings.HasSuffix(f.Path, "/internal/caller/caller_test.go") {
		t.Fatalf("file fields = %q %q %q", f.File, f.Module, f.Path)
	}
	g := func() *Frame { return Lookup(PC(0)) }()
	if g.Function != "TestLookupMethodAndClosure.func1" {
		t.Fatalf("closure function = %q", g.Function)
	}
}

// inlined is small enough to be inlined; the frame must still name it.
func inlined() *Frame { return Lookup(PC(0)) }

func TestLookupInlined(t *testing.T) {
	f := inlined()
	if f.Function != "inlined" || f.Line != 46 {
		t.Fatalf("inlined frame = %q:%d", f.Function, f.Line)
	}
	// skip 1 from inside inlined code reaches the test function itself.
	h := func() *Frame { return Lookup(PC(1)) }()
	if h.Function != "TestLookupInlined" {
		t.Fatalf("skip through closure = %q", h.Function)
	}
}

func TestLookupCachedAndUnknown(t *testing.T) {
	pc := PC(0)
	if Lookup(pc) != Lookup(pc) {
		t.Fatal("frames for one pc are not cached")
	}
	if Lookup(0) != Unknown || PC(1000) != 0 {
		t.Fatal("a too-deep skip must give the unknown frame")
	}
}

//go:noinline
func outsideHelper() uintptr {
	return Outside(0, "github.com/loguru-go/loguru/internal/caller")
}

func TestOutsideSkipsPackages(t *testing.T) {
	// Every frame of this test is in this package, so the first frame
	// outside it is the testing package's runner.
	if got := Lookup(outsideHelper()); got.Name != "testing" || got.Function != "tRunner" {
		t.Fatalf("Outside = %s.%s, want testing.tRunner", got.Name, got.Function)
	}
	if got := Lookup(Outside(0)); got.Function != "TestOutsideSkipsPackages" {
		t.Fatalf("Outside with no packages = %q, want the test itself", got.Function)
	}
}
