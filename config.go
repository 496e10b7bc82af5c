package loguru

import (
	"errors"
	"fmt"
	"maps"
	"strings"
)

// Config is a whole logging set-up, applied at once by Configure, as
// Loguru's logger.configure takes it. A nil field leaves that part as it is;
// an empty, non-nil Handlers removes every handler.
type Config struct {
	// Handlers replace all current handlers.
	Handlers []HandlerConfig
	// Levels are created, or, for existing names, have their Color and Icon
	// updated (a different No is an error).
	Levels []Level
	// Extra is the base of every record's Extra, below Contextualize and
	// Bind values.
	Extra map[string]any
	// Patcher runs on every record before the Patch patchers.
	Patcher func(*Record)
	// Activation rules are applied in order, as Enable and Disable would.
	Activation []Activation
}

// HandlerConfig is one handler of a Config: what Add would take.
type HandlerConfig struct {
	Sink    any            // as Add's sink
	Options HandlerOptions // as Add's options
}

// Activation is an Enable (Enabled true) or Disable rule for a package
// import path prefix.
type Activation struct {
	Name    string // an import path prefix, as Enable and Disable take it
	Enabled bool   // true enables, false disables
}

// Configure applies c to the logger and every logger derived from it, and
// returns the ids of the new handlers. It checks everything first: on error
// nothing has changed. The replaced handlers are removed as Remove does.
func (l *Logger) Configure(c Config) ([]int, error) {
	co := l.core
	co.mu.Lock()
	st := co.state.Load()
	n := *st
	var err error
	for _, lv := range c.Levels {
		if n.levels, err = n.levels.configure(lv); err != nil {
			co.mu.Unlock()
			return nil, err
		}
	}
	var built []*handler
	for i, hc := range c.Handlers {
		h, err := co.build(hc.Sink, hc.Options, n.levels)
		if err != nil {
			co.mu.Unlock()
			// The sinks given so far still belong to the caller, except
			// files, which were opened here and are closed again.
			closeFiles(built)
			return nil, fmt.Errorf("loguru: handler %d of the configuration: %s", i, strings.TrimPrefix(err.Error(), "loguru: "))
		}
		built = append(built, h)
	}
	var ids []int
	if c.Handlers != nil {
		n.handlers = make([]*handler, len(built))
		for i, h := range built {
			n.handlers[i] = co.register(h)
			ids = append(ids, h.id)
		}
	}
	if c.Extra != nil {
		n.extra = maps.Clone(c.Extra)
	}
	if c.Patcher != nil {
		n.patcher = c.Patcher
	}
	for _, a := range c.Activation {
		n.activation = n.activation.with(strings.TrimSuffix(a.Name, "/"), a.Enabled)
	}
	co.publish(&n)
	co.mu.Unlock()
	if c.Handlers != nil {
		return ids, closeAll(st.handlers)
	}
	return ids, nil
}

// closeFiles closes the file sinks of handlers that were built but never
// published.
func closeFiles(hs []*handler) {
	for _, h := range hs {
		if f, ok := h.sink.(*fileSink); ok {
			_ = f.close()
		}
	}
}

// closeAll stops handlers that are no longer published.
func closeAll(hs []*handler) error {
	var errs []error
	for _, h := range hs {
		errs = append(errs, h.stop())
	}
	return errors.Join(errs...)
}

// Configure applies c to the default logger; see Logger.Configure.
func Configure(c Config) ([]int, error) { return std.Configure(c) }

// configure creates lv, or updates the color and icon of the existing level
// of that name.
func (t *levelTable) configure(lv Level) (*levelTable, error) {
	old, ok := t.byName[lv.Name]
	if !ok {
		n, _, err := t.addLevel(lv.Name, lv.No, lv.Color, lv.Icon)
		return n, err
	}
	if lv.No != 0 && lv.No != old.No {
		return nil, fmt.Errorf("loguru: level %q already exists, you can't update its severity no", lv.Name)
	}
	if lv.Color != "" {
		old.Color = strings.TrimSpace(lv.Color)
	}
	if lv.Icon != "" {
		old.Icon = lv.Icon
	}
	updated, err := withANSI(old)
	if err != nil {
		return nil, fmt.Errorf("loguru: invalid color for level %q: %w", lv.Name, err)
	}
	return t.with(updated), nil
}
