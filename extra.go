package loguru

import (
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/loguru-go/loguru/internal/caller"
	"github.com/loguru-go/loguru/internal/jsonenc"
)

// Encoders write Extra with sorted keys. A Go map has no order, so sorting
// its keys is most of the cost of a JSON line with fields. Two common cases
// avoid the map altogether:
//
//   - Extra is exactly a logger's bound values (Bind): that map never changes,
//     so its sorted keys, and the JSON of its values that cannot change
//     (strings, numbers, booleans, durations, times), are computed once per
//     logger and reused by every record;
//   - Extra holds only the Fields of the call: they are sorted as a slice.

// frozenExtra caches what encoders need of a logger's bound values.
type frozenExtra struct {
	m    map[string]any
	once [numJSONStyles]sync.Once
	json [numJSONStyles][]jsonPart
}

// jsonStyle is the separators of a JSON encoding.
type jsonStyle uint8

const (
	styleSlim      jsonStyle = iota // ":" and "," (JSON lines)
	styleSerialize                  // ": " and ", " (Python's json.dumps)
	numJSONStyles
)

func (s jsonStyle) seps() (colon, comma string) {
	if s == styleSerialize {
		return ": ", ", "
	}
	return ":", ","
}

// jsonPart is a run of pre-encoded entries, or one entry whose value is
// encoded at each record because it may change (a pointer, a map, an error).
type jsonPart struct {
	raw   []byte // pre-encoded `,"k":v,"k2":v2`, the comma only when not first
	key   string // for a dynamic entry
	val   any
	comma bool // the dynamic entry is not the first
}

// immutable reports whether v's JSON cannot change after v was bound.
func immutable(v any) bool {
	switch v.(type) {
	case string, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64,
		float32, float64, time.Duration, time.Time:
		return true
	}
	return false
}

// parts returns the cached encoding of f's entries in style s.
func (f *frozenExtra) parts(s jsonStyle) []jsonPart {
	f.once[s].Do(func() {
		colon, comma := s.seps()
		var parts []jsonPart
		var run []byte
		first := true
		for _, k := range slices.Sorted(maps.Keys(f.m)) {
			v := f.m[k]
			if !immutable(v) {
				if run != nil {
					parts = append(parts, jsonPart{raw: run})
					run = nil
				}
				parts = append(parts, jsonPart{key: k, val: v, comma: !first})
				first = false
				continue
			}
			if !first {
				run = append(run, comma...)
			}
			first = false
			run = jsonenc.AppendString(run, k)
			run = append(run, colon...)
			run = jsonenc.AppendValue(run, v)
		}
		if run != nil {
			parts = append(parts, jsonPart{raw: run})
		}
		f.json[s] = parts
	})
	return f.json[s]
}

// appendExtraJSON writes the record's Extra as a JSON object with sorted
// keys. Values go through the encoder, which handles any type and never
// fails.
func appendExtraJSON(b []byte, r *Record, s jsonStyle) []byte {
	colon, comma := s.seps()
	b = append(b, '{')
	switch {
	case r.frozen != nil:
		for _, p := range r.frozen.parts(s) {
			if p.raw != nil {
				b = append(b, p.raw...)
				continue
			}
			if p.comma {
				b = append(b, comma...)
			}
			b = appendEntryJSON(b, p.key, p.val, colon)
		}
	case r.fieldsOnly:
		if out, ok := appendFieldsJSON(b, r, s); ok {
			return append(out, '}')
		}
		fallthrough
	default:
		var keys [16]string
		for i, k := range sortedKeys(keys[:0], r.Extra) {
			if i > 0 {
				b = append(b, comma...)
			}
			b = appendEntryJSON(b, k, r.Extra[k], colon)
		}
	}
	return append(b, '}')
}

// keyPrefix is the first 8 bytes of k as a big-endian number, zero-padded:
// it orders keys as their bytes do, except among keys that share those 8
// bytes (or differ only by trailing NUL bytes), which compare equal here.
func keyPrefix(k string) uint64 {
	if len(k) >= 8 {
		_ = k[7]
		return uint64(k[0])<<56 | uint64(k[1])<<48 | uint64(k[2])<<40 | uint64(k[3])<<32 |
			uint64(k[4])<<24 | uint64(k[5])<<16 | uint64(k[6])<<8 | uint64(k[7])
	}
	var p uint64
	for i := 0; i < len(k); i++ {
		p |= uint64(k[i]) << (56 - 8*i)
	}
	return p
}

