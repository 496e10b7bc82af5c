package filesink

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"
)

// Retention cleans up a sink's old files. files are the closed files that
// are final (archived, or not to be archived); pending more files, newer
// than all of them, still wait for compression and are not listed: a
// retention never touches a file before its archive is published.
type Retention func(files []string, pending int) error

// KeepCount is the retention that keeps the n most recently modified files
// and removes the others, as Loguru's integer retention. Files waiting for
// compression are the newest and count among the n.
func KeepCount(n int) Retention {
	return func(files []string, pending int) error {
		n := max(n-pending, 0)
		type file struct {
			path  string
			mtime time.Time
		}
		list := make([]file, 0, len(files))
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil {
				list = append(list, file{f, fi.ModTime()})
			}
		}
		// Newest first. Coarse file system clocks give files rotated in
		// a burst the same time: then the creation time and counter in
		// rotated names tell their order, and the name otherwise.
		slices.SortFunc(list, func(a, b file) int {
			if c := b.mtime.Compare(a.mtime); c != 0 {
				return c
			}
			return newerName(a.path, b.path)
		})
		var errs []error
		for i := n; i < len(list); i++ {
			errs = append(errs, remove(list[i].path))
		}
		return errors.Join(errs...)
	}
}

// KeepAge is the retention that removes files last modified age or longer
// before now.
func KeepAge(age time.Duration, now func() time.Time) Retention {
	return func(files []string, _ int) error {
		limit := now().Add(-age)
		var errs []error
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil && !fi.ModTime().After(limit) {
				errs = append(errs, remove(f))
			}
		}
		return errors.Join(errs...)
	}
}

// remove deletes a file; one already gone (removed by another process's
// retention) is not an error.
func remove(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// newerName orders two names of files with the same modification time,
// the later rotated first.
func newerName(a, b string) int {
	sa, na, oka := rotationStamp(a)
	sb, nb, okb := rotationStamp(b)
	if oka && okb {
		if c := strings.Compare(sb, sa); c != 0 {
			return c
		}
		if c := cmp.Compare(nb, na); c != 0 {
			return c
		}
	}
	return strings.Compare(a, b)
}
