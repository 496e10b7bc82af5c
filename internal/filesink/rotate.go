package filesink

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// rotatedTime is how the creation time appears in a rotated file's name:
// app.2026-11-22_10-01-02_345678.log.
const rotatedTime = "2006-01-02_15-04-05.000000"

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
		if done, err = freeName(old, created); err != nil {
			return err
		}
		if err := os.Rename(old, done); err != nil {
			return err
		}
	}
	if s.opts.Compress != nil || s.opts.Retain != nil {
		s.bg.add(func() error { return s.cleanUp(done, next) })
	}
	return s.openPath(next, now)
}

// freeName is the name a rotated file takes: its creation time between the
// root and the extension, and a counter (.2, .3, ...) if that is taken.
func freeName(path string, created time.Time) (string, error) {
	ext := filepath.Ext(path)
	root := strings.TrimSuffix(path, ext)
	stamp := strings.Replace(created.Format(rotatedTime), ".", "_", 1)
	base := root + "." + stamp
	name := base + ext
	for n := 2; ; n++ {
		_, err := os.Lstat(name)
		if errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
		if err != nil {
			return "", err
		}
		name = base + "." + strconv.Itoa(n) + ext
	}
}

// cleanUp compresses a closed file, then applies retention to this sink's
// files other than current.
func (s *File) cleanUp(closed, current string) error {
	var errs []error
	if s.opts.Compress != nil && closed != "" {
		if err := s.opts.Compress(closed); err != nil {
			errs = append(errs, err)
		}
	}
	if s.opts.Retain != nil {
		files, err := s.Files(current)
		if err == nil {
			err = s.opts.Retain(files)
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
		for _, m := range matches {
			if seen[m] || m == except {
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
