package otel

import (
	"log/slog"
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
// text loguru gives it, since the receiving end cannot know Go types.
// Scalars are sorted by log/slog, whose kinds are OpenTelemetry's.
func value(v any, depth int) attribute.Value {
	sv := slog.AnyValue(v).Resolve()
	switch sv.Kind() {
	case slog.KindString:
		return attribute.StringValue(sv.String())
	case slog.KindBool:
		return attribute.BoolValue(sv.Bool())
	case slog.KindInt64:
		return attribute.Int64Value(sv.Int64())
	case slog.KindUint64:
		return unsigned(sv.Uint64())
	case slog.KindFloat64:
		return attribute.Float64Value(sv.Float64())
	case slog.KindTime:
		return attribute.StringValue(sv.Time().Format(time.RFC3339Nano))
	case slog.KindDuration:
		return attribute.StringValue(sv.Duration().String())
	case slog.KindGroup:
		if depth < maxDepth {
			return attribute.MapValue(appendGroup(nil, sv.Group(), depth+1)...)
		}
		return attribute.StringValue(text(v))
	}
	return other(sv.Any(), depth)
}

// other converts what slog keeps as it is: nil, byte and string slices,
// containers of any, and values with methods or of other types.
func other(v any, depth int) attribute.Value {
	switch v := v.(type) {
	case nil:
		return attribute.Value{}
	case []byte:
		return attribute.ByteSliceValue(v)
	case []string:
		return attribute.StringSliceValue(v)
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

// appendGroup converts the attributes of a slog group, in their order.
func appendGroup(kvs []attribute.KeyValue, attrs []slog.Attr, depth int) []attribute.KeyValue {
	for _, a := range attrs {
		kvs = append(kvs, attribute.KeyValue{Key: attribute.Key(a.Key), Value: value(a.Value, depth)})
	}
	return kvs
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
