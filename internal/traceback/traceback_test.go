package traceback

import (
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"testing"
)

type creds struct {
	User     string
	Password string
	APIKey   string
	Port     int
}

type secretString string

func (secretString) LogValue() slog.Value { return slog.StringValue(Redacted) }

type marked struct{}

func (marked) Redacted() bool { return true }

type exploding struct{}

func (exploding) String() string { panic("String exploded") }

func TestFormatValueRedactsSecrets(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"password", "hunter2", Redacted},
		{"db_token", 42, Redacted},
		{"Authorization", "Bearer x", Redacted},
		{"cfg", creds{User: "ann", Password: "hunter2", APIKey: "k", Port: 5432}, `traceback.creds{User: "ann", Password: <redacted>, APIKey: <redacted>, Port: 5432}`},
		{"cfg", &creds{User: "ann", Password: "p"}, `&traceback.creds{User: "ann", Password: <redacted>, APIKey: <redacted>, Port: 0}`},
		{"headers", map[string]string{"Cookie": "c", "Accept": "json"}, `{"Accept": "json", "Cookie": <redacted>}`},
		{"s", secretString("hunter2"), `"<redacted>"`},
		{"m", marked{}, Redacted},
		{"dsn", "postgres://ann:hunter2@db:5432/app", `"postgres://ann:***@db:5432/app"`},
		{"group", slog.GroupValue(slog.String("user", "ann"), slog.String("secret", "x")).Any(), `{user: "ann", secret: <redacted>}`},
	}
	for _, tt := range tests {
		if got := formatValue(tt.name, tt.v); got != tt.want {
			t.Errorf("formatValue(%q, %#v) = %q, want %q", tt.name, tt.v, got, tt.want)
		}
	}
}

type groupValuer struct{}

func (groupValuer) LogValue() slog.Value {
	return slog.GroupValue(slog.String("user", "ann"), slog.String("secret", "x"))
}

