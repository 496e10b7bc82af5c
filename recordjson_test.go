package loguru

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestRecordAppendJSON(t *testing.T) {
	t.Parallel()
	r := &Record{
		Time:     time.Date(2026, 12, 7, 5, 32, 23, 123456789, time.UTC),
		Elapsed:  1500 * time.Millisecond,
		Level:    Level{Name: "INFO", No: 20, Icon: "i"},
		Message:  `say "hi"`,
		Name:     "example.com/shop",
		Function: "main.run",
		Module:   "shop",
		File:     File{Name: "shop.go", Path: "/src/shop/shop.go"},
		Line:     42,
		Process:  Process{ID: 7, Name: "shop"},
		Thread:   Thread{ID: 1, Name: "main"},
		Extra:    map[string]any{"user": "bob", "id": 3},
	}
	const want = `{"time":"2026-12-07T05:32:23.123456789Z","elapsed":1500000000,` +
		`"level":{"name":"INFO","no":20},"message":"say \"hi\"","name":"example.com/shop",` +
		`"function":"main.run","module":"shop","file":{"name":"shop.go","path":"/src/shop/shop.go"},` +
		`"line":42,"process":{"id":7,"name":"shop"},"thread":{"id":1,"name":"main"},` +
		`"extra":{"id":3,"user":"bob"}}`
	got := r.AppendJSON([]byte("> "))
	if string(got) != "> "+want {
		t.Fatalf("AppendJSON:\n got %s\nwant > %s", got, want)
	}

	// Without Extra the key is left out; an error is sent as its text.
	r.Extra = nil
	r.Exception = &ExceptionInfo{Type: "*errors.errorString", Value: "boom", Err: errors.New("boom"), Text: "Traceback: boom\n"}
	var back struct {
		Extra     map[string]any `json:"extra"`
		Exception struct {
			Type, Value, Traceback string
			Panic                  bool
		} `json:"exception"`
	}
	out := r.AppendJSON(nil)
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("AppendJSON wrote invalid JSON %s: %v", out, err)
	}
	if back.Extra != nil || back.Exception.Type != "*errors.errorString" || back.Exception.Value != "boom" ||
		back.Exception.Panic || back.Exception.Traceback == "" || back.Exception.Traceback != r.Exception.String() {
		t.Fatalf("AppendJSON with an error: %s", out)
	}
}
