package netsink

import (
	"maps"
	"strconv"

	"github.com/loguru-go/loguru"
)

// emitter re-emits the records of one connection. Its patcher copies the
// remote record into the one the logger builds; the two run in the same
// call on the connection's goroutine, so cur needs no lock.
type emitter struct {
	log *loguru.Logger
	cur *remote
}

func newEmitter(l *loguru.Logger) *emitter {
	e := &emitter{}
	// Opt drops the given logger's call options: a remote message must
	// never be read as markup (Colors) or formatted.
	e.log = l.Patch(e.patch).Opt(loguru.CallOptions{})
	return e
}

// emit logs r. A level known locally by name is used as it is, with its
// local number and color; another is logged by its number and named as the
// client named it (see the package documentation).
func (e *emitter) emit(r *remote) {
	e.cur = r
	defer func() { e.cur = nil }()
	level := r.rec.Level.Name
	if lv, err := e.log.LookupLevel(level); err == nil {
		r.rec.Level = lv
	} else {
		level = strconv.Itoa(r.rec.Level.No)
		r.rec.Level.Icon = " "
	}
	// No arguments: the message is taken as it is, never formatted.
	e.log.Log(level, r.rec.Message)
}

func (e *emitter) patch(r *loguru.Record) {
	c := e.cur
	if c == nil {
		return
	}
	s := &c.rec
	r.Time, r.Elapsed, r.Level = s.Time, s.Elapsed, s.Level
	r.Name, r.Function, r.Module, r.File, r.Line = s.Name, s.Function, s.Module, s.File, s.Line
	r.Process, r.Thread = s.Process, s.Thread
	if len(c.extra) > 0 {
		if r.Extra == nil {
			r.Extra = make(map[string]any, len(c.extra))
		}
		maps.Copy(r.Extra, c.extra) // the client's values win over the server's bound ones
	}
	if x := c.exc; x != nil {
		// Shown as the client rendered it, not as an error of this process.
		r.Exception = &loguru.ExceptionInfo{Type: x.Type, Value: x.Value, Panic: x.Panic, Err: x, Text: x.Traceback}
	}
}
