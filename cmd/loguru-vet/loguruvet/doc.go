// Package loguruvet defines Analyzer, which checks the calls of
// github.com/loguru-go/loguru as vet's printf check does for fmt. The
// loguru-vet command runs it:
//
//	loguru-vet ./...
//	go vet -vettool=$(which loguru-vet) ./...
//
// Calls are resolved by their type information to the package-level
// functions and the *Logger methods (also when promoted through an
// embedded *Logger), never by their names. The checks run the runtime's own
// parsers (the message formatter, the handler template compiler, the
// rotation, retention and compression parsers), so what passes is exactly
// what the runtime accepts.
//
// # Messages
//
// For Trace, Debug, Info, Success, Warning, Error, Critical, Exception,
// Log and LogFields with a constant message and at least one argument (a
// message without arguments is written as it is), it reports:
//
//   - a template that reads more positional arguments than the call has;
//   - arguments that no placeholder reads;
//   - "{name}" with no F("name", ...) among the arguments;
//   - attribute or index access ("{0.Name}"), and "{record[...]}" fields
//     that the record does not have;
//   - invalid conversions and format specs ("{:zz}", "{!x}");
//   - a "{" that is never closed.
//
// Mixing "{}" and "{0}" is allowed, as the runtime allows it.
//
// # Levels
//
// Constant level names given to Log, LogFields, SetLevel, Writer,
// HandlerOptions.Level, HandlerOptions.FilterLevels and CatchOptions.Level
// must be a built-in level, WARN, a level added in the package or in one it
// imports (a constant name given to AddLevel, or a Level literal, as in
// Config.Levels), in any case for upper-case names, or a number that is not
// negative.
//
// # Handler options
//
// Constant Format, Rotation, Retention, Compression and Mode values of
// HandlerOptions, in literals and in assignments, are parsed as Add parses
// them, and the runtime's error is reported on the value. A literal that
// sets two options Add refuses together (Serialize and JSON both true,
// Retention with RetentionFunc) is reported with Add's words.
//
// # Ignoring a line
//
// Code that misuses loguru on purpose, such as a test of the runtime's
// markers, silences the diagnostics of a line with a directive on that line
// or alone on the line above:
//
//	l.Info("{nope}", 1) //loguru-vet:ignore tests the MISSING marker
//
// # Limits
//
// A call that spreads a slice (args...) has unknown arguments and is not
// checked; an argument of interface type may be a Field, so it may or may
// not be positional, and its key is unknown. Opt chains are not followed:
// valid "{record.x}" fields are accepted, whether or not the logger has
// CallOptions.Record. The types of the arguments are not checked against
// their specs ("{:d}" of a string): the runtime marks those. Calls through
// function values are not seen.
//
// Levels are known per package, not per logger. A level added by a
// package that the checked one does not import (such as main, for a
// library) is unknown to it and reported. A package that adds a level of
// non-constant name, or reads a configuration with ReadConfig or
// ConfigureFile, may know any name: its names are not reported, nor those
// of the packages importing it.
package loguruvet
