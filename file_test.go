package loguru_test

import (
	"maps"
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

func newClock(start time.Time) *clock {
	return &clock{t: start}
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
	return addFileAt(t, newClock(fixedTime), path, opts)
}

// addFileAt is addFile with a logger whose records read the time from clk.
func addFileAt(t *testing.T, clk *clock, path string, opts loguru.HandlerOptions) (*loguru.Logger, int) {
	t.Helper()
	if opts.Format == "" {
		opts.Format = "{message}"
	}
	l := loguru.New()
	l.SetNow(clk.now)
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

	_, err := loguru.New().Add(filepath.Join(dir, "x.log"), loguru.HandlerOptions{Mode: "r+"}) //loguru-vet:ignore a bad mode is the case under test
	if want := `loguru: cannot open the file sink "` + filepath.Join(dir, "x.log") + `": invalid file mode "r+": use "a" (append) or "w" (truncate)`; err == nil || err.Error() != want {
		t.Errorf("Mode r+: %v\nwant %s", err, want)
	}
}

func TestFileSinkDelay(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
	_, err := loguru.New().Add(&syncBuffer{}, loguru.HandlerOptions{Rotation: "1 MB"})
	want := "loguru: Rotation, Retention, Compression, Delay, Watch, Mode, Perm and Buffering apply to file sinks only (a path), not to *syncbuf.Buffer"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v", err)
	}
}

func TestFileSinkBadOptionsCreateNoFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	for _, o := range []loguru.HandlerOptions{
		{Level: "NOPE"}, {Rotation: "sometimes"}, {Retention: "forever"}, {Compression: "rar"}, //loguru-vet:ignore bad options are the case under test
		{Format: "<red>{message}"}, {Retention: "1", RetentionFunc: func([]string) error { return nil }}, //loguru-vet:ignore bad options are the case under test
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
	t.Parallel()
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

// rotationCase logs one record at each clock time and expects the files.
type rotationCase struct {
	rotation string
	times    []time.Time
	want     map[string]string
}

// 2026-11-22 is a Sunday; the sink is created at fixedTime (10:01:02.345678).
func TestFileRotationForms(t *testing.T) {
	t.Parallel()
	created := "app.2026-11-22_10-01-02_345678.log"
	tests := []rotationCase{
		{"25 B", []time.Time{fixedTime, fixedTime, fixedTime, fixedTime}, map[string]string{
			created: "line 0\nline 1\nline 2\n", "app.log": "line 3\n"}},
		{"100", []time.Time{fixedTime, fixedTime}, map[string]string{"app.log": "line 0\nline 1\n"}},
		{"0.02 KB", []time.Time{fixedTime, fixedTime, fixedTime, fixedTime}, map[string]string{
			created: "line 0\nline 1\n", "app.log": "line 2\nline 3\n"}},
		{"1 GiB", []time.Time{fixedTime, at(30, 0, 0)}, map[string]string{"app.log": "line 0\nline 1\n"}},
		{"12:00", []time.Time{fixedTime, at(22, 11, 59), at(22, 12, 0), at(23, 11, 0), at(23, 12, 30)}, map[string]string{
			created: "line 0\nline 1\n", "app.2026-11-22_12-00-00_000000.log": "line 2\nline 3\n", "app.log": "line 4\n"}},
		{"00:00", []time.Time{fixedTime, at(22, 23, 59), at(23, 0, 0)}, map[string]string{
			created: "line 0\nline 1\n", "app.log": "line 2\n"}},
		{"monday", []time.Time{fixedTime, at(23, 0, 0)}, map[string]string{created: "line 0\n", "app.log": "line 1\n"}},
		{"w0", []time.Time{fixedTime, at(22, 23, 0), at(23, 0, 1)}, map[string]string{created: "line 0\nline 1\n", "app.log": "line 2\n"}},
		{"monday at 12:00", []time.Time{fixedTime, at(23, 11, 0), at(23, 12, 0)}, map[string]string{
			created: "line 0\nline 1\n", "app.log": "line 2\n"}},
		{"1 week", []time.Time{fixedTime, at(29, 10, 0), at(29, 10, 2)}, map[string]string{
			created: "line 0\nline 1\n", "app.log": "line 2\n"}},
		{"6 hours", []time.Time{fixedTime, at(22, 16, 1), at(22, 16, 2)}, map[string]string{
			created: "line 0\nline 1\n", "app.log": "line 2\n"}},
		{"2 days, 4 hours", []time.Time{fixedTime, at(24, 14, 0), at(24, 14, 2)}, map[string]string{
			created: "line 0\nline 1\n", "app.log": "line 2\n"}},
		{"daily", []time.Time{fixedTime, at(23, 0, 0)}, map[string]string{created: "line 0\n", "app.log": "line 1\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.rotation, func(t *testing.T) {
			clk := newClock(fixedTime)
			dir := t.TempDir()
			l, _ := addFileAt(t, clk, filepath.Join(dir, "app.log"), loguru.HandlerOptions{Rotation: tt.rotation})
			for i, when := range tt.times {
				clk.set(when)
				l.Info("line {}", i)
			}
			l.RemoveAll()
			expectFiles(t, dir, tt.want)
		})
	}
}

// The seed's Rotator recipe: rotate at a size, or daily at a time,
// whichever comes first.
type rotator struct {
	size  int64
	limit time.Time
}

func newRotator(size int64, hour, minute int, now time.Time) *rotator {
	limit := time.Date(now.Year(), now.Month(), now.Day(), hour, minute, 0, 0, now.Location())
	if !now.Before(limit) {
		limit = limit.AddDate(0, 0, 1)
	}
	return &rotator{size: size, limit: limit}
}

func (r *rotator) shouldRotate(m loguru.Message, f *os.File) bool {
	fi, err := f.Stat()
	if err == nil && fi.Size()+int64(len(m.Text)) > r.size {
		return true
	}
	if t := m.Record.Time; !t.Before(r.limit) {
		for !r.limit.After(t) {
			r.limit = r.limit.AddDate(0, 0, 1)
		}
		return true
	}
	return false
}

func TestFileRotationFuncRotatorRecipe(t *testing.T) {
	t.Parallel()
	clk := newClock(fixedTime)
	dir := t.TempDir()
	r := newRotator(20, 12, 0, fixedTime)
	l, _ := addFileAt(t, clk, filepath.Join(dir, "app.log"), loguru.HandlerOptions{RotationFunc: r.shouldRotate})
	for i, when := range []time.Time{fixedTime, fixedTime, fixedTime, at(22, 12, 0), at(22, 12, 1)} {
		clk.set(when)
		l.Info("line {}", i)
	}
	l.RemoveAll()
	expectFiles(t, dir, map[string]string{
		"app.2026-11-22_10-01-02_345678.log":   "line 0\nline 1\n",
		"app.2026-11-22_10-01-02_345678.2.log": "line 2\n",
		"app.log":                              "line 3\nline 4\n",
	})
}

func TestFileRetentionForms(t *testing.T) {
	t.Parallel()
	old := func(dir string) {
		for i, name := range []string{"app.2026-11-01_00-00-00_000000.log", "app.2026-11-10_00-00-00_000000.log.gz", "other.log"} {
			p := filepath.Join(dir, name)
			os.WriteFile(p, []byte(name), 0o600)
			mt := fixedTime.Add(-time.Duration(21-10*i) * 24 * time.Hour) // 21 and 11 days old, then 1
			os.Chtimes(p, mt, mt)
		}
	}
	rotated := "app.2026-11-22_10-01-02_345678.log"
	var seen []string
	tests := []struct {
		name string
		opts loguru.HandlerOptions
		want []string
	}{
		{"count", loguru.HandlerOptions{Retention: "1"}, []string{"app.log", rotated, "other.log"}},
		{"count 0", loguru.HandlerOptions{Retention: "0"}, []string{"app.log", "other.log"}},
		{"age", loguru.HandlerOptions{Retention: "2 weeks"}, []string{"app.log", rotated, "app.2026-11-10_00-00-00_000000.log.gz", "other.log"}},
		{"func", loguru.HandlerOptions{RetentionFunc: func(files []string) error {
			for _, f := range files {
				seen = append(seen, filepath.Base(f))
			}
			return nil
		}}, []string{"app.log", rotated, "app.2026-11-01_00-00-00_000000.log", "app.2026-11-10_00-00-00_000000.log.gz", "other.log"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := newClock(fixedTime)
			dir := t.TempDir()
			old(dir)
			tt.opts.Rotation = "daily"
			l, _ := addFileAt(t, clk, filepath.Join(dir, "app.log"), tt.opts)
			l.Info("before")
			clk.set(at(23, 0, 0))
			l.Info("after")
			l.Complete()
			got := slices.Sorted(maps.Keys(dirFiles(t, dir)))
			if want := slices.Sorted(slices.Values(tt.want)); !slices.Equal(got, want) {
				t.Errorf("files %q, want %q", got, want)
			}
		})
	}
	slices.Sort(seen)
	if want := []string{"app.2026-11-01_00-00-00_000000.log", "app.2026-11-10_00-00-00_000000.log.gz", rotated}; !slices.Equal(seen, want) {
		t.Errorf("RetentionFunc saw %q, want %q", seen, want)
	}
}

func TestFileCompressionForms(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"gz", "bz2", "xz", "lzma", "tar", "tar.gz", "tar.bz2", "tar.xz", "zip", "zst"} {
		t.Run(format, func(t *testing.T) {
			clk := newClock(fixedTime)
			dir := t.TempDir()
			l, _ := addFileAt(t, clk, filepath.Join(dir, "app.log"), loguru.HandlerOptions{Rotation: "daily", Compression: format, Perm: 0o640})
			l.Info("before")
			clk.set(at(23, 0, 0))
			l.Info("after")
			l.Complete() // waits for the compression
			files := dirFiles(t, dir)
			archive := "app.2026-11-22_10-01-02_345678.log." + format
			if _, ok := files[archive]; !ok || len(files) != 2 || files["app.log"] != "after\n" {
				t.Errorf("files %q, want %s and app.log", slices.Sorted(maps.Keys(files)), archive)
			}
			for name := range files {
				if fi, _ := os.Stat(filepath.Join(dir, name)); fi.Mode().Perm() != 0o640 {
					t.Errorf("%s has mode %v, want 0640", name, fi.Mode().Perm())
				}
			}
		})
	}
}

