package netsink

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
		return nil, errEnd // data after the value
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

func parseAll(data []byte) (any, error) {
	p := &parser{b: data}
	v, err := p.value()
	if err == nil && !p.end() {
		err = errEnd
	}
	return v, err
}

func checkSame(t *testing.T, data []byte) {
	want, werr := reference(data)
	got, gerr := parseAll(data)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("%q: encoding/json error %v, parser error %v", data, werr, gerr)
	}
	if werr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: parser %#v, encoding/json %#v", data, got, want)
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
	deep := strings.Repeat("[", maxNesting) + strings.Repeat("]", maxNesting)
	if _, err := parseAll([]byte(deep)); err != nil {
		t.Fatalf("%d levels: %v", maxNesting, err)
	}
	deeper := strings.Repeat("[", maxNesting+1) + strings.Repeat("]", maxNesting+1)
	if _, err := parseAll([]byte(deeper)); err == nil || !strings.Contains(err.Error(), "nested deeper than 128") {
		t.Fatalf("%d levels: %v", maxNesting+1, err)
	}
}

func FuzzParserMatchesEncodingJSON(f *testing.F) {
	for _, c := range parseCases {
		f.Add([]byte(c))
	}
	f.Add([]byte(goodPayload))
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.Count(data, []byte("["))+bytes.Count(data, []byte("{")) > maxNesting {
			return // encoding/json allows deeper nesting
		}
		checkSame(t, data)
	})
}

// The payload decoder and a decoder built on encoding/json agree on what
// a client sends.
func TestDecodeGoodPayload(t *testing.T) {
	t.Parallel()
	var r remote
	if err := decode([]byte(goodPayload), &r); err != nil {
		t.Fatal(err)
	}
	if r.rec.Level.Name == "" || r.rec.Message == "" || r.rec.Time.IsZero() {
		t.Fatalf("decoded %+v", r.rec)
	}
}

func TestDecodeNullsAndUnknownMembers(t *testing.T) {
	t.Parallel()
	var r remote
	payload := `{"time":"2026-11-22T10:01:02.5+01:00","level":{"name":"INFO","no":20,"color":"x"},"message":"m",` +
		`"line":null,"file":{"name":"a.go","path":null,"x":[1,{"y":2}]},"future":{"z":[true]},"extra":{"n":1,"f":1.5,"s":"v","l":[1,"a"],"o":{"k":null}},` +
		`"exception":{"type":"*E","value":"v","panic":true,"traceback":"T"},"process":{"id":7,"name":"p"},"thread":{"id":9,"name":"main"}}`
	if err := decode([]byte(payload), &r); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"n": 1, "f": 1.5, "s": "v", "l": []any{1, "a"}, "o": map[string]any{"k": nil}}
	if !reflect.DeepEqual(r.extra, want) {
		t.Errorf("extra %#v", r.extra)
	}
	if r.rec.File.Name != "a.go" || r.rec.Line != 0 || r.rec.Process.ID != 7 || r.rec.Thread.ID != 9 || r.rec.Thread.Name != "main" {
		t.Errorf("record %+v", r.rec)
	}
	if r.exc == nil || *r.exc != (RemoteError{Type: "*E", Value: "v", Panic: true, Traceback: "T"}) {
		t.Errorf("exception %+v", r.exc)
	}
	if _, off := r.rec.Time.Zone(); off != 3600 || r.rec.Time.Nanosecond() != 5e8 {
		t.Errorf("time %v", r.rec.Time)
	}
}
