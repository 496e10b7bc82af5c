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
	opened  bool        // a file was opened once (Mode "w" truncates only then)
	buf     []byte      // buffered records (Buffering)
	bufTime time.Time   // time of the last buffered record

	lastStamp string // creation time in the last rotated name, and its counter
	lastCount int

	lock     *os.File // lock file shared with other processes, when rotating
	shm      *shared  // the state in the lock file, where it can be mapped
	gen      uint64   // the generation of f in shm
	reopened bool     // refresh opened the file again: rules judge anew
	bg       worker

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
	s := &File{pattern: pattern, opts: opts, limits: make([]time.Time, len(opts.Schedules)), sleep: time.Sleep}
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

// Write writes one formatted record logged at t.
func (s *File) Write(b []byte, t time.Time) error {
	if s.opts.Buffering > 0 {
		return s.buffer(b, t)
	}
	return s.commit(b, t)
}

// buffer keeps b in memory until Buffering bytes are waiting. A record that
// needs a rotation first writes what is waiting to the old file, then
// rotates: the rules have judged b already, and would not again.
func (s *File) buffer(b []byte, t time.Time) error {
	if s.f != nil && s.due(int64(len(s.buf)+len(b)), b, t) {
		if err := s.rotateAfter(s.buf, t); err != nil {
			return err
		}
		s.buf = s.buf[:0]
	}
	s.buf = append(s.buf, b...)
	s.bufTime = t
	if len(s.buf) < s.opts.Buffering {
		return nil
	}
	return s.flushBuffer()
}

func (s *File) flushBuffer() error {
	if len(s.buf) == 0 {
		return nil
	}
	err := s.commit(s.buf, s.bufTime)
	if err == nil {
		s.buf = s.buf[:0]
	}
	return err
}

// verdict is what the rules said of a record before the file lock was
// taken.
type verdict int

const (
	judgeAll  verdict = iota // not judged yet
	judgeSize                // the time rules and RotateFunc said no
	rotateNow                // a rule said rotate
)

// commit writes b to the file, rotating first if a rule says so. Where the
// processes sharing the file share memory, a record that needs no
// rotation is written with no lock at all (see shared); otherwise commit
// holds the shared lock while it checks and writes, so that no other
// process renames the file in between. Either way each line lands whole in
// the file that was current when it was written.
func (s *File) commit(b []byte, t time.Time) error {
	if s.shm == nil || s.f == nil || s.shm.gen() != s.gen {
		return s.commitLocked(b, t, judgeAll)
	}
	if s.dueByRule(b, t) {
		return s.commitLocked(b, t, rotateNow)
	}
	g := s.gen
	s.shm.enter(g)
	r := s.shm.reserve(g, int64(len(b)), s.opts.Size)
	if r != reserveOK {
		s.shm.leave(g)
		if r == reserveFull {
			return s.commitLocked(b, t, rotateNow)
		}
		return s.commitLocked(b, t, judgeSize)
	}
	if s.reserved != nil {
		s.reserved()
	}
	_, err := s.f.Write(b)
	s.shm.leave(g)
	return err
}

// commitLocked writes b holding the shared lock, rotating first if v or
// the rules say so. A verdict given against a file that another process
// has rotated meanwhile no longer holds: the rules judge the new file.
func (s *File) commitLocked(b []byte, t time.Time, v verdict) error {
	if err := s.acquire(t); err != nil {
		return err
	}
	defer s.lockFile(lockRelease)
	if s.reopened {
		v = judgeAll
	}
	n := int64(len(b))
	if v == rotateNow || v == judgeAll && s.due(n, b, t) || v == judgeSize && s.dueBySize(0, n) {
		if err := s.rotateShared(t); err != nil {
			return err
		}
	}
	return s.writeRaw(b)
}

// rotateAfter writes b, which belongs in the current file, and rotates.
func (s *File) rotateAfter(b []byte, t time.Time) error {
	if err := s.acquire(t); err != nil {
		return err
	}
	defer s.lockFile(lockRelease)
	if err := s.writeRaw(b); err != nil {
		return err
	}
	return s.rotateShared(t)
}

// acquire opens the file if none is open, takes the shared lock and
// notices a replaced file. On success the caller releases the lock.
func (s *File) acquire(t time.Time) error {
	if s.f == nil {
		if err := s.open(t); err != nil {
			return err
		}
	}
	if err := s.lockFile(lockShared); err != nil {
		return err
	}
	s.reopened = false
	if err := s.refresh(); err != nil {
		s.lockFile(lockRelease)
		return err
	}
	return nil
}

