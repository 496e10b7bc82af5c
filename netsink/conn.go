package netsink

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"

	"github.com/loguru-go/loguru/internal/jsonparse"
)

// serveConn greets one client and reads its frames until it leaves or a
// frame is rejected.
func (s *server) serveConn(c net.Conn) {
	c, ok := s.handshakeTLS(c)
	if !ok {
		return
	}
	var nonce [nonceSize]byte
	rand.Read(nonce[:])
	c.SetWriteDeadline(time.Now().Add(s.opts.FrameTimeout))
	if _, err := c.Write(appendHello(nil, &nonce, len(s.opts.Key) > 0)); err != nil {
		return
	}
	s.recent.add(nonce)
	r := &connReader{s: s, c: c, br: bufio.NewReaderSize(c, 64<<10), nonce: nonce}
	if len(s.opts.Key) > 0 {
		r.mac = newMAC(s.opts.Key, nonce)
	}
	for {
		reason, detail := r.next()
		if reason == ReasonOK {
			continue
		}
		if detail != "" {
			s.reject(c, reason, detail)
		}
		return
	}
}

// handshakeTLS wraps c when the server has a TLS configuration, bounding
// the handshake so that a silent client cannot hold its slot.
func (s *server) handshakeTLS(c net.Conn) (net.Conn, bool) {
	if s.opts.TLS == nil {
		return c, true
	}
	tc := tls.Server(c, s.opts.TLS)
	ctx, cancel := context.WithTimeout(context.Background(), s.opts.FrameTimeout)
	defer cancel()
	if err := tc.HandshakeContext(ctx); err != nil {
		if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
			s.reject(c, ReasonUnauthenticated, "TLS handshake: "+clean(err.Error()))
		}
		return nil, false
	}
	// Without a key the client's certificate is all that authenticates
	// it; this holds even when GetConfigForClient chose the configuration.
	if len(s.opts.Key) == 0 && !s.opts.Insecure && len(tc.ConnectionState().VerifiedChains) == 0 {
		s.reject(tc, ReasonUnauthenticated, "no verified client certificate")
		return nil, false
	}
	return tc, true
}

// connReader reads, verifies and re-emits the frames of one connection.
type connReader struct {
	s     *server
	c     net.Conn
	br    *bufio.Reader
	mac   *mac
	nonce [nonceSize]byte
	seq   uint64 // of the last frame accepted
	hdr   [headerSize]byte
	buf   []byte
	sum   [macSize]byte
	// deadline is when the frame being read must be complete; zero until
	// a read of it needs the connection.
	deadline time.Time
	held     int64              // bytes of the budget taken for the frame, until handed to the emitter
	strings  jsonparse.Interner // the connection's recurring strings
}

// next handles one frame. It returns ReasonOK to go on; another reason
// with a detail to reject the connection; or a reason with no detail when
// the connection ended without fault (EOF, server shutdown).
func (r *connReader) next() (Reason, string) {
	o := &r.s.opts
	if err := r.first(); err != nil {
		return r.readFailure(err, true, "frame header")
	}
	r.deadline = time.Time{}
	if err := r.read(r.hdr[1:]); err != nil {
		return r.readFailure(err, false, "frame header")
	}
	n := binary.BigEndian.Uint32(r.hdr[:4])
	if uint64(n) > uint64(o.MaxFrame) {
		return ReasonTooLarge, fmt.Sprintf("frame of %d bytes, more than MaxFrame (%d)", n, o.MaxFrame)
	}
	if !r.admit(int64(n)) {
		return reasonEnd, ""
	}
	reason, detail := r.payload(int(n))
	r.s.pending.release(r.held) // unless the record went to the emitter
	r.held = 0
	r.buf = trimBuffer(r.buf)
	return reason, detail
}

// trimBuffer drops a payload buffer grown past keptBuffer: one large frame
// must not pin its memory for the life of the connection, MaxConns of
// which would hold MaxConns × MaxFrame.
func trimBuffer(b []byte) []byte {
	if cap(b) > keptBuffer {
		return nil
	}
	return b
}

// keptBuffer is the largest payload buffer a connection keeps between
// frames; records are usually far smaller.
const keptBuffer = 64 << 10

// payload reads, verifies and accepts the n bytes of a frame's payload,
// for which room was made in the budget.
func (r *connReader) payload(n int) (Reason, string) {
	if cap(r.buf) < n {
		r.buf = make([]byte, n)
	}
	payload := r.buf[:n]
	if err := r.read(payload); err != nil {
		return r.readFailure(err, false, "frame")
	}
	if reason, detail := r.authenticate(payload); reason != ReasonOK {
		return reason, detail
	}
	return r.accept(payload)
}

