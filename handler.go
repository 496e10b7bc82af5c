package loguru

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/loguru-go/loguru/internal/queue"
	"github.com/loguru-go/loguru/internal/reentry"
	"github.com/loguru-go/loguru/internal/template"
	"github.com/loguru-go/loguru/internal/traceback"
)

// handler is one added sink with its compiled options.
type handler struct {
	id       int
	levelNo  atomic.Int64
	sink     sink
	desc     string // the sink, for reports
	tmpl     *template.Template
	dynamic  *templateCache // FormatFunc
	colorize bool
	catch    bool
	enc      encoding
	view     traceback.View // how {exception} is shown

	pkgFilter   string
	hasPkg      bool
	levelFilter levelFilter
	filterFunc  func(*Record) bool

	needs template.Needs

	// Enqueue: the queue is started when the handler is published.
	wantQueue   bool
	queueSize   int
	queuePolicy QueuePolicy
	async       *asyncWriter

	mu     sync.Mutex // serialises writes to the sink
	closed bool       // set under mu by Remove
	// The reentry guard of a sink written under mu (see guard.go).
	guarded  bool         // the sink may log to this handler
	mark     reentry.Mark // the sink is called through it, if a slot was free
	call     sinkCall     // the write in progress through mark, under mu
	markHeld *heldMark    // gives mark back
	owner    atomic.Int64 // without a mark: the goroutine in the sink
	// free is set for sinks that serialize their own writes (see
	// sink.serialized): they are written without mu, and Remove waits for
	// the writes in progress through free.
	free *inflight
	// records is set for a sink that needs no text, which is then not
	// formatted: a RecordSink, or a slog.Handler given the message alone.
	records bool
	core    *core
	faults  faults // limits the reports of a failing sink
}

// needsOf is what a handler needs the logging call to compute.
func (h *handler) needsOf() template.Needs {
	n := h.needs
	if h.hasPkg || h.levelFilter != nil {
		n |= template.NeedCaller
	}
	if h.filterFunc != nil || h.dynamic != nil || h.sink.userCode() {
		n |= template.NeedCaller | template.NeedThread | template.NeedExtra
	}
	return n
}

// Add adds a handler that sends records to sink and returns its id, which
// Remove takes. The sink may be:
//
//   - a file path (string), with rotation, retention and compression;
//   - an io.Writer (os.Stderr, an *os.File, a bytes.Buffer...);
//   - a func(Message), called with each formatted line and its record;
//   - a Sink, whose Write gets the same Message;
//   - a RecordSink, whose WriteRecord gets the record and no text;
//   - a slog.Handler, given each record as a slog.Record.
//
// With no options the handler has Loguru's defaults: level DEBUG,
// DefaultFormat, colors on terminals.
func (l *Logger) Add(sink any, opts ...HandlerOptions) (int, error) {
	var o HandlerOptions
	switch len(opts) {
	case 0:
	case 1:
		o = opts[0]
	default:
		return 0, errors.New("loguru: Add takes at most one HandlerOptions")
	}
	return l.core.add(sink, o)
}

func (c *core) add(s any, o HandlerOptions) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.state.Load()
	h, err := c.build(s, o, st.levels)
	if err != nil {
		return 0, err
	}
	c.publish(st.withHandlers(append(slices.Clip(st.handlers), c.register(h))))
	return h.id, nil
}

// register gives h the next id. Callers hold c.mu.
func (c *core) register(h *handler) *handler {
	h.id = c.nextID
	c.nextID++
	if h.wantQueue {
		h.startQueue(h.queueSize, h.queuePolicy)
	}
	h.takeMark()
	return h
}

