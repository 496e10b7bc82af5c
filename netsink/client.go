package netsink

import (
	"errors"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/netwriter"
)

// Sink sends records to a netsink server; add it to a logger with
// Logger.Add. A logging call encodes the record and queues it; one
// goroutine per Sink writes the queue in batches, reconnecting with
// exponential backoff when the connection is lost. A logging call never
// waits longer than Options.WriteTimeout, and only while the connection is
// up: while the server is unreachable, records are buffered up to the
// bounds of Options, then dropped and counted.
type Sink struct {
	network, addr string
	opts          Options
	w             *netwriter.Writer
}

// ErrClosed is returned by Write after Close.
var ErrClosed = errors.New("netsink: the sink is closed")

// errNoRecord is returned by Write for a Message made by hand without its
// Record: there is nothing to send.
var errNoRecord = errors.New("netsink: a message without a record")

// Dial connects to the netsink server at addr and returns a Sink for it.
// The first connection is made before Dial returns, so that a wrong
// address, key or certificate shows at once; later failures are retried.
// network is "tcp", "tcp4", "tcp6" or "unix".
func Dial(network, addr string, opts Options) (*Sink, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	s := &Sink{network: network, addr: addr, opts: o}
	s.w = netwriter.New(netwriter.Config{
		Name: "netsink", Addr: addr, Noun: "records", Dial: s.connect,
		BufferRecords: o.BufferRecords, BufferBytes: o.BufferBytes, MaxSize: o.MaxFrame, Block: true,
		WriteTimeout: o.WriteTimeout, FlushTimeout: o.FlushTimeout,
		MinBackoff: o.MinBackoff, MaxBackoff: o.MaxBackoff, Heartbeat: o.Heartbeat,
		ErrorOutput: o.ErrorOutput,
	})
	c, err := s.connect(s.w.Context())
	if err != nil {
		s.w.Cancel()
		return nil, err
	}
	s.w.Start(c)
	return s, nil
}

// Write queues m's record, as WriteRecord does; a Message without a
// Record, made by hand, is an error.
func (s *Sink) Write(m loguru.Message) error { return s.WriteRecord(m.Record) }

// String names the sink in the logger's error reports.
func (s *Sink) String() string { return "netsink " + s.network + ":" + s.addr }

// WriteRecord queues the record: Sink is a loguru.RecordSink, so the
// handler formats no text for it. It reports no error for a dropped
// record, which is counted instead (see Dropped), so that an outage does
// not print an error for every record; a nil record is an error.
func (s *Sink) WriteRecord(r *loguru.Record) error {
	if r == nil {
		if s.w.Closed() {
			return ErrClosed
		}
		return errNoRecord
	}
	n, err := s.w.Push(func(b *netwriter.Buf) { b.B = r.AppendJSON(b.B) }) // the payload: see Record.AppendJSON
	switch err {
	case nil:
		return nil
	case netwriter.ErrTooLarge:
		s.w.Report("dropped a record of %d bytes for %s: more than MaxFrame (%d)", n, s.addr, s.opts.MaxFrame)
		return nil
	}
	return ErrClosed
}

// Dropped returns the number of records dropped so far: while the server
// was unreachable or too slow, for exceeding MaxFrame, or by Close.
func (s *Sink) Dropped() uint64 { return s.w.Dropped() }

// Flush waits until every record queued before it has been written to the
// connection, for at most Options.FlushTimeout. While the sink waits to
// reconnect, it makes an attempt at once, and fails if that attempt
// fails. Logger.Complete calls it.
func (s *Sink) Flush() error { return s.w.Flush() }

// Close sends the records queued, closes the connection and stops the
// sink's goroutine, all within Options.FlushTimeout and with at most one
// more connection attempt: what the server has not taken by then is
// dropped, counted by Dropped and reported, and Close returns an error
// saying how many. Records logged once Close has begun are refused with
// ErrClosed. Logger.Remove calls it.
func (s *Sink) Close() error { return s.w.Close() }
