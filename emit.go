package loguru

import (
	"maps"
	"strings"
	"sync"

	"github.com/loguru-go/loguru/internal/buffer"
	"github.com/loguru-go/loguru/internal/caller"
	"github.com/loguru-go/loguru/internal/markup"
	"github.com/loguru-go/loguru/internal/pyfmt"
	"github.com/loguru-go/loguru/internal/template"
	"github.com/loguru-go/loguru/internal/traceback"
)

// callerSkip is the number of frames between emit and the user's call:
// emit <- logStd/logName/logErr <- Info/Log/Exception (method or package
// function) <- user.
const callerSkip = 3

func (l *Logger) logStd(idx int, msg string, args []any) {
	st := l.core.state.Load()
	if lv := &st.levels.std[idx]; lv.No >= st.minLevel {
		l.emit(st, lv, nil, msg, args, nil)
	}
}

// logName logs at a level given by name, with ...any arguments (Log) or
// typed Fields (LogFields).
func (l *Logger) logName(level, msg string, args []any, fields []Field) {
	st := l.core.state.Load()
	if lv := st.levels.std1(level); lv != nil {
		if lv.No >= st.minLevel {
			l.emit(st, lv, nil, msg, args, fields)
		}
		return
	}
	lv, err := st.levels.resolve(level)
	if err != nil {
		l.core.reportCall(err)
		return
	}
	if lv.No >= st.minLevel {
		l.emit(st, &lv, nil, msg, args, fields)
	}
}

func (l *Logger) logErr(err error, msg string, args []any) {
	st := l.core.state.Load()
	if lv := &st.levels.std[idxError]; lv.No >= st.minLevel {
		l.emit(st, lv, err, msg, args, nil)
	}
}

var recordPool = sync.Pool{New: func() any { return &Record{scratch: make([]byte, 0, 512)} }}

// maxScratch is the largest formatting buffer a pooled record keeps.
const maxScratch = 64 << 10

// emit builds the record and hands it to each handler. The caller has
// already checked that some handler accepts the level.
func (l *Logger) emit(st *state, lv *Level, err error, msg string, args []any, fields []Field) {
	needs := l.needs(st)
	var pc uintptr
	frame := caller.Unknown
	if needs&template.NeedCaller != 0 {
		pc, frame = caller.Site(callerSkip + l.opts.Depth)
	}
	r := l.beginAt(st, lv, pc, frame, needs)
	if r == nil {
		return
	}
	if err == nil {
		err = l.opts.Exception
	}
	if err != nil || l.opts.Stack {
		// Program counters only: the report is built when a handler
		// formats the record.
		site := traceback.Capture(callerSkip + l.opts.Depth)
		r.Exception = newException(err, site, l.opts.Stack, st.diagnose)
	}
	l.fill(st, r, msg, args, fields)
}

// fill formats the message and Extra of a begun record and hands it to the
// handlers.
func (l *Logger) fill(st *state, r *Record, msg string, args []any, fields []Field) {
	given := l.prepareArgs(r, args, fields)
	l.buildExtra(st, r, false)
	l.buildMessage(r, msg, given)
	l.finish(st, r)
}

// needs says which costly record parts this call must fill: those the
// handlers' formats use, and all of them when user code sees the record.
func (l *Logger) needs(st *state) template.Needs {
	if len(l.patchers) > 0 || st.patches() || l.opts.Record {
		return st.needs | template.NeedCaller | template.NeedThread | template.NeedExtra
	}
	return st.needs
}

// begin takes a record from the pool and fills what every call shares: time,
// level, caller (from pc), process and goroutine. It returns nil when the
// caller's package is disabled.
func (l *Logger) begin(st *state, lv *Level, pc uintptr, needs template.Needs) *Record {
	frame := caller.Unknown
	if needs&template.NeedCaller != 0 {
		frame = caller.Lookup(pc)
	}
	return l.beginAt(st, lv, pc, frame, needs)
}

