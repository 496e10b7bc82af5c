// Package termcolor decides whether output to a file gets color when the
// choice is left to loguru, as Loguru decides it.
package termcolor

import (
	"os"

	"golang.org/x/term"
)

// Auto reports whether f gets color: only terminals do; for the process's
// stdout and stderr NO_COLOR (when non-empty) turns color off, then
// FORCE_COLOR (when non-empty) turns it on, then TERM=dumb turns it off.
func Auto(f *os.File) bool {
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
