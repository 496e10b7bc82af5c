package syslog

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"syscall"
	"time"

	"github.com/loguru-go/loguru/internal/netwriter"
)

// link is one connection to the server: the netwriter.Conn of a Sink.
type link struct {
	s    *Sink
	c    net.Conn // raw, or TLS over it
	raw  net.Conn
	lost chan struct{} // closed when the server closes a stream; nil for datagrams
	vec  net.Buffers
}

// watch reads the stream until it ends. Syslog servers send nothing, so
// the end means the server closed the connection: noticing it now, rather
// than at the next write, keeps that write from vanishing into a dead
// socket.
func (l *link) watch() {
	defer close(l.lost)
	var b [256]byte
	for {
		if _, err := l.c.Read(b[:]); err != nil {
			return
		}
	}
}

// dial connects, with TLS when configured.
func (s *Sink) dial(ctx context.Context) (netwriter.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.DialTimeout)
	defer cancel()
	raw, err := s.opts.Dial(ctx, s.network, s.addr)
	if err != nil {
		return nil, err
	}
	c := raw
	if s.opts.TLS != nil {
		tc := tls.Client(raw, s.opts.TLS)
		if err := tc.HandshakeContext(ctx); err != nil {
			_ = raw.Close()
			return nil, err
		}
		c = tc
	}
	l := &link{s: s, c: c, raw: raw}
	if s.enc.frame {
		l.lost = make(chan struct{})
		go l.watch()
	}
	return l, nil
}

// Write writes a batch: a stream in one go, datagrams one by one. It
// returns how many messages are done with: on a stream, those the
// connection took whole.
func (l *link) Write(batch []*netwriter.Buf) (int, error) {
	if err := l.c.SetWriteDeadline(time.Now().Add(l.s.opts.WriteTimeout)); err != nil {
		return 0, err
	}
	if l.s.enc.frame {
		l.vec = l.vec[:0]
		for _, b := range batch {
			l.vec = append(l.vec, b.Bytes())
		}
		v := l.vec // WriteTo consumes its receiver
		n, err := v.WriteTo(l.c)
		if err == nil {
			return len(batch), nil
		}
		return whole(batch, n), err
	}
	for i, b := range batch {
		_, err := l.c.Write(b.Bytes())
		if errors.Is(err, syscall.EMSGSIZE) {
			// Too big for this transport: retrying cannot help.
			l.s.w.Reject("dropped a message of %d bytes: %s refuses datagrams that large (see Options.MaxSize)", len(b.Bytes()), l.s.addr)
		} else if err != nil {
			return i, err
		}
	}
	return len(batch), nil
}

// whole counts the messages of batch that n bytes cover entirely.
func whole(batch []*netwriter.Buf, n int64) int {
	for i, b := range batch {
		n -= int64(len(b.Bytes()))
		if n < 0 {
			return i
		}
	}
	return len(batch)
}

// Heartbeat does nothing: syslog has no keep-alive, and a Sink asks for
// none.
func (l *link) Heartbeat() error { return nil }

// Lost is closed when the server closes the stream.
func (l *link) Lost() <-chan struct{} { return l.lost }

// Why says how the stream was lost.
func (l *link) Why() string { return "the server closed it" }

// Abort breaks a write in progress.
func (l *link) Abort() { _ = l.raw.Close() }

// Close closes the connection and waits for the watcher.
func (l *link) Close() {
	_ = l.c.Close()
	if l.lost != nil {
		<-l.lost
	}
}
