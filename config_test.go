package loguru_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/testpkgs/acme/lib"
)

func TestConfigureReplacesHandlers(t *testing.T) {
	loguru.SetClock(t, fixedTime)
	l := loguru.New()
	var old, a, b syncBuffer
	if _, err := l.Add(&old, loguru.HandlerOptions{Format: "old {message}"}); err != nil {
		t.Fatal(err)
	}
	ids, err := l.Configure(loguru.Config{
		Handlers: []loguru.HandlerConfig{
			{Sink: &a, Options: loguru.HandlerOptions{Format: "a {level} {message} {extra}"}},
			{Sink: &b, Options: loguru.HandlerOptions{Format: "b {level.icon} {message}", Level: "NOTICE"}},
		},
		Levels: []loguru.Level{{Name: "NOTICE", No: 25, Color: "<magenta>", Icon: "N"}},
		Extra:  map[string]any{"app": "shop", "user": "config"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids, []int{1, 2}) {
		t.Fatalf("ids = %v", ids)
	}
	l.Info("one")
	l.Bind("user", "bob").Log("NOTICE", "two")
	ctx := loguru.Contextualize(context.Background(), "user", "ctx", "req", 7)
	l.Ctx(ctx).Warning("three")
	expect(t, old.String(), "")
	expect(t, a.String(), `a INFO one {"app": "shop", "user": "config"}
a NOTICE two {"app": "shop", "user": "bob"}
a WARNING three {"app": "shop", "req": 7, "user": "ctx"}
`)
	expect(t, b.String(), "b N two\nb \u26a0\ufe0f three\n")
	if err := l.Remove(0); err == nil {
		t.Fatal("the replaced handler 0 is still registered")
	}
}

func TestConfigurePatcherRunsFirst(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message} {extra[order]}"})
	_, err := l.Configure(loguru.Config{Patcher: func(r *loguru.Record) {
		r.Extra["order"] = "config"
	}})
	if err != nil {
		t.Fatal(err)
	}
	l.Patch(func(r *loguru.Record) { r.Extra["order"] = r.Extra["order"].(string) + ",patch" }).Info("x")
	l.Bind("k", 1).Info("y")
	expect(t, buf.String(), "x config,patch\ny config\n")
	// The bound map was copied, not changed by the patcher.
	l.Bind("k", 1).Patch(func(r *loguru.Record) {
		if _, ok := r.Extra["order"]; !ok {
			t.Error("config patcher did not run")
		}
	}).Info("z")
}

func TestConfigureActivationAndLevelUpdate(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{name} {level.icon} {message}", Colorize: loguru.Off})
	_, err := l.Configure(loguru.Config{
		Levels:     []loguru.Level{{Name: "INFO", Icon: "i"}},
		Activation: []loguru.Activation{{Name: "github.com/loguru-go/loguru/internal/testpkgs/acme", Enabled: false}, {Name: "github.com/loguru-go/loguru/internal/testpkgs/acme/lib/", Enabled: true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	lib.Log(l, "lib on")
	expect(t, buf.String(), "github.com/loguru-go/loguru/internal/testpkgs/acme/lib i lib on\n")
}

func TestConfigureErrorsChangeNothing(t *testing.T) {
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	tests := []struct {
		cfg  loguru.Config
		want string
	}{
		{loguru.Config{Handlers: []loguru.HandlerConfig{{Sink: os.Stderr}, {Sink: os.Stderr, Options: loguru.HandlerOptions{Format: "{nope}"}}}}, //loguru-vet:ignore a bad template is the case under test
			`loguru: handler 1 of the configuration: invalid format "{nope}": unknown field {nope} (for a bound value use {extra[nope]}) (at position 0)`},
		{loguru.Config{Levels: []loguru.Level{{Name: "INFO", No: 21}}}, `loguru: level "INFO" already exists, you can't update its severity no`},
		{loguru.Config{Levels: []loguru.Level{{Name: "X", No: 1, Color: "<nope>"}}}, `loguru: invalid color for level "X": Tag "<nope>" does not correspond to any known color directive, make sure you have not misspelled it (or prepend '\' to escape it)`},
		{loguru.Config{Handlers: []loguru.HandlerConfig{{Sink: os.Stderr, Options: loguru.HandlerOptions{Level: "NOTICE"}}}}, `loguru: handler 0 of the configuration: level "NOTICE" does not exist`},
	}
	for _, tt := range tests {
		if _, err := l.Configure(tt.cfg); err == nil || err.Error() != tt.want {
			t.Errorf("error = %v\nwant    %s", err, tt.want)
		}
	}
	l.Info("still the old handler")
	expect(t, buf.String(), "still the old handler\n")
}

func TestConfigureEmptyHandlersRemovesAll(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	ids, err := l.Configure(loguru.Config{Handlers: []loguru.HandlerConfig{}})
	if err != nil || len(ids) != 0 {
		t.Fatalf("ids %v, err %v", ids, err)
	}
	l.Info("nowhere")
	expect(t, buf.String(), "")
}

func TestReadConfig(t *testing.T) {
	c, err := loguru.ReadConfig(strings.NewReader(`{
		"handlers": [
			{"sink": "stderr", "level": 20, "format": "{message}", "colorize": false, "catch": true},
			{"sink": "stdout", "filter": {"": "WARNING", "github.com/acme/lib": true}, "serialize": false},
			{"sink": "stdout", "filter": "github.com/acme"},
			{"sink": "stdout", "enqueue": true, "queue_size": 100, "queue_full": "drop"},
			{"sink": "a.log", "rotation": ["12:00", "100 MB", 1048576]},
			{"sink": "b.log", "rotation": 1048576}
		],
		"levels": [{"name": "NOTICE", "no": 25, "color": "<magenta>", "icon": "N"}],
		"extra": {"app": "shop", "n": 3, "ratio": 0.5, "tags": [1, "a"]},
		"activation": [{"name": "github.com/acme/lib", "enabled": false}]
	}`))
	if err != nil {
		t.Fatal(err)
	}
	want := loguru.Config{
		Handlers: []loguru.HandlerConfig{
			{Sink: os.Stderr, Options: loguru.HandlerOptions{Level: "20", Format: "{message}", Colorize: loguru.Off, Catch: loguru.On}},
			{Sink: os.Stdout, Options: loguru.HandlerOptions{FilterLevels: map[string]string{"": "WARNING", "github.com/acme/lib": "true"}}},
			{Sink: os.Stdout, Options: loguru.HandlerOptions{Filter: "github.com/acme"}},
			{Sink: os.Stdout, Options: loguru.HandlerOptions{Enqueue: loguru.On, QueueSize: 100, QueueFull: loguru.QueueDrop}},
			{Sink: "a.log", Options: loguru.HandlerOptions{Rotation: "12:00, 100 MB, 1048576"}},
			{Sink: "b.log", Options: loguru.HandlerOptions{Rotation: "1048576"}},
		},
		Levels:     []loguru.Level{{Name: "NOTICE", No: 25, Color: "<magenta>", Icon: "N"}},
		Extra:      map[string]any{"app": "shop", "n": int64(3), "ratio": 0.5, "tags": []any{int64(1), "a"}},
		Activation: []loguru.Activation{{Name: "github.com/acme/lib", Enabled: false}},
	}
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("got  %+v\nwant %+v", c, want)
	}
}

func TestReadConfigErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{`{"handlers": [{"sink": "stderr", "levle": "INFO"}]}`, `loguru: reading the configuration: json: unknown field "levle"`},
		{`{"handler": []}`, `loguru: reading the configuration: json: unknown field "handler"`},
		{`{"handlers": [{"level": "INFO"}]}`, `loguru: handler 0 of the configuration: "sink" is missing`},
		{`{"handlers": [{"sink": "stderr", "level": 2.5}]}`, `loguru: handler 0 of the configuration: "level" must be a whole number, not 2.5`},
		{`{"handlers": [{"sink": "stderr", "filter": 3}]}`, `loguru: handler 0 of the configuration: "filter" must be a package prefix or an object of prefixes to levels`},
		{`{"handlers": [{"sink": "a.log", "perm": "rw"}]}`, `loguru: handler 0 of the configuration: "perm" must be octal permissions such as "0600", not "rw"`},
		{`{"handlers": [{"sink": "stderr", "enqueue": true, "queue_full": "wait"}]}`, `loguru: handler 0 of the configuration: "queue_full" must be "block" or "drop", not "wait"`},
		{`{"handlers": [{"sink": "a.log", "rotation": ["12:00", [1]]}]}`, `loguru: handler 0 of the configuration: "rotation" must be a condition or a list of conditions, not ["12:00", [1]]`},
		{`{} {}`, `loguru: reading the configuration: more than one JSON value`},
		{`{"handlers": [`, `loguru: reading the configuration: unexpected EOF`},
	}
	for _, tt := range tests {
		if _, err := loguru.ReadConfig(strings.NewReader(tt.in)); err == nil || err.Error() != tt.want {
			t.Errorf("%s:\n got %v\nwant %s", tt.in, err, tt.want)
		}
	}
}

func TestConfigureFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logging.json")
	if err := os.WriteFile(path, []byte(`{"handlers": [{"sink": "stdout", "level": "NOPE"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := loguru.ConfigureFile(path)
	if want := `loguru: handler 0 of the configuration: level "NOPE" does not exist`; err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %s", err, want)
	}
	_, err = loguru.ConfigureFile(filepath.Join(t.TempDir(), "missing.json"))
	if err == nil || !strings.Contains(err.Error(), "missing.json: no such file or directory") {
		t.Fatalf("error = %v", err)
	}
	if err := os.WriteFile(path, []byte(`{"extra": {"x": 1}, "bad": 1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = loguru.ConfigureFile(path)
	if want := `loguru: reading the configuration: json: unknown field "bad" (in ` + path + `)`; err == nil || err.Error() != want {
		t.Fatalf("error = %v, want %s", err, want)
	}
}
