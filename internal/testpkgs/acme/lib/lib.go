// Package lib logs from a known import path, for tests of package filters.
package lib

import "github.com/loguru-go/loguru"

// Log logs msg at INFO with l.
func Log(l *loguru.Logger, msg string) { l.Info(msg) }
