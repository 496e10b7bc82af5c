// Package filesink writes log records to files: path patterns, rotation by
// size, time or function, retention, compression off the logging path,
// reopening of moved files, and coordination between processes that share a
// file.
package filesink

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Schedule is a time-based rotation rule.
type Schedule interface {
	// Next is the first rotation time after a file created at created.
	Next(created time.Time) time.Time
	// Step is the rotation time after limit.
	Step(limit time.Time) time.Time
}

// Options configure a File. The zero value appends to the file, creating it
// with permissions 0600, and never rotates.
type Options struct {
	Mode      string      // "a" appends (default), "w" truncates at the first open
	Perm      fs.FileMode // permissions of new files; 0 means 0600
	Delay     bool        // open the file at the first write
	Watch     bool        // reopen the file when it is moved or deleted
	Buffering int         // bytes kept in memory before a write; 0 writes each record

	Size       int64                                        // rotate before the file grows past Size bytes
	Schedules  []Schedule                                   // rotate at the times of each
	RotateFunc func(b []byte, t time.Time, f *os.File) bool // rotate when it returns true

	Retain   Retention               // cleans up this sink's closed files
	Compress func(path string) error // compresses a closed file, publishing the archive atomically

	Now    func() time.Time // the clock; nil means time.Now
	Report func(error)      // receives errors of background work
}

// File is a file sink. Its methods are not safe for concurrent use: the
// handler that owns it serializes them. Background work (compression and
// retention) runs on its own goroutine, which Wait and Close wait for.
type File struct {
	pattern *Pattern
	opts    Options

	f       *os.File
	info    os.FileInfo // of f, to notice a moved or replaced file
	path    string      // the path f was opened at
	size    int64       // bytes in f, including what others appended
	created time.Time   // when f was created, for time-based rotation
	limits  []time.Time // the next rotation time of each schedule; zero until computed
	rules   string      // the schedules' names, stored with their limits
	opened  bool        // a file was opened once (Mode "w" truncates only then)
	buf     []byte      // buffered records (Buffering)
	bufTime time.Time   // time of the last buffered record

	lastStamp string // creation time in the last rotated name, and its counter
	lastCount int

	lock *os.File // lock file shared with other processes, when rotating
	shm  *shared  // the state in the lock file, where it can be mapped
	gen  uint64   // the generation of f in shm
	bg   worker

	sleep    func(time.Duration) // waits for other processes' writers; tests replace it
	reserved func()              // called between a reservation and its write, for tests
}

