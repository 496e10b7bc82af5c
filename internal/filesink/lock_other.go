//go:build !unix

package filesink

import "os"

// Outside Unix there is no flock: processes are not coordinated, and a
// sink shared by several processes may rotate more than once.
func flock(*os.File, int) error { return nil }

const (
	lockShared = iota
	lockExclusive
	lockRelease
)
