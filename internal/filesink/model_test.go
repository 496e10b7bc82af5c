package filesink

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru/internal/archive"
	"github.com/loguru-go/loguru/internal/fileopt"
)

// model is the reference a file sink is checked against: which lines the
// current file holds, and which rotated files remain, oldest first, with
// their lines. It knows nothing of names, locks or background work.
type model struct {
	size    int64
	rules   []fileopt.Rotation
	keep    int // retention by count; -1 for none
	created time.Time
	cur     []string
	curSize int64
	limits  []time.Time
	rotated [][]string
}

func (m *model) write(line string, t time.Time) {
	n := int64(len(line) + 1)
	due := m.size > 0 && m.curSize > 0 && m.curSize+n > m.size
	for i, r := range m.rules {
		if m.limits[i].IsZero() {
			m.limits[i] = r.Next(m.created)
		}
		if !t.Before(m.limits[i]) {
			for !m.limits[i].After(t) {
				m.limits[i] = r.Step(m.limits[i])
			}
			due = true
		}
	}
	if due {
		m.rotated = append(m.rotated, m.cur)
		m.cur, m.curSize, m.created = nil, 0, t
		if m.keep >= 0 && len(m.rotated) > m.keep {
			m.rotated = m.rotated[len(m.rotated)-m.keep:]
		}
	}
	m.cur = append(m.cur, line)
	m.curSize += n
}

// onDisk reads the sink's folder: the current file's lines, and the
// rotated files' lines in the order of the creation time and counter in
// their names.
func onDisk(t *testing.T, dir string, cache map[string][]string) (cur []string, rotated [][]string, names []string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			if !strings.HasSuffix(e.Name(), ".lock") {
				t.Fatalf("temporary file left: %s", e.Name())
			}
			continue
		}
		if e.Name() != "app.log" {
			names = append(names, e.Name())
		}
	}
	type key struct {
		stamp string
		n     int
	}
	keys := map[string]key{}
	for _, name := range names {
		stamp, n, ok := rotationStamp(name)
		if !ok {
			t.Fatalf("a rotated file without its creation time: %s", name)
		}
		keys[name] = key{stamp, n}
	}
	slices.SortFunc(names, func(a, b string) int {
		ka, kb := keys[a], keys[b]
		if c := strings.Compare(ka.stamp, kb.stamp); c != 0 {
			return c
		}
		return ka.n - kb.n
	})
	read := func(name string) []string {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		key := fmt.Sprint(name, fi.Size(), fi.ModTime().UnixNano())
		if lines, ok := cache[key]; ok && name != "app.log" {
			return lines
		}
		b, err := archive.Read(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		if len(b) > 0 {
			lines = strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		}
		cache[key] = lines
		return lines
	}
	cur = read("app.log")
	for _, name := range names {
		rotated = append(rotated, read(name))
	}
	return cur, rotated, names
}

// Random runs of writes, clock steps, restarts and removals of rotated
// files leave exactly the files and lines the model says.
func TestFileSinkAgainstModel(t *testing.T) {
	t.Parallel()
	runs := 40
	if testing.Short() {
		runs = 10
	}
	for seed := range uint64(runs) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) { runModel(t, seed) })
	}
}

func runModel(t *testing.T, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 17))
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	start := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	clk := &testClock{t: start}

	m := &model{keep: -1, created: start}
	var opts Options
	opts.Now = clk.Now
	if rng.IntN(2) == 0 {
		m.size = int64(10 + rng.IntN(60))
		opts.Size = m.size
	}
	for _, s := range []string{"1 h", "12:00", "daily"} {
		if rng.IntN(3) == 0 || m.size == 0 && s == "daily" && len(m.rules) == 0 {
			r, err := fileopt.ParseRotation(s)
			if err != nil {
				t.Fatal(err)
			}
			m.rules = append(m.rules, r)
			opts.Schedules = append(opts.Schedules, r)
		}
	}
	m.limits = make([]time.Time, len(m.rules))
	if rng.IntN(2) == 0 {
		m.keep = rng.IntN(4)
		opts.Retain = KeepCount(m.keep)
	}
	if rng.IntN(2) == 0 {
		gz, _ := archive.Parse("gz")
		opts.Compress = func(p string) error { _, err := gz.File(p); return err }
	}
	var log []string
	note := func(format string, args ...any) { log = append(log, fmt.Sprintf(format, args...)) }
	note("size %d rules %v keep %d compress %v", m.size, m.rules, m.keep, opts.Compress != nil)

	f := open(t, path, opts)
	cache := map[string][]string{}
	check := func(step int) {
		f.Wait()
		cur, rotated, names := onDisk(t, dir, cache)
		if !slices.Equal(cur, m.cur) || !slices.EqualFunc(rotated, m.rotated, slices.Equal) {
			t.Fatalf("after step %d:\n%s\ncurrent %q, want %q\nrotated %q (%q)\nwant    %q",
				step, strings.Join(log, "\n"), cur, m.cur, rotated, names, m.rotated)
		}
	}
	line := 0
	for step := range 150 {
		switch op := rng.IntN(20); {
		case op < 12: // a few records
			for range 1 + rng.IntN(3) {
				s := fmt.Sprintf("l%d%s", line, strings.Repeat("x", rng.IntN(12)))
				line++
				if err := f.Write([]byte(s+"\n"), clk.Now()); err != nil {
					t.Fatal(err)
				}
				m.write(s, clk.Now())
				note("write %s at %s", s, clk.Now().Format(time.TimeOnly))
			}
		case op < 17: // time passes
			d := time.Duration(rng.IntN(150)) * time.Minute / 4
			clk.Set(clk.Now().Add(d))
			note("clock +%v", d)
		case op < 19: // the program stops and starts again
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			f = open(t, path, opts)
			note("restart")
		default: // someone removes a rotated file
			_, _, names := onDisk(t, dir, cache)
			if len(names) == 0 {
				continue
			}
			f.Wait()
			i := rng.IntN(len(names))
			os.Remove(filepath.Join(dir, names[i]))
			m.rotated = slices.Delete(m.rotated, i, i+1)
			note("remove %s", names[i])
		}
		check(step)
	}
}
