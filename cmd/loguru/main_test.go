package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func TestDemo(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"demo"}, &out, &errOut); code != 0 {
		t.Fatalf("exit code %d: %s", code, errOut.String())
	}
	got := errOut.String()
	// In a test binary the main package is linked under its import path, so
	// {name} is that path here; a built command reports "main" (checked by
	// the CI script, which runs the demo).
	got = strings.ReplaceAll(got, "github.com/loguru-go/loguru/cmd/loguru:", "main:")
	for _, want := range []string{
		"| TRACE    | main:demo:",
		"| INFO     | main:demo:",
		"- Hello, world!\n",
		"| SUCCESS  | main:demo:",
		"- Order 1042 shipped\n",
		"- Disk usage at 93%\n",
		"| CRITICAL | main:demo:",
		"| NOTICE   | main:demo:",
		"- Markup in a message: red, green, bold\n",
		"- Errors are attached to the record\n*fmt.wrapError: loading config: file not found\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	line := regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \| [A-Z]+ +\| main:demo:\d+ - `)
	if first := strings.SplitN(got, "\n", 2)[0]; !line.MatchString(first) {
		t.Errorf("first line %q is not in the default format", first)
	}
	if strings.Contains(got, "\x1b[") {
		t.Error("a buffer is not a terminal: no color expected")
	}
}

func TestUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(nil, &out, &errOut); code != 2 || !strings.HasPrefix(errOut.String(), "usage: loguru") {
		t.Fatalf("no command: code %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"nope"}, &out, &errOut); code != 2 || !strings.HasPrefix(errOut.String(), `loguru: unknown command "nope"`) {
		t.Fatalf("unknown command: code %d, %q", code, errOut.String())
	}
}
