package loguru_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// clock is a settable test clock for records and file sinks.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(t *testing.T, start time.Time) *clock {
	c := &clock{t: start}
	loguru.SetNow(t, c.now)
	return c
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// at is fixedTime's day at the given wall clock time, in its zone.
func at(day, hour, minute int) time.Time {
	return time.Date(2026, 11, day, hour, minute, 0, 0, fixedTime.Location())
}

// addFile adds a file sink with the "{message}" format to a new logger.
func addFile(t *testing.T, path string, opts loguru.HandlerOptions) (*loguru.Logger, int) {
	t.Helper()
	if opts.Format == "" {
		opts.Format = "{message}"
	}
	l := loguru.New()
	id, err := l.Add(path, opts)
	if err != nil {
		t.Fatalf("Add(%q): %v", path, err)
	}
	t.Cleanup(func() { l.RemoveAll() })
	return l, id
}

// dirFiles maps the names of the files in dir (recursively, relative) to
// their contents.
func dirFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if strings.HasPrefix(d.Name(), ".") && strings.HasSuffix(d.Name(), ".lock") {
			return nil // the lock file of rotating sinks
		}
		b, err := os.ReadFile(path)
		got[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func expectFiles(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := dirFiles(t, dir)
	for name, content := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("missing file %s", name)
		} else if g != content {
			t.Errorf("%s = %q, want %q", name, g, content)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("unexpected file %s (%q)", name, got[name])
		}
	}
}

func TestFileSinkCreatesFoldersAndPrivateFiles(t *testing.T) {
	newClock(t, fixedTime)
	dir := t.TempDir()
	path := filepath.Join(dir, "logs", "sub", "app.log")
	l, _ := addFile(t, path, loguru.HandlerOptions{})
	l.Info("one")
	l.Info("two")
	expectFiles(t, dir, map[string]string{"logs/sub/app.log": "one\ntwo\n"})
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(path))
	if di.Mode().Perm()&^0o022 != 0o755&^0o022 {
		t.Errorf("folder mode %v, want 0755 less the umask", di.Mode().Perm())
	}
}

func TestFileSinkPathTokens(t *testing.T) {
	newClock(t, fixedTime)
	dir := t.TempDir()
	for _, p := range []string{"app_{time:YYYY-MM-DD}.log", "app_{time}.log", "{{literal}}_{time:HH[h]mm}.log"} {
		l, _ := addFile(t, filepath.Join(dir, p), loguru.HandlerOptions{})
		l.Info(p)
	}
	expectFiles(t, dir, map[string]string{
		"app_2026-11-22.log":                 "app_{time:YYYY-MM-DD}.log\n",
		"app_2026-11-22_10-01-02_345678.log": "app_{time}.log\n",
		"{literal}_10h01.log":                "{{literal}}_{time:HH[h]mm}.log\n",
	})
}

func TestFileSinkModes(t *testing.T) {
	newClock(t, fixedTime)
	dir := t.TempDir()
	appendPath, truncPath := filepath.Join(dir, "a.log"), filepath.Join(dir, "w.log")
	for _, p := range []string{appendPath, truncPath} {
		if err := os.WriteFile(p, []byte("old\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	la, _ := addFile(t, appendPath, loguru.HandlerOptions{Mode: "a"})
	lw, _ := addFile(t, truncPath, loguru.HandlerOptions{Mode: "w"})
	la.Info("new")
	lw.Info("new")
	expectFiles(t, dir, map[string]string{"a.log": "old\nnew\n", "w.log": "new\n"})

	_, err := loguru.New().Add(filepath.Join(dir, "x.log"), loguru.HandlerOptions{Mode: "r+"})
	if want := `loguru: cannot open the file sink "` + filepath.Join(dir, "x.log") + `": invalid file mode "r+": use "a" (append) or "w" (truncate)`; err == nil || err.Error() != want {
		t.Errorf("Mode r+: %v\nwant %s", err, want)
	}
}

func TestFileSinkDelay(t *testing.T) {
	newClock(t, fixedTime)
	dir := t.TempDir()
	l, id := addFile(t, filepath.Join(dir, "never.log"), loguru.HandlerOptions{Delay: true, Compression: "gz"})
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	l2, _ := addFile(t, filepath.Join(dir, "later.log"), loguru.HandlerOptions{Delay: true})
	expectFiles(t, dir, map[string]string{})
	l2.Info("first")
	expectFiles(t, dir, map[string]string{"later.log": "first\n"})
}

func TestFileOptionsNeedAFileSink(t *testing.T) {
	_, err := loguru.New().Add(&syncBuffer{}, loguru.HandlerOptions{Rotation: "1 MB"})
	want := "loguru: Rotation, Retention, Compression, Delay, Watch, Mode, Perm and Buffering apply to file sinks only (a path), not to *loguru_test.syncBuffer"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v", err)
	}
}

func TestFileSinkBadOptionsCreateNoFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	for _, o := range []loguru.HandlerOptions{
		{Level: "NOPE"}, {Rotation: "sometimes"}, {Retention: "forever"}, {Compression: "rar"},
		{Format: "<red>{message}"}, {Retention: "1", RetentionFunc: func([]string) error { return nil }},
	} {
		if _, err := loguru.New().Add(path, o); err == nil {
			t.Errorf("Add(%+v) succeeded", o)
		}
	}
	expectFiles(t, dir, map[string]string{})
}

// The test of the whole package: every file a rotating, compressing,
// retaining sink leaves has the lines it should, once.
func TestFileSinkManyGoroutinesLoseNothing(t *testing.T) {
	newClock(t, fixedTime)
	dir := t.TempDir()
	l, _ := addFile(t, filepath.Join(dir, "app.log"), loguru.HandlerOptions{Rotation: "4 KB"})
	const goroutines, lines = 8, 2000
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range lines {
				l.Info("g{} line {}", g, i)
			}
		}()
	}
	wg.Wait()
	l.RemoveAll()
	var all []string
	files := dirFiles(t, dir)
	for name, content := range files {
		if len(content) > 4000 {
			t.Errorf("%s has %d bytes, over the 4 KB rotation size", name, len(content))
		}
		all = append(all, strings.Split(strings.TrimSuffix(content, "\n"), "\n")...)
	}
	slices.Sort(all)
	distinct := len(slices.Compact(slices.Clone(all)))
	if len(all) != goroutines*lines || distinct != goroutines*lines {
		t.Errorf("%d lines (%d distinct) in %d files, want %d", len(all), distinct, len(files), goroutines*lines)
	}
}