// build makes a handler for a sink, with the options' defaults filled from
// the environment, level names resolved in levels and templates compiled.
func (c *core) build(s any, o HandlerOptions, levels *levelTable) (*handler, error) {
	o = c.defaults.fill(o)
	if err := checkOptions(s, o); err != nil {
		return nil, err
	}
	var sk sink
	var err error
	if _, isFile := s.(string); !isFile {
		if sk, err = newSink(s); err != nil {
			return nil, err
		}
	}
	h := &handler{sink: sk, desc: describe(s), core: c}
	no, err := parseLevel(o.Level, levels)
	if err != nil {
		return nil, err
	}
	h.levelNo.Store(int64(no))
	switch {
	case o.Serialize:
		h.enc = encSerialize
	case o.JSON:
		h.enc = encJSON
	}
	switch o.Colorize {
	case On:
		h.colorize = true
	case Auto:
		// JSON lines go to files and collectors, not to eyes.
		h.colorize = h.enc == encText && shouldColorize(s)
	}
	h.catch = o.Catch.or(true)
	h.view = traceback.View{Backtrace: o.Backtrace.or(true), Diagnose: o.Diagnose.or(true), Color: h.colorize}
	if o.FormatFunc != nil {
		h.dynamic = &templateCache{fn: o.FormatFunc, colorize: h.colorize}
	} else if h.tmpl, err = compileFormat(o.Format, c.defaults.format, sk, h.colorize); err != nil {
		return nil, err
	} else {
		h.needs = h.tmpl.Needs
	}
	switch h.enc {
	case encSerialize:
		h.needs |= template.NeedCaller | template.NeedThread
	case encJSON:
		h.needs |= template.NeedCaller
	}
	if o.Filter != "" {
		h.pkgFilter, h.hasPkg = o.Filter, true
	}
	if len(o.FilterLevels) > 0 {
		if h.levelFilter, err = newLevelFilter(o.FilterLevels, levels); err != nil {
			return nil, err
		}
	}
	h.filterFunc = o.FilterFunc
	h.wantQueue, h.queueSize, h.queuePolicy = o.Enqueue == On, o.QueueSize, o.QueueFull
	if path, isFile := s.(string); isFile {
		// Opened last, once everything else is known to be valid, so that
		// a bad option never leaves a file behind.
		if h.sink, err = c.newFileSink(path, o); err != nil {
			return nil, err
		}
	}
	if h.sink.serialized() {
		h.free = &inflight{}
	}
	_, h.records = h.sink.(*recordSink)
	if _, ok := h.sink.(slogSink); ok && h.tmpl != nil && h.tmpl.Source == "{message}" && !h.colorize {
		h.records = true // the slog.Handler is given r.Message itself
	}
	return h, nil
}

// compileFormat compiles a handler's format, appending "\n{exception}" as
// Loguru does for string formats.
func compileFormat(format, envFormat string, sk sink, colorize bool) (*template.Template, error) {
	suffix := "\n{exception}"
	if _, ok := sk.(slogSink); ok {
		// A slog.Handler writes time, level and attrs itself, and gets the
		// error as an attribute: by default it receives the message alone.
		suffix = ""
		if format == "" {
			format = "{message}"
		}
	}
	if format == "" {
		format = envFormat
	}
	if format == "" {
		format = DefaultFormat
	}
	t, err := template.Compile(format+suffix, colorize)
	if err != nil {
		var te *template.Error
		if errors.As(err, &te) {
			te.Format = format // quote what the user wrote
		}
		return nil, fmt.Errorf("loguru: %w", err)
	}
	return t, nil
}

// checkOptions rejects contradictory options, and those whose features are
// not built yet rather than silently ignoring them.
func checkOptions(s any, o HandlerOptions) error {
	if o.Serialize && o.JSON {
		return errors.New("loguru: Serialize and JSON are two different encodings: choose one")
	}
	if _, isFile := s.(string); !isFile && hasFileOptions(o) {
		return fmt.Errorf("loguru: Rotation, Retention, Compression, Delay, Watch, Mode, Perm and Buffering apply to file sinks only (a path), not to %T", s)
	}
	if o.Enqueue != On && (o.QueueSize != 0 || o.QueueFull != QueueBlock) {
		return errors.New("loguru: QueueSize and QueueFull apply to Enqueue handlers only")
	}
	if o.QueueSize < 0 {
		return fmt.Errorf("loguru: invalid QueueSize %d: it must be 0 (the default, %d records) or more", o.QueueSize, queue.DefaultCapacity)
	}
	if o.QueueFull != QueueBlock && o.QueueFull != QueueDrop {
		return fmt.Errorf("loguru: invalid QueueFull policy %d: use QueueBlock or QueueDrop", o.QueueFull)
	}
	return nil
}

// hasFileOptions reports whether any option of file sinks is set.
func hasFileOptions(o HandlerOptions) bool {
	return o.Rotation != "" || o.RotationFunc != nil || o.Retention != "" || o.RetentionFunc != nil ||
		o.Compression != "" || o.CompressionFunc != nil || o.Delay || o.Watch || o.Mode != "" ||
		o.Perm != 0 || o.Buffering != 0
}

// describe names a sink in reports.
func describe(s any) string {
	switch s := s.(type) {
	case string:
		return s
	case fmt.Stringer:
		return s.String()
	case interface{ Name() string }:
		return s.Name()
	}
	return fmt.Sprintf("%T", s)
}

