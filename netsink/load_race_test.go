//go:build race

package netsink

// loadRecords is smaller under the race detector, which makes every
// memory access several times slower.
const loadRecords = 5_000