// first reads a frame's first byte, waiting up to IdleTimeout between
// frames, or FrameTimeout for a connection's first frame.
func (r *connReader) first() error {
	if r.br.Buffered() == 0 {
		wait := r.s.opts.IdleTimeout
		if r.seq == 0 {
			wait = r.s.opts.FrameTimeout
		}
		r.c.SetReadDeadline(time.Now().Add(wait))
	}
	var err error
	r.hdr[0], err = r.br.ReadByte()
	return err
}

// read fills p with more of the current frame. The frame has one deadline,
// FrameTimeout after the first read of it that needs the connection, so
// that a client trickling its bytes cannot hold the connection longer; it
// is set only when the buffer cannot supply p.
func (r *connReader) read(p []byte) error {
	if r.br.Buffered() < len(p) && r.deadline.IsZero() {
		r.deadline = time.Now().Add(r.s.opts.FrameTimeout)
		r.c.SetReadDeadline(r.deadline)
	}
	_, err := io.ReadFull(r.br, p)
	return err
}

// admit waits for room for an n-byte payload within MaxPending, which
// leaves the rest of the frame unread meanwhile; false if the server is
// shutting down. The wait is the server's, so it moves the frame's
// deadline.
func (r *connReader) admit(n int64) bool {
	if n == 0 {
		return true
	}
	waited, ok := r.s.pending.admit(n)
	if ok {
		r.held = n
	}
	if waited > 0 && !r.deadline.IsZero() {
		r.deadline = r.deadline.Add(waited)
		r.c.SetReadDeadline(r.deadline)
	}
	return ok
}

// readFailure classifies a failed read: a client leaving between frames
// or a server shutting down are no faults; a truncated or slow frame is.
func (r *connReader) readFailure(err error, atBoundary bool, what string) (Reason, string) {
	switch {
	case atBoundary && errors.Is(err, io.EOF):
		return reasonEnd, ""
	case errors.Is(err, os.ErrDeadlineExceeded):
		o := &r.s.opts
		switch {
		case atBoundary && r.seq == 0:
			return ReasonTimedOut, fmt.Sprintf("no frame within FrameTimeout (%v) of connecting", o.FrameTimeout)
		case atBoundary:
			return ReasonTimedOut, fmt.Sprintf("silent for IdleTimeout (%v)", o.IdleTimeout)
		}
		return ReasonTimedOut, fmt.Sprintf("%s not received within FrameTimeout (%v) of the frame's first byte", what, o.FrameTimeout)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		if what == "MAC" {
			return ReasonUnauthenticated, "missing MAC"
		}
		return ReasonMalformed, "truncated " + what
	}
	return reasonEnd, "" // reset, or closed by the server's shutdown
}

// authenticate checks the MAC, then the sequence number.
func (r *connReader) authenticate(payload []byte) (Reason, string) {
	seq := r.hdr[4:]
	if r.mac != nil {
		if err := r.read(r.sum[:]); err != nil {
			return r.readFailure(err, false, "MAC")
		}
		if !r.mac.verify(seq, payload, r.sum[:]) {
			if r.s.recent.macOfAnother(r.s.opts.Key, r.nonce, seq, payload, r.sum[:]) {
				return ReasonReplayed, "frame of an earlier connection"
			}
			return ReasonUnauthenticated, "bad MAC"
		}
	}
	if got := binary.BigEndian.Uint64(seq); got != r.seq+1 {
		return ReasonReplayed, fmt.Sprintf("sequence number %d, expected %d", got, r.seq+1)
	}
	return ReasonOK, ""
}

// accept decodes a verified frame and hands it to the emitter; the first
// one of a connection is acknowledged, which tells a dialing client that
// its key is right. The payload's bytes are held in the budget; the rest
// of the record's estimated size is added once decoded, and all of it is
// released once the record is emitted.
func (r *connReader) accept(payload []byte) (Reason, string) {
	if len(payload) > 0 { // an empty payload is a heartbeat
		rec := new(remote)
		if err := decode(payload, rec, &r.strings); err != nil {
			return ReasonMalformed, clean(err.Error())
		}
		if !r.s.pending.grow(rec.size-r.held, r.held) {
			return reasonEnd, ""
		}
		r.held = 0 // the emitter releases rec.size
		r.s.records <- rec
	}
	r.seq++
	if r.seq == 1 {
		r.c.SetWriteDeadline(time.Now().Add(r.s.opts.FrameTimeout))
		if _, err := r.c.Write([]byte{byte(ReasonOK)}); err != nil {
			return reasonEnd, ""
		}
	}
	return ReasonOK, ""
}

// clean bounds what a client can make the server print, and strips the
// control characters it might use to forge report lines.
func clean(s string) string {
	const max = 200
	b := make([]byte, 0, min(len(s), max))
	for _, c := range []byte(s) {
		if len(b) == max {
			return string(b) + "..."
		}
		if c < 0x20 || c == 0x7f {
			c = '?'
		}
		b = append(b, c)
	}
	return string(b)
}
