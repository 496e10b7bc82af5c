package archive

import "runtime"

// runtimeStats reads the bytes allocated so far.
type runtimeStats struct{ total uint64 }

func (s *runtimeStats) read() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	s.total = m.TotalAlloc
}
