//go:build race

package loguru_test

// raceEnabled tells heavy tests to scale down under the race detector.
const raceEnabled = true
