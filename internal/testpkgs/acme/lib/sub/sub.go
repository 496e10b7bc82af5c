// Package sub is a sub-package of lib, for tests of package filters.
package sub

import "github.com/loguru-go/loguru"

// Log logs msg at INFO with l.
func Log(l *loguru.Logger, msg string) { l.Info(msg) }