// beginAt is begin with the caller's frame already resolved.
func (l *Logger) beginAt(st *state, lv *Level, pc uintptr, frame *caller.Frame, needs template.Needs) *Record {
	if needs&template.NeedCaller != 0 && len(st.activation) > 0 && !st.activation.enabled(frame.Name) {
		return nil
	}
	r := recordPool.Get().(*Record)
	r.Time = l.core.now()
	r.Elapsed = r.Time.Sub(l.core.start)
	r.Level = *lv
	r.Name, r.Function, r.Module, r.Line = frame.Name, frame.Function, frame.Module, frame.Line
	r.frame = frame
	r.File = File{Name: frame.File, Path: frame.Path}
	r.pc = pc
	r.Process = Process{ID: processID, Name: processName}
	if needs&template.NeedThread != 0 {
		r.Thread = threadOf(goroutineID())
	}
	r.ctx = l.ctx
	r.raw = l.opts.Raw
	return r
}

// finish runs the patchers, hands r to each handler and returns r to the
// pool.
func (l *Logger) finish(st *state, r *Record) {
	if st.patcher != nil {
		l.patch(st.patcher, r)
	}
	for _, p := range st.added {
		l.patch(p, r)
	}
	for _, p := range l.patchers {
		l.patch(p, r)
	}
	if r.Exception != nil {
		r.Exception.keepFields(r)
	}
	for _, h := range st.handlers {
		h.handle(r)
	}
	r.release()
}

// release clears r and returns it to the pool, keeping its slices and map.
func (r *Record) release() {
	if len(r.pos) > 0 {
		clear(r.pos)
	}
	fields := r.fields
	if len(fields) > 64 {
		fields = nil
	} else if len(fields) > 0 {
		clear(fields)
	}
	owned := r.owned
	if len(owned) > 64 {
		owned = nil
	} else if len(owned) > 0 {
		clear(owned)
	}
	scratch := r.scratch[:0]
	if cap(scratch) > maxScratch {
		scratch = nil // a huge record must not pin its memory in the pool
	}
	*r = Record{owned: owned, pos: r.pos[:0], fields: fields[:0], scratch: scratch}
	recordPool.Put(r)
}

// safeError calls err.Error, containing a panic in it, as reports do.
func safeError(err error) string { return traceback.ErrorText(err) }

func pyfmtValue(v any) string { return string(pyfmt.AppendValue(nil, v)) }

// prepareArgs resolves lazy arguments and splits the Fields (named
// arguments) from the positional ones, copying both into the record: only
// the arguments' contents escape, not the caller's variadic slice. It
// reports whether any argument was given.
func (l *Logger) prepareArgs(r *Record, args []any, fields []Field) bool {
	if len(args) == 0 && len(fields) == 0 {
		return false
	}
	pos := r.pos[:0]
	fs := append(r.fields[:0], fields...)
	for _, a := range args {
		if f, ok := a.(Field); ok {
			fs = append(fs, f)
		} else {
			pos = append(pos, a)
		}
	}
	r.pos, r.fields = pos, fs
	if l.opts.Lazy {
		resolveLazy(pos, fs)
	}
	r.named = namedArgs{fields: fs}
	r.captured = len(fs) > 0 && l.opts.Capture != Off
	return true
}

