package loguru_test

import (
	"os"
	"sync"

	"github.com/loguru-go/loguru"
)

// With Enqueue the logging call only formats the record and queues it; a
// goroutine of the handler writes. Complete (or Remove) waits until
// everything queued has been written: call it before the program exits.
func ExampleHandlerOptions_enqueue() {
	l := loguru.New()
	l.Add(os.Stdout, loguru.HandlerOptions{Format: "{message}", Enqueue: loguru.On})
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Go(func() { l.Info("worker {} done", w) })
	}
	wg.Wait()
	l.Complete()
	l.Info("after Complete")
	l.RemoveAll()
	// Unordered output:
	// worker 0 done
	// worker 1 done
	// worker 2 done
	// after Complete
}
