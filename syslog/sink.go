package syslog

import (
	"errors"
	"fmt"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/netwriter"
)

// ErrClosed is returned by Write after Close.
var ErrClosed = errors.New("syslog: sink closed")

// maxBatch is how many messages the writer takes per write.
const maxBatch = 64

// Sink is a loguru.RecordSink (and a loguru.Sink) that sends records to a
// syslog server as RFC 5424 messages. Write only encodes the record and queues it: one goroutine per
// Sink connects, writes and reconnects, so a logging call never waits for
// the network. Close it (logger.Remove does) to stop that goroutine.
type Sink struct {
	network, addr string
	opts          Options
	enc           *encoder
	w             *netwriter.Writer
}

// New returns a Sink sending to addr over network: "tcp" (or "tcp4",
// "tcp6"), "udp" (or "udp4", "udp6"), "unix" (a stream socket) or
// "unixgram". It fails only on invalid options: the connection is made in
// the background and remade whenever it breaks, so a server that is down
// at start-up only delays delivery. Use Dial to fail when the server
// cannot be reached.
func New(network, addr string, opts Options) (*Sink, error) {
	s, err := newSink(network, addr, opts)
	if err != nil {
		return nil, err
	}
	s.w.Start(nil)
	return s, nil
}

// Dial is New, but connects first and returns the error of that attempt.
func Dial(network, addr string, opts Options) (*Sink, error) {
	s, err := newSink(network, addr, opts)
	if err != nil {
		return nil, err
	}
	l, err := s.dial(s.w.Context())
	if err != nil {
		s.w.Cancel()
		return nil, fmt.Errorf("syslog: %w", err)
	}
	s.w.Start(l)
	return s, nil
}

func newSink(network, addr string, opts Options) (*Sink, error) {
	o, t, err := withDefaults(network, addr, opts)
	if err != nil {
		return nil, err
	}
	enc, err := newEncoder(o, t)
	if err != nil {
		return nil, err
	}
	s := &Sink{network: network, addr: addr, opts: o, enc: enc}
	s.w = netwriter.New(netwriter.Config{
		Name: "syslog", Addr: addr, Noun: "messages", Dial: s.dial,
		BufferRecords: o.BufferRecords, BufferBytes: o.BufferBytes, MaxBatch: maxBatch,
		WriteTimeout: o.WriteTimeout, FlushTimeout: o.FlushTimeout,
		MinBackoff: o.MinBackoff, MaxBackoff: o.MaxBackoff,
		ErrorOutput: o.ErrorOutput, After: o.After, Jitter: o.jitter,
	})
	return s, nil
}

// String names the sink in loguru's error reports.
func (s *Sink) String() string { return "syslog " + s.network + " " + s.addr }

// WriteRecord encodes r and queues it, as Write does: Sink is a
// loguru.RecordSink, so unless Options.Text asks for the formatted line
// (see WantsText) the handler formats no text for it.
func (s *Sink) WriteRecord(r *loguru.Record) error { return s.Write(loguru.Message{Record: r}) }

// WantsText reports whether MSG is the handler's formatted line
// (Options.Text): the handler then formats it and calls Write.
func (s *Sink) WantsText() bool { return s.opts.Text }

// Write encodes m and queues it for the writer. It never waits for the
// network; when the buffer is full, the oldest queued message is dropped.
func (s *Sink) Write(m loguru.Message) error {
	if _, err := s.w.Push(func(b *netwriter.Buf) { s.enc.encode(b, m) }); err != nil {
		return ErrClosed
	}
	return nil
}

// Dropped returns how many messages were dropped since the Sink was
// made: because the buffer was full, because the transport refused them
// as too large, or because Close could not deliver them.
func (s *Sink) Dropped() uint64 { return s.w.Dropped() }

// Flush asks for an immediate connection attempt if the writer is waiting
// to reconnect, and waits until the messages queued before the call are
// written. It returns an error if an attempt fails meanwhile or if
// FlushTimeout passes first.
func (s *Sink) Flush() error { return s.w.Flush() }

// Close delivers what is queued, waiting at most FlushTimeout and making
// at most one more connection attempt, then stops the writer and closes
// the connection. Messages it could not deliver are dropped, counted and
// reported; Close then returns an error saying how many.
func (s *Sink) Close() error { return s.w.Close() }
