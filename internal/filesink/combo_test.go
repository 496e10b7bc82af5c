package filesink

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/loguru-go/loguru/internal/archive"
)

// Buffering + Size: the bytes waiting in the buffer count towards the
// size limit, as Python's file.tell() does in Loguru. No file may grow past
// the limit when every record is smaller than it.
func TestComboBufferingSizeIntoEmptyFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := open(t, filepath.Join(dir, "app.log"), Options{Size: 30, Buffering: 1000, Now: func() time.Time { return t0 }})
	for i := range 10 {
		write(t, f, "line"+string(rune('0'+i)), t0) // 6 bytes: 5 fit in 30
	}
	if err := f.Flush(); err != nil {
		t.Fatal(err)
	}
	got := files(t, dir)
	for name, content := range got {
		if len(content) > 30 {
			t.Errorf("%s holds %d bytes, past the 30-byte limit: %q", name, len(content), content)
		}
	}
	if len(got) != 2 {
		t.Errorf("files %v, want one rotated file of 5 lines and app.log", got)
	}
}

// Buffering + RotateFunc: the rules judge each record once, when it is
// buffered (buffer's comment says so); flushing the buffer must not call
// the rotation function again with the concatenated records.
func TestComboBufferingRotateFuncJudgesEachRecordOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var seen []string
	f := open(t, filepath.Join(dir, "app.log"), Options{Buffering: 1000, RotateFunc: func(b []byte, _ time.Time, _ *os.File) bool {
		seen = append(seen, string(b))
		return false
	}})
	write(t, f, "a", t0)
	write(t, f, "b", t0)
	if err := f.Flush(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a\n", "b\n"}; !slices.Equal(seen, want) {
		t.Errorf("RotateFunc saw %q, want %q", seen, want)
	}
}

// A pattern with {time} + Size + Compression + count Retention, two
// rotations in a row while the first compression is still running: the
// retention of the first rotation must not take the sink's current file
// (started by the second rotation) for an old one.
func TestComboTimePatternRetentionKeepsCurrentFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	clk := &testClock{t: t0}
	gz, _ := archive.Parse("gz")
	release := make(chan struct{})
	var once sync.Once
	f := open(t, filepath.Join(dir, "app_{time}.log"), Options{
		Size: 10, Now: clk.Now, Retain: KeepCount(1),
		Compress: func(p string) error {
			once.Do(func() { <-release }) // the first compression is slow
			_, err := gz.File(p)
			return err
		},
	})
	write(t, f, "aaaaaaaa", clk.Now())
	clk.Set(t0.Add(time.Minute))
	write(t, f, "bbbbbbbb", clk.Now()) // rotation 1: app_<t1>.log
	clk.Set(t0.Add(2 * time.Minute))
	write(t, f, "cccccccc", clk.Now()) // rotation 2: app_<t2>.log, current
	close(release)
	f.Wait()
	current := "app_2026-11-22_10-03-02_345678.log"
	if f.Path() != filepath.Join(dir, current) {
		t.Fatalf("current file %s, want %s", f.Path(), current)
	}
	got := files(t, dir)
	if got[current] != "cccccccc\n" {
		t.Errorf("the current file %s was removed by retention while open: files %v", current, keys(got))
	}
}

func keys(m map[string]string) []string {
	var k []string
	for n := range m {
		k = append(k, n)
	}
	slices.Sort(k)
	return k
}

// A pattern starting with {time}: the sink's own hidden lock file (and
// the hidden temporary files of archives) are not its log files, and
// retention must never be given them (Python's glob skips dot files).
func TestComboTimePatternRetentionSkipsHiddenFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var listed []string
	f := open(t, filepath.Join(dir, "{time:YYYY-MM-DD}.log"), Options{
		Size: 10, Now: func() time.Time { return t0 },
		Retain: func(files []string, _ int) error {
			for _, p := range files {
				listed = append(listed, filepath.Base(p))
			}
			return nil
		},
	})
	write(t, f, "aaaaaaaa", t0)
	write(t, f, "bbbbbbbb", t0)
	f.Wait()
	for _, name := range listed {
		if strings.HasPrefix(name, ".") {
			t.Errorf("retention was given the hidden file %s (all: %q)", name, listed)
		}
	}
}

// Watch + an interval schedule: a file deleted by another program and
// reopened keeps the schedule, as Loguru's rotation object keeps its limit
// ("it is not recomputed from each new file", docs/architecture.md).
func TestComboWatchKeepsSchedule(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	s := newScheduled(t, path, "", hm(10, 0), Options{Watch: true, Schedules: []Schedule{every(time.Hour)}})
	s.log("a", hm(10, 0)) // limit 11:00
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	s.log("b", hm(10, 30)) // reopened
	s.log("c", hm(11, 0))  // past 11:00: rotates
	got := files(t, dir)
	if got["app.log"] != "c\n" {
		t.Errorf("files %v: want the record at 11:00 alone in app.log, after the 11:00 rotation", got)
	}
}

// Watch + rotation: a file deleted before Close is not made again, empty,
// by Close: a rotating sink runs no compression or retention at Close.
func TestComboWatchRotationCloseAfterDelete(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	f := open(t, path, Options{Watch: true, Size: 1 << 20})
	write(t, f, "a", t0)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	same(t, files(t, dir), map[string]string{})
}
