package pyfmt

import (
	"fmt"
	"reflect"
	"testing"
)

type selfRef struct {
	Name string
	Kids map[string]any
}

type named struct{ M map[string]any }

func (named) String() string { return "named" }

func TestCyclicValuesDoNotOverflowTheStack(t *testing.T) {
	loop := map[string]any{"n": 1}
	loop["self"] = loop
	list := []any{"a", nil}
	list[1] = list
	inner := map[string]any{}
	inner["up"] = []any{inner}
	s := &selfRef{Name: "root", Kids: map[string]any{}}
	s.Kids["me"] = s.Kids
	tests := []struct {
		in   any
		want string
	}{
		{loop, "map[n:1 self:<cycle>]"},
		{list, "[a <cycle>]"},
		{[]any{inner}, "[map[up:[<cycle>]]]"},
		{s, "&{root map[me:<cycle>]}"},
		{map[string]any{"x": named{M: loop}}, "map[x:named]"},
	}
	for _, tt := range tests {
		if got := string(AppendValue(nil, tt.in)); got != tt.want {
			t.Errorf("AppendValue = %q, want %q", got, tt.want)
		}
	}
}

// Values without cycles keep fmt's output exactly.
func TestAcyclicValuesPrintAsFmt(t *testing.T) {
	shared := []int{1, 2}
	p := &selfRef{Name: "p"}
	for _, v := range []any{
		[]int{1, 2, 3}, map[string]string{"b": "2", "a": "1"}, map[string]any{"s": shared, "t": shared},
		selfRef{Name: "x", Kids: map[string]any{"a": []any{1, "b"}}}, [2][]any{{1}, {shared}},
		struct{ P *selfRef }{p}, &selfRef{Name: "ptr"}, []*selfRef{p},
	} {
		if got, want := string(AppendValue(nil, v)), fmt.Sprint(v); got != want {
			t.Errorf("AppendValue(%#v) = %q, want fmt's %q", v, got, want)
		}
	}
}

func TestCheckingPlainValuesDoesNotAllocate(t *testing.T) {
	ints := []int{1, 2, 3}
	m := map[string]string{"a": "b"}
	for _, v := range []any{ints, m} {
		if n := testing.AllocsPerRun(100, func() { _ = unsafeForFmt(reflectValue(v)) }); n != 0 {
			t.Errorf("checking %T allocates %v times", v, n)
		}
	}
}

func reflectValue(v any) reflect.Value { return reflect.ValueOf(v) }
