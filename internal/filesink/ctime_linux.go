package filesink

import (
	"math"
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
const (
	ctimeAttr = "user.loguru_crtime"
	limitAttr = "user.loguru_limit"
)

func setCreated(path string, t time.Time) { setTimeAttr(path, ctimeAttr, t) }

func readCreated(path string) (time.Time, bool) { return readTimeAttr(path, ctimeAttr) }

// setLimit stores the limit with the rule it belongs to, so that a program
// started again with another rule does not follow the old one.
func setLimit(path string, t time.Time, rule string) {
	_ = syscall.Setxattr(path, limitAttr, append(appendTime(nil, t), " "+rule...), 0)
}

func readLimit(path string, rule string) (time.Time, bool) {
	var buf [256]byte
	n, err := syscall.Getxattr(path, limitAttr, buf[:])
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	v, r, ok := strings.Cut(string(buf[:n]), " ")
	if !ok || r != rule {
		return time.Time{}, false
	}
	return parseTime(v)
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
