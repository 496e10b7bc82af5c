package loguru

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
)

// Sink is a destination for formatted records. Besides Write, a Sink may
// implement Flush() error, called by Complete, and Close() error, called
// when its handler is removed.
type Sink interface {
	Write(m Message) error
}

// RecordSink is a destination that takes records rather than lines: the
// handler formats no text for it, so its Format, Colorize and Serialize do
// not apply. Shipping sinks (netsink, otel) are RecordSinks: they encode
// the record themselves. Like a Sink, a RecordSink may implement
// Flush() error and Close() error. The record is valid only during the
// call; Record.Clone keeps a copy.
//
// A sink that needs the line in some configurations only (otel's BodyText)
// implements Sink too, and a method WantsText() bool: when it returns true
// at Add, the handler formats the line and calls Write instead.
type RecordSink interface {
	WriteRecord(r *Record) error
}

// textWanter is a RecordSink that asks for the formatted line.
type textWanter interface {
	Sink
	WantsText() bool
}

type flusher interface{ Flush() error }

// sink is the handler-side view of every kind of destination.
type sink interface {
	write(b []byte, r *Record) error
	flush() error
	close() error
	// userCode reports whether the sink runs user code that may read any
	// record field.
	userCode() bool
	// serialized reports whether the sink keeps concurrent writes from
	// interleaving by itself, so that the handler need not lock around them.
	serialized() bool
}

// newSink adapts what Add received.
func newSink(s any) (sink, error) {
	switch s := s.(type) {
	case nil:
		return nil, errors.New("loguru: cannot log to a nil sink")
	case slog.Handler:
		return slogSink{s}, nil
	case RecordSink:
		if t, ok := s.(textWanter); ok && t.WantsText() {
			return &userSink{s: t}, nil
		}
		return &recordSink{s: s}, nil
	case Sink:
		return &userSink{s: s}, nil
	case func(Message):
		if s == nil {
			return nil, errors.New("loguru: cannot log to a nil function")
		}
		return funcSink(s), nil
	case io.Writer:
		return &writerSink{w: s}, nil
	}
	return nil, fmt.Errorf("loguru: cannot log to objects of type %T", s)
}

// writerSink writes each formatted record with one Write call. Like Loguru's
// stream sink it calls Flush after each write when the writer has one, and
// never closes the writer: os.Stderr outlives its handlers.
type writerSink struct{ w io.Writer }

func (s *writerSink) write(b []byte, _ *Record) error {
	if _, err := s.w.Write(b); err != nil {
		return err
	}
	if f, ok := s.w.(flusher); ok {
		return f.Flush()
	}
	return nil
}

func (s *writerSink) flush() error {
	if f, ok := s.w.(flusher); ok {
		return f.Flush()
	}
	return nil
}

func (s *writerSink) close() error   { return nil }
func (s *writerSink) userCode() bool { return false }

// serialized is true for an *os.File, which holds its own lock for the
// whole of each Write, and for io.Discard, which does nothing.
func (s *writerSink) serialized() bool {
	if _, ok := s.w.(*os.File); ok {
		return true
	}
	return s.w == io.Discard
}

type funcSink func(Message)

func (f funcSink) write(b []byte, r *Record) error {
	f(Message{Text: string(b), Record: r})
	return nil
}
func (f funcSink) flush() error     { return nil }
func (f funcSink) close() error     { return nil }
func (f funcSink) userCode() bool   { return true }
func (f funcSink) serialized() bool { return false }

type userSink struct{ s Sink }

func (u *userSink) write(b []byte, r *Record) error {
	return u.s.Write(Message{Text: string(b), Record: r})
}

func (u *userSink) flush() error {
	if f, ok := u.s.(flusher); ok {
		return f.Flush()
	}
	return nil
}

func (u *userSink) close() error {
	if c, ok := u.s.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

func (u *userSink) userCode() bool   { return true }
func (u *userSink) serialized() bool { return false }

// recordSink hands the record to a RecordSink, with no text.
type recordSink struct{ s RecordSink }

func (u *recordSink) write(_ []byte, r *Record) error { return u.s.WriteRecord(r) }

func (u *recordSink) flush() error {
	if f, ok := u.s.(flusher); ok {
		return f.Flush()
	}
	return nil
}

func (u *recordSink) close() error {
	if c, ok := u.s.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

func (u *recordSink) userCode() bool   { return true }
func (u *recordSink) serialized() bool { return false }

// isStdStream reports whether w is the process's stdout or stderr.
func isStdStream(w any) bool {
	f, ok := w.(*os.File)
	return ok && (f == os.Stdout || f == os.Stderr)
}
