package filesink

import (
	"path/filepath"
	"testing"
	"time"
	_ "time/tzdata" // the DST tests need America/New_York everywhere

	"github.com/loguru-go/loguru/internal/fileopt"
)

func rule(t *testing.T, s string) Schedule {
	t.Helper()
	r, err := fileopt.ParseRotation(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// scheduled is a sink whose clock follows the records written to it.
type scheduled struct {
	t    *testing.T
	clk  *testClock
	opts Options
	f    *File
}

// newScheduled opens a sink with opts at start; rotation, if not empty,
// is one more schedule.
func newScheduled(t *testing.T, path, rotation string, start time.Time, opts ...Options) *scheduled {
	s := &scheduled{t: t, clk: &testClock{t: start}}
	if len(opts) > 0 {
		s.opts = opts[0]
	}
	if rotation != "" {
		s.opts.Schedules = append(s.opts.Schedules, rule(t, rotation))
	}
	s.opts.Now = s.clk.Now
	s.f = open(t, path, s.opts)
	return s
}

func (s *scheduled) log(line string, at time.Time) {
	s.t.Helper()
	s.clk.Set(at)
	write(s.t, s.f, line, at)
}

// restart closes the sink and opens it again at the given time, as a
// program started again does.
func (s *scheduled) restart(at time.Time) {
	s.t.Helper()
	path := s.f.path
	if err := s.f.Close(); err != nil {
		s.t.Fatal(err)
	}
	s.clk.Set(at)
	s.f = open(s.t, path, s.opts)
}

func hm(h, m int) time.Time { return time.Date(2026, 11, 22, h, m, 0, 0, t0.Location()) }

// An interval keeps Loguru's schedule: each limit is the previous one plus
// the interval, however late the record that crossed it; a quiet spell
// skips whole intervals without moving the boundaries.
func TestIntervalRotationKeepsItsSchedule(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := newScheduled(t, filepath.Join(dir, "app.log"), "1 h", hm(10, 0))
	s.log("a", hm(10, 30))
	s.log("b", hm(11, 5)) // crosses 11:00: the next limit is 12:00, not 12:05
	s.log("c", hm(11, 59))
	s.log("d", hm(12, 1))
	s.log("e", hm(13, 0)) // a limit itself rotates
	s.log("f", hm(15, 30))
	s.log("g", hm(15, 59))
	s.log("h", hm(16, 0))
	same(t, files(t, dir), map[string]string{
		"app.2026-11-22_10-00-00_000000.log": "a\n",
		"app.2026-11-22_11-05-00_000000.log": "b\nc\n",
		"app.2026-11-22_12-01-00_000000.log": "d\n",
		"app.2026-11-22_13-00-00_000000.log": "e\n",
		"app.2026-11-22_15-30-00_000000.log": "f\ng\n",
		"app.log":                            "h\n",
	})
}

// A program started again goes on with the schedule of the file it finds:
// it neither rotates early nor late, nor twice for one boundary.
func TestScheduleSurvivesRestarts(t *testing.T) {
	t.Parallel()
	t.Run("interval", func(t *testing.T) {
		dir := t.TempDir()
		s := newScheduled(t, filepath.Join(dir, "app.log"), "1 h", hm(10, 0))
		s.log("a", hm(10, 30))
		s.log("b", hm(11, 5))
		s.restart(hm(11, 30))
		s.log("c", hm(11, 45))
		s.restart(hm(11, 50))
		s.log("d", hm(12, 1)) // the 12:00 boundary of the first run
		s.log("e", hm(12, 59))
		same(t, files(t, dir), map[string]string{
			"app.2026-11-22_10-00-00_000000.log": "a\n",
			"app.2026-11-22_11-05-00_000000.log": "b\nc\n",
			"app.log":                            "d\ne\n",
		})
	})
	t.Run("time of day", func(t *testing.T) {
		dir := t.TempDir()
		day := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, t0.Location()) }
		s := newScheduled(t, filepath.Join(dir, "app.log"), "00:00", day(22, 10))
		s.log("a", day(22, 10))
		s.log("b", day(23, 1)) // rotates once for the 23rd
		s.restart(day(23, 8))
		s.log("c", day(23, 8)) // a morning restart: the same file
		s.restart(day(23, 23))
		s.log("d", day(23, 23))
		s.log("e", day(24, 0))
		same(t, files(t, dir), map[string]string{
			"app.2026-11-22_10-00-00_000000.log": "a\n",
			"app.2026-11-23_01-00-00_000000.log": "b\nc\nd\n",
			"app.log":                            "e\n",
		})
	})
}