// Records is a run of consecutive formatted records in one buffer.
type Records interface {
	Len() int
	End(i int) int        // where record i ends in the buffer
	Time(i int) time.Time // when record i was logged
}

// WriteBatch writes the records of recs, whose bytes are b: record i is
// b[recs.End(i-1):recs.End(i)]. Records that belong in the same file go in
// one write; each record lands in the file it would have with one Write per
// record.
func (s *File) WriteBatch(b []byte, recs Records) error {
	n := recs.Len()
	if n == 0 {
		return nil
	}
	if s.opts.Buffering > 0 || s.opts.RotateFunc != nil {
		// Buffering batches already; a rotation function judges records
		// one at a time against the file as written.
		start := 0
		for i := range n {
			end := recs.End(i)
			if err := s.Write(b[start:end], recs.Time(i)); err != nil {
				return err
			}
			start = end
		}
		return nil
	}
	if err := s.acquire(recs.Time(0)); err != nil {
		return err
	}
	defer s.lockFile(lockRelease)
	pending, start := 0, 0 // b[pending:start] waits to be written
	for i := range n {
		end, t := recs.End(i), recs.Time(i)
		rec := b[start:end]
		if s.rotates() && s.dueAfter(int64(start-pending), int64(len(rec)), rec, t) {
			if err := s.writeRaw(b[pending:start]); err != nil {
				return err
			}
			if err := s.rotateShared(t); err != nil {
				return err
			}
			pending = start
		}
		start = end
	}
	return s.writeRaw(b[pending:start])
}

func (s *File) writeRaw(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	n, err := s.f.Write(b)
	s.size += int64(n)
	if s.shm != nil {
		s.shm.add(int64(n))
	}
	return err
}

// due reports whether the file must rotate before n more bytes of record b
// at time t are written.
func (s *File) due(n int64, b []byte, t time.Time) bool { return s.dueAfter(0, n, b, t) }

// dueAfter is due when pending bytes, not written yet, precede the n bytes.
// Every rule sees every record, even when one has decided already: a
// schedule whose limit passed steps on now, not at the next record.
func (s *File) dueAfter(pending, n int64, b []byte, t time.Time) bool {
	due := s.dueBySize(pending, n)
	if s.dueByRule(b, t) {
		due = true
	}
	return due
}

// dueBySize reports whether n more bytes, after pending ones, would take
// the file past the size limit. An empty file takes any record.
func (s *File) dueBySize(pending, n int64) bool {
	size := s.size + pending
	if s.shm != nil {
		size = s.shm.size() + pending
	}
	return s.opts.Size > 0 && size+n > s.opts.Size && size > 0
}

// dueByRule reports whether a schedule or RotateFunc rotates before record
// b at time t.
func (s *File) dueByRule(b []byte, t time.Time) bool {
	due := false
	for i, rule := range s.opts.Schedules {
		if s.limits[i].IsZero() {
			s.limits[i] = rule.Next(s.created)
		}
		if !t.Before(s.limits[i]) {
			for !s.limits[i].After(t) {
				s.limits[i] = rule.Step(s.limits[i])
			}
			due = true
		}
	}
	if s.opts.RotateFunc != nil && s.opts.RotateFunc(b, t, s.f) {
		due = true
	}
	return due
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
		s.reopened = true
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
	s.closeFile()
	return s.openPath(s.path, s.opts.Now(), s.opts.Watch && s.opts.Mode == "w")
}

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

// Flush writes buffered records.
func (s *File) Flush() error {
	return s.flushBuffer()
}

// Wait blocks until background compression and retention are done.
func (s *File) Wait() { s.bg.wait() }

// Close writes buffered records, closes the file and waits for background
// work. Without rotation, compression (of the file, if one was opened) and
// retention run now, as in Loguru. A watched file that is gone is opened
// again first, so that they see it.
func (s *File) Close() error {
	err := s.flushBuffer()
	if s.f != nil && s.opts.Watch {
		if rerr := s.refresh(); rerr != nil && err == nil {
			err = rerr
		}
	}
	path := s.Path()
	s.closeFile()
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
	if s.shm != nil {
		s.gen = s.shm.gen() // the caller holds the lock: the file at path is this generation's
	}
	clear(s.limits) // computed at the first record, from the file
	if len(s.limits) > 0 {
		readLimits(path, s.scheduleName(), s.limits, now.Location())
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
