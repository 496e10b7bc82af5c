package otel

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"go.opentelemetry.io/otel/attribute"

	"github.com/loguru-go/loguru"
)

// maxDepth bounds how deep nested maps and slices are converted; deeper
// values are sent as text (see text), so a cyclic value cannot loop.
const maxDepth = 8

// value converts one Go value. Scalars keep their type; slices and maps of
// any become OpenTelemetry arrays and maps; anything else is sent as the
// text fmt gives it, since the receiving end cannot know Go types.
func value(v any, depth int) attribute.Value {
	switch v := v.(type) {
	case nil:
		return attribute.Value{}
	case string:
		return attribute.StringValue(v)
	case bool:
		return attribute.BoolValue(v)
	case int:
		return attribute.IntValue(v)
	case int8:
		return attribute.Int64Value(int64(v))
	case int16:
		return attribute.Int64Value(int64(v))
	case int32:
		return attribute.Int64Value(int64(v))
	case int64:
		return attribute.Int64Value(v)
	case uint8:
		return attribute.Int64Value(int64(v))
	case uint16:
		return attribute.Int64Value(int64(v))
	case uint32:
		return attribute.Int64Value(int64(v))
	case uint:
		return unsigned(uint64(v))
	case uint64:
		return unsigned(v)
	case float32:
		return attribute.Float64Value(float64(v))
	case float64:
		return attribute.Float64Value(v)
	case []byte:
		return attribute.ByteSliceValue(v)
	case []string:
		return attribute.StringSliceValue(v)
	case time.Time:
		return attribute.StringValue(v.Format(time.RFC3339Nano))
	case time.Duration:
		return attribute.StringValue(v.String())
	case error, fmt.Stringer:
		return attribute.StringValue(text(v))
	}
	if depth < maxDepth {
		switch v := v.(type) {
		case []any:
			vs := make([]attribute.Value, len(v))
			for i, e := range v {
				vs[i] = value(e, depth+1)
			}
			return attribute.SliceValue(vs...)
		case map[string]any:
			return attribute.MapValue(appendMap(nil, v, depth+1)...)
		}
	}
	return attribute.StringValue(text(v))
}

// appendMap converts a map found depth levels down (the record's Extra at
// depth 0), keys sorted so that the same record always gives the same
// attribute list.
func appendMap(kvs []attribute.KeyValue, m map[string]any, depth int) []attribute.KeyValue {
	var arr [16]string
	keys := arr[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		kvs = append(kvs, attribute.KeyValue{Key: attribute.Key(k), Value: value(m[k], depth)})
	}
	return kvs
}

// unsigned keeps a uint64 an integer while it fits OpenTelemetry's int64.
func unsigned(v uint64) attribute.Value {
	if v > math.MaxInt64 {
		return attribute.StringValue(strconv.FormatUint(v, 10))
	}
	return attribute.Int64Value(int64(v))
}

// text renders v as loguru's {extra} does: errors and Stringers by their
// method, with a panic in it shown rather than raised, and values that
// contain themselves cut at the cycle, where fmt would overflow the stack,
// which no recover catches.
func text(v any) string { return loguru.ValueText(v) }