func TestFormatValueLogValuerGroupRedactsKeys(t *testing.T) {
	if got, want := formatValue("v", groupValuer{}), `{user: "ann", secret: <redacted>}`; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestFormatValueIsSafe(t *testing.T) {
	if got, want := formatValue("v", "line1\nFAKE | ERROR \x1b[31m"), `"line1\nFAKE | ERROR \x1b[31m"`; got != want {
		t.Errorf("escaping: got %q, want %q", got, want)
	}
	if got, want := formatValue("v", []any{"a\nb"}), `[a\nb]`; got != want {
		t.Errorf("escaping in a list: got %q, want %q", got, want)
	}
	long := formatValue("v", strings.Repeat("x", 500))
	if len([]rune(long)) != MaxValue || !strings.HasSuffix(long, "...") {
		t.Errorf("cap: %d runes %q", len([]rune(long)), long)
	}
	if got := formatValue("v", exploding{}); got != "<unprintable traceback.exploding: panic: String exploded>" {
		t.Errorf("panicking String: %q", got)
	}
}

type selfErr struct{ next error }

func (e *selfErr) Error() string { return "self" }
func (e *selfErr) Unwrap() error { return e.next }

type badErr struct{}

func (badErr) Error() string { panic("Error exploded") }

func TestChainIsBounded(t *testing.T) {
	cyc := &selfErr{}
	cyc.next = cyc
	r := Build(Input{Err: cyc})
	if n := r.Chain.Children[0]; !n.Cycle || len(n.Children) != 0 {
		t.Fatalf("cycle not cut: %+v", n)
	}
	text := string(AppendText(nil, r, View{}))
	if !strings.Contains(text, "└─ *traceback.selfErr [cycle: wraps an error above]\n") {
		t.Fatalf("cycle text:\n%s", text)
	}

	var errs []error
	for i := range 200 {
		errs = append(errs, fmt.Errorf("e%d", i))
	}
	r = Build(Input{Err: errors.Join(errs...)})
	if !r.Truncated || len(r.Chain.Children) != MaxNodes-1 {
		t.Fatalf("truncated=%v children=%d", r.Truncated, len(r.Chain.Children))
	}

	r = Build(Input{Err: fmt.Errorf("outer: %w", badErr{})})
	if got := r.Chain.Children[0].Message; got != "%!v(PANIC=Error method: Error exploded)" {
		t.Fatalf("panicking Error: %q", got)
	}
}

func recurse(n int) []uintptr {
	if n == 0 {
		return Capture(0)
	}
	return recurse(n - 1)
}

func TestFramesAreCapped(t *testing.T) {
	r := Build(Input{Err: errors.New("deep"), Site: recurse(300)})
	s := r.Sections[0]
	if len(s.Frames) != MaxFrames || s.Elided == 0 {
		t.Fatalf("frames %d, elided %d", len(s.Frames), s.Elided)
	}
	text := string(AppendText(nil, r, View{Backtrace: true}))
	if !regexp.MustCompile(`\n  \[\d+ frames elided\]\n`).MatchString(text) {
		t.Fatal("no elision line")
	}
}

func TestMessagesCannotForgeLines(t *testing.T) {
	r := Build(Input{Err: errors.New("bad\x1b[2J\rthing\nsecond line")})
	text := string(AppendText(nil, r, View{}))
	if want := "*errors.errorString: bad\\x1b[2J\\rthing\nsecond line\n"; text != want {
		t.Fatalf("got %q, want %q", text, want)
	}
}

func TestSourceCacheIsBounded(t *testing.T) {
	c := sourceCache{files: map[string][][]byte{}}
	for i := range maxFiles + 10 {
		c.get(fmt.Sprintf("/nonexistent/%d.go", i))
	}
	if len(c.files) > maxFiles || len(c.order) > maxFiles {
		t.Fatalf("cache holds %d files", len(c.files))
	}
	if sourceLine("/etc/passwd", 1) != "" {
		t.Fatal("a file that is not Go source was read")
	}
}

func TestTokens(t *testing.T) {
	got := fmt.Sprint(tokens(`x := f(user, "key", a.b) // c`))
	if want := "[{x 0} {user 7} {key 13} {a 20}]"; got != want {
		t.Fatalf("tokens = %s, want %s", got, want)
	}
}

func TestNothingRunsWithoutValues(t *testing.T) {
	called := false
	err := &fieldsErr{called: &called}
	r := Build(Input{Err: err})
	if called || r.Chain.Values != nil {
		t.Fatal("LogFields was read although no handler shows values")
	}
	Build(Input{Err: err, Values: true})
	if !called {
		t.Fatal("LogFields not read with values on")
	}
}

type fieldsErr struct{ called *bool }

func (e *fieldsErr) Error() string { return "f" }
func (e *fieldsErr) LogFields() []slog.Attr {
	*e.called = true
	return []slog.Attr{slog.String("k", "v")}
}

// FuzzRender feeds arbitrary source lines and messages to the renderer:
// it must never panic, and a message never adds control characters.
func FuzzRender(f *testing.F) {
	f.Add(`return loguru.Wrap(err, "x", loguru.F("path", path))`, "boom\x1b[2J", "path")
	f.Add("\"unterminated", "a\nb", "")
	f.Fuzz(func(t *testing.T, src, msg, name string) {
		r := &Report{Type: "T", Value: msg, Sections: []Section{{Catch: 0, Frames: []Frame{{
			Function: "main.f", File: "/x/main.go", Line: 1, Source: src,
			Values: []Value{{Name: name, Text: formatValue(name, msg)}},
		}}}}}
		out := AppendText(nil, r, View{Backtrace: true, Diagnose: true, Color: true})
		for _, c := range escapeMessage(nil, msg) {
			if c < 0x20 && c != '\n' && c != '\t' {
				t.Fatalf("control byte %#x in %q", c, out)
			}
		}
	})
}
