package loguru

import (
	"os"

	"golang.org/x/term"
)

// shouldColorize decides Colorize Auto for a sink, as Loguru does: only
// terminals get color; for the process's stdout and stderr NO_COLOR (when
// non-empty) turns color off, then FORCE_COLOR (when non-empty) turns it on,
// then TERM=dumb turns it off.
func shouldColorize(s any) bool {
	f, ok := s.(*os.File)
	if !ok || f == nil {
		return false
	}
	if f == os.Stdout || f == os.Stderr {
		if os.Getenv("NO_COLOR") != "" {
			return false
		}
		if os.Getenv("FORCE_COLOR") != "" {
			return true
		}
		if os.Getenv("TERM") == "dumb" {
			return false
		}
	}
	return term.IsTerminal(int(f.Fd()))
}
