package loguru

import (
	"bytes"
	"context"
	"log/slog"
	"maps"
	"slices"

	"github.com/loguru-go/loguru/internal/caller"
	"github.com/loguru-go/loguru/internal/pyfmt"
	"github.com/loguru-go/loguru/internal/template"
)

// NewSlogHandler returns a slog.Handler that logs through l: slog's records
// go to l's handlers with the caller slog recorded, Contextualize values of
// the context, l's bound values, and the attributes in Extra (groups become
// nested maps). To route log/slog and the standard log package into loguru:
//
//	slog.SetDefault(slog.New(loguru.NewSlogHandler(loguru.Default())))
//
// slog levels map to the nearest standard level: -8 TRACE, -4 DEBUG,
// 0 INFO, 2 SUCCESS, 4 WARNING, 8 ERROR, 12 CRITICAL (a tie goes to the more
// severe). slog messages are never formatted: "{}" in one is printed as is.
// A record with a zero time keeps it, as slog's handlers do when they omit
// the time. On a logger made with Ctx, a call's context is layered over the
// logger's: its values are looked up first, then the logger's.
func NewSlogHandler(l *Logger) slog.Handler {
	return &slogHandler{l: l}
}

type slogHandler struct {
	l      *Logger
	extra  map[string]any // from WithAttrs; never mutated once set
	groups []string       // open groups, for the attributes that follow
}

// Enabled reports whether some handler of the logger accepts level.
func (h *slogHandler) Enabled(_ context.Context, level slog.Level) bool {
	st := h.l.core.state.Load()
	return st.levels.std[fromSlog(level)].No >= st.minLevel
}

// Handle logs r.
func (h *slogHandler) Handle(ctx context.Context, sr slog.Record) error {
	l := h.l
	st := l.core.state.Load()
	lv := &st.levels.std[fromSlog(sr.Level)]
	if lv.No < st.minLevel {
		return nil
	}
	needs := l.needs(st)
	pc := sr.PC
	if pc == 0 && needs&template.NeedCaller != 0 {
		// The log package records no caller unless its flags ask for file
		// names: find the code that called it.
		pc = caller.Outside(1, stdlibLoggers...)
	}
	r := l.begin(st, lv, pc, needs)
	if r == nil {
		return nil
	}
	r.Time = sr.Time
	if !sr.Time.IsZero() {
		r.Elapsed = sr.Time.Sub(l.core.start)
	}
	r.ctx = layerContext(ctx, r.ctx)
	r.Message = sr.Message
	h.buildExtra(st, r, sr)
	l.finish(st, r)
	return nil
}

// layerContext is the context of a slog call on a logger that has one
// (NewSlogHandler(l.Ctx(ctx))): the call's values, then the logger's.
// slog passes context.Background() when the call has none.
func layerContext(call, logger context.Context) context.Context {
	switch {
	case call == nil || call == context.Background():
		if logger != nil {
			return logger
		}
		return call
	case logger == nil || logger == call:
		return call
	}
	return layered{Context: call, under: logger}
}

// layered is a context whose values fall back to another's.
type layered struct {
	context.Context
	under context.Context
}

func (c layered) Value(key any) any {
	if v := c.Context.Value(key); v != nil {
		return v
	}
	return c.under.Value(key)
}

// buildExtra adds the handler's attributes and the record's on top of what
// the logger would put in Extra.
func (h *slogHandler) buildExtra(st *state, r *Record, sr slog.Record) {
	more := len(h.extra) > 0 || sr.NumAttrs() > 0
	h.l.buildExtra(st, r, more)
	if !more {
		return
	}
	mergeAt(r.Extra, nil, h.extra) // a group bound to the logger is merged into, as the record's attributes are
	if sr.NumAttrs() > 0 {
		attrs := make(map[string]any, sr.NumAttrs())
		sr.Attrs(func(a slog.Attr) bool {
			addAttr(attrs, a)
			return true
		})
		mergeAt(r.Extra, h.groups, attrs)
	}
}

// WithAttrs returns a handler whose records carry attrs.
func (h *slogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	add := make(map[string]any, len(attrs))
	for _, a := range attrs {
		addAttr(add, a)
	}
	if len(add) == 0 {
		return h
	}
	n := *h
	n.extra = maps.Clone(h.extra)
	if n.extra == nil {
		n.extra = make(map[string]any, len(add))
	}
	mergeAt(n.extra, h.groups, add)
	return &n
}

// WithGroup returns a handler that puts the attributes that follow under
// name.
func (h *slogHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	n := *h
	n.groups = append(slices.Clip(h.groups), name)
	return &n
}