// Open prepares a file sink for pattern, and opens the file now unless
// Delay is set. Errors are returned with the path.
func Open(pattern *Pattern, opts Options) (*File, error) {
	switch opts.Mode {
	case "":
		opts.Mode = "a"
	case "a", "w":
	default:
		return nil, fmt.Errorf("invalid file mode %q: use \"a\" (append) or \"w\" (truncate)", opts.Mode)
	}
	if opts.Perm == 0 {
		opts.Perm = 0o600
	}
	if opts.Buffering < 0 {
		return nil, fmt.Errorf("invalid buffering %d: it must be 0 or more bytes", opts.Buffering)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Report == nil {
		opts.Report = func(error) {}
	}
	s := &File{pattern: pattern, opts: opts, sleep: time.Sleep,
		limits: make([]time.Time, len(opts.Schedules)), rules: scheduleName(opts.Schedules)}
	s.bg.report = opts.Report
	if !opts.Delay {
		if err := s.open(opts.Now()); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// rotates reports whether any rotation rule is set.
func (s *File) rotates() bool {
	return s.opts.Size > 0 || len(s.opts.Schedules) > 0 || s.opts.RotateFunc != nil
}

// Path is the path of the open file, or "" when none is open.
func (s *File) Path() string {
	if s.f == nil {
		return ""
	}
	return s.path
}

// refresh notices a file that was moved, deleted or replaced (by
// logrotate, or by another process's rotation) and opens the path again.
// With rotation on it also learns the size others have written. A watched
// file is reopened in the sink's mode, as Loguru does: "w" truncates what
// replaced it.
func (s *File) refresh() error {
	if s.shm != nil {
		if s.shm.gen() == s.gen {
			return nil
		}
		s.closeFile()
		return s.openPath(s.path, s.opts.Now(), false)
	}
	if !s.opts.Watch && s.lock == nil {
		return nil
	}
	fi, err := os.Stat(s.path)
	if err == nil && os.SameFile(fi, s.info) {
		s.size = fi.Size()
		return nil
	}
	// A file deleted or moved away is opened again: the schedule goes on
	// from its limit, as Loguru's does, rather than from the new file.
	limits := slices.Clone(s.limits)
	s.closeFile()
	if err := s.openPath(s.path, s.opts.Now(), s.opts.Watch && s.opts.Mode == "w"); err != nil {
		return err
	}
	s.keepSchedule(limits)
	return nil
}

// Flush writes buffered records.
func (s *File) Flush() error {
	return s.flushBuffer()
}

// Wait blocks until background compression and retention are done.
func (s *File) Wait() { s.bg.wait() }

// Close writes buffered records, closes the file and waits for background
// work. Without rotation, compression (of the file, if one was opened) and
// retention run now, as in Loguru. A watched file that is gone is opened
// again first, so that they see it; a rotating sink has nothing to run at
// Close, and does not make an empty file again.
func (s *File) Close() error {
	err := s.flushBuffer()
	if s.f != nil && s.opts.Watch && !s.rotates() {
		if rerr := s.refresh(); rerr != nil && err == nil {
			err = rerr
		}
	}
	path := s.Path()
	s.closeFile()
	s.bg.setCurrent("") // closed: retention at Close may take it
	if !s.rotates() && (path != "" || s.opts.Retain != nil) {
		s.bg.add(func() error { return s.cleanUp(path, "", 0) })
	}
	s.bg.wait() // before the shared memory goes: cleanUp reads it
	if s.shm != nil {
		s.shm.unmap()
		s.shm = nil
	}
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
	return err
}

// closeFile closes the current file, if any; a close error has nowhere to
// go but the report, as the records were already written.
func (s *File) closeFile() {
	if s.f == nil {
		return
	}
	if err := s.f.Close(); err != nil {
		s.opts.Report(fmt.Errorf("close %s: %w", s.path, err))
	}
	s.f = nil
}

func (s *File) lockFile(how int) error {
	if s.lock == nil {
		return nil
	}
	if err := flock(s.lock, how); err != nil {
		return fmt.Errorf("lock %s: %w", s.lock.Name(), err)
	}
	return nil
}

// open resolves the pattern at t and opens that path.
func (s *File) open(t time.Time) error {
	path, err := s.pattern.Render(t)
	if err != nil {
		return err
	}
	if err := s.openLock(path); err != nil {
		return err
	}
	trunc := s.opts.Mode == "w" && !s.opened
	if s.shm == nil {
		return s.openPath(path, t, trunc)
	}
	// Exclusively: the shared state may need to be set for this file.
	if err := s.lockFile(lockExclusive); err != nil {
		return err
	}
	defer s.lockFile(lockRelease)
	if err := s.openPath(path, t, trunc); err != nil {
		return err
	}
	if dev, ino, ok := fileID(s.info); ok && (trunc || !s.shm.current(dev, ino)) {
		s.gen = s.shm.publish(s.shm.gen(), s.size, dev, ino)
	}
	return nil
}

// openLock opens the lock file beside the log, once, when rotation is on.
// It is hidden, so retention never matches it.
func (s *File) openLock(path string) error {
	if s.lock != nil || !s.rotates() {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create the folder of %s: %w", path, err)
	}
	name := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".lock")
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, s.opts.Perm)
	if err != nil {
		return err
	}
	s.lock = f
	if !s.opts.Watch { // a watched file is checked at its path for each record
		s.shm = mapShared(f)
	}
	return nil
}

// openPath opens path for appending, truncated if trunc, creating folders
// and the file as needed, and learns its size and creation time.
func (s *File) openPath(path string, now time.Time, trunc bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create the folder of %s: %w", path, err)
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_APPEND
	if trunc {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, s.opts.Perm)
	if err != nil {
		return err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	if fi.IsDir() {
		f.Close()
		return fmt.Errorf("open %s: is a directory", path)
	}
	s.f, s.info, s.path, s.size, s.opened = f, fi, path, fi.Size(), true
	s.bg.setCurrent(path)
	if s.shm != nil {
		s.gen = s.shm.gen() // the caller holds the lock: the file at path is this generation's
	}
	clear(s.limits) // computed at the first record, from the file
	if len(s.limits) > 0 {
		readLimits(path, s.rules, s.limits, now.Location())
	}
	if created, ok := readCreated(path); ok {
		s.created = created.In(now.Location())
	} else if fi.Size() == 0 {
		s.created = now
		setCreated(path, now)
	} else {
		s.created = fi.ModTime().In(now.Location())
	}
	return nil
}
