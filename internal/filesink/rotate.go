package filesink

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/loguru-go/loguru/internal/freename"
)

// rotatedTime is how the creation time appears in a rotated file's name:
// app.2026-11-22_10-01-02_345678.log.
const rotatedTime = "2006-01-02_15-04-05.000000"

// rotateShared trades the shared lock for the exclusive one and rotates,
// unless another process did it meanwhile. It returns holding the shared
// lock again.
func (s *File) rotateShared(t time.Time) error {
	if s.lock == nil {
		return s.rotate(t)
	}
	if err := s.lockFile(lockExclusive); err != nil {
		return err
	}
	var rerr error
	if s.stillCurrent() {
		rerr = s.rotate(t)
	} else {
		// Another process rotated: write to the file it started.
		s.closeFile()
		rerr = s.openPath(s.path, s.opts.Now(), false)
	}
	if err := s.lockFile(lockShared); err != nil && rerr == nil {
		rerr = err
	}
	return rerr
}

// stillCurrent reports whether the open file is the one at the path, that
// no other process has rotated.
func (s *File) stillCurrent() bool {
	if s.shm != nil {
		return s.shm.gen() == s.gen
	}
	fi, err := os.Stat(s.path)
	return err == nil && os.SameFile(fi, s.info)
}

// rotate closes the current file, renames it when the next file would have
// the same path, hands it to background compression and retention, and
// opens the next file. The caller holds the exclusive lock, if any.
func (s *File) rotate(t time.Time) error {
	old, created := s.path, s.created
	s.closeFile()
	now := s.opts.Now()
	next, err := s.pattern.Render(now)
	if err != nil {
		return err
	}
	done := old
	if next == old {
		if done, err = s.freeName(old, created); err != nil {
			return err
		}
	}
	// Held before it gets its final name: a retention listing the folder
	// meanwhile, here or in another process, must not take it for an
	// archived file.
	if s.opts.Compress != nil {
		s.bg.hold(done)
		setPending(old)
	}
	if done != old {
		if err := os.Rename(old, done); err != nil {
			s.bg.release(done)
			return err
		}
	}
	if s.opts.Compress != nil || s.opts.Retain != nil {
		gen := s.gen
		s.bg.add(func() error { return s.cleanUp(done, next, gen) })
	}
	limits := slices.Clone(s.limits)
	if err := s.openPath(next, now, s.opts.Mode == "w"); err != nil {
		return err
	}
	s.keepSchedule(limits)
	if s.shm != nil {
		if dev, ino, ok := fileID(s.info); ok {
			s.gen = s.shm.publish(s.gen, s.size, dev, ino)
		}
	}
	return nil
}

// keepSchedule carries the schedule over to a file a rotation started:
// Loguru computes the limit once and steps it on, so boundaries do not
// drift with the time of the record that crossed them. The limit is stored
// with the file for restarts and for the other processes sharing it.
func (s *File) keepSchedule(limits []time.Time) {
	if len(limits) == 0 || s.size > 0 || slices.ContainsFunc(limits, time.Time.IsZero) {
		return // a file that has lines already keeps the schedule it has
	}
	copy(s.limits, limits)
	setLimits(s.path, s.rules, limits)
}

// scheduleName names the schedules, to store with their limits: a program
// started again with other rules does not follow the old limits.
func scheduleName(schedules []Schedule) string {
	names := make([]string, len(schedules))
	for i, r := range schedules {
		names[i] = fmt.Sprint(r)
	}
	return strings.Join(names, ", ")
}

// freeName is the name a rotated file takes: its creation time between the
// root and the extension, and a counter (.2, .3, ...) when files of that
// time exist already. The counter goes past every one in use, archives
// included, so that names of one creation time sort in rotation order
// even after retention removed some of them (the sink remembers the last
// one it gave, which retention may have removed).
func (s *File) freeName(path string, created time.Time) (string, error) {
	ext := filepath.Ext(path)
	root := strings.TrimSuffix(path, ext)
	stamp := strings.Replace(created.Format(rotatedTime), ".", "_", 1)
	last := 0
	if stamp == s.lastStamp {
		last = s.lastCount
	}
	name, n, err := freename.Next(root+"."+stamp, ext, last)
	if err != nil {
		return "", err
	}
	s.lastStamp, s.lastCount = stamp, n
	return name, nil
}

// stampRe finds the creation time and counter that freeName puts in a
// rotated file's name.
var stampRe = regexp.MustCompile(`\.(\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d_\d{6})(?:\.(\d+))?(?:\.|$)`)

// rotationStamp is the creation time and counter (1 when absent) in the
// name of a rotated file, or ok false for a name freeName did not make.
func rotationStamp(path string) (stamp string, n int, ok bool) {
	m := stampRe.FindStringSubmatch(filepath.Base(path))
	if m == nil {
		return "", 0, false
	}
	n = 1
	if m[2] != "" {
		n, _ = strconv.Atoi(m[2])
	}
	return m[1], n, true
}

// cleanUp compresses a closed file, then applies retention to this sink's
// files other than current, the file being written now and those still
// waiting for compression. A
// closed file that is gone was retired by another process's retention,
// which judged it old enough: there is nothing left to compress.
//
// Writers of other processes may still be finishing records in a file of
// generation gen that they reserved room in before the rotation: the work
// waits for them first.
func (s *File) cleanUp(closed, current string, gen uint64) error {
	if s.shm != nil && !s.shm.drain(gen, s.sleep) {
		s.opts.Report(fmt.Errorf("a writer of %s did not finish within %v; it may have been killed: compressing anyway", closed, drainTimeout))
	}
	var errs []error
	if s.opts.Compress != nil && closed != "" {
		err := s.opts.Compress(closed)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			clearPending(closed)
			errs = append(errs, err)
		}
		s.bg.release(closed)
	}
	if s.opts.Retain != nil {
		files, err := s.Files(current)
		held := s.bg.held() // after the listing, so it covers every file listed
		// With a pattern such as "app_{time}.log", a later rotation may
		// have started a file of another name since this job was queued.
		now := s.bg.currentFile()
		if err == nil {
			pending := len(held)
			files = slices.DeleteFunc(files, func(f string) bool {
				if held[f] || f == now {
					return true
				}
				if pendingElsewhere(f) {
					pending++
					return true
				}
				return false
			})
			err = s.opts.Retain(files, pending)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Files lists this sink's regular files (current, rotated and compressed,
// for any value of the pattern's fields), except the one named except, in
// name order.
func (s *File) Files(except string) ([]string, error) {
	globs, err := s.pattern.Globs()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var files []string
	for _, g := range globs {
		matches, err := filepath.Glob(g)
		if err != nil {
			return nil, err
		}
		// Go's '*' matches a leading dot, Python's does not: a pattern
		// that starts with a field would otherwise take in the sink's own
		// hidden lock file and the archives being written (".x.tmp").
		hidden := strings.HasPrefix(filepath.Base(g), ".")
		for _, m := range matches {
			if seen[m] || m == except || !hidden && strings.HasPrefix(filepath.Base(m), ".") {
				continue
			}
			seen[m] = true
			if fi, err := os.Lstat(m); err == nil && fi.Mode().IsRegular() {
				files = append(files, m)
			}
		}
	}
	return files, nil
}