// Intervals step the wall clock, as Loguru's naive datetimes do: "1 day"
// rotates at the same hour on the day daylight saving time starts (23
// hours later) and on the day it ends (25 hours later).
func TestIntervalFollowsTheWallClockAcrossDST(t *testing.T) {
	t.Parallel()
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	at := func(mo time.Month, d, h, m int) time.Time { return time.Date(2026, mo, d, h, m, 0, 0, ny) }
	for _, tt := range []struct {
		name                string
		start, before, edge time.Time
	}{
		{"spring", at(3, 7, 12, 0), at(3, 8, 11, 59), at(3, 8, 12, 0)},
		{"fall", at(10, 31, 12, 0), at(11, 1, 11, 59), at(11, 1, 12, 0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s := newScheduled(t, filepath.Join(dir, "app.log"), "1 day", tt.start)
			s.log("a", tt.start)
			s.log("b", tt.before)
			s.log("c", tt.edge)
			stamp := tt.start.Format("2006-01-02_15-04-05") + "_000000"
			same(t, files(t, dir), map[string]string{
				"app." + stamp + ".log": "a\nb\n",
				"app.log":               "c\n",
			})
		})
	}
	// A daily time of day keeps its hour too.
	dir := t.TempDir()
	s := newScheduled(t, filepath.Join(dir, "app.log"), "06:00", at(3, 7, 12, 0))
	s.log("a", at(3, 8, 5, 59))
	s.log("b", at(3, 8, 6, 0))
	s.log("c", at(3, 9, 5, 59))
	s.log("d", at(3, 9, 6, 0))
	same(t, files(t, dir), map[string]string{
		"app.2026-03-07_12-00-00_000000.log": "a\n",
		"app.2026-03-08_06-00-00_000000.log": "b\nc\n",
		"app.log":                            "d\n",
	})
}

// Several rules rotate when any holds, and each keeps its own schedule:
// one that crossed its limit steps on even when another rotated the file.
func TestSeveralRulesRotateWhenAnyHolds(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := newScheduled(t, filepath.Join(dir, "app.log"), "1 h", hm(10, 0), Options{Size: 8, Schedules: []Schedule{rule(t, "12:00")}})
	for _, w := range []struct {
		line string
		at   time.Time
	}{
		{"a", hm(10, 0)}, {"b", hm(10, 1)}, {"c", hm(10, 2)}, {"d", hm(10, 3)}, // size: 4 lines of 2 bytes
		{"e", hm(10, 4)}, // a fifth: rotates by size
		{"f", hm(11, 0)}, // the hour
		{"g", hm(12, 0)}, // both 12:00 rules at once: one rotation
		{"h", hm(12, 30)},
		{"i", hm(13, 0)}, // the hour, on the schedule that began at 10:00
	} {
		s.log(w.line, w.at)
	}
	same(t, files(t, dir), map[string]string{
		"app.2026-11-22_10-00-00_000000.log": "a\nb\nc\nd\n",
		"app.2026-11-22_10-04-00_000000.log": "e\n",
		"app.2026-11-22_11-00-00_000000.log": "f\n",
		"app.2026-11-22_12-00-00_000000.log": "g\nh\n",
		"app.log":                            "i\n",
	})
}

// A buffered sink rotates on schedule: the records waiting go to the old
// file, the one past the limit to the new.
func TestBufferedScheduleRotates(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := newScheduled(t, filepath.Join(dir, "app.log"), "1 h", hm(10, 0), Options{Buffering: 100})
	s.log("a", hm(10, 0))
	s.log("b", hm(10, 30))
	s.log("c", hm(11, 0))
	s.log("d", hm(11, 10))
	if err := s.f.Flush(); err != nil {
		t.Fatal(err)
	}
	same(t, files(t, dir), map[string]string{
		"app.2026-11-22_10-00-00_000000.log": "a\nb\n",
		"app.log":                            "c\nd\n",
	})
}
