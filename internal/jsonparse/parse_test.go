package jsonparse

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// reference decodes v as encoding/json does, integers as int.
func reference(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if len(bytes.TrimLeft(data[d.InputOffset():], " \t\r\n")) > 0 {
		return nil, ErrEnd // data after the value
	}
	return ints(v), nil
}

func ints(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil && !strings.ContainsAny(string(x), ".eE") {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = ints(e)
		}
	case []any:
		for i, e := range x {
			x[i] = ints(e)
		}
	}
	return v
}

func parseAll(data []byte, in *Interner) (any, error) {
	p := New(data)
	p.Intern = in
	v, err := p.Value()
	if err == nil && !p.End() {
		err = ErrEnd
	}
	return v, err
}

func checkSame(t *testing.T, data []byte) {
	want, werr := reference(data)
	// Twice with one Interner: sharing the member names changes nothing.
	var in Interner
	for _, intern := range []*Interner{nil, &in, &in} {
		got, gerr := parseAll(data, intern)
		if (werr != nil) != (gerr != nil) {
			t.Fatalf("%q: encoding/json error %v, parser error %v", data, werr, gerr)
		}
		if werr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: parser %#v, encoding/json %#v", data, got, want)
		}
	}
}

var parseCases = []string{
	`{}`, `[]`, `""`, `0`, `-0`, `1.5e3`, `-12E-2`, `123456789012345678901234567890`, `1e400`,
	`true`, `false`, `null`, `{"a":[1,"x",{"b":null}],"c":true}`, ` {"a" : 1 , "b":[ ]} `,
	`"\u00e9\ud83d\ude00\n\t\"\\\/"`, `"\ud800"`, `"\udc00x"`, `"\ud83dx"`, "\"\xff\xfe\"", "\"caf\xc3\xa9\"",
	`01`, `1.`, `.5`, `-`, `+1`, `1e`, `[1,]`, `{"a":1,}`, `{"a"}`, `{a:1}`, `"\x"`, "\"\x01\"", `"\u12"`,
	`[1 2]`, `nul`, `tru`, `"unterminated`, `{"a":1}x`, `[`, `{`, `"\`, `[1]]`,
}

func TestParserMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, c := range parseCases {
		checkSame(t, []byte(c))
	}
}

func TestParserNestingLimit(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("[", MaxNesting) + strings.Repeat("]", MaxNesting)
	if _, err := parseAll([]byte(deep), nil); err != nil {
		t.Fatalf("%d levels: %v", MaxNesting, err)
	}
	deeper := strings.Repeat("[", MaxNesting+1) + strings.Repeat("]", MaxNesting+1)
	if _, err := parseAll([]byte(deeper), nil); err == nil || !strings.Contains(err.Error(), "nested deeper than 128") {
		t.Fatalf("%d levels: %v", MaxNesting+1, err)
	}
}

func FuzzParserMatchesEncodingJSON(f *testing.F) {
	for _, c := range parseCases {
		f.Add([]byte(c))
	}
	f.Add([]byte(`{"time":"2026-11-22T10:01:02.345678+01:00","level":{"name":"INFO","no":20},"message":"m","extra":{"a":[1,2.5,"x",null,true]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.Count(data, []byte("["))+bytes.Count(data, []byte("{")) > MaxNesting {
			return // encoding/json allows deeper nesting
		}
		checkSame(t, data)
	})
}
