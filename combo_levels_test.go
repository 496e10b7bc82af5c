package loguru_test

import (
	"testing"

	"github.com/loguru-go/loguru"
)

// A custom level added after a handler with FilterLevels, reached by
// slog-style lowercase names, anonymous numbers, Catch's Level and
// Disable/Enable of the caller's package, with an Enqueue handler too.
func TestComboCustomLevelFilterLevelsActivationCatchEnqueue(t *testing.T) {
	l := loguru.New()
	t.Cleanup(func() { l.RemoveAll() }) // its Enqueue writer must not outlive the test
	l.SetClock(fixedTime)
	var sync, async syncBuffer
	fl := map[string]string{"": "INFO", "github.com/loguru-go/loguru_test": "WARNING"}
	l.Add(&sync, loguru.HandlerOptions{Format: "{level.no} {level} {message}", FilterLevels: fl})
	l.Add(&async, loguru.HandlerOptions{Format: "{level.no} {level} {message}", FilterLevels: fl, Enqueue: loguru.On})
	if _, err := l.AddLevel("notice", 25, "<blue>", "!"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddLevel("ALERT", 45, "<red>", "!"); err != nil {
		t.Fatal(err)
	}
	errs := loggerErrors(l)
	l.Log("notice", "dropped by the package's WARNING")
	l.Log("alert", "alert {}", 1)
	l.Log("35", "anonymous")
	l.Disable("github.com/loguru-go/loguru_test")
	l.Log("ALERT", "disabled")
	l.Enable("github.com/loguru-go/loguru_test/")
	l.Log("ALERT", "still disabled: a prefix ending in / matches nothing")
	l.Enable("github.com/loguru-go/loguru_test")
	l.CatchFunc(func() { panic("x") }, loguru.CatchOptions{Level: "alert", Message: "caught"})
	l.CatchFunc(func() { panic("x") }, loguru.CatchOptions{Level: "notice", Message: "caught below"})
	if err := l.Complete(); err != nil {
		t.Fatal(err)
	}
	first := func(s string) string {
		var out string
		for _, ln := range lines(s) {
			if len(ln) > 0 && ln[0] >= '0' && ln[0] <= '9' {
				out += ln + "\n"
			}
		}
		return out
	}
	want := "45 ALERT alert 1\n35 Level 35 anonymous\n45 ALERT caught\n"
	expect(t, first(sync.String()), want)
	expect(t, first(async.String()), want)
	expect(t, errs.String(), "")
}
