// Package loguru is a port of Python's Loguru to Go.
package loguru