// Remove removes the handler with the given id. It returns after any write
// in progress on that handler has finished, and closes a Sink that has a
// Close method. Writers such as os.Stderr are never closed.
func (l *Logger) Remove(id int) error { return l.core.remove(id) }

// RemoveAll removes every handler.
func (l *Logger) RemoveAll() error { return l.core.removeAll() }

func (c *core) remove(id int) error {
	c.mu.Lock()
	st := c.state.Load()
	i := slices.IndexFunc(st.handlers, func(h *handler) bool { return h.id == id })
	if i < 0 {
		c.mu.Unlock()
		return fmt.Errorf("loguru: there is no existing handler with id %d", id)
	}
	h := st.handlers[i]
	c.publish(st.withHandlers(slices.Delete(slices.Clone(st.handlers), i, i+1)))
	c.mu.Unlock()
	return h.stop()
}

func (c *core) removeAll() error {
	c.mu.Lock()
	st := c.state.Load()
	c.publish(st.withHandlers(nil))
	c.mu.Unlock()
	var errs []error
	for _, h := range st.handlers {
		errs = append(errs, h.stop())
	}
	return errors.Join(errs...)
}

// stop waits for writes in progress, and for an Enqueue handler's queue to
// be written, then closes the sink. Records still arriving through an older
// snapshot are dropped.
func (h *handler) stop() error {
	if h.async != nil {
		if h.async.onWriter() {
			// A sink removing its own handler: the writer holds the
			// handler until the sink returns, so the rest happens once
			// the queue is written.
			h.async.q.Close(true)
			go h.stop()
			return nil
		}
		h.async.q.Close(false)
	}
	if h.free != nil {
		h.free.close()
	}
	if h.guarded && h.reentrant() {
		// A sink removing its own handler holds the lock until it
		// returns: the handler is closed right after, not waited for.
		go func() {
			if err := h.stop(); err != nil {
				h.core.reportCall(err)
			}
		}()
		return nil
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil
	}
	h.closed = true
	h.markHeld.release() // no write reaches the sink any more
	defer h.stopFaults()
	// A sink whose flush fails is closed all the same: its files and
	// goroutines must not outlive the handler.
	// guard: a panic in a user's Flush or Close is an error, never a crash.
	ferr, cerr := guard(h.sink.flush), guard(h.sink.close)
	if ferr != nil {
		ferr = fmt.Errorf("loguru: flushing handler %d: %w", h.id, ferr)
	}
	if cerr != nil {
		cerr = fmt.Errorf("loguru: closing handler %d: %w", h.id, cerr)
	}
	return errors.Join(ferr, cerr)
}

// SetLevel changes the minimum level of the handler with the given id. Loguru
// asks users to remove and re-add a handler instead; Go users expect a setter.
func (l *Logger) SetLevel(id int, level string) error {
	c := l.core
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.state.Load()
	no, err := parseLevel(level, st.levels)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(st.handlers, func(h *handler) bool { return h.id == id })
	if i < 0 {
		return fmt.Errorf("loguru: there is no existing handler with id %d", id)
	}
	st.handlers[i].levelNo.Store(int64(no))
	c.publish(st.withHandlers(st.handlers))
	return nil
}

// Complete waits until every record logged before it to an Enqueue handler
// has been written, then flushes every sink that can be flushed: when it
// returns, everything logged before it has reached its sink. Call it (or
// RemoveAll) before the program exits when handlers use Enqueue.
func (l *Logger) Complete() error {
	var errs []error
	for _, h := range l.core.state.Load().handlers {
		if h.async != nil {
			self := h.async.onWriter()
			h.async.q.Flush(self)
			if self {
				continue // the writer is in this sink, which flushes after it
			}
		}
		if h.guarded && h.reentrant() {
			continue // a sink completing its own handler: it is being written
		}
		errs = append(errs, h.flushSink())
	}
	return errors.Join(errs...)
}

// flushSink flushes the sink under the handler's lock. A panic in it (a
// user's Flush) is returned as an error and never leaves the lock held.
func (h *handler) flushSink() (err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil
	}
	return guard(h.sink.flush)
}

// handle formats r for this handler and writes it. Failures never reach the
// caller while Catch is on: they are reported on stderr.
func (h *handler) handle(r *Record) {
	if int64(r.Level.No) < h.levelNo.Load() {
		return
	}
	if h.hasPkg && !inPackage(r.Name, h.pkgFilter) {
		return
	}
	if h.levelFilter != nil && !h.levelFilter.keep(r.Name, r.Level.No) {
		return
	}
	h.process(r)
}

