package loguru

import (
	"strconv"

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

// A record is written as JSON in three shapes by one set of field writers
// (jsonWriter.value). Two shapes are lists of fields in order, which
// appendRecordJSON follows; the slim JSON line, the hot one, is written by
// appendJSON itself.
//
//   - Serialize: Loguru's serialize=True record, its keys and order and
//     Python's separators, so that tools written for Loguru read it.
//   - slim JSON lines: time, level, caller, message, then Extra and the
//     error when there are any.
//   - the whole record (Record.AppendJSON, netsink's payload): every field,
//     times to the nanosecond, the error as text.
//
// A shape that lists its fields:
type jsonShape struct {
	style  jsonStyle
	fields []jsonField
	keys   []string // for each field, what comes before its value: "{" or the comma, the key, the colon
}

// jsonField is one field of a record in the way one shape writes it.
type jsonField uint8

const (
	jTime          jsonField = iota // "time":"2026-12-07T05:32:23.123456789Z"
	jTimeRepr                       // "time": {"repr": Python's, "timestamp": seconds}
	jElapsed                        // "elapsed":nanoseconds
	jElapsedRepr                    // "elapsed": {"repr": "0:00:01.5", "seconds": 1.5}
	jLevel                          // "level":{"name":"INFO","no":20}
	jLevelIcon                      // "level": {"icon": "ℹ️", "name": "INFO", "no": 20}
	jName                           // "name"
	jFunction                       // "function"
	jModule                         // "module"
	jFile                           // "file": {"name": ..., "path": ...}
	jLine                           // "line"
	jMessage                        // "message"
	jProcess                        // "process": {"id": ..., "name": ...}
	jThread                         // "thread": {"id": ..., "name": ...}
	jExtra                          // "extra", always
	jSomeExtra                      // "extra", when there is any (never a shape's first field)
	jException                      // "exception", as a structure, null when none
	jExceptionText                  // "exception": type, value, panic and the traceback's text, when there is one (never first)
	numJSONFields
)

// jsonFieldKeys is the key of each field.
var jsonFieldKeys = [numJSONFields]jsonKey{
	jTime: kTime, jTimeRepr: kTime, jElapsed: kElapsed, jElapsedRepr: kElapsed, jLevel: kLevel,
	jLevelIcon: kLevel, jName: kName, jFunction: kFunction, jModule: kModule, jFile: kFile,
	jLine: kLine, jMessage: kMessage, jProcess: kProcess, jThread: kThread, jExtra: kExtra,
	jSomeExtra: kExtra, jException: kException, jExceptionText: kException,
}

var (
	serializeShape = newJSONShape(styleSerialize, jElapsedRepr, jException, jExtra, jFile, jFunction, jLevelIcon, jLine, jMessage, jModule, jName, jProcess, jThread, jTimeRepr)
	wholeShape     = newJSONShape(styleSlim, jTime, jElapsed, jLevel, jMessage, jName, jFunction, jModule, jFile, jLine, jProcess, jThread, jSomeExtra, jExceptionText)
)

func newJSONShape(style jsonStyle, fields ...jsonField) *jsonShape {
	s := &jsonShape{style: style, fields: fields}
	for i, f := range fields {
		if i == 0 {
			s.keys = append(s.keys, jsonOpenTokens[style][jsonFieldKeys[f]])
		} else {
			s.keys = append(s.keys, jsonNextTokens[style][jsonFieldKeys[f]])
		}
	}
	return s
}

// appendRecordJSON writes r as one JSON object in the shape.
func appendRecordJSON(b []byte, r *Record, s *jsonShape, view traceback.View) []byte {
	w := jsonWriter{style: s.style, view: view}
	for i, f := range s.fields {
		if f.present(r) {
			b = w.value(append(b, s.keys[i]...), r, f)
		}
	}
	return append(b, '}')
}

// present reports whether a field that is written only when it has a
// value has one.
func (f jsonField) present(r *Record) bool {
	switch f {
	case jSomeExtra:
		return r.hasExtra()
	case jExceptionText:
		return r.Exception != nil
	}
	return true
}

// jsonKey names a key of a record's JSON.
type jsonKey uint8

const (
	kElapsed jsonKey = iota
	kException
	kExtra
	kFile
	kFunction
	kIcon
	kId
	kLevel
	kLine
	kMessage
	kModule
	kName
	kNo
	kPanic
	kPath
	kProcess
	kRepr
	kSeconds
	kThread
	kTime
	kTimestamp
	kTraceback
	kType
	kValue
	numJSONKeys
)

var jsonKeyNames = [numJSONKeys]string{kElapsed: "elapsed", kException: "exception", kExtra: "extra", kFile: "file", kFunction: "function", kIcon: "icon", kId: "id", kLevel: "level", kLine: "line", kMessage: "message", kModule: "module", kName: "name", kNo: "no", kPanic: "panic", kPath: "path", kProcess: "process", kRepr: "repr", kSeconds: "seconds", kThread: "thread", kTime: "time", kTimestamp: "timestamp", kTraceback: "traceback", kType: "type", kValue: "value"}

// The text before a value, for each style and key, so that it is one
// append: an object's first key (`{"k":`) and the next ones (`,"k":`).
var jsonOpenTokens, jsonNextTokens = jsonTokens()

func jsonTokens() (open, next [numJSONStyles][numJSONKeys]string) {
	for s := range numJSONStyles {
		colon, comma := s.seps()
		for k, name := range jsonKeyNames {
			open[s][k] = `{"` + name + `"` + colon
			next[s][k] = comma + `"` + name + `"` + colon
		}
	}
	return open, next
}

// jsonWriter writes the values of one shape's fields.
type jsonWriter struct {
	style jsonStyle
	view  traceback.View
}

// open appends the start of an object and its first key.
func (w *jsonWriter) open(b []byte, k jsonKey) []byte {
	return append(b, jsonOpenTokens[w.style][k]...)
}

// next appends the comma and the next key of an object.
func (w *jsonWriter) next(b []byte, k jsonKey) []byte {
	return append(b, jsonNextTokens[w.style][k]...)
}

// recordTimes caches the calendar text of records' times.
var recordTimes timefmt.RFC3339Cache

// value writes the value of one field.
func (w *jsonWriter) value(b []byte, r *Record, f jsonField) []byte {
	switch f {
	case jTime:
		b = append(b, '"')
		b = recordTimes.AppendRFC3339Nano(b, r.Time)
		return append(b, '"')
	case jTimeRepr: // datetime.timestamp()
		return w.reprEnd(timefmt.AppendPython(w.reprStart(b), r.Time), kTimestamp, r.Time.UnixMicro())
	case jElapsed:
		return strconv.AppendInt(b, int64(r.Elapsed), 10)
	case jElapsedRepr: // timedelta.total_seconds()
		return w.reprEnd(timefmt.AppendDuration(w.reprStart(b), r.Elapsed), kSeconds, r.Elapsed.Microseconds())
	case jLevel:
		b = jsonenc.AppendString(w.open(b, kName), r.Level.Name)
		b = strconv.AppendInt(w.next(b, kNo), int64(r.Level.No), 10)
		return append(b, '}')
	case jLevelIcon:
		b = jsonenc.AppendString(w.open(b, kIcon), r.Level.Icon)
		b = jsonenc.AppendString(w.next(b, kName), r.Level.Name)
		b = strconv.AppendInt(w.next(b, kNo), int64(r.Level.No), 10)
		return append(b, '}')
	case jName:
		return jsonenc.AppendString(b, r.Name)
	case jFunction:
		return jsonenc.AppendString(b, r.Function)
	case jModule:
		return jsonenc.AppendString(b, r.Module)
	case jFile:
		b = jsonenc.AppendString(w.open(b, kName), r.File.Name)
		b = jsonenc.AppendString(w.next(b, kPath), r.File.Path)
		return append(b, '}')
	case jLine:
		return strconv.AppendInt(b, int64(r.Line), 10)
	case jMessage:
		return jsonenc.AppendString(b, r.Message)
	case jProcess:
		return w.idName(b, int64(r.Process.ID), r.Process.Name)
	case jThread:
		return w.idName(b, r.Thread.ID, r.Thread.Name)
	case jExtra, jSomeExtra:
		return appendExtraJSON(b, r, w.style)
	case jException:
		return appendExceptionJSON(b, r, w.view, w.style)
	case jExceptionText:
		e := r.Exception
		b = jsonenc.AppendString(w.open(b, kType), e.Type)
		b = jsonenc.AppendString(w.next(b, kValue), e.Value)
		b = strconv.AppendBool(w.next(b, kPanic), e.Panic)
		b = jsonenc.AppendString(w.next(b, kTraceback), e.String())
		return append(b, '}')
	}
	return b
}

// reprStart and reprEnd surround Python's repr of a time or a duration:
// {"repr": "<repr>", "<k>": <micros in seconds>}.
func (w *jsonWriter) reprStart(b []byte) []byte { return append(w.open(b, kRepr), '"') }

func (w *jsonWriter) reprEnd(b []byte, k jsonKey, micros int64) []byte {
	return append(jsonenc.AppendMicros(w.next(append(b, '"'), k), micros), '}')
}

// idName appends {"id": id, "name": name}, a process or a thread.
func (w *jsonWriter) idName(b []byte, id int64, name string) []byte {
	b = strconv.AppendInt(w.open(b, kId), id, 10)
	b = jsonenc.AppendString(w.next(b, kName), name)
	return append(b, '}')
}

// appendCallerJSON appends ,"name":...,"function":...,"line":N, as encoded
// once per call site when the record still has the call site's.
func appendCallerJSON(b []byte, r *Record) []byte {
	if fr := r.frame; fr != nil && len(fr.JSON) > 0 && fr.Name == r.Name && fr.Function == r.Function && fr.Line == r.Line {
		return append(b, fr.JSON...)
	}
	return caller.AppendJSON(b, r.Name, r.Function, r.Line)
}

// appendExceptionJSON appends the error as a structure (its frames, and
// values with diagnose), or null.
func appendExceptionJSON(b []byte, r *Record, view traceback.View, style jsonStyle) []byte {
	if e := r.Exception; e != nil {
		colon, comma := style.seps()
		return traceback.AppendJSON(b, e.build(r.extraMap()), view, colon, comma)
	}
	return append(b, "null"...)
}

// appendSerialized writes Loguru's serialize=True line: the formatted text
// and the whole record.
func appendSerialized(b, text []byte, r *Record, view traceback.View) []byte {
	b = append(b, `{"text": `...)
	b = jsonenc.AppendBytes(b, text)
	b = append(b, `, "record": `...)
	b = appendRecordJSON(b, r, serializeShape, view)
	return append(b, "}\n"...)
}

// appendJSON writes the slim JSON line. It is the hot one, so it writes
// its keys as literals and calls the field writers itself rather than
// going through a list.
func appendJSON(b []byte, r *Record, view traceback.View) []byte {
	b = append(b, `{"time":"`...)
	b = recordTimes.AppendRFC3339Nano(b, r.Time)
	b = append(b, `","level":`...)
	b = jsonenc.AppendString(b, r.Level.Name)
	b = appendCallerJSON(b, r)
	b = append(b, `,"message":`...)
	b = jsonenc.AppendString(b, r.Message)
	if r.hasExtra() {
		b = appendExtraJSON(append(b, `,"extra":`...), r, styleSlim)
	}
	if r.Exception != nil {
		b = appendExceptionJSON(append(b, `,"exception":`...), r, view, styleSlim)
	}
	return append(b, "}\n"...)
}

// AppendJSON appends r as one JSON object with every field: time (RFC 3339
// to the nanosecond), elapsed (nanoseconds), level (name and no), message,
// name, function, module, file (name and path), line, process and thread
// (id and name), then extra and exception when there are any (the
// exception as its type, value, whether it was a panic, and the traceback
// as text). It is how netsink sends a record; a RecordSink may use it to
// write records as JSON without formatting their text.
func (r *Record) AppendJSON(b []byte) []byte {
	return appendRecordJSON(b, r, wholeShape, traceback.View{})
}
