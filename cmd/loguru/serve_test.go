package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/syncbuf"
	"github.com/loguru-go/loguru/netsink"
)

// lockedBuffer is the error output that goroutines write and the test reads.
type lockedBuffer = syncbuf.Buffer

// waitOutput polls until re matches the output, for up to 10 seconds.
func waitOutput(t *testing.T, out *lockedBuffer, re *regexp.Regexp) []string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m
		}
	}
	t.Fatalf("no %q in:\n%s", re, out.String())
	return nil
}

func writeKey(t *testing.T, key string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "key")
	if err := os.WriteFile(path, []byte(key), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	old := stopContext
	stopContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	t.Cleanup(func() { stopContext = old })
	key := "0123456789abcdef0123456789abcdef"
	keyFile := writeKey(t, key+"\n")
	var out lockedBuffer
	code := make(chan int)
	go func() {
		code <- run([]string{"serve", "--listen", "127.0.0.1:0", "--key-file", keyFile,
			"--format", "{level} | {name}:{function}:{line} - {message} {extra}"}, nil, nil, &out)
	}()
	addr := waitOutput(t, &out, regexp.MustCompile(`loguru serve: listening on (\S+)\n`))[1]

	sink, err := netsink.Dial("tcp", addr, netsink.Options{Key: []byte(key)})
	if err != nil {
		t.Fatal(err)
	}
	client := loguru.New()
	id, _ := client.Add(sink, loguru.HandlerOptions{Level: "TRACE"})
	client.Bind("user", "ann").Trace("Hello {} from afar", "world")
	client.Warning("{braces} stay")
	client.Remove(id)
	waitOutput(t, &out, regexp.MustCompile(`(?m)^WARNING \| .*- \{braces\} stay \{\}$`))
	cancel()
	if c := <-code; c != 0 {
		t.Fatalf("exit code %d:\n%s", c, out.String())
	}
	got := strings.ReplaceAll(out.String(), "github.com/loguru-go/loguru/cmd/loguru:", "main:")
	want := regexp.MustCompile(`^loguru serve: listening on 127\.0\.0\.1:\d+
TRACE \| main:TestServe:\d+ - Hello world from afar \{"user": "ann"\}
WARNING \| main:TestServe:\d+ - \{braces\} stay \{\}
loguru serve: stopped: 2 records received, 0 connections rejected
$`)
	if !want.MatchString(got) {
		t.Errorf("output:\n%s", got)
	}
}

func TestServeErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "loguru serve: --key-file is required (make a key with: head -c 32 /dev/urandom > key)\n"},
		{[]string{"--key-file", "/nonexistent/key"}, "loguru serve: netsink: reading the key: open /nonexistent/key: no such file or directory\n"},
		{[]string{"--key-file", writeKey(t, "secret\n")}, "is 6 bytes long; it must be at least 16"},
		{[]string{"--key-file", writeKey(t, "0123456789abcdef"), "--tls-cert", "c.pem"}, "loguru serve: --tls-cert and --tls-key go together\n"},
		{[]string{"--key-file", writeKey(t, "0123456789abcdef"), "--level", "LOUD"}, `loguru serve: loguru: level "LOUD" does not exist`},
		{[]string{"--key-file", writeKey(t, "0123456789abcdef"), "extra"}, `loguru serve: unexpected argument "extra"`},
		{[]string{"--nope"}, "flag provided but not defined: -nope\nusage: loguru serve"},
		{[]string{"--key-file", writeKey(t, "0123456789abcdef"), "--rotation", "1 day"}, "loguru serve: --rotation, --retention and --compression need --file\n"},
		{[]string{"--key-file", writeKey(t, "0123456789abcdef"), "--file", filepath.Join(t.TempDir(), "x.log"), "--rotation", "sometimes"}, "loguru serve: loguru: invalid Rotation: cannot parse rotation from \"sometimes\"\n"},
	} {
		var out lockedBuffer
		if code := run(append([]string{"serve"}, tc.args...), nil, nil, &out); code != 2 || !strings.Contains(out.String(), tc.want) {
			t.Errorf("serve %q: code %d, output %q, want %q", tc.args, code, out.String(), tc.want)
		}
	}
}

// With --file the records go to a file, the status lines stay on stderr.
func TestServeToFile(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	old := stopContext
	stopContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	t.Cleanup(func() { stopContext = old })
	key := "0123456789abcdef0123456789abcdef"
	path := filepath.Join(t.TempDir(), "logs", "all.log")
	var out lockedBuffer
	code := make(chan int)
	go func() {
		code <- run([]string{"serve", "--listen", "127.0.0.1:0", "--key-file", writeKey(t, key),
			"--format", "{level} {message}", "--file", path, "--rotation", "10 MB"}, nil, nil, &out)
	}()
	addr := waitOutput(t, &out, regexp.MustCompile(`loguru serve: listening on (\S+)\n`))[1]
	sink, err := netsink.Dial("tcp", addr, netsink.Options{Key: []byte(key)})
	if err != nil {
		t.Fatal(err)
	}
	client := loguru.New()
	id, _ := client.Add(sink)
	client.Info("to the file")
	client.Remove(id)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if b, _ := os.ReadFile(path); len(b) > 0 {
			break
		}
	}
	cancel()
	if c := <-code; c != 0 {
		t.Fatalf("exit code %d:\n%s", c, out.String())
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "INFO to the file\n" {
		t.Fatalf("file: %q, %v", b, err)
	}
	if !regexp.MustCompile(`^loguru serve: listening on \S+\nloguru serve: stopped: 1 records received, 0 connections rejected\n$`).MatchString(out.String()) {
		t.Errorf("stderr:\n%s", out.String())
	}
}

// A key file that others may read gets a warning, as ssh gives for a
// private key; a private one gets none.
func TestServeWarnsOfAnExposedKeyFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no permission bits")
	}
	for perm, warned := range map[os.FileMode]bool{0o600: false, 0o400: false, 0o644: true, 0o640: true, 0o606: true} {
		path := writeKey(t, "0123456789abcdef")
		if err := os.Chmod(path, perm); err != nil {
			t.Fatal(err)
		}
		var out lockedBuffer
		// A bad level stops serve after the key is read, before it listens.
		run([]string{"serve", "--key-file", path, "--level", "LOUD"}, nil, nil, &out)
		want := fmt.Sprintf("loguru serve: warning: the key file %s is open to others (permissions %#o): "+
			"whoever reads it can send records as any client; make it private: chmod 600 %s\n", path, perm, path)
		if got := strings.Contains(out.String(), want); got != warned {
			t.Errorf("permissions %#o: warned %v, want %v; output %q", perm, got, warned, out.String())
		}
	}
}