// process runs the filter function, then formats and writes r; a panic in
// any of them is reported. The functions are split so that each defer is
// open-coded: a defer among many returns costs tens of nanoseconds.
func (h *handler) process(r *Record) {
	defer h.recover(r)
	if h.filterFunc != nil && !h.filterFunc(r) {
		return
	}
	// The record's own buffer: handlers format one after the other, and
	// every sink is done with the bytes when its write returns.
	var b []byte
	if !h.records {
		var err error
		b, err = h.format(r.scratch[:0], r)
		r.scratch = b
		if err != nil {
			h.fail(r, err)
			return
		}
	}
	switch {
	case h.async != nil:
		h.enqueue(b, r)
	case h.free != nil:
		if err := h.writeFree(b, r); err != nil {
			h.fail(r, err)
		} else {
			h.succeeded()
		}
	default:
		h.writeGuarded(b, r)
	}
}

// writeFree writes to a sink that serializes its own writes: a lock per
// handler would only add contention between goroutines.
func (h *handler) writeFree(b []byte, r *Record) error {
	s := h.free.enter()
	if s == nil {
		return nil // removed
	}
	defer s.Add(-1)
	return h.sink.write(b, r)
}

// recover turns a panic in a filter, formatter or sink into a report.
func (h *handler) recover(r *Record) {
	if v := recover(); v != nil {
		if !h.catch {
			panic(v)
		}
		h.failed(r, 1, panicError{v})
	}
}

func (h *handler) fail(r *Record, err error) {
	if !h.catch {
		panic(&SinkError{HandlerID: h.id, Err: err})
	}
	h.failed(r, 1, err)
}

// SinkError is the panic value of a failing handler whose Catch option is
// Off. With Catch on (the default) failures are reported on stderr instead.
type SinkError struct {
	HandlerID int   // the id Add returned for the handler
	Err       error // what the sink returned, or its recovered panic
}

// Error names the handler and the sink's error.
func (e *SinkError) Error() string {
	return fmt.Sprintf("loguru: handler %d: %v", e.HandlerID, e.Err)
}

// Unwrap returns the sink's error.
func (e *SinkError) Unwrap() error { return e.Err }

// templateCache compiles the templates a FormatFunc returns, keeping the
// most recent ones (Loguru keeps 64 in an LRU).
type templateCache struct {
	fn       func(*Record) string
	colorize bool
	mu       sync.Mutex
	m        map[string]*template.Template
}

const templateCacheSize = 64

func (tc *templateCache) get(r *Record) (*template.Template, error) {
	src := tc.fn(r)
	tc.mu.Lock()
	t, ok := tc.m[src]
	tc.mu.Unlock()
	if ok {
		return t, nil
	}
	t, err := template.Compile(src, tc.colorize)
	if err != nil {
		return nil, err
	}
	tc.mu.Lock()
	if tc.m == nil || len(tc.m) >= templateCacheSize {
		tc.m = make(map[string]*template.Template, templateCacheSize)
	}
	tc.m[src] = t
	tc.mu.Unlock()
	return t, nil
}

// state is everything the logging path reads, as one immutable snapshot
// swapped atomically: logging takes no lock until a handler writes.
type state struct {
	handlers   []*handler
	levels     *levelTable
	activation activation
	minLevel   int // the lowest level any handler accepts
	needs      template.Needs
	diagnose   bool            // some handler shows values in error reports
	extra      map[string]any  // Config.Extra, below every other value
	patcher    func(*Record)   // Config.Patcher, run first
	added      []func(*Record) // AddPatcher's, in order, run next
}

// patches reports whether the core has patchers, which see every record.
func (s *state) patches() bool { return s.patcher != nil || len(s.added) > 0 }

func (s *state) withHandlers(hs []*handler) *state {
	n := *s
	n.handlers = hs
	return &n
}

// core is what loggers derived from one another share.
type core struct {
	mu     sync.Mutex // serialises changes; logging never takes it
	state  atomic.Pointer[state]
	nextID int
	settings
}

func newCore() *core {
	c := &core{settings: packageSettings()}
	c.state.Store(&state{levels: newLevelTable(c.defaults), minLevel: reject})
	return c
}

// publish recomputes the derived fields of st and makes it current.
// Callers hold c.mu.
func (c *core) publish(st *state) {
	st.minLevel, st.needs, st.diagnose = reject, 0, false
	for _, h := range st.handlers {
		st.minLevel = min(st.minLevel, int(h.levelNo.Load()))
		st.needs |= h.needsOf()
		st.diagnose = st.diagnose || h.view.Diagnose
	}
	if len(st.activation) > 0 {
		st.needs |= template.NeedCaller
	}
	c.state.Store(st)
}
