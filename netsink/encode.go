package netsink

import (
	"strconv"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/jsonenc"
	"github.com/loguru-go/loguru/internal/timefmt"
)

// times caches the calendar text of record times: consecutive records
// mostly share their second.
var times timefmt.RFC3339Cache

// appendPayload writes r as the JSON payload of a frame. Written by hand
// rather than with encoding/json: it runs in the logging call, and Extra
// values of any type must encode without failing (see the package
// documentation).
func appendPayload(b []byte, r *loguru.Record) []byte {
	b = append(b, `{"time":"`...)
	b = times.AppendRFC3339Nano(b, r.Time)
	b = append(b, `","elapsed":`...)
	b = strconv.AppendInt(b, int64(r.Elapsed), 10)
	b = append(b, `,"level":{"name":`...)
	b = jsonenc.AppendString(b, r.Level.Name)
	b = append(b, `,"no":`...)
	b = strconv.AppendInt(b, int64(r.Level.No), 10)
	b = append(b, `},"message":`...)
	b = jsonenc.AppendString(b, r.Message)
	b = appendCaller(b, r)
	b = append(b, `,"process":{"id":`...)
	b = strconv.AppendInt(b, int64(r.Process.ID), 10)
	b = append(b, `,"name":`...)
	b = jsonenc.AppendString(b, r.Process.Name)
	b = append(b, `},"thread":{"id":`...)
	b = strconv.AppendInt(b, r.Thread.ID, 10)
	b = append(b, `,"name":`...)
	b = jsonenc.AppendString(b, r.Thread.Name)
	b = append(b, '}')
	if len(r.Extra) > 0 {
		b = append(b, `,"extra":`...)
		b = jsonenc.AppendValue(b, r.Extra)
	}
	if e := r.Exception; e != nil {
		b = appendException(b, e)
	}
	return append(b, '}')
}

func appendCaller(b []byte, r *loguru.Record) []byte {
	b = append(b, `,"name":`...)
	b = jsonenc.AppendString(b, r.Name)
	b = append(b, `,"function":`...)
	b = jsonenc.AppendString(b, r.Function)
	b = append(b, `,"module":`...)
	b = jsonenc.AppendString(b, r.Module)
	b = append(b, `,"file":{"name":`...)
	b = jsonenc.AppendString(b, r.File.Name)
	b = append(b, `,"path":`...)
	b = jsonenc.AppendString(b, r.File.Path)
	b = append(b, `},"line":`...)
	return strconv.AppendInt(b, int64(r.Line), 10)
}

// appendException sends the error as text: its type and message, and the
// traceback as the client renders it, since the frames and values exist
// only in the client's process.
func appendException(b []byte, e *loguru.ExceptionInfo) []byte {
	b = append(b, `,"exception":{"type":`...)
	b = jsonenc.AppendString(b, e.Type)
	b = append(b, `,"value":`...)
	b = jsonenc.AppendString(b, e.Value)
	b = append(b, `,"panic":`...)
	b = strconv.AppendBool(b, e.Panic)
	b = append(b, `,"traceback":`...)
	b = jsonenc.AppendString(b, e.String())
	return append(b, '}')
}
