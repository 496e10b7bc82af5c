package filesink

import (
	"fmt"
	"maps"
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
	waiting map[string]bool // closed files queued for compression
	current string          // the file being written, which retention never takes
}

// hold marks a closed file as waiting for compression, before its job is
// queued, so that no retention running meanwhile counts it as final.
func (w *worker) hold(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.waiting == nil {
		w.waiting = map[string]bool{}
	}
	w.waiting[path] = true
}

// release marks a file as final: compressed, or gone.
func (w *worker) release(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.waiting, path)
}

// setCurrent records the file being written now.
func (w *worker) setCurrent(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.current = path
}

// currentFile is the file being written now.
func (w *worker) currentFile() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.current
}

// held is a copy of the files waiting for compression.
func (w *worker) held() map[string]bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return maps.Clone(w.waiting)
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
