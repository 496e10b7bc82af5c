package filesink

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 22, 10, 1, 2, 345678000, time.FixedZone("CET", 3600))

type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// every is a Schedule rotating at fixed intervals from the creation time.
type every time.Duration

func (e every) Next(created time.Time) time.Time { return created.Add(time.Duration(e)) }
func (e every) Step(limit time.Time) time.Time   { return limit.Add(time.Duration(e)) }

func open(t *testing.T, path string, o Options) *File {
	t.Helper()
	p, err := ParsePattern(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Open(p, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func write(t *testing.T, f *File, line string, at time.Time) {
	t.Helper()
	if err := f.Write([]byte(line+"\n"), at); err != nil {
		t.Fatalf("Write(%q): %v", line, err)
	}
}

// files maps the names in dir, lock file excepted, to their contents.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".lock") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got[e.Name()] = string(b)
	}
	return got
}

func same(t *testing.T, got, want map[string]string) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("files:\n got %v\nwant %v", got, want)
	}
}

func TestPattern(t *testing.T) {
	t.Parallel()
	p, err := ParsePattern("/logs/{time:YYYY}/app_{time}.{{x}}.log")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.Render(t0)
	if want := "/logs/2026/app_2026-11-22_10-01-02_345678.{x}.log"; got != want {
		t.Errorf("Render = %s, want %s", got, want)
	}
	globs, _ := p.Globs()
	want := []string{"/logs/*/app_*.{x}.log", "/logs/*/app_*.{x}.log.*", "/logs/*/app_*.{x}.*.log", "/logs/*/app_*.{x}.*.log.*"}
	if !slices.Equal(globs, want) {
		t.Errorf("Globs = %q, want %q", globs, want)
	}
	globs, _ = (&Pattern{parts: []part{{text: "/l/a[1]*"}}}).Globs()
	if want := []string{`/l/a\[1]\*`, `/l/a\[1]\*.*`}; !slices.Equal(globs, want) {
		t.Errorf("Globs = %q, want %q", globs, want)
	}
	for _, bad := range []string{"", "app_{date}.log", "app_{time.log", "app}.log", "{time:YYYY-SSSSSSS}.log"} {
		if _, err := ParsePattern(bad); err == nil {
			t.Errorf("ParsePattern(%q) succeeded", bad)
		}
	}
}

func TestSizeRotationNamesFilesByCreationTime(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	clk := &testClock{t: t0}
	f := open(t, filepath.Join(dir, "app.log"), Options{Size: 10, Now: clk.Now})
	write(t, f, "aaaa", t0) // 5 bytes
	write(t, f, "bbbb", t0) // 10: fits exactly
	clk.Set(t0.Add(time.Second))
	write(t, f, "cccc", t0) // rotates: the file was created at t0
	write(t, f, "dddd", t0)
	write(t, f, "eeee", t0) // rotates: created at t0+1s too, hence ".2"
	clk.Set(t0.Add(2 * time.Second))
	write(t, f, "0123456789abc", t0) // longer than the limit: a file of its own
	write(t, f, "ffff", t0)
	same(t, files(t, dir), map[string]string{
		"app.2026-11-22_10-01-02_345678.log":   "aaaa\nbbbb\n",
		"app.2026-11-22_10-01-03_345678.log":   "cccc\ndddd\n",
		"app.2026-11-22_10-01-03_345678.2.log": "eeee\n",
		"app.2026-11-22_10-01-04_345678.log":   "0123456789abc\n",
		"app.log":                              "ffff\n",
	})
}

