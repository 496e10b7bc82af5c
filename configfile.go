package loguru

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// ReadConfig reads a Config from JSON. The keys are Loguru's parameter
// names:
//
//	{
//	  "handlers": [
//	    {"sink": "stderr", "level": "INFO", "format": "{time} {message}", "colorize": false},
//	    {"sink": "stdout", "filter": {"": "WARNING", "github.com/acme/lib": "DEBUG"}}
//	  ],
//	  "levels": [{"name": "NOTICE", "no": 25, "color": "<magenta>", "icon": "📣"}],
//	  "extra": {"app": "shop"},
//	  "activation": [{"name": "github.com/acme/lib", "enabled": false}]
//	}
//
// A sink is "stderr", "stdout" or a file path. A handler takes "level",
// "format", "filter" (a package prefix, or an object of prefixes to levels
// as Loguru's dict filter), "colorize", "serialize", "backtrace",
// "diagnose", "enqueue" (with "queue_size" and "queue_full": "block" or
// "drop"), "catch" and the file options "rotation",
// "retention", "compression", "delay", "watch", "mode", "perm" (an octal
// string such as "0640") and "buffering". An unknown key is an error that
// names it.
func ReadConfig(r io.Reader) (Config, error) {
	var fc fileConfig
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if err := dec.Decode(&fc); err != nil {
		return Config{}, fmt.Errorf("loguru: reading the configuration: %w", err)
	}
	if dec.More() {
		return Config{}, errors.New("loguru: reading the configuration: more than one JSON value")
	}
	return fc.config()
}

// ConfigureFile reads the JSON configuration at path (see ReadConfig) and
// applies it to the default logger with Configure.
func ConfigureFile(path string) ([]int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loguru: %w", err)
	}
	c, err := ReadConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w (in %s)", err, path)
	}
	return Configure(c)
}

type fileConfig struct {
	Handlers   []fileHandler   `json:"handlers"`
	Levels     []fileLevel     `json:"levels"`
	Extra      map[string]any  `json:"extra"`
	Activation []fileActivator `json:"activation"`
}

type fileHandler struct {
	Sink        string          `json:"sink"`
	Level       json.RawMessage `json:"level"`
	Format      string          `json:"format"`
	Filter      json.RawMessage `json:"filter"`
	Colorize    *bool           `json:"colorize"`
	Serialize   bool            `json:"serialize"`
	Backtrace   *bool           `json:"backtrace"`
	Diagnose    *bool           `json:"diagnose"`
	Enqueue     *bool           `json:"enqueue"`
	QueueSize   int             `json:"queue_size"`
	QueueFull   string          `json:"queue_full"`
	Catch       *bool           `json:"catch"`
	Rotation    json.RawMessage `json:"rotation"`
	Retention   json.RawMessage `json:"retention"`
	Compression string          `json:"compression"`
	Delay       bool            `json:"delay"`
	Watch       bool            `json:"watch"`
	Mode        string          `json:"mode"`
	Perm        string          `json:"perm"`
	Buffering   int             `json:"buffering"`
}

type fileLevel struct {
	Name  string `json:"name"`
	No    int    `json:"no"`
	Color string `json:"color"`
	Icon  string `json:"icon"`
}

type fileActivator struct {
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
}

func (fc fileConfig) config() (Config, error) {
	c := Config{Extra: numbers(fc.Extra).(map[string]any)}
	if fc.Handlers != nil {
		c.Handlers = make([]HandlerConfig, 0, len(fc.Handlers))
	}
	for i, fh := range fc.Handlers {
		hc, err := fh.handler()
		if err != nil {
			return Config{}, fmt.Errorf("loguru: handler %d of the configuration: %w", i, err)
		}
		c.Handlers = append(c.Handlers, hc)
	}
	for _, fl := range fc.Levels {
		c.Levels = append(c.Levels, Level{Name: fl.Name, No: fl.No, Color: fl.Color, Icon: fl.Icon})
	}
	for _, a := range fc.Activation {
		c.Activation = append(c.Activation, Activation(a))
	}
	return c, nil
}