// mergeAt adds the values of add to the map found by following path from m.
// Maps along the path are copied, not changed: they may be shared with the
// handler that created them. Nothing is created when add is empty, so an
// empty group leaves no trace.
func mergeAt(m map[string]any, path []string, add map[string]any) {
	if len(add) == 0 {
		return
	}
	for _, g := range path {
		sub, _ := m[g].(map[string]any)
		sub = maps.Clone(sub)
		if sub == nil {
			sub = make(map[string]any, len(add))
		}
		m[g] = sub
		m = sub
	}
	for k, v := range add {
		if old, ok := m[k].(map[string]any); ok {
			if nv, ok := v.(map[string]any); ok {
				merged := maps.Clone(old)
				mergeAt(merged, nil, nv)
				v = merged
			}
		}
		m[k] = v
	}
}

// addAttr stores a resolved attribute in m, following slog's rules: an
// empty attribute is dropped, a group becomes a nested map (inlined when
// its key is empty) and an empty group is dropped.
func addAttr(m map[string]any, a slog.Attr) {
	a.Value = a.Value.Resolve()
	if a.Equal(slog.Attr{}) {
		return
	}
	if a.Value.Kind() != slog.KindGroup {
		m[a.Key] = a.Value.Any()
		return
	}
	group := a.Value.Group()
	if a.Key == "" {
		for _, ga := range group {
			addAttr(m, ga)
		}
		return
	}
	sub := make(map[string]any, len(group))
	for _, ga := range group {
		addAttr(sub, ga)
	}
	if len(sub) > 0 {
		mergeAt(m, nil, map[string]any{a.Key: sub})
	}
}

// slogLevels pairs the standard levels, by index, with slog levels.
var slogLevels = [...]slog.Level{
	idxTrace: -8, idxDebug: slog.LevelDebug, idxInfo: slog.LevelInfo, idxSuccess: 2,
	idxWarning: slog.LevelWarn, idxError: slog.LevelError, idxCritical: 12,
}

// fromSlog returns the index of the standard level nearest to lv; a tie
// goes to the more severe.
func fromSlog(lv slog.Level) int {
	best := 0
	for i, s := range slogLevels {
		if abs(int(lv)-int(s)) <= abs(int(lv)-int(slogLevels[best])) {
			best = i
		}
	}
	return best
}

// toSlog maps a level number to slog's scale: the standard levels to their
// slog pairs (slogLevels), numbers in between proportionally, and numbers
// beyond the ends continuing the nearest slope.
func toSlog(no int) slog.Level {
	var std [len(slogLevels)]int
	for i := range std {
		std[i] = defaultLevels[i].No
	}
	i := 1
	for i < len(std)-1 && no > std[i] {
		i++
	}
	lo, hi := std[i-1], std[i]
	slo, shi := int(slogLevels[i-1]), int(slogLevels[i])
	// Round half away from zero on the segment lo..hi.
	num := (no - lo) * (shi - slo)
	den := hi - lo
	q := num / den
	if r := num % den; 2*abs(r) >= den {
		if num < 0 {
			q--
		} else {
			q++
		}
	}
	return slog.Level(slo + q)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// slogSink hands records to a slog.Handler: the formatted text (by default
// the message alone) as the message, Extra as attributes in key order, and
// an attached error as the "exception" attribute.
type slogSink struct{ h slog.Handler }

// slogSafe hands a value that contains itself to a slog.Handler as text:
// the standard handlers print with fmt, which would overflow the stack on
// it, a fatal error no recover catches.
func slogSafe(v any) any {
	if _, ok := v.(slog.LogValuer); ok || !pyfmt.Cyclic(v) {
		return v
	}
	return string(pyfmt.AppendValue(nil, v))
}

func (s slogSink) write(b []byte, r *Record) error {
	ctx := r.Context()
	lv := toSlog(r.Level.No)
	if !s.h.Enabled(ctx, lv) {
		return nil
	}
	msg := r.Message // the handler formats no text for the default "{message}"
	if b != nil {
		msg = string(bytes.TrimSuffix(b, []byte("\n")))
	}
	sr := slog.NewRecord(r.Time, lv, msg, r.pc)
	extra := r.extraMap()
	var keys [16]string
	for _, k := range sortedKeys(keys[:0], extra) {
		sr.AddAttrs(slog.Any(k, slogSafe(extra[k])))
	}
	if r.Exception != nil {
		sr.AddAttrs(slog.Any("exception", r.Exception))
	}
	return s.h.Handle(ctx, sr)
}

func (s slogSink) flush() error     { return nil }
func (s slogSink) close() error     { return nil }
func (s slogSink) userCode() bool   { return true }
func (s slogSink) serialized() bool { return false }
