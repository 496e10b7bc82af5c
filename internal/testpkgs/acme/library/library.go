// Package library shares a prefix with lib without being inside it.
package library

import "github.com/loguru-go/loguru"

// Log logs msg at INFO with l.
func Log(l *loguru.Logger, msg string) { l.Info(msg) }
