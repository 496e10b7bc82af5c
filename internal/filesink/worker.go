package filesink

import (
	"fmt"
	"sync"
)

// worker runs background jobs one at a time, in order, on a goroutine that
// exists only while there is work: a sink never leaves a goroutine behind.
type worker struct {
	mu      sync.Mutex
	queue   []func() error
	running bool
	pending sync.WaitGroup
	report  func(error)
}

func (w *worker) add(job func() error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.queue = append(w.queue, job)
	w.pending.Add(1)
	if !w.running {
		w.running = true
		go w.run()
	}
}

func (w *worker) run() {
	for {
		w.mu.Lock()
		job := w.queue[0]
		w.queue = w.queue[1:]
		w.mu.Unlock()
		if err := protect(job); err != nil {
			w.report(err)
		}
		// Stop before the last Done, so that once wait returns no
		// goroutine of this worker is left doing anything.
		w.mu.Lock()
		last := len(w.queue) == 0
		w.running = !last
		w.mu.Unlock()
		w.pending.Done()
		if last {
			return
		}
	}
}

// wait blocks until every job added so far is done.
func (w *worker) wait() { w.pending.Wait() }

// protect runs a job, which may be the user's, turning a panic into an error.
func protect(job func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic in background file work: %v", p)
		}
	}()
	return job()
}
