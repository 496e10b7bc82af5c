package loguru

import (
	"io/fs"
	"os"
)

// Switch is an option that can be left to its default. The zero value, Auto,
// means "Loguru's default": on for Backtrace, Diagnose, Catch and Capture;
// detected from the sink for Colorize.
type Switch int8

// The values of a Switch.
const (
	Auto Switch = iota
	On
	Off
)

func (s Switch) or(def bool) bool {
	switch s {
	case On:
		return true
	case Off:
		return false
	}
	return def
}

// String returns "auto", "on" or "off".
func (s Switch) String() string {
	switch s {
	case On:
		return "on"
	case Off:
		return "off"
	}
	return "auto"
}

// DefaultFormat is Loguru's default handler format.
const DefaultFormat = "<green>{time:YYYY-MM-DD HH:mm:ss.SSS}</green> | <level>{level: <8}</level> | " +
	"<cyan>{name}</cyan>:<cyan>{function}</cyan>:<cyan>{line}</cyan> - <level>{message}</level>"

// HandlerOptions configures a handler added with Add. The zero value is
// Loguru's default: level DEBUG, DefaultFormat, no filter, colors when the
// sink is a terminal.
type HandlerOptions struct {
	// Level is the minimum level name ("INFO", or slog's "info", "WARN")
	// or number ("20"); "" means DEBUG.
	Level string
	// Format is the line template (see DefaultFormat). "\n{exception}" is
	// appended, as Loguru does. "" means DefaultFormat.
	Format string
	// FormatFunc returns a template for each record, as Loguru's callable
	// format does; nothing is appended to it. It overrides Format.
	FormatFunc func(*Record) string
	// Filter keeps records logged from this package import path and its
	// sub-packages ("github.com/acme/lib" keeps ".../lib" and ".../lib/x",
	// not ".../library").
	Filter string
	// FilterLevels maps package prefixes to the minimum level for records
	// from that package, the nearest prefix winning; "" is the root. A level
	// is a name, a number, "true" (all) or "false" (none).
	FilterLevels map[string]string
	// FilterFunc keeps the records for which it returns true.
	FilterFunc func(*Record) bool
	// Colorize turns color markup into ANSI codes (On) or strips it (Off).
	// Auto colors os.Stdout and os.Stderr when they are terminals, honouring
	// NO_COLOR, FORCE_COLOR and TERM=dumb, and any other terminal *os.File.
	Colorize Switch
	// Catch reports a failing sink on stderr and goes on (Auto, On). Off lets
	// the failure reach the logging call as a panic.
	Catch Switch

	// Serialize writes each record as one JSON object per line, in
	// Loguru's structure: {"text": <the formatted line>, "record": {...}}.
	Serialize bool
	// JSON writes each record as one slim JSON object per line:
	// {"time":…,"level":…,"name":…,"function":…,"line":…,"message":…,
	// "extra":{…},"exception":{…}}, without the formatted text. Format is
	// not used.
	JSON bool
	// Backtrace shows, in the traceback under {exception}, the frames
	// above the catch point too, and marks the catch point with '>' (Auto,
	// On); Off shows the frames from the catch point to the error's origin
	// only. LOGURU_BACKTRACE sets the default.
	Backtrace Switch
	// Diagnose shows values in the traceback (Auto, On): the fields of the
	// logging call under their names on the catch point's line, and the
	// fields attached to errors by NewError and Wrap. Names that look
	// secret are redacted. Off (or LOGURU_DIAGNOSE=NO) formats no value at
	// all. Loguru warns that this may leak sensitive data in production.
	Diagnose Switch
	// Enqueue makes the logging call only format the record and put it on
	// a bounded queue; one goroutine per handler writes, as many queued
	// records at a time as have accumulated. Sinks that see the record
	// receive a copy. Complete waits until the queue is written, and
	// Remove and RemoveAll write it before they return: call one of them
	// before the program exits. Auto (the zero value) follows
	// LOGURU_ENQUEUE, off unless it is YES; Off keeps a handler
	// synchronous whatever the environment says.
	Enqueue Switch
	// QueueSize is the number of records an Enqueue handler's queue holds;
	// 0 means 8192. The queue is also full at 4 MiB of waiting text.
	QueueSize int
	// QueueFull says what a logging call does when the queue is full:
	// QueueBlock (the default) waits for room, QueueDrop drops the record
	// and counts it in a report on stderr.
	QueueFull QueuePolicy

	// The options below are for file sinks (the sink is a path).

	Rotation        string                           // when to start a new file: "500 MB", "12:00", "1 week", or several: "12:00, 500 MB"
	RotationFunc    func(m Message, f *os.File) bool // rotates when it returns true
	Retention       string                           // which old files to keep: "10 days", "5"
	RetentionFunc   func(files []string) error       // receives the old files to clean up
	Compression     string                           // archive format of rotated files: "gz", "zip", ...
	CompressionFunc func(path string) error          // compresses one rotated file
	Delay           bool                             // open the file at the first record
	Watch           bool                             // reopen the file if it is moved or deleted
	Mode            string                           // "a" appends (default), "w" truncates
	Perm            fs.FileMode                      // permissions of new files (default 0600)
	Buffering       int                              // bytes buffered before a write; 0 writes each line
}

// CallOptions changes how the logging calls of a logger made by Opt behave.
// Each Opt call replaces all of them, as Loguru's opt() does; bound values
// and patchers are kept.
type CallOptions struct {
	// Depth moves the caller up this many frames, for logging helpers.
	Depth int
	// Lazy calls arguments of type func() any only when a handler will emit
	// the record; their results format the message and fill Extra.
	Lazy bool
	// Record lets the message use the record's fields: "{record.line}",
	// "{record.level.no}", "{record.extra[user]}", and Loguru's spelling
	// "{record[level]}". The message is formatted even when the call has no
	// arguments, so Opt(CallOptions{Record: true}).Debug("{record[level]}")
	// prints "DEBUG"; "{{" and "}}" write braces.
	Record bool
	// Raw writes the message alone, without the handler format and newline.
	Raw bool
	// Colors renders the color markup of the message (not of its arguments).
	Colors bool
	// Capture adds F fields to Extra (Auto, On) or not (Off).
	Capture Switch
	// Exception attaches an error to the record, as Logger.Exception does,
	// at the level of the call.
	Exception error
	// Stack attaches the call stack of the logging call, rendered under
	// {exception} like a traceback, without an error: Loguru's "display a
	// stacktrace without using the error context" recipe.
	Stack bool
}
