package traceback

import (
	"bytes"
	"os"
	"strings"
	"sync"
)

// Bounds of the source cache: reports read source files of at most
// maxFile bytes and keep at most maxFiles files or maxBytes bytes, the
// oldest going first. A missing file is remembered as missing.
const (
	maxFile  = 4 << 20
	maxFiles = 64
	maxBytes = 8 << 20
)

type sourceCache struct {
	mu    sync.Mutex
	files map[string][][]byte // nil entry: not available
	order []string
	bytes int
}

var sources = sourceCache{files: map[string][][]byte{}}

// sourceLine returns line n of a Go file, trimmed, or "" when the file is
// not on this machine, is too large, or is shorter.
func sourceLine(path string, n int) string {
	lines := sources.get(path)
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(string(lines[n-1]))
}

func (c *sourceCache) get(path string) [][]byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if lines, ok := c.files[path]; ok {
		return lines
	}
	lines, size := readLines(path)
	for len(c.order) > 0 && (len(c.order) >= maxFiles || c.bytes+size > maxBytes) {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= sizeOf(c.files[old])
		delete(c.files, old)
	}
	c.files[path] = lines
	c.order = append(c.order, path)
	c.bytes += size
	return lines
}

func readLines(path string) ([][]byte, int) {
	if !strings.HasSuffix(path, ".go") {
		return nil, 0
	}
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxFile {
		return nil, 0
	}
	data, err := os.ReadFile(path)
	if err != nil || len(data) > maxFile {
		return nil, 0
	}
	return bytes.Split(data, []byte("\n")), len(data)
}

func sizeOf(lines [][]byte) int {
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	return n
}
