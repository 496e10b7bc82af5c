package loguru

import (
	"os"

	"github.com/loguru-go/loguru/internal/termcolor"
)

// shouldColorize decides Colorize Auto for a sink, as Loguru does: only
// terminal files get color, with NO_COLOR, FORCE_COLOR and TERM=dumb
// honoured for stdout and stderr (see internal/termcolor).
func shouldColorize(s any) bool {
	f, ok := s.(*os.File)
	return ok && f != nil && termcolor.Auto(f)
}
