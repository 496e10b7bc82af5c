package jsonparse

import (
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// Member names and Interned strings parsed with one Interner are one
// string each, whichever document they came from; Str's are not.
func TestInternerSharesRecurringStrings(t *testing.T) {
	var in Interner
	var keys, names, messages []string
	for range 2 {
		p := New([]byte(`{"level": "INFO", "message": "hello"}`))
		p.Intern = &in
		err := p.Object(func(key string) error {
			keys = append(keys, key)
			var s string
			var err error
			if key == "level" {
				s, err = p.Interned()
				names = append(names, s)
			} else {
				s, err = p.Str()
				messages = append(messages, s)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	same := func(a, b string) bool { return a == b && unsafe.StringData(a) == unsafe.StringData(b) }
	if !same(keys[0], keys[2]) || !same(keys[1], keys[3]) || !same(names[0], names[1]) {
		t.Fatalf("not shared: keys %q, names %q", keys, names)
	}
	if messages[0] != "hello" || same(messages[0], messages[1]) {
		t.Fatalf("Str's strings were shared: %q", messages)
	}
	// Without an Interner nothing is shared.
	a, _ := New([]byte(`"xyz"`)).Interned()
	b, _ := New([]byte(`"xyz"`)).Interned()
	if same(a, b) {
		t.Fatal("shared without an Interner")
	}
}

// The Interner keeps a bounded number of short strings.
func TestInternerIsBounded(t *testing.T) {
	var in Interner
	for i := range 2 * maxInterned {
		in.get([]byte("k" + strconv.Itoa(i)))
	}
	in.get([]byte(strings.Repeat("x", maxInternLen+1)))
	if len(in.m) != maxInterned {
		t.Fatalf("%d strings kept, want %d", len(in.m), maxInterned)
	}
	if _, ok := in.m[strings.Repeat("x", maxInternLen+1)]; ok {
		t.Fatal("a long string was kept")
	}
	if s := in.get([]byte("new")); s != "new" {
		t.Fatalf("get past the bound = %q", s)
	}
}
