package filesink

import (
	"math"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The creation time of a log file is kept in an extended attribute, under
// Loguru's name, so that time-based rotation keeps its schedule across
// restarts and every process sharing the file agrees on it. Linux has no
// portable birth time; where user attributes are not supported the
// modification time stands in, as in Loguru.
//
// A file started by a time-based rotation also keeps the rotation limit
// the schedule had reached, so that a restart goes on with the schedule
// instead of starting an interval from the file's creation.
//
// A rotated file waiting for compression carries the id of the process
// that will compress it, so that the retention of every process sharing
// the file leaves it alone and counts it among the newest.
const (
	ctimeAttr   = "user.loguru_crtime"
	limitAttr   = "user.loguru_limit"
	pendingAttr = "user.loguru_pending"
)

// setPending marks a rotated file as waiting for this process to compress it.
func setPending(path string) {
	_ = syscall.Setxattr(path, pendingAttr, strconv.AppendInt(nil, int64(os.Getpid()), 10), 0)
}

// clearPending unmarks a file whose compression failed: it is final.
func clearPending(path string) { _ = syscall.Removexattr(path, pendingAttr) }

// pendingElsewhere reports whether another process, still running, will
// compress the file. A mark left by a process that died is ignored.
func pendingElsewhere(path string) bool {
	var buf [24]byte
	n, err := syscall.Getxattr(path, pendingAttr, buf[:])
	if err != nil || n <= 0 {
		return false
	}
	pid, err := strconv.Atoi(string(buf[:n]))
	if err != nil || pid <= 0 || pid == os.Getpid() {
		return false
	}
	err = syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}

func setCreated(path string, t time.Time) { setTimeAttr(path, ctimeAttr, t) }

func readCreated(path string) (time.Time, bool) { return readTimeAttr(path, ctimeAttr) }

// setLimits stores the limits of a file's schedules, with the names of
// the rules they belong to.
func setLimits(path, rules string, limits []time.Time) {
	var v []byte
	for i, t := range limits {
		if i > 0 {
			v = append(v, ',')
		}
		v = appendTime(v, t)
	}
	v = append(v, ' ')
	v = append(v, rules...)
	_ = syscall.Setxattr(path, limitAttr, v, 0)
}

// readLimits fills limits with those stored for the same rules; a zero
// one, or none stored, is computed from the creation time.
func readLimits(path, rules string, limits []time.Time, loc *time.Location) {
	buf := make([]byte, 1024)
	n, err := syscall.Getxattr(path, limitAttr, buf)
	if err != nil || n <= 0 {
		return
	}
	v, r, ok := strings.Cut(string(buf[:n]), " ")
	if !ok || r != rules {
		return
	}
	stored := strings.Split(v, ",")
	if len(stored) != len(limits) {
		return
	}
	for i, sv := range stored {
		if t, ok := parseTime(sv); ok {
			limits[i] = t.In(loc)
		}
	}
}

// setTimeAttr stores t as Loguru does: seconds since the epoch, as a
// decimal number with microseconds.
func setTimeAttr(path, name string, t time.Time) {
	_ = syscall.Setxattr(path, name, appendTime(nil, t), 0)
}

func appendTime(b []byte, t time.Time) []byte {
	return strconv.AppendFloat(b, float64(t.UnixMicro())/1e6, 'f', -1, 64)
}

func readTimeAttr(path, name string) (time.Time, bool) {
	var buf [64]byte
	n, err := syscall.Getxattr(path, name, buf[:])
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	return parseTime(string(buf[:n]))
}

func parseTime(v string) (time.Time, bool) {
	sec, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(sec) || math.IsInf(sec, 0) {
		return time.Time{}, false
	}
	whole, frac := math.Modf(sec)
	return time.Unix(int64(whole), int64(math.Round(frac*1e6))*1e3), true
}
