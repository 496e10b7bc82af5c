package netsink

import "sync/atomic"

// Stats counts what a server did with the frames it received. Each
// rejection closes its connection, so the rejection counters also count
// closed connections. Read the fields with Load.
type Stats struct {
	Accepted        atomic.Uint64 // records re-emitted
	TooLarge        atomic.Uint64 // length prefix above MaxFrame
	Unauthenticated atomic.Uint64 // wrong or missing MAC
	Malformed       atomic.Uint64 // bad JSON, missing or mistyped fields, bad level, truncated frame
	Replayed        atomic.Uint64 // sequence number not the previous one plus one, or a MAC of an earlier connection
	TimedOut        atomic.Uint64 // no frame within FrameTimeout or IdleTimeout

	pendingPeak atomic.Int64 // the most bytes ever pending within MaxPending, for tests
}

// Reason is why a server closed a connection. The server sends it to the
// client as one byte before closing; 0 is also the acknowledgement of a
// connection's first frame.
type Reason byte

// The reasons, with their byte values on the wire.
const (
	ReasonOK Reason = iota
	ReasonTooLarge
	ReasonUnauthenticated
	ReasonMalformed
	ReasonReplayed
	ReasonTimedOut
)

// String returns the reason as the reports write it.
func (r Reason) String() string {
	switch r {
	case ReasonOK:
		return "ok"
	case ReasonTooLarge:
		return "too large"
	case ReasonUnauthenticated:
		return "unauthenticated"
	case ReasonMalformed:
		return "malformed"
	case ReasonReplayed:
		return "replayed"
	case ReasonTimedOut:
		return "timed out"
	}
	return "unknown reason"
}

// counter returns the Stats field counting r.
func (s *Stats) counter(r Reason) *atomic.Uint64 {
	switch r {
	case ReasonTooLarge:
		return &s.TooLarge
	case ReasonUnauthenticated:
		return &s.Unauthenticated
	case ReasonMalformed:
		return &s.Malformed
	case ReasonReplayed:
		return &s.Replayed
	case ReasonTimedOut:
		return &s.TimedOut
	}
	return &s.Accepted
}

// reasonEnd ends a connection that did nothing wrong: the client left, or
// the server is shutting down. It is never sent.
const reasonEnd Reason = 255
