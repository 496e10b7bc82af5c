package filesink

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"time"
)

// KeepCount is the retention that keeps the n most recently modified files
// and removes the others, as Loguru's integer retention.
func KeepCount(n int) func(files []string) error {
	return func(files []string) error {
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
		// Newest first; ties in name order, so the choice is stable.
		slices.SortFunc(list, func(a, b file) int {
			if c := b.mtime.Compare(a.mtime); c != 0 {
				return c
			}
			return strings.Compare(a.path, b.path)
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
func KeepAge(age time.Duration, now func() time.Time) func(files []string) error {
	return func(files []string) error {
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
