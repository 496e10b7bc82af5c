package netsink

import (
	"reflect"
	"testing"
)

// The payload decoder and a decoder built on encoding/json agree on what
// a client sends.
func TestDecodeGoodPayload(t *testing.T) {
	t.Parallel()
	var r remote
	if err := decode([]byte(goodPayload), &r, nil); err != nil {
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
	if err := decode([]byte(payload), &r, nil); err != nil {
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
