package loguru_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

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
	formats := []string{"", "gz", "bz2", "xz", "lzma", "tar", "tar.gz", "tar.bz2", "tar.xz", "zip", "zst"}
	for _, format := range formats {
		t.Run("compression="+format, func(t *testing.T) {
			newClock(t, fixedTime)
			reports := captureErrors(t)
			dir := t.TempDir()
			l, _ := addFile(t, filepath.Join(dir, "app.log"), loguru.HandlerOptions{
				Rotation: "1 KB", Retention: "2", Compression: format,
			})
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
