package netsink

import "github.com/loguru-go/loguru"

// emitter re-emits the records of the server's connections through
// Logger.Emit: each keeps its client's time, level, caller, process,
// goroutine and message, and its Extra wins over the server's bound values.
type emitter struct {
	log *loguru.Logger
}

func newEmitter(l *loguru.Logger) *emitter {
	// Opt drops the given logger's call options: a remote message must
	// never be read as markup (Colors) or formatted.
	return &emitter{log: l.Opt(loguru.CallOptions{})}
}

// emit logs r. A level known locally by name is used as it is, with its
// local number and color; another keeps the client's name and number (see
// the package documentation).
func (e *emitter) emit(r *remote) {
	rec := r.rec
	if lv, err := e.log.LookupLevel(rec.Level.Name); err == nil {
		rec.Level = lv
	} else {
		rec.Level = loguru.Level{Name: rec.Level.Name, No: rec.Level.No, Icon: " "}
	}
	rec.Extra = r.extra
	if x := r.exc; x != nil {
		// Shown as the client rendered it, not as an error of this process.
		rec.Exception = &loguru.ExceptionInfo{Type: x.Type, Value: x.Value, Panic: x.Panic, Err: x, Text: x.Traceback}
	}
	e.log.Emit(&rec)
}
