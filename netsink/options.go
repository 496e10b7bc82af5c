package netsink

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

// MinKeyLen is the shortest shared key accepted. 32 random bytes are
// recommended: HMAC-SHA256 gains nothing from longer keys.
const MinKeyLen = 16

// DefaultMaxFrame is the default limit on a frame's payload, on both sides.
const DefaultMaxFrame = 1 << 20

// Options configures a client Sink. The zero value is not usable on its own:
// set Key, TLS, or both (or Insecure for a trusted local link).
type Options struct {
	// Key authenticates every frame with HMAC-SHA256; the server must have
	// the same key. At least MinKeyLen bytes.
	Key []byte
	// TLS, when set, encrypts the connection. ServerName defaults to the
	// host of the address. Without a Key, the server authenticates the
	// client by certificate: set Certificates.
	TLS *tls.Config
	// Insecure allows a connection with neither Key nor TLS: anyone able
	// to reach the server could then inject records.
	Insecure bool

	// MaxFrame is the largest payload sent; a record encoding to more is
	// dropped and counted. It should not exceed the server's. 0 means
	// DefaultMaxFrame.
	MaxFrame int
	// DialTimeout bounds connecting, including the TLS and netsink
	// handshakes. 0 means 5s.
	DialTimeout time.Duration
	// WriteTimeout bounds each write to the connection and how long a
	// logging call waits for room in a full buffer while connected. 0
	// means 5s.
	WriteTimeout time.Duration
	// FlushTimeout bounds Flush and Close, all of each (Logger.Remove
	// flushes, then closes: twice FlushTimeout at most). 0 means 5s.
	FlushTimeout time.Duration
	// Heartbeat is how long the connection may stay silent before an empty
	// frame is sent, so that the server's IdleTimeout does not close it.
	// 0 means 30s.
	Heartbeat time.Duration

	// BufferRecords and BufferBytes bound the records waiting to be sent,
	// in particular while the server is unreachable; past them new records
	// are dropped and counted. 0 means 16384 records and 16 MiB.
	BufferRecords int
	BufferBytes   int

	// MinBackoff and MaxBackoff bound the exponential backoff between
	// reconnection attempts. 0 means 100ms and 30s.
	MinBackoff time.Duration
	MaxBackoff time.Duration

	// ErrorOutput receives the reports of lost connections and dropped
	// records. nil means os.Stderr.
	ErrorOutput io.Writer
	// Dial opens the underlying connection; nil means a net.Dialer. TLS,
	// if set, is layered on top of what it returns.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

// withDefaults fills the zero values and validates the rest.
func (o Options) withDefaults() (Options, error) {
	if err := checkAuth(o.Key, o.TLS != nil, o.Insecure); err != nil {
		return o, err
	}
	if o.MaxFrame < 0 || o.BufferRecords < 0 || o.BufferBytes < 0 {
		return o, errors.New("netsink: MaxFrame, BufferRecords and BufferBytes cannot be negative")
	}
	o.MaxFrame = orInt(o.MaxFrame, DefaultMaxFrame)
	o.BufferRecords = orInt(o.BufferRecords, 16384)
	o.BufferBytes = orInt(o.BufferBytes, 16<<20)
	o.DialTimeout = orDur(o.DialTimeout, 5*time.Second)
	o.WriteTimeout = orDur(o.WriteTimeout, 5*time.Second)
	o.FlushTimeout = orDur(o.FlushTimeout, 5*time.Second)
	o.Heartbeat = orDur(o.Heartbeat, 30*time.Second)
	o.MinBackoff = orDur(o.MinBackoff, 100*time.Millisecond)
	o.MaxBackoff = max(orDur(o.MaxBackoff, 30*time.Second), o.MinBackoff)
	if o.ErrorOutput == nil {
		o.ErrorOutput = os.Stderr
	}
	if o.Dial == nil {
		var d net.Dialer
		o.Dial = d.DialContext
	}
	return o, nil
}

// ServerOptions configures Serve. Set Key, or TLS requiring client
// certificates, or both (or Insecure).
type ServerOptions struct {
	// Key is the shared HMAC-SHA256 key frames must be authenticated
	// with. At least MinKeyLen bytes.
	Key []byte
	// TLS, when set, makes every connection a TLS server connection.
	// Without a Key, its ClientAuth must be tls.RequireAndVerifyClientCert:
	// a server certificate alone proves nothing about the clients, and
	// Serve refuses to start.
	TLS *tls.Config
	// Insecure allows serving without authenticating clients: with
	// neither Key nor client certificates.
	Insecure bool

	// MaxFrame is the largest payload accepted; a larger length prefix is
	// rejected before anything is read. 0 means DefaultMaxFrame.
	MaxFrame int
	// MaxConns bounds the connections served at once; further clients
	// wait in the listen backlog. 0 means 256.
	MaxConns int
	// FrameTimeout bounds the TLS handshake, the wait for a client's first
	// frame, and the reading of each frame from its first byte to its
	// last: header, payload and MAC together (not counting the time the
	// server waits for room within MaxPending). 0 means 10s.
	FrameTimeout time.Duration
	// IdleTimeout closes a connection silent for that long between frames.
	// Clients send heartbeats (Options.Heartbeat) to stay connected. 0
	// means 2 minutes.
	IdleTimeout time.Duration

	// MaxPending bounds the memory of the records received but not yet
	// re-emitted, estimated from their size once decoded: when handlers
	// are slower than the clients, connections stop reading until there
	// is room, and TCP slows the clients down. A frame larger than the
	// whole budget is read when nothing else is pending. 0 means
	// DefaultMaxPending.
	MaxPending int

	// ErrorOutput receives one line per rejected connection, and the
	// errors Serve retries. nil means os.Stderr.
	ErrorOutput io.Writer
	// Stats, when set, counts accepted records and rejections.
	Stats *Stats
}

// DefaultMaxPending is the default ServerOptions.MaxPending: 32 MiB.
const DefaultMaxPending = 32 << 20

func (o ServerOptions) withDefaults() (ServerOptions, error) {
	if err := checkServerAuth(o); err != nil {
		return o, err
	}
	if o.MaxFrame < 0 || o.MaxConns < 0 || o.MaxPending < 0 {
		return o, errors.New("netsink: MaxFrame, MaxConns and MaxPending cannot be negative")
	}
	o.MaxFrame = orInt(o.MaxFrame, DefaultMaxFrame)
	o.MaxConns = orInt(o.MaxConns, 256)
	o.MaxPending = orInt(o.MaxPending, DefaultMaxPending)
	o.FrameTimeout = orDur(o.FrameTimeout, 10*time.Second)
	o.IdleTimeout = orDur(o.IdleTimeout, 2*time.Minute)
	if o.ErrorOutput == nil {
		o.ErrorOutput = os.Stderr
	}
	if o.Stats == nil {
		o.Stats = new(Stats)
	}
	return o, nil
}

// checkAuth refuses short keys, and links with no protection at all
// unless asked for explicitly.
func checkAuth(key []byte, tls, insecure bool) error {
	if len(key) > 0 && len(key) < MinKeyLen {
		return fmt.Errorf("netsink: the key is %d bytes long; it must be at least %d (32 random bytes are recommended)", len(key), MinKeyLen)
	}
	if len(key) == 0 && !tls && !insecure {
		return errors.New("netsink: set Key, TLS or both; Insecure allows neither")
	}
	return nil
}

// checkServerAuth refuses a server that would accept records from anyone
// able to connect, unless asked for explicitly: TLS without client
// certificates authenticates the server only.
func checkServerAuth(o ServerOptions) error {
	if err := checkAuth(o.Key, o.TLS != nil, o.Insecure); err != nil {
		return err
	}
	if len(o.Key) == 0 && !o.Insecure && o.TLS.ClientAuth != tls.RequireAndVerifyClientCert {
		return errors.New("netsink: a server with TLS but no Key must verify client certificates: " +
			"set ClientAuth: tls.RequireAndVerifyClientCert and ClientCAs in TLS, or set Key (Insecure accepts records from anyone)")
	}
	return nil
}

func orInt(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

func orDur(v, def time.Duration) time.Duration {
	if v <= 0 {
		return def
	}
	return v
}
