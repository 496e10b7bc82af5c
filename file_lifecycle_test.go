package loguru_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/archive"
)

// logLines reads every log file and archive in dir and returns the numbers
// of the "line N" records found, in file order, newest file last (files
// are ordered by the numbers they hold).
func logLines(t *testing.T, dir string) (files map[string][]int) {
	t.Helper()
	files = map[string][]int{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			if !strings.HasSuffix(e.Name(), ".lock") {
				t.Errorf("temporary file left behind: %s", e.Name())
			}
			continue
		}
		b, err := archive.Read(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		var nums []int
		for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			if line == "" {
				continue
			}
			n, err := strconv.Atoi(strings.TrimPrefix(strings.Fields(line)[0], "line"))
			if err != nil {
				t.Fatalf("%s: torn line %q", e.Name(), line)
			}
			nums = append(nums, n)
		}
		files[e.Name()] = nums
	}
	return files
}

// A burst of rotations with background compression and count retention
// keeps exactly the newest files, whatever the format: retention never
// races a file still waiting to be compressed.
func TestFileBurstRotationKeepsTheNewestLines(t *testing.T) {
	t.Parallel()
	formats := []string{"", "gz", "bz2", "xz", "lzma", "tar", "tar.gz", "tar.bz2", "tar.xz", "zip", "zst"}
	for _, format := range formats {
		t.Run("compression="+format, func(t *testing.T) {
			dir := t.TempDir()
			l, _ := addFile(t, filepath.Join(dir, "app.log"), loguru.HandlerOptions{
				Rotation: "1 KB", Retention: "2", Compression: format,
			})
			reports := loggerErrors(l)
			const n = 300
			for i := range n {
				l.Info("line{} {}", i, strings.Repeat("x", 40))
			}
			l.Complete()
			if r := reports.String(); r != "" {
				t.Fatalf("sink errors:\n%s", r)
			}
			files := logLines(t, dir)
			if len(files) != 3 {
				t.Fatalf("%d files, want the current one and 2 rotated: %v", len(files), files)
			}
			var all []int
			for _, nums := range files {
				all = append(all, nums...)
			}
			slices.Sort(all)
			if all[len(all)-1] != n-1 {
				t.Fatalf("last line %d, want %d", all[len(all)-1], n-1)
			}
			for i := 1; i < len(all); i++ {
				if all[i] != all[i-1]+1 {
					t.Fatalf("lines not contiguous: %d then %d (files %v)", all[i-1], all[i], files)
				}
			}
			// The rotated files are full: 20 lines of 52 or 53 bytes.
			for name, nums := range files {
				if name != "app.log" && len(nums) != 20 {
					t.Errorf("%s holds %d lines, want 20", name, len(nums))
				}
			}
		})
	}
}

// Without rotation, retention runs when the sink stops, as in Loguru, even
// for a Delay sink that never opened its file.
func TestFileDelayRetentionRunsAtStop(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i, name := range []string{"app.2026-11-20_00-00-00_000000.log", "app.2026-11-21_00-00-00_000000.log.gz", "app.2026-11-21_12-00-00_000000.log"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(name), 0o600)
		mt := fixedTime.Add(-time.Duration(3-i) * time.Hour)
		os.Chtimes(p, mt, mt)
	}
	l, id := addFile(t, filepath.Join(dir, "app.log"), loguru.HandlerOptions{Delay: true, Retention: "1"})
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	expectFiles(t, dir, map[string]string{"app.2026-11-21_12-00-00_000000.log": "app.2026-11-21_12-00-00_000000.log"})
}

// Watch reopens a replaced file as Loguru does: in Mode "w" the new file
// is truncated, not appended to.
func TestFileWatchHonoursModeW(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	l, _ := addFile(t, path, loguru.HandlerOptions{Watch: true, Mode: "w"})
	l.Info("one")
	os.WriteFile(path+".new", []byte("foreign\n"), 0o600)
	os.Rename(path+".new", path) // replaced under the sink
	l.Info("two")
	l.Info("three")
	expectFiles(t, dir, map[string]string{"app.log": "two\nthree\n"})
}

// A watched file deleted before the sink stops is reopened first, so the
// compression and retention run at stop see a file, as in Loguru.
func TestFileWatchReopensBeforeStop(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	var seen []string
	l, id := addFile(t, path, loguru.HandlerOptions{Watch: true, CompressionFunc: func(p string) error {
		b, err := os.ReadFile(p)
		seen = append(seen, fmt.Sprintf("%s %q %v", filepath.Base(p), b, err))
		return err
	}})
	reports := loggerErrors(l)
	l.Info("one")
	os.Remove(path)
	if err := l.Remove(id); err != nil {
		t.Fatal(err)
	}
	if want := []string{`app.log "" <nil>`}; !slices.Equal(seen, want) {
		t.Errorf("compression saw %q, want %q", seen, want)
	}
	if r := reports.String(); r != "" {
		t.Errorf("sink errors:\n%s", r)
	}
}

// Rotation takes several conditions, any of which rotates the file.
func TestFileRotationSeveralConditions(t *testing.T) {
	t.Parallel()
	clk := newClock(fixedTime)
	dir := t.TempDir()
	l, _ := addFileAt(t, clk, filepath.Join(dir, "app.log"), loguru.HandlerOptions{Rotation: "12:00, 100 B"})
	var first strings.Builder
	for i := range 15 {
		l.Info("line {:02}", i) // 8 bytes: 12 fit in 100
		if i < 12 {
			fmt.Fprintf(&first, "line %02d\n", i)
		}
	}
	clk.set(at(22, 12, 0))
	l.Info("noon")
	l.Complete()
	expectFiles(t, dir, map[string]string{
		"app.2026-11-22_10-01-02_345678.log":   first.String(),
		"app.2026-11-22_10-01-02_345678.2.log": "line 12\nline 13\nline 14\n",
		"app.log":                              "noon\n",
	})
	if _, err := loguru.New().Add(filepath.Join(dir, "b.log"), loguru.HandlerOptions{Rotation: "12:00, soon"}); err == nil || //loguru-vet:ignore a bad rotation is the case under test
		err.Error() != `loguru: invalid Rotation: cannot parse rotation from " soon", in "12:00, soon"` {
		t.Errorf("error = %v", err)
	}
}