// buildMessage formats the message, only when arguments were given. It runs
// after buildExtra so that "{record.extra[key]}" sees the bound values.
func (l *Logger) buildMessage(r *Record, msg string, given bool) {
	o := &l.opts
	pos := r.pos
	if r.literal {
		// Catch's message: Record does not make it a template.
		if o.Colors {
			r.Message, r.colorMsg = colorMessage(msg, false, nil, &r.named)
			r.plainMsg = r.Message
		} else {
			r.Message = msg
		}
		return
	}
	if !given && !o.Colors && !o.Record {
		r.Message = msg
		return
	}
	if o.Record {
		// Record is an explicit opt-in that reaches only the record's
		// fields: it formats the message even without arguments, as
		// Loguru's opt(record=True) does.
		given = true
		r.named.rec = r
	}
	if o.Colors {
		r.Message, r.colorMsg = colorMessage(msg, given, pos, &r.named)
		r.plainMsg = r.Message
		return
	}
	// Two IndexByte scans are much cheaper than ContainsAny, which builds
	// a byte set at each call.
	if len(pos) == 0 && strings.IndexByte(msg, '{') < 0 && strings.IndexByte(msg, '}') < 0 {
		r.Message = msg // nothing to replace: spare the copy
		return
	}
	buf := buffer.Get()
	defer buf.Free()
	buf.B = pyfmt.Format(buf.B, msg, pos, &r.named)
	r.Message = string(buf.B)
}

// resolveLazy replaces func() any arguments, plain or in Fields, by their
// results.
func resolveLazy(pos []any, fields []Field) {
	for i, a := range pos {
		if f, ok := a.(func() any); ok {
			pos[i] = f()
		}
	}
	for i, f := range fields {
		if fn, ok := f.Value.(func() any); ok {
			fields[i].Value = fn()
		}
	}
}

// colorMessage formats a message logged with Colors. Markup is read only in
// the message's own literal text, never in its arguments, so a value such as
// a user name cannot inject colors. It returns the text without markup and
// the colored operations. Invalid markup leaves the message as written.
func colorMessage(msg string, format bool, pos []any, named pyfmt.Named) (string, []markup.Op) {
	colored, plain := markup.NewParser(true), markup.NewParser(false)
	var ops []markup.Op
	var text strings.Builder
	var bad error
	lit := func(s string) {
		if bad != nil {
			return
		}
		c, err := colored.Feed(s)
		p, _ := plain.Feed(s)
		if err != nil {
			bad = err
			return
		}
		ops = append(ops, c...)
		for _, op := range p {
			text.WriteString(op.Text)
		}
	}
	field := func(b []byte) {
		ops = append(ops, markup.Op{Kind: markup.OpText, Text: string(b)})
		text.Write(b)
	}
	if format {
		pyfmt.Walk(msg, pos, named, lit, field)
	} else {
		lit(msg)
	}
	if bad == nil {
		bad = colored.Finish()
	}
	if bad != nil {
		if format {
			return string(pyfmt.Format(nil, msg, pos, named)), nil
		}
		return msg, nil
	}
	return text.String(), ops
}

// namedArgs resolves "{name}" in a message from the Fields among the
// arguments, and "{record.x}" from the record when CallOptions.Record is set.
type namedArgs struct {
	fields []Field
	rec    *Record
}

// Lookup implements pyfmt.Named. The last Field with the name wins.
func (n *namedArgs) Lookup(name string) (any, bool) {
	for i := len(n.fields) - 1; i >= 0; i-- {
		if f := &n.fields[i]; f.Key == name {
			return f.Value, true
		}
	}
	if n.rec == nil {
		return nil, false
	}
	field, ok := template.RecordField(name)
	if !ok {
		return nil, false
	}
	op, _, err := template.Field(field)
	if err != nil {
		return nil, false
	}
	return fieldValue(&op, n.rec), true
}

