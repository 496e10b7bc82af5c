//go:build !unix

package filesink

import "os"

// Outside Unix processes are not coordinated (see flock): nothing is shared.
func mapShared(*os.File) *shared { return nil }

func (m *shared) unmap() {}

func fileID(os.FileInfo) (dev, ino uint64, ok bool) { return 0, 0, false }