func TestScheduleRotation(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	clk := &testClock{t: t0}
	f := open(t, filepath.Join(dir, "app"), Options{Schedules: []Schedule{every(time.Hour)}, Now: clk.Now})
	write(t, f, "first", t0)
	write(t, f, "still", t0.Add(59*time.Minute))
	clk.Set(t0.Add(3 * time.Hour))
	write(t, f, "late", t0.Add(3*time.Hour)) // one rotation, however late
	write(t, f, "same", t0.Add(3*time.Hour+time.Minute))
	write(t, f, "next", t0.Add(4*time.Hour)) // the limit moved to t0+4h
	same(t, files(t, dir), map[string]string{
		"app.2026-11-22_10-01-02_345678": "first\nstill\n",
		"app.2026-11-22_13-01-02_345678": "late\nsame\n",
		"app":                            "next\n",
	})
}

func TestRotateFuncSeesTheOpenFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var sizes []int64
	f := open(t, filepath.Join(dir, "app.log"), Options{Now: func() time.Time { return t0 },
		RotateFunc: func(b []byte, _ time.Time, file *os.File) bool {
			fi, _ := file.Stat()
			sizes = append(sizes, fi.Size())
			return string(b) == "rotate\n"
		}})
	write(t, f, "a", t0)
	write(t, f, "rotate", t0)
	write(t, f, "b", t0)
	if !slices.Equal(sizes, []int64{0, 2, 7}) {
		t.Errorf("sizes seen = %v", sizes)
	}
	same(t, files(t, dir), map[string]string{"app.2026-11-22_10-01-02_345678.log": "a\n", "app.log": "rotate\nb\n"})
}

func TestRetentionTouchesOnlyThisSinksFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i, name := range []string{"app.1.log", "app.2.log.gz", "app.log.3", "other.log", "app.txt", "app.3.log"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(name), 0o600)
		mt := t0.Add(time.Duration(i) * time.Hour)
		os.Chtimes(p, mt, mt)
	}
	var seen []string
	f := open(t, filepath.Join(dir, "app.log"), Options{Size: 1, Now: func() time.Time { return t0.Add(10 * time.Hour) },
		Retain: func(files []string, pending int) error {
			for _, p := range files {
				seen = append(seen, filepath.Base(p))
			}
			return KeepCount(2)(files, pending)
		}})
	write(t, f, "x", t0)
	write(t, f, "y", t0) // rotates: retention runs in the background
	f.Wait()
	slices.Sort(seen)
	if want := []string{"app.1.log", "app.2.log.gz", "app.3.log", "app.log.3", "app.2026-11-22_20-01-02_345678.log"}; !slices.Equal(seen, sortedCopy(want)) {
		t.Errorf("retention saw %v, want %v", seen, sortedCopy(want))
	}
	// Kept: the two newest old files (the rotated one, then app.3.log),
	// the current file, and the files that are not this sink's.
	same(t, files(t, dir), map[string]string{
		"app.2026-11-22_20-01-02_345678.log": "x\n", "app.3.log": "app.3.log", "app.log": "y\n",
		"other.log": "other.log", "app.txt": "app.txt",
	})
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestKeepAge(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	now := t0
	var paths []string
	for i, age := range []time.Duration{time.Hour, 48 * time.Hour, 72 * time.Hour} {
		p := filepath.Join(dir, fmt.Sprintf("app.%d.log", i))
		os.WriteFile(p, nil, 0o600)
		os.Chtimes(p, now.Add(-age), now.Add(-age))
		paths = append(paths, p)
	}
	if err := KeepAge(48*time.Hour, func() time.Time { return now })(paths, 0); err != nil {
		t.Fatal(err)
	}
	same(t, files(t, dir), map[string]string{"app.0.log": ""})
}

