// Package loguru is Python's Loguru for Go: logging that works with no set-up
// and stays pleasant as a program grows.
//
// The package-level functions log through a ready default logger that writes
// colored lines to stderr:
//
//	loguru.Info("Hello, {}!", "world")
//	// 2026-11-22 10:01:02.345 | INFO     | main:main:12 - Hello, world!
//
// # Messages
//
// A message is formatted only when arguments are given, so Info("{x}")
// prints "{x}". "{}" takes the next argument, "{0}" a numbered one, and
// "{name}" the value of the Field F("name", v), which is also added to the
// record's Extra. Python's format specs work after a colon: "{:.2f}",
// "{:>10}", "{:08d}", "{:,}". There is no attribute or index access such as
// "{0.Password}": a template that does not fit its arguments prints a marker
// such as "%!{1}(MISSING)" instead of failing, and arguments no field used
// are shown as fmt shows them: Info("user", "id", 42) prints
// "user%!(EXTRA string=id, int=42)". Key-value pairs belong in Fields:
// Info("user", F("id", 42)).
//
// # Handlers
//
// Add attaches a sink and returns its id for Remove. A sink is any io.Writer,
// a func(Message), or a Sink. HandlerOptions choose the minimum level, the
// format template, filters and colors:
//
//	id, err := loguru.Add(os.Stdout, loguru.HandlerOptions{
//		Level:  "WARNING",
//		Format: "<green>{time:HH:mm:ss}</green> <level>{level: <8}</level> {message}",
//	})
//
// Templates use Loguru's record fields ({time}, {level}, {name}, {function},
// {line}, {extra[user]}, ...), its time tokens (YYYY-MM-DD HH:mm:ss.SSS ZZ)
// and its color markup (<red>, <bold>, <fg #ff8800>, <level>). They are
// compiled once, by Add, which reports a bad template with its position.
// Colors are on for terminals and off elsewhere; NO_COLOR and FORCE_COLOR are
// honored.
//
// A sink that fails or panics never reaches the caller: the error is reported
// on stderr in Loguru's "--- Logging error in Loguru Handler #N ---" form and
// logging goes on.
//
// # Errors, panics and tracebacks
//
// Exception logs an error with a traceback under {exception}, in Loguru's
// layout: the frames oldest first with their source lines, '>' on the catch
// point, the chain of wrapped errors (Unwrap, errors.Join), and the last
// "Type: message" line. defer Catch() recovers a panic and logs it;
// CatchFunc and Go run a function, or a goroutine, under Catch and know the
// exact catch point. NewError, Errorf and Wrap are optional helpers that
// record where an error is made or wrapped, with values; stacks recorded by
// other packages (pkg/errors' StackTrace, Callers) are read too.
//
// Each handler chooses with Backtrace (frames above the catch point) and
// Diagnose (values under the lines, secrets redacted). LOGURU_BACKTRACE=NO
// and LOGURU_DIAGNOSE=NO turn them off; with Diagnose off no value is
// formatted at all. CallOptions{Stack: true} logs the current stack without
// an error. A record without an error pays nothing for any of this.
//
// # Levels
//
// TRACE 5, DEBUG 10, INFO 20, SUCCESS 25, WARNING 30, ERROR 40 and CRITICAL
// 50 are built in. AddLevel adds more, Log logs at any of them by name. slog's
// spelling works wherever a level name is taken: "WARN" is WARNING, and "info"
// is INFO (a name not found as written is looked up in upper case).
//
// # Context
//
// Bind returns a logger whose records carry extra values, Contextualize puts
// values in a context.Context for Ctx, Patch rewrites records before they are
// handled, and Opt changes how one call is logged (caller depth, lazy
// arguments, raw output, markup in the message).
//
// # Libraries
//
// A library can log through loguru and stay quiet: its users call
// Disable("github.com/acme/lib") to mute it and Enable to turn it back on.
//
// # Files
//
// A path given to Add is a file sink. HandlerOptions.Rotation starts a new
// file by size ("500 MB"), time of day ("12:00"), weekday ("monday at
// 12:00") or interval ("1 week"), or when any of several conditions holds
// ("00:00, 500 MB"); Retention removes old files ("10 days",
// "5"); Compression archives rotated files in the background ("zip", "gz",
// "zst", ...). Rotated files are named after their creation time, as in
// Loguru: app.2026-11-22_10-01-02_345678.log. Processes that share a
// rotating file coordinate through a lock file, so no line is lost.
//
// # Structured output and configuration
//
// HandlerOptions.Serialize writes each record as Loguru's JSON object
// ({"text": ..., "record": {...}}), HandlerOptions.JSON as a slim JSON line.
// Values of any type are encoded, and every line is valid JSON. Configure
// replaces the handlers, levels and defaults at once, from a Config or, with
// ConfigureFile, from a JSON file; LOGURU_* environment variables set the
// defaults of the default logger. Parse reads log files back into records.
//
// # Speed and Enqueue
//
// A disabled level costs an atomic load. An enabled record in the default
// format, or as a JSON line, allocates nothing: records and buffers are
// pooled, the caller's frame is read from frame pointers where Go keeps them
// and cached per call site, and bound values are sorted and encoded once per
// logger. LogFields takes Fields as ...Field, so the caller boxes none of
// them. HandlerOptions.Enqueue moves the write off the logging goroutine:
// the call formats the record and copies it onto a bounded queue, and one
// goroutine per handler writes what has accumulated in one go; Complete
// waits for it, and Remove drains it. The benchmarks module measures all of
// it against zap, zerolog, slog, logrus and phuslu/log.
//
// # The Go ecosystem
//
// NewSlogHandler routes log/slog (and, through slog.SetDefault, the log
// package) into a Logger; a slog.Handler given to Add is a sink. Writer turns
// the lines written to an io.Writer into records, and TestSink shows a
// program's logs in its tests' output.
//
// Where this package deliberately differs from Loguru is documented in
// docs/differences.md.
package loguru
