package netsink

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/loguru-go/loguru/internal/netwriter"
)

// clientConn is one connection of a Sink, after the handshake.
type clientConn struct {
	conn   net.Conn // raw, or TLS over it
	raw    net.Conn
	w      *deadlineWriter
	bw     *bufio.Writer
	mac    *mac
	seq    uint64
	hdr    [headerSize]byte
	dead   chan struct{} // closed by the reader when the server closes or fails
	reason Reason        // what the server said before closing; set before dead is closed
	err    error         // the reader's error; set before dead is closed
	closed chan struct{} // closed when the reader has returned

	closeWait time.Duration // how long closing TLS may wait for the server
}

// connect dials and performs the netsink handshake: it reads the server's
// hello and sends an empty first frame, which the server acknowledges
// once it has verified its MAC.
func (s *Sink) connect(ctx context.Context) (netwriter.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.DialTimeout)
	defer cancel()
	nc, err := s.opts.Dial(ctx, s.network, s.addr)
	if err != nil {
		return nil, err
	}
	c, err := s.handshake(ctx, nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	go c.read()
	return c, nil
}

func (s *Sink) handshake(ctx context.Context, nc net.Conn) (*clientConn, error) {
	if deadline, ok := ctx.Deadline(); ok {
		nc.SetDeadline(deadline)
	}
	// Close cancels ctx: a past deadline ends the handshake's reads.
	stop := context.AfterFunc(ctx, func() { nc.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	conn, err := s.secure(ctx, nc)
	if err != nil {
		return nil, err
	}
	var hello [helloSize]byte
	if _, err := io.ReadFull(conn, hello[:]); err != nil {
		return nil, fmt.Errorf("netsink: reading the server's hello: %w", err)
	}
	nonce, keyed, err := parseHello(hello[:])
	if err != nil {
		return nil, err
	}
	c := &clientConn{conn: conn, raw: nc, dead: make(chan struct{}), closed: make(chan struct{}), closeWait: s.opts.WriteTimeout}
	switch {
	case keyed && len(s.opts.Key) == 0:
		return nil, errors.New("netsink: the server requires a key (Options.Key)")
	case !keyed && len(s.opts.Key) > 0:
		return nil, errors.New("netsink: the server does not authenticate frames with a key; remove Options.Key or set the same key on the server")
	case keyed:
		c.mac = newMAC(s.opts.Key, nonce)
	}
	c.w = &deadlineWriter{conn: conn, timeout: s.opts.WriteTimeout}
	c.bw = bufio.NewWriterSize(c.w, 64<<10)
	if err := c.write(nil); err != nil {
		return nil, err
	}
	var ack [1]byte
	if _, err := io.ReadFull(conn, ack[:]); err != nil {
		return nil, fmt.Errorf("netsink: the server closed the connection during the handshake: %w", err)
	}
	if Reason(ack[0]) != ReasonOK {
		return nil, fmt.Errorf("netsink: the server rejected the connection: %s", Reason(ack[0]))
	}
	if !stop() {
		return nil, ctx.Err() // the deadline was or is being cut short
	}
	conn.SetDeadline(time.Time{})
	return c, nil
}

// secure adds TLS when configured, naming the server after the address's
// host unless the configuration names it.
func (s *Sink) secure(ctx context.Context, nc net.Conn) (net.Conn, error) {
	if s.opts.TLS == nil {
		return nc, nil
	}
	cfg := s.opts.TLS
	if cfg.ServerName == "" && !cfg.InsecureSkipVerify {
		cfg = cfg.Clone()
		if host, _, err := net.SplitHostPort(s.addr); err == nil {
			cfg.ServerName = host
		} else {
			cfg.ServerName = s.addr
		}
	}
	tc := tls.Client(nc, cfg)
	if err := tc.HandshakeContext(ctx); err != nil {
		return nil, fmt.Errorf("netsink: TLS handshake: %w", err)
	}
	return tc, nil
}

// read waits for the server to speak, which it does only to say why it
// closes the connection, or for the connection to fail.
func (c *clientConn) read() {
	defer close(c.closed)
	var b [1]byte
	n, err := c.conn.Read(b[:])
	if n == 1 {
		c.reason = Reason(b[0])
	}
	c.err = err
	close(c.dead)
}

// frame appends one frame to the buffered writer, without flushing it.
func (c *clientConn) frame(payload []byte) {
	c.seq++
	putHeader(&c.hdr, len(payload), c.seq)
	c.bw.Write(c.hdr[:])
	c.bw.Write(payload)
	if c.mac != nil {
		c.bw.Write(c.mac.of(c.hdr[4:], payload))
	}
}

// write sends one frame; nil payload is a heartbeat.
func (c *clientConn) write(payload []byte) error {
	c.frame(payload)
	return c.bw.Flush()
}

// Write writes the batch's frames and flushes them once. It returns how
// many frames the connection took whole, all of them unless it fails.
func (c *clientConn) Write(batch []*netwriter.Buf) (int, error) {
	start := c.w.written + int64(c.bw.Buffered())
	for _, m := range batch {
		c.frame(m.Bytes())
	}
	if err := c.bw.Flush(); err != nil {
		return c.taken(start, batch), err
	}
	return len(batch), nil
}

// Heartbeat sends an empty frame.
func (c *clientConn) Heartbeat() error { return c.write(nil) }

// Lost is closed when the server closes the connection or it fails.
func (c *clientConn) Lost() <-chan struct{} { return c.dead }

// Abort breaks a write in progress.
func (c *clientConn) Abort() { c.raw.Close() }

// Close closes the connection and waits for its reader. Closing TLS sends
// an alert first, which waits while the server reads nothing: closing the
// raw connection after closeWait ends that wait.
func (c *clientConn) Close() {
	t := time.AfterFunc(c.closeWait, func() { c.raw.Close() })
	c.conn.Close()
	t.Stop()
	<-c.closed
}

// taken counts the frames of a batch, starting at byte start of the
// connection, that it took whole.
func (c *clientConn) taken(start int64, batch []*netwriter.Buf) int {
	overhead := int64(headerSize)
	if c.mac != nil {
		overhead += macSize
	}
	end := start
	for i, m := range batch {
		end += overhead + int64(len(m.Bytes()))
		if end > c.w.written {
			return i
		}
	}
	return len(batch)
}

// Why describes how the connection was lost.
func (c *clientConn) Why() string {
	switch {
	case c.reason != ReasonOK:
		return "the server closed it: " + c.reason.String()
	case c.err == io.EOF:
		return "the server closed it"
	case c.err != nil:
		return c.err.Error()
	}
	return "the server sent unexpected data"
}

// deadlineWriter gives every write to the connection its own deadline, so
// that a large batch is not cut short by one deadline for all of it. It
// counts the bytes the connection took, which tells which frames were
// sent.
type deadlineWriter struct {
	conn    net.Conn
	timeout time.Duration
	written int64
}

func (w *deadlineWriter) Write(p []byte) (int, error) {
	w.conn.SetWriteDeadline(time.Now().Add(w.timeout))
	n, err := w.conn.Write(p)
	w.written += int64(n)
	return n, err
}