func TestCompressionRunsInTheBackgroundAndIsAwaited(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	release := make(chan struct{})
	var compressed []string
	f := open(t, filepath.Join(dir, "app.log"), Options{Size: 1, Now: func() time.Time { return t0 },
		Compress: func(path string) error {
			<-release
			compressed = append(compressed, filepath.Base(path))
			return os.Rename(path, path+".z")
		}})
	write(t, f, "a", t0)
	write(t, f, "b", t0) // rotation queues a compression, which waits
	write(t, f, "c", t0) // logging is not blocked by it
	close(release)
	f.Wait()
	if !slices.Equal(compressed, []string{"app.2026-11-22_10-01-02_345678.log", "app.2026-11-22_10-01-02_345678.2.log"}) {
		t.Errorf("compressed %v", compressed)
	}
	same(t, files(t, dir), map[string]string{
		"app.2026-11-22_10-01-02_345678.log.z": "a\n", "app.2026-11-22_10-01-02_345678.2.log.z": "b\n", "app.log": "c\n",
	})
}

func TestBackgroundErrorsAndPanicsAreReported(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var reports []string
	var mu sync.Mutex
	f := open(t, filepath.Join(dir, "app.log"), Options{Size: 1, Now: func() time.Time { return t0 },
		Compress: func(string) error { panic("codec exploded") },
		Retain:   func([]string, int) error { return errors.New("cannot list") },
		Report: func(err error) {
			mu.Lock()
			reports = append(reports, err.Error())
			mu.Unlock()
		}})
	write(t, f, "a", t0)
	write(t, f, "b", t0)
	f.Wait()
	if want := []string{"panic in background file work: codec exploded"}; !slices.Equal(reports, want) {
		t.Errorf("reports = %q, want %q", reports, want)
	}
}

func TestCloseWithoutRotationCompressesAndRetains(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var got []string
	f := open(t, filepath.Join(dir, "app.log"), Options{
		Compress: func(p string) error { got = append(got, "compress "+filepath.Base(p)); return nil },
		Retain: func(files []string, _ int) error {
			for _, p := range files {
				got = append(got, "retain "+filepath.Base(p))
			}
			return nil
		}})
	write(t, f, "a", t0)
	f.Close()
	if want := []string{"compress app.log", "retain app.log"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWatchReopensAMovedOrDeletedFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	f := open(t, path, Options{Watch: true})
	write(t, f, "a", t0)
	if err := os.Rename(path, path+".1"); err != nil { // logrotate
		t.Fatal(err)
	}
	write(t, f, "b", t0)
	os.Remove(path)
	write(t, f, "c", t0)
	same(t, files(t, dir), map[string]string{"app.log.1": "a\n", "app.log": "c\n"})
}

func TestBufferingWritesInBatches(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	f := open(t, path, Options{Buffering: 8})
	write(t, f, "abc", t0)
	same(t, files(t, dir), map[string]string{"app.log": ""})
	write(t, f, "def", t0) // 8 bytes waiting: written
	same(t, files(t, dir), map[string]string{"app.log": "abc\ndef\n"})
	write(t, f, "g", t0)
	if err := f.Flush(); err != nil {
		t.Fatal(err)
	}
	same(t, files(t, dir), map[string]string{"app.log": "abc\ndef\ng\n"})
}

func TestFaultsAreErrorsAndTheSinkRecovers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	if err := os.Mkdir(path, 0o755); err != nil { // a folder where the file should be
		t.Fatal(err)
	}
	p, _ := ParsePattern(path)
	if _, err := Open(p, Options{}); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Fatalf("Open over a folder: %v", err)
	}
	f := open(t, path, Options{Delay: true})
	if err := f.Write([]byte("lost\n"), t0); err == nil {
		t.Fatal("Write over a folder succeeded")
	}
	os.Remove(path)
	write(t, f, "back", t0)
	same(t, files(t, dir), map[string]string{"app.log": "back\n"})
}

func TestFullDiskIsAnError(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full on this system")
	}
	p, _ := ParsePattern("/dev/full")
	f, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = f.Write([]byte("x\n"), t0)
	if err == nil || !strings.Contains(err.Error(), "no space left on device") {
		t.Errorf("Write to a full disk: %v", err)
	}
}

