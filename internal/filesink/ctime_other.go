//go:build !linux

package filesink

import "time"

// Without extended attributes the modification time stands in for the
// creation time of a file opened again, as in Loguru.
func setCreated(string, time.Time) {}

func readCreated(string) (time.Time, bool) { return time.Time{}, false }

func setLimits(string, string, []time.Time) {}

func readLimits(string, string, []time.Time, *time.Location) {}

func setPending(string) {}

func clearPending(string) {}

func pendingElsewhere(string) bool { return false }
