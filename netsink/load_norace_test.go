//go:build !race

package netsink

// loadRecords is the number of records each client sends in TestLoad.
const loadRecords = 50_000
