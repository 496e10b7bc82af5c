//go:build race

package parse

// The race detector slows matching down many times; the large-input
// tests shrink their inputs under it.
const raceEnabled = true
