package loguru

import (
	"context"
	"errors"
	"fmt"
	"maps"
)

// Logger logs records to the handlers of its core. Loggers made from one
// another with Bind, Patch, Opt and Ctx share their handlers and levels; New
// makes an independent one. A Logger is immutable and safe for concurrent use.
type Logger struct {
	core     *core
	extra    map[string]any // bound values; never modified after creation
	frozen   *frozenExtra   // what encoders cache of extra
	patchers []func(*Record)
	ctx      context.Context
	opts     CallOptions
}

// New returns an independent logger with no handlers and the standard levels,
// as Loguru's copy.deepcopy(logger) recipe gives.
func New() *Logger { return &Logger{core: newCore()} }

func (l *Logger) derive() *Logger {
	n := *l
	return &n
}

// Bind returns a logger whose records carry the given values in Extra. It
// takes alternating keys and values ("user", "bob"), Fields, or both. A key
// that is not a string is stored as "!BADKEY", as log/slog does.
func (l *Logger) Bind(args ...any) *Logger {
	n := l.derive()
	n.extra = maps.Clone(l.extra)
	if n.extra == nil {
		n.extra = make(map[string]any, len(args)/2)
	}
	addPairs(n.extra, args)
	n.frozen = &frozenExtra{m: n.extra}
	return n
}

// addPairs adds key/value pairs and Fields to m.
func addPairs(m map[string]any, args []any) {
	for i := 0; i < len(args); i++ {
		switch a := args[i].(type) {
		case Field:
			m[a.Key] = a.Value
		case string:
			if i+1 < len(args) {
				m[a] = args[i+1]
				i++
			} else {
				m["!BADKEY"] = a
			}
		default:
			m["!BADKEY"] = a
		}
	}
}

// AddPatcher makes fn run on every record of l's core: the records of l,
// of every logger derived from it (Bind, Opt, Patch, Ctx...) and, for
// Default(), of the package functions and the slog handler. It runs after
// Config.Patcher and before the patchers of Patch; a panic in it is
// reported and the record goes on. Integrations use it to add what every
// record needs, such as otel.Correlate's trace ids. Like Patch, it makes
// every record fill its caller, goroutine and Extra for fn to see.
func (l *Logger) AddPatcher(fn func(*Record)) error {
	if fn == nil {
		return errors.New("loguru: AddPatcher needs a function")
	}
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	n := *c.state.Load()
	n.added = append(n.added[:len(n.added):len(n.added)], fn)
	c.publish(&n)
	return nil
}

// Patch returns a logger that runs fn on each record before handlers see
// it. Patchers accumulate in call order and may change any field.
func (l *Logger) Patch(fn func(*Record)) *Logger {
	n := l.derive()
	if fn != nil {
		n.patchers = append(l.patchers[:len(l.patchers):len(l.patchers)], fn)
	}
	return n
}

// Opt returns a logger whose calls use o. Options are not cumulative: each
// Opt replaces all of them, while bound values and patchers are kept.
func (l *Logger) Opt(o CallOptions) *Logger {
	n := l.derive()
	n.opts = o
	return n
}

// Ctx returns a logger whose records carry ctx: the values added to it by
// Contextualize land in Extra, and handlers can read it with Record.Context.
func (l *Logger) Ctx(ctx context.Context) *Logger {
	n := l.derive()
	n.ctx = ctx
	return n
}

type ctxKey struct{}

// Contextualize returns a copy of ctx carrying the given values (pairs or
// Fields, as Bind takes), for loggers made with Ctx(ctx). It is Loguru's
// contextualize(): scoped values without a new logger at every call site.
// Values in an inner context override the outer ones.
func Contextualize(ctx context.Context, args ...any) context.Context {
	m := maps.Clone(contextExtra(ctx))
	if m == nil {
		m = make(map[string]any, len(args)/2)
	}
	addPairs(m, args)
	return context.WithValue(ctx, ctxKey{}, m)
}

// Contextualize is the package-level Contextualize; the context is not tied
// to a logger.
func (l *Logger) Contextualize(ctx context.Context, args ...any) context.Context {
	return Contextualize(ctx, args...)
}

func contextExtra(ctx context.Context) map[string]any {
	if ctx == nil {
		return nil
	}
	m, _ := ctx.Value(ctxKey{}).(map[string]any)
	return m
}

// AddLevel registers a new level with a name, a number, a color markup (for
// example "<magenta><bold>") and an icon, and returns it. Existing names,
// negative numbers and invalid colors are errors.
func (l *Logger) AddLevel(name string, no int, color, icon string) (Level, error) {
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.state.Load()
	levels, lv, err := st.levels.addLevel(name, no, color, icon)
	if err != nil {
		return Level{}, err
	}
	n := *st
	n.levels = levels
	c.publish(&n)
	return lv, nil
}

// LookupLevel returns the level with the given name.
func (l *Logger) LookupLevel(name string) (Level, error) {
	lv, ok := l.core.state.Load().levels.lookup(name)
	if !ok {
		return Level{}, fmt.Errorf("loguru: level %q does not exist", name)
	}
	return lv, nil
}

// Enable turns logging back on for the package import path prefix and its
// sub-packages; "" means every package. The most specific rule wins. As in
// Loguru, a prefix that ends in "/" ("pkg/", "/") matches no package.
func (l *Logger) Enable(prefix string) { l.core.activate(prefix, true) }

// Disable turns logging off for records logged from the package import path
// prefix and its sub-packages, as a library does for itself so that its
// users opt in with Enable; "" means every package, while "/" (or any
// prefix that ends in "/") matches none.
func (l *Logger) Disable(prefix string) { l.core.activate(prefix, false) }

func (c *core) activate(prefix string, enabled bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := *c.state.Load()
	st.activation = st.activation.with(prefix, enabled)
	c.publish(&st)
}
