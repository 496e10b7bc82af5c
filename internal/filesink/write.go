package filesink

import "time"

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
	// The bytes waiting count as the file's: an empty file (new, rotated
	// or not opened yet with Delay) is not empty once records wait for it.
	pending, n := int64(len(s.buf)), int64(len(b))
	due := s.f == nil && s.dueBySize(pending, n) // the other rules need the open file
	if s.f != nil {
		due = s.dueAfter(pending, n, b, t)
	}
	if due {
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

// flushBuffer writes what is waiting. The rules have judged each of its
// records as it came: only the size, which another process may have grown
// meanwhile, is judged again.
func (s *File) flushBuffer() error {
	if len(s.buf) == 0 {
		return nil
	}
	err := s.commitJudged(s.buf, s.bufTime, sizeOnly)
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
	sizeOnly                 // records judged one by one (a buffer): only the size is judged again
)

// commit writes b to the file, rotating first if a rule says so. Where the
// processes sharing the file share memory, a record that needs no
// rotation is written with no lock at all (see shared); otherwise commit
// holds the shared lock while it checks and writes, so that no other
// process renames the file in between. Either way each line lands whole in
// the file that was current when it was written.
func (s *File) commit(b []byte, t time.Time) error { return s.commitJudged(b, t, judgeAll) }

// commitJudged is commit with a verdict: judgeAll, or sizeOnly for a
// buffer of records that the rules judged one by one.
func (s *File) commitJudged(b []byte, t time.Time, v verdict) error {
	if s.shm == nil || s.f == nil || s.shm.gen() != s.gen {
		return s.commitLocked(b, t, v)
	}
	if v == judgeAll && s.dueByRule(b, t) {
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
		if v == judgeAll {
			v = judgeSize
		}
		return s.commitLocked(b, t, v)
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
	judged := s.gen
	if err := s.acquire(t); err != nil {
		return err
	}
	defer s.lockFile(lockRelease)
	if s.gen != judged && v != sizeOnly { // acquire opened the file another process started
		v = judgeAll
	}
	n := int64(len(b))
	if v == rotateNow || v == judgeAll && s.due(n, b, t) || (v == judgeSize || v == sizeOnly) && s.dueBySize(0, n) {
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