func appendEntryJSON(b []byte, k string, v any, colon string) []byte {
	b = jsonenc.AppendString(b, k)
	b = append(b, colon...)
	return jsonenc.AppendValue(b, v)
}

// maxSortedFields is the most Fields sorted on the stack; a call with more
// is encoded from the Extra map.
const maxSortedFields = 32

// appendFieldsJSON writes the call's Fields sorted by key, the last of a
// repeated key winning, as in Extra. A call site that logs the same keys
// each time finds their order and encoding in its frame (see
// caller.FieldsJSON) and writes only the values; otherwise the keys are
// sorted in arrays on the stack (sorting in the pooled record would pay the
// collector's write barriers on every swap), and the result kept in the
// frame for the next call.
func appendFieldsJSON(b []byte, r *Record, s jsonStyle) ([]byte, bool) {
	if len(r.fields) > maxSortedFields {
		return b, false
	}
	f := r.frame
	if s != styleSlim {
		f = nil // the layout is kept for JSON lines only
	}
	if f != nil {
		if l := f.Fields.Load(); l != nil && sameKeys(l.Keys, r.fields) {
			for i, at := range l.Order {
				b = append(b, l.Enc[i]...)
				b = jsonenc.AppendValue(b, r.fields[at].Value)
			}
			return b, true
		}
	}
	var keys [maxSortedFields]string
	var pre [maxSortedFields]uint64 // the keys' first 8 bytes, compared first
	var at [maxSortedFields]uint8
	n := 0
	for i := range r.fields {
		f := &r.fields[i]
		p := keyPrefix(f.Key)
		// Insertion sort; equal keys keep their order.
		j := n
		for j > 0 && (pre[j-1] > p || pre[j-1] == p && keys[j-1] > f.Key) {
			keys[j], pre[j], at[j] = keys[j-1], pre[j-1], at[j-1]
			j--
		}
		keys[j], pre[j], at[j] = f.Key, p, uint8(i)
		n++
	}
	colon, comma := s.seps()
	first := true
	for i := range n {
		if i+1 < n && keys[i+1] == keys[i] {
			at[i] = noField
			continue // a later Field with the same key wins
		}
		if !first {
			b = append(b, comma...)
		}
		first = false
		b = appendEntryJSON(b, keys[i], r.fields[at[i]].Value, colon)
	}
	if f != nil && f.FieldsChanges.Load() < maxLayoutChanges {
		keepLayout(f, r.fields, at[:n])
	}
	return b, true
}

// noField marks a sorted position whose Field a later one with the same key
// replaces.
const noField = 0xff

// maxLayoutChanges is how many times a call site's layout is replaced
// because it logged other keys; a site whose keys keep changing stops
// keeping one, rather than allocating at every call.
const maxLayoutChanges = 4

// sameKeys reports whether fields have the keys, in that order. Keys
// written in the source are the same string each time, so each comparison
// is mostly a pointer's.
func sameKeys(keys []string, fields []Field) bool {
	if len(keys) != len(fields) {
		return false
	}
	for i, k := range keys {
		if fields[i].Key != k {
			return false
		}
	}
	return true
}

// keepLayout stores in the frame the layout of fields as just written: the
// order of the positions in at, and each key as encoded.
func keepLayout(f *caller.Frame, fields []Field, at []uint8) {
	l := &caller.FieldsJSON{Keys: make([]string, len(fields))}
	for i := range fields {
		l.Keys[i] = fields[i].Key
	}
	for _, i := range at {
		if i == noField {
			continue
		}
		enc := ""
		if len(l.Order) > 0 {
			enc = ","
		}
		enc = string(jsonenc.AppendString([]byte(enc), fields[i].Key)) + ":"
		l.Order = append(l.Order, i)
		l.Enc = append(l.Enc, enc)
	}
	if f.Fields.Swap(l) != nil {
		f.FieldsChanges.Add(1)
	}
}
