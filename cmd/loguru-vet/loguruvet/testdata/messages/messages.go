// Package messages holds message templates, good and bad.
package messages

import (
	"errors"

	"github.com/loguru-go/loguru"
)

const tmpl = "x {} {}"

// wrapped promotes the methods of *loguru.Logger.
type wrapped struct{ *loguru.Logger }

// fake has methods named as loguru's, which are not checked.
type fake struct{}

func (fake) Info(msg string, args ...any) {}

func bad(l *loguru.Logger, v any, w wrapped) {
	loguru.Info("user {} {}", 1)              // want `loguru.Info format "user \{\} \{\}" reads 2 arguments, but the call has 1`
	loguru.Info("done", 1, 2)                 // want `loguru.Info call has 2 arguments that no placeholder reads`
	l.Debug("{0} {2}", "a", "b")              // want `Logger.Debug format "\{0\} \{2\}" reads 3 arguments, but the call has 2`
	l.Warning("{}", "a", loguru.F("k", 1), 2) // want `Logger.Warning call has 1 argument that no placeholder reads`
	loguru.Info(tmpl, 1, 2, 3)                // want `loguru.Info call has 1 argument that no placeholder reads`
	w.Error("{} {}", 1)                       // want `Logger.Error format "\{\} \{\}" reads 2 arguments, but the call has 1`
	loguru.Info("{} {} {}", v)                // want `reads 3 arguments, but the call has at most 1`
	loguru.Info("{20000}", 1)                 // want `loguru.Info format "\{20000\}" reads more arguments than the call has`
	loguru.Info("{:{}} {}", 1, 2)             // want `reads 3 arguments, but the call has 2`

	loguru.Info("hi {user}", 1)                        // want `reads \{user\}, but the call has no F\("user", ...\)`
	loguru.Info("hi {user}", loguru.F("usr", 1))       // want `reads \{user\}, but the call has no F\("user", ...\)`
	loguru.Info("{a} {a} {b}", loguru.Field{Key: "b"}) // want `reads \{a\}, but the call has no F\("a", ...\)`
	loguru.Info("{0.Name}", loguru.F("x", 1))          // want `has \{0.Name\}: attribute and index access are not allowed`
	loguru.Info("{record[nope]}", loguru.F("x", 1))    // want `has \{record\[nope\]\}: unknown field \{nope\}`

	loguru.Info("{:zz}", 1)   // want `loguru.Info format "\{:zz\}" has a bad field \{:zz\}: invalid format spec "zz": `
	loguru.Info("{:.2d}", 1)  // want `has a bad field \{:.2d\}: invalid format spec ".2d"`
	loguru.Info("{!x}", 1)    // want `has a bad field \{!x\}: unknown conversion "!x": use !s, !r or !a`
	loguru.Info("a {} {b", 1) // want `loguru.Info format "a \{\} \{b" has an unclosed "\{"`

	err := errors.New("boom")
	loguru.Exception(err, "failed {} {}", 1)                   // want `loguru.Exception format "failed \{\} \{\}" reads 2 arguments, but the call has 1`
	l.Log("INFO", "{}", 1, 2)                                  // want `Logger.Log call has 1 argument that no placeholder reads`
	loguru.LogFields("INFO", "{user} {}", loguru.F("user", 1)) // want `loguru.LogFields format "\{user\} \{\}" reads 1 argument, but the call has 0`
	l.LogFields("INFO", "{usr}", loguru.F("user", 1))          // want `Logger.LogFields format "\{usr\}" reads \{usr\}, but the call has no F\("usr", ...\)`
}

func good(l *loguru.Logger, msg, key string, args []any, v any, err error, fields []loguru.Field) {
	// Without arguments a message is written as it is.
	loguru.Info("{x} {")
	loguru.Exception(err, "failed {} {}")
	loguru.Info("{{}} {}", 1)
	loguru.Info("{} {0} {}", 1, 2)
	loguru.Info("{1} {0} {1}", "a", "b")
	loguru.Info("{:.2f}|{:>5}|{:08d}|{:x}|{:,}", 3.14159, "ab", 42, 255, 1234567)
	loguru.Info("{:{}}|{:{w}.{p}f}", "x", 8, 3.14, loguru.F("w", 8), loguru.F("p", 2))
	loguru.Info("{name} {}", "hi", loguru.F("name", "bob"))
	loguru.Info("{user.id}", loguru.F("user.id", 1))
	loguru.Info("{a}", loguru.Field{"a", 1})
	loguru.Info("{!r:>10} {!a}", "x", "y")
	// What the arguments are is unknown.
	loguru.Info("{} {}", args...)
	loguru.LogFields("INFO", "{a}", fields...)
	loguru.Info(msg, 1)
	loguru.Info("{user}", loguru.F(key, 1))
	loguru.Info("{user}", v)
	loguru.Info("{} {}", 1, v)
	// The types of the values are only known at run time.
	loguru.Info("{:d}", "hello")
	// Record fields need CallOptions.Record, which a logger may have.
	loguru.Opt(loguru.CallOptions{Record: true}).Info("{record.line} {record[level]} {record[extra][user]} {}", 1)
	l.Info("{}", err)
	fake{}.Info("{} {}", 1)
}

func generic[T any, N ~int](v T, n N, err error) {
	loguru.Info("{} {}", v)      // want `reads 2 arguments, but the call has at most 1`
	loguru.Info("{name}", v)     // v may be a Field named "name"
	loguru.Info("{} {}", n)      // want `reads 2 arguments, but the call has 1$`
	loguru.Info("{name}", n)     // want `reads \{name\}, but the call has no F\("name", ...\)`
	loguru.Info("x", err)        // want `call has 1 argument that no placeholder reads`
	loguru.Info("{} {}", v, err) // v may be a Field, err is positional
}

// Code that misuses loguru on purpose silences a line with a directive.
func ignored() {
	loguru.Info("done", 1) //loguru-vet:ignore tests the EXTRA marker
	//loguru-vet:ignore the next line is wrong on purpose
	loguru.Info("{} {}", 1)
	loguru.Info("done", 1, 2) // want `loguru.Info call has 2 arguments that no placeholder reads`
}
