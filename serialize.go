package loguru

import (
	"strconv"
	"time"

	"github.com/loguru-go/loguru/internal/caller"
	"github.com/loguru-go/loguru/internal/jsonenc"
	"github.com/loguru-go/loguru/internal/timefmt"
	"github.com/loguru-go/loguru/internal/traceback"
)

// encoding is how a handler writes a record: as text, as Loguru's
// serialized JSON, or as a slim JSON object.
type encoding uint8

const (
	encText encoding = iota
	encSerialize
	encJSON
)

// appendSerialized writes Loguru's serialize=True line: the formatted text
// and the whole record, with Loguru's keys in Loguru's order and Python's
// json.dumps separators, so tools written for Loguru read it unchanged.
func appendSerialized(b, text []byte, r *Record, view traceback.View) []byte {
	b = append(b, `{"text": `...)
	b = jsonenc.AppendBytes(b, text)
	b = append(b, `, "record": {"elapsed": {"repr": `...)
	b = append(b, '"')
	b = timefmt.AppendDuration(b, r.Elapsed)
	b = append(b, '"')
	b = append(b, `, "seconds": `...)
	b = jsonenc.AppendFloat(b, micros(r.Elapsed))
	b = append(b, `}, "exception": `...)
	if e := r.Exception; e != nil {
		b = traceback.AppendJSON(b, e.build(r.extraMap()), view, ": ", ", ")
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `, "extra": `...)
	b = appendExtraJSON(b, r, styleSerialize)
	b = append(b, `, "file": {"name": `...)
	b = jsonenc.AppendString(b, r.File.Name)
	b = append(b, `, "path": `...)
	b = jsonenc.AppendString(b, r.File.Path)
	b = append(b, `}, "function": `...)
	b = jsonenc.AppendString(b, r.Function)
	b = append(b, `, "level": {"icon": `...)
	b = jsonenc.AppendString(b, r.Level.Icon)
	b = append(b, `, "name": `...)
	b = jsonenc.AppendString(b, r.Level.Name)
	b = append(b, `, "no": `...)
	b = strconv.AppendInt(b, int64(r.Level.No), 10)
	b = append(b, `}, "line": `...)
	b = strconv.AppendInt(b, int64(r.Line), 10)
	b = append(b, `, "message": `...)
	b = jsonenc.AppendString(b, r.Message)
	b = append(b, `, "module": `...)
	b = jsonenc.AppendString(b, r.Module)
	b = append(b, `, "name": `...)
	b = jsonenc.AppendString(b, r.Name)
	b = append(b, `, "process": {"id": `...)
	b = strconv.AppendInt(b, int64(r.Process.ID), 10)
	b = append(b, `, "name": `...)
	b = jsonenc.AppendString(b, r.Process.Name)
	b = append(b, `}, "thread": {"id": `...)
	b = strconv.AppendInt(b, r.Thread.ID, 10)
	b = append(b, `, "name": `...)
	b = jsonenc.AppendString(b, r.Thread.Name)
	b = append(b, `}, "time": {"repr": `...)
	b = append(b, '"')
	b = timefmt.AppendPython(b, r.Time)
	b = append(b, '"')
	b = append(b, `, "timestamp": `...)
	b = jsonenc.AppendFloat(b, timestamp(r.Time))
	return append(b, "}}}\n"...)
}

// recordTimes caches the calendar text of records' times for JSON lines.
var recordTimes timefmt.RFC3339Cache

// appendJSON writes the slim JSON line: time, level, caller, message, and
// Extra and the error when there are any.
func appendJSON(b []byte, r *Record, view traceback.View) []byte {
	b = append(b, `{"time":"`...)
	b = recordTimes.AppendRFC3339Nano(b, r.Time)
	b = append(b, `","level":`...)
	b = jsonenc.AppendString(b, r.Level.Name)
	if f := r.frame; f != nil && len(f.JSON) > 0 && f.Name == r.Name && f.Function == r.Function && f.Line == r.Line {
		b = append(b, f.JSON...) // encoded once per call site
	} else {
		b = caller.AppendJSON(b, r.Name, r.Function, r.Line)
	}
	b = append(b, `,"message":`...)
	b = jsonenc.AppendString(b, r.Message)
	if r.hasExtra() {
		b = append(b, `,"extra":`...)
		b = appendExtraJSON(b, r, styleSlim)
	}
	if e := r.Exception; e != nil {
		b = append(b, `,"exception":`...)
		b = traceback.AppendJSON(b, e.build(r.extraMap()), view, ":", ",")
	}
	return append(b, "}\n"...)
}

// micros is d in seconds at microsecond precision, as Python's
// timedelta.total_seconds gives it.
func micros(d time.Duration) float64 {
	return float64(d.Microseconds()) / 1e6
}

// timestamp is t as Python's datetime.timestamp gives it: seconds since the
// epoch, at microsecond precision.
func timestamp(t time.Time) float64 {
	return float64(t.UnixMicro()) / 1e6
}
