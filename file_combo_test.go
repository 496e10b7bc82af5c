package loguru_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
)

// Enqueue (batches through WriteBatch) + size Rotation + gz Compression +
// count Retention, stopped by Remove: every rotated file is full, the kept
// lines are the newest and contiguous, nothing is left behind.
func TestComboEnqueueBurstRotationCompressionRetention(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	l, id := addFile(t, filepath.Join(dir, "app.log"), loguru.HandlerOptions{
		Rotation: "1 KB", Retention: "2", Compression: "gz", Enqueue: loguru.On,
	})
	reports := loggerErrors(l)
	const n = 300
	for i := range n {
		l.Info("line{} {}", i, strings.Repeat("x", 40))
	}
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	if r := reports.String(); r != "" {
		t.Fatalf("sink errors:\n%s", r)
	}
	files := logLines(t, dir)
	if len(files) != 3 {
		t.Fatalf("%d files, want 3: %v", len(files), files)
	}
	var all []int
	for name, nums := range files {
		all = append(all, nums...)
		if name != "app.log" && len(nums) != 20 {
			t.Errorf("%s holds %d lines, want 20", name, len(nums))
		}
	}
	slices.Sort(all)
	for i := 1; i < len(all); i++ {
		if all[i] != all[i-1]+1 {
			t.Fatalf("lines not contiguous: %d then %d", all[i-1], all[i])
		}
	}
	if all[len(all)-1] != n-1 {
		t.Fatalf("last line %d", all[len(all)-1])
	}
}

// Watch + Perm + size Rotation + Compression: the file reopened after a
// deletion, the rotated files, their archives and the lock file all get Perm.
func TestComboWatchPermRotationCompression(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	l, id := addFile(t, path, loguru.HandlerOptions{
		Watch: true, Perm: 0o640, Rotation: "20 B", Compression: "gz",
	})
	l.Info("aaaaaaaaaaaaaaa")
	os.Remove(path)
	l.Info("bbbbbbbbbbbbbbb") // reopened
	l.Info("ccccccccccccccc") // rotates
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, e.Name())
		if fi.Mode().Perm() != 0o640 {
			t.Errorf("%s has mode %v, want 0640", e.Name(), fi.Mode().Perm())
		}
	}
	if len(names) != 3 { // lock, app.log, one archive
		t.Errorf("files %q", names)
	}
}

// Delay + Mode "w" + Watch: the first open truncates, a replaced file is
// truncated when reopened, and the file is created only at the first record.
func TestComboDelayModeWWatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	os.WriteFile(path, []byte("old\n"), 0o600)
	l, _ := addFile(t, path, loguru.HandlerOptions{Delay: true, Mode: "w", Watch: true})
	expectFiles(t, dir, map[string]string{"app.log": "old\n"})
	l.Info("one")
	expectFiles(t, dir, map[string]string{"app.log": "one\n"})
	os.WriteFile(path+".new", []byte("foreign\n"), 0o600)
	os.Rename(path+".new", path)
	l.Info("two")
	expectFiles(t, dir, map[string]string{"app.log": "two\n"})
}
