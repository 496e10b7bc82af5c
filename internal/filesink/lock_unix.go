//go:build unix

package filesink

import (
	"os"
	"syscall"
)

// flock takes (or, with syscall.LOCK_UN, releases) an advisory lock on the
// lock file. It retries when a signal interrupts the wait.
func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if err != syscall.EINTR {
			return err
		}
	}
}

const (
	lockShared    = syscall.LOCK_SH
	lockExclusive = syscall.LOCK_EX
	lockRelease   = syscall.LOCK_UN
)
