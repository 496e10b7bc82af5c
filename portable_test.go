package loguru_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/loguru-go/loguru"
)

// logEverywhere logs from the test's goroutine and from new ones, through
// a format that needs the caller and the goroutine id. Each line starts with
// the record's goroutine id and the one runtime.Stack gave the logging
// goroutine; the rest of the line follows a tab.
func logEverywhere(t *testing.T) []string {
	l, buf := newLogger(t, loguru.HandlerOptions{
		Format: "{thread.id} {extra[gid]}\t{time} {level} {thread.name}:{name}:{function}:{line} {message}",
	})
	log := func(msg string) { l.Bind("gid", loguru.SlowGoroutineID()).Info(msg) }
	for range 4 {
		var wg sync.WaitGroup
		wg.Go(func() { log("from a goroutine") })
		wg.Wait()
		log("inline")
	}
	return lines(buf.String())
}

// The portable paths, taken on an unverified Go release, with -tags purego
// and where a calibration is refused, write the same lines as the fast
// ones, with the right goroutine ids.
func TestFastAndPortablePathsWriteTheSameLines(t *testing.T) {
	fast := logEverywhere(t)
	loguru.DisableFastPaths(t)
	portable := logEverywhere(t)
	if len(fast) != 8 || len(portable) != len(fast) {
		t.Fatalf("fast %q, portable %q", fast, portable)
	}
	for i := range fast {
		fastIDs, fastRest, _ := strings.Cut(fast[i], "\t")
		portIDs, portRest, _ := strings.Cut(portable[i], "\t")
		for _, ids := range []string{fastIDs, portIDs} {
			var got, want int64
			if _, err := fmt.Sscan(ids, &got, &want); err != nil || got != want || got == 0 {
				t.Errorf("line %d: thread id and runtime.Stack's id: %q", i, ids)
			}
		}
		if fastRest != portRest {
			t.Errorf("line %d:\n fast:     %s\n portable: %s", i, fastRest, portRest)
		}
	}
}
