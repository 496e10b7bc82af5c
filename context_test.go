package loguru_test

import (
	"context"
	"testing"

	"github.com/loguru-go/loguru"
)

func TestBindDoesNotChangeParent(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{extra}"})
	a := l.Bind("a", 1)
	b := a.Bind(loguru.F("b", 2), "a", 3)
	l.Info("")
	a.Info("")
	b.Info("")
	l.Bind("odd").Info("")
	l.Bind(7, "x").Info("")
	expect(t, buf.String(), "{}\n{\"a\": 1}\n{\"a\": 3, \"b\": 2}\n{\"!BADKEY\": \"odd\"}\n{\"!BADKEY\": \"x\"}\n")
}

func TestContextualize(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{extra[request]} {extra[user]} {message}"})
	ctx := loguru.Contextualize(context.Background(), "request", "r1", "user", "ann")
	l.Ctx(ctx).Info("in request")
	inner := l.Contextualize(ctx, "user", "bob")
	l.Ctx(inner).Info("inner wins")
	// Bound values win over contextualized ones, and fields over both.
	l.Ctx(inner).Bind("user", "bound").Info("bound")
	l.Ctx(inner).Bind("user", "bound").Info("field", loguru.F("user", "field"))
	l.Ctx(ctx).Info("outer unchanged")
	l.Info("no context")
	expect(t, buf.String(), "r1 ann in request\nr1 bob inner wins\nr1 bound bound\nr1 field field\nr1 ann outer unchanged\n  no context\n")

	var got context.Context
	l.Add(func(m loguru.Message) { got = m.Record.Context() }, loguru.HandlerOptions{})
	l.Ctx(ctx).Info("")
	if got != ctx {
		t.Fatal("Record.Context is not the context given to Ctx")
	}
}

func TestPatch(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{level} {function} {message} {extra}"})
	p := l.Bind("a", 1).Patch(func(r *loguru.Record) {
		r.Extra["order"] = "first"
		r.Message += "!"
	}).Patch(func(r *loguru.Record) {
		r.Extra["order"] = r.Extra["order"].(string) + ",second"
		r.Function = "patched"
		r.Level, _ = loguru.LookupLevel("SUCCESS")
	})
	p.Info("hi")
	l.Info("parent untouched")
	expect(t, buf.String(), "SUCCESS patched hi! {\"a\": 1, \"order\": \"first,second\"}\nINFO TestPatch parent untouched {}\n")
}

func TestPanickingPatcherIsReported(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message}"})
	errs := loggerErrors(l)
	l.Patch(func(*loguru.Record) { panic("patch exploded") }).Info("still written")
	expect(t, buf.String(), "still written\n")
	if got := errs.String(); !contains(got, "--- Logging error in Loguru Patcher ---\n", "panic: patch exploded\n") {
		t.Fatalf("report = %q", got)
	}
}

func TestOptReplacesOptionsAndKeepsBindings(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message} {extra}"})
	raw := l.Bind("k", 1).Opt(loguru.CallOptions{Raw: true})
	notRaw := raw.Opt(loguru.CallOptions{})
	notRaw.Info("x")
	expect(t, buf.String(), "x {\"k\": 1}\n")
}

// AddPatcher's function runs on every record of the logger's core, after
// Config.Patcher and before Patch's, and a Configure that sets another
// Config.Patcher keeps it.
func TestAddPatcherRunsOnEveryRecordOfTheCore(t *testing.T) {
	t.Parallel()
	l, buf := newLogger(t, loguru.HandlerOptions{Format: "{message} {extra[order]}"})
	add := func(name string) func(*loguru.Record) {
		return func(r *loguru.Record) {
			prev, _ := r.Extra["order"].(string)
			r.Extra["order"] = prev + name
		}
	}
	if _, err := l.Configure(loguru.Config{Patcher: add("c")}); err != nil {
		t.Fatal(err)
	}
	if err := l.AddPatcher(add("a")); err != nil {
		t.Fatal(err)
	}
	l.Info("root")
	l.Bind("k", "v").Patch(add("p")).Info("derived")
	l.Ctx(context.Background()).Info("ctx")
	if _, err := l.Configure(loguru.Config{Patcher: add("C")}); err != nil {
		t.Fatal(err)
	}
	l.Info("reconfigured")
	expect(t, buf.String(), "root ca\nderived cap\nctx ca\nreconfigured Ca\n")
	if err := l.AddPatcher(nil); err == nil || err.Error() != "loguru: AddPatcher needs a function" {
		t.Errorf("AddPatcher(nil): %v", err)
	}
}
