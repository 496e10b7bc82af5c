package filesink

import (
	"math"
	"strconv"
	"syscall"
	"time"
)

// The creation time of a log file is kept in an extended attribute, under
// Loguru's name, so that time-based rotation keeps its schedule across
// restarts and every process sharing the file agrees on it. Linux has no
// portable birth time; where user attributes are not supported the
// modification time stands in, as in Loguru.
const ctimeAttr = "user.loguru_crtime"

func setCreated(path string, t time.Time) {
	v := strconv.FormatFloat(float64(t.UnixMicro())/1e6, 'f', -1, 64)
	_ = syscall.Setxattr(path, ctimeAttr, []byte(v), 0)
}

func readCreated(path string) (time.Time, bool) {
	var buf [64]byte
	n, err := syscall.Getxattr(path, ctimeAttr, buf[:])
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	sec, err := strconv.ParseFloat(string(buf[:n]), 64)
	if err != nil || math.IsNaN(sec) || math.IsInf(sec, 0) {
		return time.Time{}, false
	}
	whole, frac := math.Modf(sec)
	return time.Unix(int64(whole), int64(math.Round(frac*1e6))*1e3), true
}