func (fh fileHandler) handler() (HandlerConfig, error) {
	var hc HandlerConfig
	switch fh.Sink {
	case "":
		return hc, errors.New(`"sink" is missing`)
	case "stderr":
		hc.Sink = os.Stderr
	case "stdout":
		hc.Sink = os.Stdout
	default:
		hc.Sink = fh.Sink
	}
	o := &hc.Options
	var err error
	if o.Level, err = nameOrNumber(fh.Level, "level"); err != nil {
		return hc, err
	}
	if o.Retention, err = nameOrNumber(fh.Retention, "retention"); err != nil {
		return hc, err
	}
	if err := fh.filter(o); err != nil {
		return hc, err
	}
	o.Format = fh.Format
	o.Colorize, o.Backtrace, o.Diagnose, o.Catch = switchOf(fh.Colorize), switchOf(fh.Backtrace), switchOf(fh.Diagnose), switchOf(fh.Catch)
	o.Serialize, o.Enqueue, o.QueueSize = fh.Serialize, switchOf(fh.Enqueue), fh.QueueSize
	switch fh.QueueFull {
	case "", "block":
	case "drop":
		o.QueueFull = QueueDrop
	default:
		return hc, fmt.Errorf(`"queue_full" must be "block" or "drop", not %q`, fh.QueueFull)
	}
	if o.Rotation, err = rotationOf(fh.Rotation); err != nil {
		return hc, err
	}
	o.Compression, o.Delay, o.Watch, o.Mode, o.Buffering = fh.Compression, fh.Delay, fh.Watch, fh.Mode, fh.Buffering
	if fh.Perm != "" {
		p, err := strconv.ParseUint(fh.Perm, 8, 32)
		if err != nil || p > 0o777 {
			return hc, fmt.Errorf(`"perm" must be octal permissions such as "0600", not %q`, fh.Perm)
		}
		o.Perm = fs.FileMode(p)
	}
	return hc, nil
}

// filter reads "filter": a package prefix, or an object of prefixes to
// levels (Loguru's dict filter).
func (fh fileHandler) filter(o *HandlerOptions) error {
	if len(fh.Filter) == 0 || string(fh.Filter) == "null" {
		return nil
	}
	if err := json.Unmarshal(fh.Filter, &o.Filter); err == nil {
		return nil
	}
	var byPkg map[string]json.RawMessage
	if err := json.Unmarshal(fh.Filter, &byPkg); err != nil {
		return errors.New(`"filter" must be a package prefix or an object of prefixes to levels`)
	}
	o.FilterLevels = make(map[string]string, len(byPkg))
	for pkg, raw := range byPkg {
		lv, err := nameOrNumber(raw, "filter level")
		if err != nil {
			return err
		}
		o.FilterLevels[pkg] = lv
	}
	return nil
}

// nameOrNumber reads a value written as a string, a number or a boolean
// ("level": "INFO" or 20; "retention": "10 days" or 5; a filter level true).
func nameOrNumber(raw json.RawMessage, key string) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return "", err
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case json.Number:
		if _, err := v.Int64(); err != nil {
			return "", fmt.Errorf("%q must be a whole number, not %s", key, v)
		}
		return v.String(), nil
	case bool:
		return strconv.FormatBool(v), nil
	}
	return "", fmt.Errorf("%q must be a string or a number, not %s", key, raw)
}

// rotationOf reads "rotation": a condition (a string, or a number of
// bytes), or a list of them, any of which rotates, as Loguru 0.7.3 takes;
// the list becomes the comma-separated form of HandlerOptions.Rotation.
func rotationOf(raw json.RawMessage) (string, error) {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return nameOrNumber(raw, "rotation")
	}
	parts := make([]string, len(list))
	for i, item := range list {
		p, err := nameOrNumber(item, "rotation")
		if err != nil || p == "" {
			return "", fmt.Errorf(`"rotation" must be a condition or a list of conditions, not %s`, raw)
		}
		parts[i] = p
	}
	return strings.Join(parts, ", "), nil
}

// numbers turns the JSON numbers in v into int64, or float64 when they are
// not whole, so that Extra holds the types Go code expects.
func numbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		f, _ := v.Float64()
		return f
	case map[string]any:
		for k, e := range v {
			v[k] = numbers(e)
		}
	case []any:
		for i, e := range v {
			v[i] = numbers(e)
		}
	}
	return v
}

func switchOf(b *bool) Switch {
	switch {
	case b == nil:
		return Auto
	case *b:
		return On
	}
	return Off
}
