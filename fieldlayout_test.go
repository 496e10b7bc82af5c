package loguru_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/loguru-go/loguru"
)

// logAt logs from one call site, whatever the fields: the site's cached
// layout of keys (see appendFieldsJSON) must never be used for other keys.
func logAt(l *loguru.Logger, fields ...loguru.Field) { l.LogFields("INFO", "m", fields...) }

// extraOf is the "extra" object of a JSON line, as written.
func extraOf(t *testing.T, line string) string {
	t.Helper()
	_, rest, ok := strings.Cut(line, `,"extra":`)
	if !ok {
		return ""
	}
	return strings.TrimSuffix(rest, "}")
}

// wantExtra is the reference: the last value of each key, keys sorted.
func wantExtra(t *testing.T, fields []loguru.Field) string {
	t.Helper()
	if len(fields) == 0 {
		return ""
	}
	m := map[string]any{}
	for _, f := range fields {
		m[f.Key] = f.Value
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// One call site logs random key sets, repeats included, often the same
// one several times in a row: every line's extra matches the reference
// model, before and after the site stops keeping a layout.
func TestFieldLayoutFollowsTheKeys(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{JSON: true})
	rng := rand.New(rand.NewPCG(3, 4))
	pool := []string{"a", "b", "user", "id", "zeta", "path_long_key_1", "path_long_key_2", "é"}
	var fields []loguru.Field
	var want []string
	for i := range 400 {
		if i%3 == 0 { // new keys; otherwise the same keys with other values
			fields = fields[:0]
			for range rng.IntN(6) {
				fields = append(fields, loguru.F(pool[rng.IntN(len(pool))], 0))
			}
		}
		for j := range fields {
			fields[j].Value = rng.IntN(1000)
			if rng.IntN(4) == 0 {
				fields[j].Value = "v" + strings.Repeat("x", rng.IntN(3))
			}
		}
		logAt(l, fields...)
		want = append(want, wantExtra(t, fields))
	}
	got := lines(buf.String())
	if len(got) != len(want) {
		t.Fatalf("%d lines, want %d", len(got), len(want))
	}
	for i := range want {
		if e := extraOf(t, got[i]); e != want[i] {
			t.Fatalf("line %d: extra %s, want %s\n%s", i, e, want[i], got[i])
		}
	}
}

// Goroutines logging other keys from the same call site at once each get
// their own keys.
func TestFieldLayoutConcurrent(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{JSON: true})
	sets := [][]loguru.Field{
		{loguru.F("a", 1), loguru.F("b", 2)},
		{loguru.F("b", 2), loguru.F("a", 1)},
		{loguru.F("a", 1), loguru.F("a", 3)},
		{loguru.F("c", 1)},
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for range 200 {
				logAt(l, sets[g%len(sets)]...)
			}
		})
	}
	wg.Wait()
	allowed := map[string]bool{`{"a":1,"b":2}`: true, `{"a":3}`: true, `{"c":1}`: true}
	count := 0
	for _, ln := range lines(buf.String()) {
		count++
		if e := extraOf(t, ln); !allowed[e] {
			t.Fatalf("extra %s in %s", e, ln)
		}
	}
	if count != 8*200 {
		t.Fatalf("%d lines, want %d", count, 8*200)
	}
}