// Two sinks on the same path, each with its own lock file descriptor, act
// as two processes: a rotation by one is seen by the other, which neither
// rotates again nor writes to the rotated file.
func TestSharedRotationHappensOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	clk := &testClock{t: t0}
	a := open(t, path, Options{Size: 6, Now: clk.Now})
	b := open(t, path, Options{Size: 6, Now: clk.Now})
	write(t, a, "a1", t0)
	write(t, b, "b1", t0) // 6 bytes
	clk.Set(t0.Add(time.Second))
	write(t, a, "a2", t0) // a rotates
	write(t, b, "b2", t0) // b sees the new file: no second rotation
	same(t, files(t, dir), map[string]string{"app.2026-11-22_10-01-02_345678.log": "a1\nb1\n", "app.log": "a2\nb2\n"})
}

func TestWorkerLeavesNoGoroutine(t *testing.T) {
	t.Parallel()
	var w worker
	w.report = func(error) {}
	var n int
	for range 10 {
		w.add(func() error { n++; return nil })
	}
	w.wait()
	w.mu.Lock()
	running := w.running
	w.mu.Unlock()
	if n != 10 || running {
		t.Errorf("ran %d jobs; goroutine still running: %v", n, running)
	}
}

// TestWriteBatchPutsEachRecordInItsFile writes the same records one at a
// time and as one batch: the files must be the same, names and contents.
func TestWriteBatchPutsEachRecordInItsFile(t *testing.T) {
	t.Parallel()
	hour := func(h, m int) time.Time { return t0.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	cases := []struct {
		name  string
		opts  Options
		times []time.Time
		files int
	}{
		{"size", Options{Size: 20}, []time.Time{t0, t0, t0, t0, t0, t0, t0}, 3},
		{"size, a record larger than the limit", Options{Size: 8}, []time.Time{t0, t0, t0}, 3},
		{"schedule", Options{Schedules: []Schedule{every(time.Hour)}}, []time.Time{t0, hour(0, 30), hour(1, 0), hour(1, 1), hour(2, 0), hour(3, 0)}, 4},
		{"size and schedule", Options{Size: 20, Schedules: []Schedule{every(time.Hour)}}, []time.Time{t0, t0, t0, t0, hour(2, 0)}, 3},
		{"no rotation", Options{}, []time.Time{t0, t0, t0}, 1},
		{"buffering", Options{Buffering: 10, Size: 20}, []time.Time{t0, t0, t0, t0}, 2},
		{"rotate func", Options{RotateFunc: func(b []byte, _ time.Time, _ *os.File) bool { return string(b) == "rec 2\n" }},
			[]time.Time{t0, t0, t0, t0}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b []byte
			var ends []int
			for i := range c.times {
				b = fmt.Appendf(b, "rec %d\n", i)
				ends = append(ends, len(b))
			}
			one, batch := t.TempDir(), t.TempDir()
			clk := &testClock{t: t0}
			c.opts.Now = clk.Now
			f := open(t, filepath.Join(one, "app.log"), c.opts)
			// The sink's clock stays at t0 in both runs, as a writer
			// goroutine's clock is later than the records' times.
			for i := range c.times {
				write(t, f, fmt.Sprintf("rec %d", i), c.times[i])
			}
			f.Close()
			g := open(t, filepath.Join(batch, "app.log"), c.opts)
			if err := g.WriteBatch(b, records{ends, c.times}); err != nil {
				t.Fatal(err)
			}
			g.Close()
			want, got := files(t, one), files(t, batch)
			if len(want) != c.files {
				t.Fatalf("one at a time made %d files, the case expects %d: %q", len(want), c.files, want)
			}
			same(t, got, want)
		})
	}
}

// records is a Records of parallel slices.
type records struct {
	ends  []int
	times []time.Time
}

func (r records) Len() int             { return len(r.ends) }
func (r records) End(i int) int        { return r.ends[i] }
func (r records) Time(i int) time.Time { return r.times[i] }
