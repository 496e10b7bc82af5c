//go:build !race

package loguru_test

const raceEnabled = false
