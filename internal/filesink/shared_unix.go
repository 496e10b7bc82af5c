//go:build unix

package filesink

import (
	"os"
	"syscall"
)

// mapShared maps the first page of the lock file, making it that long if
// needed. It returns nil when the file system does not support it: the
// sink then takes the lock for every record.
func mapShared(f *os.File) *shared {
	fi, err := f.Stat()
	if err != nil {
		return nil
	}
	if fi.Size() < sharedSize {
		if err := f.Truncate(sharedSize); err != nil {
			return nil
		}
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, sharedSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		return nil
	}
	return &shared{mem: mem}
}

func (m *shared) unmap() { _ = syscall.Munmap(m.mem) }

// fileID is the device and inode of a file.
func fileID(fi os.FileInfo) (dev, ino uint64, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return uint64(st.Dev), uint64(st.Ino), true
}