func TestFileCompressionFuncAndStop(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var got []string
	l, id := addFile(t, filepath.Join(dir, "app.log"), loguru.HandlerOptions{CompressionFunc: func(path string) error {
		got = append(got, filepath.Base(path))
		return os.Rename(path, path+".done")
	}})
	l.Info("only")
	if err := l.Remove(id); err != nil { // no rotation: compression runs at stop
		t.Fatal(err)
	}
	expectFiles(t, dir, map[string]string{"app.log.done": "only\n"})
	if !slices.Equal(got, []string{"app.log"}) {
		t.Errorf("CompressionFunc got %q", got)
	}
}

func TestFileWatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	l, _ := addFile(t, path, loguru.HandlerOptions{Watch: true})
	l.Info("one")
	os.Rename(path, path+".1") // as logrotate does
	l.Info("two")
	expectFiles(t, dir, map[string]string{"app.log.1": "one\n", "app.log": "two\n"})
}

func TestFileBuffering(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	l, _ := addFile(t, filepath.Join(dir, "app.log"), loguru.HandlerOptions{Buffering: 1 << 10})
	l.Info("waiting")
	expectFiles(t, dir, map[string]string{"app.log": ""})
	l.Complete()
	expectFiles(t, dir, map[string]string{"app.log": "waiting\n"})
}

// A failing file sink is reported on stderr, the other handlers go on, and
// the sink recovers when the fault is gone.
func TestFileFaultsAreReportedAndRecovered(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	os.Mkdir(path, 0o755) // a folder where the file should be
	l, _ := addFile(t, path, loguru.HandlerOptions{Delay: true})
	reports := loggerErrors(l)
	var other syncBuffer
	l.Add(&other, loguru.HandlerOptions{Format: "{message}"})
	l.Info("lost")
	if !strings.Contains(reports.String(), "--- Logging error in Loguru Handler #0 ---") ||
		!strings.Contains(reports.String(), "is a directory") {
		t.Errorf("report:\n%s", reports.String())
	}
	os.Remove(path)
	l.Info("back")
	if !strings.HasSuffix(reports.String(), "--- Loguru Handler #0 is writing again: 1 record lost since 2026-11-22 10:01:02 ---\n") {
		t.Errorf("no recovery line:\n%s", reports.String())
	}
	if other.String() != "lost\nback\n" {
		t.Errorf("other handler got %q", other.String())
	}
	expectFiles(t, dir, map[string]string{"app.log": "back\n"})
}

func TestFileFullDiskIsReported(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	l := loguru.New()
	reports := loggerErrors(l)
	if _, err := l.Add("/dev/full", loguru.HandlerOptions{Format: "{message}"}); err != nil {
		t.Fatal(err)
	}
	defer l.RemoveAll()
	l.Info("nowhere to go")
	if !strings.Contains(reports.String(), "no space left on device") {
		t.Errorf("report:\n%s", reports.String())
	}
}

// A folder the sink cannot write to gives a clear error at Add, and a
// report for each record when the file is opened late.
func TestFileReadOnlyFolder(t *testing.T) {
	reports := captureErrors(t)
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o500)
	path := filepath.Join(ro, "app.log")
	if os.Geteuid() == 0 {
		// Permissions do not stop root: use a read-only file system.
		path = "/proc/loguru-test/app.log"
	}
	_, err := loguru.New().Add(path, loguru.HandlerOptions{})
	if err == nil || !strings.HasPrefix(err.Error(), `loguru: cannot open the file sink "`+path+`": create the folder of `+path+": mkdir ") && !strings.HasPrefix(err.Error(), `loguru: cannot open the file sink "`+path+`": open `) {
		t.Errorf("Add: %v", err)
	}
	l, _ := addFile(t, path, loguru.HandlerOptions{Delay: true})
	l.Info("lost")
	if !strings.Contains(reports.String(), path) {
		t.Errorf("report does not name the file:\n%s", reports.String())
	}
	if os.Geteuid() != 0 {
		os.Chmod(ro, 0o700)
		l.Info("back")
		expectFiles(t, ro, map[string]string{"app.log": "back\n"})
	}
}