// buildExtra merges, from lowest to highest precedence, Config.Extra, the
// context's values, the bound values and the captured Fields, as Loguru
// does. When only one of them has values and nothing may change the result
// (no Fields, no patcher, own is false), the record shares that map instead
// of copying it. With own, r.Extra is the record's own map, for the caller
// to add to.
func (l *Logger) buildExtra(st *state, r *Record, own bool) {
	ctxExtra := contextExtra(r.ctx)
	if !own && !r.captured && len(l.patchers) == 0 && !st.patches() {
		if shared, ok := onlyOne(st.extra, ctxExtra, l.extra); ok {
			r.Extra = shared
			if l.frozen != nil && len(shared) > 0 && len(l.extra) > 0 {
				r.frozen = l.frozen // shared is l.extra: the others are empty
			}
			return
		}
	}
	r.fieldsOnly = !own && r.captured && len(l.patchers) == 0 && !st.patches() &&
		len(st.extra) == 0 && len(ctxExtra) == 0 && len(l.extra) == 0
	if r.fieldsOnly && l.needs(st)&template.NeedExtra == 0 && r.Exception == nil {
		// No handler reads the map: encoders use the Fields, and the map
		// is built only if a report or a copy asks for it.
		r.lazyExtra = true
		return
	}
	m := r.ownMap(len(st.extra) + len(ctxExtra) + len(l.extra) + len(r.fields))
	maps.Copy(m, st.extra)
	maps.Copy(m, ctxExtra)
	maps.Copy(m, l.extra)
	if r.captured {
		r.addFields(m)
	}
	r.Extra = m
}

// ownMap returns the record's own (pooled, empty) map, made on first use.
func (r *Record) ownMap(size int) map[string]any {
	if r.owned == nil {
		r.owned = make(map[string]any, size)
	}
	return r.owned
}

// addFields adds the call's Fields to m, the last of a repeated key winning.
func (r *Record) addFields(m map[string]any) {
	for _, f := range r.fields {
		m[f.Key] = f.Value
	}
}

// extraMap returns Extra, building it first if the record deferred it.
func (r *Record) extraMap() map[string]any {
	if r.lazyExtra {
		r.lazyExtra = false
		r.Extra = r.ownMap(len(r.fields))
		r.addFields(r.Extra)
	}
	return r.Extra
}

// hasExtra reports whether the record has values in Extra.
func (r *Record) hasExtra() bool { return r.lazyExtra || len(r.Extra) > 0 }

// onlyOne returns the one non-empty map among ms (nil when all are empty),
// or false when several have values.
func onlyOne(ms ...map[string]any) (map[string]any, bool) {
	var found map[string]any
	for _, m := range ms {
		if len(m) == 0 {
			continue
		}
		if found != nil {
			return nil, false
		}
		found = m
	}
	return found, true
}

// patch runs one patcher; a panic in it is reported and logging goes on with
// the record as the patcher left it.
func (l *Logger) patch(p func(*Record), r *Record) {
	defer func() {
		if v := recover(); v != nil {
			l.core.reportPatcher(r, panicError{v})
		}
	}()
	p(r)
}

// Emit logs a record made elsewhere, such as one received from another
// process or built by a bridge from another logging library, with its own
// time, elapsed time, level, caller, process, goroutine, message and
// exception: no caller is looked up and the message is not formatted. The
// logger's bound and contextual values are added to the record's Extra
// (the record's own win), its patchers run, and every handler takes the
// record as any other: its level, filters, Enable and Disable (by r.Name)
// apply. Emit copies what it needs: r is not kept.
func (l *Logger) Emit(r *Record) {
	if r == nil {
		return
	}
	st := l.core.state.Load()
	if r.Level.No < st.minLevel || (len(st.activation) > 0 && !st.activation.enabled(r.Name)) {
		return
	}
	rec := recordPool.Get().(*Record)
	rec.Time, rec.Elapsed, rec.Level = r.Time, r.Elapsed, r.Level
	rec.Name, rec.Function, rec.Module, rec.File, rec.Line = r.Name, r.Function, r.Module, r.File, r.Line
	rec.Process, rec.Thread = r.Process, r.Thread
	rec.Message, rec.Exception = r.Message, r.Exception
	rec.ctx = l.ctx
	rec.raw = l.opts.Raw
	l.buildExtra(st, rec, true)
	maps.Copy(rec.Extra, r.Extra)
	l.finish(st, rec)
}
