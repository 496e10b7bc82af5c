package syslog

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/loguru-go/loguru"
)

// Defaults of Options.
const (
	DefaultExtraSDID       = "extra@32473"          // SD-ID of the element holding Extra
	DefaultRecordSDID      = "loguru@32473"         // SD-ID of the element holding the call site
	DefaultBufferRecords   = 1024                   // messages kept while the server is away
	DefaultUDPMaxSize      = 2048                   // bytes per UDP datagram (RFC 5426 §3.2)
	DefaultUnixgramMaxSize = 8192                   // bytes per unix datagram (rsyslog's default limit)
	DefaultMinBackoff      = 100 * time.Millisecond // first wait before reconnecting
	DefaultMaxBackoff      = 30 * time.Second       // longest wait before reconnecting
	DefaultTimeout         = 5 * time.Second        // of DialTimeout, WriteTimeout and FlushTimeout
)

// Options configures a Sink. The zero value sends user-level messages
// named after the executable, with this host's name and process id.
//
// A header field set to "-" is sent as NILVALUE. Header fields are sent as
// printable US-ASCII: other characters become '_', and fields are cut at
// the lengths of RFC 5424 (HOSTNAME 255, APP-NAME 48, PROCID 128, MSGID 32).
type Options struct {
	// Facility of every message; the zero value means User.
	Facility Facility
	// Hostname is the HOSTNAME field; "" means os.Hostname().
	Hostname string
	// AppName is the APP-NAME field; "" means the executable's base name.
	AppName string
	// ProcID is the PROCID field; "" means the process id.
	ProcID string
	// MsgID returns the MSGID field of a record; nil sends the level's
	// name ("INFO", "SUCCESS"), which keeps loguru's own levels
	// distinguishable where severities merge them.
	MsgID func(r *loguru.Record) string
	// Severity maps a level to a severity; nil means SeverityOf(level.No).
	Severity func(l loguru.Level) Severity

	// ExtraSDID is the SD-ID of the element holding the record's Extra,
	// one SD-PARAM per key in key order; "" means DefaultExtraSDID and "-"
	// leaves Extra out.
	ExtraSDID string
	// RecordSDID is the SD-ID of the element holding the call site (name,
	// function, line) and the attached error (exception="Type: value");
	// "" means DefaultRecordSDID and "-" leaves it out.
	RecordSDID string

	// Text sends the handler's formatted line (Message.Text, without its
	// final newline) as MSG instead of the record's message: set the
	// handler's Format to shape it.
	Text bool
	// BOM starts MSG with a byte order mark, which RFC 5424 §6.4 asks for
	// to declare MSG as UTF-8. Off by default: many receivers keep the
	// three bytes in the text.
	BOM bool
	// MaxSize is the most bytes a message may have, framing excluded;
	// longer ones are cut on a character boundary. 0 means
	// DefaultUDPMaxSize over UDP, DefaultUnixgramMaxSize over unix
	// datagrams and no limit over streams; a negative value means no limit.
	MaxSize int

	// BufferRecords and BufferBytes bound the messages waiting for the
	// writer, while the server is away in particular; past either, the
	// oldest message is dropped and counted. 0 means DefaultBufferRecords
	// and no limit on bytes.
	BufferRecords int
	BufferBytes   int
	// MinBackoff and MaxBackoff bound the wait between connection
	// attempts, which doubles from one failure to the next; each wait is
	// drawn between half of it and all of it, so that clients cut off
	// together do not return together. 0 means DefaultMinBackoff and
	// DefaultMaxBackoff.
	MinBackoff, MaxBackoff time.Duration
	// DialTimeout bounds a connection attempt, TLS handshake included;
	// WriteTimeout bounds a write; FlushTimeout bounds Flush and Close.
	// 0 means DefaultTimeout.
	DialTimeout, WriteTimeout, FlushTimeout time.Duration
	// TLS, when set, secures TCP connections (RFC 5425). An empty
	// ServerName is taken from the address.
	TLS *tls.Config

	// ErrorOutput receives the sink's reports: a server that cannot be
	// reached, dropped messages. nil means os.Stderr.
	ErrorOutput io.Writer
	// Dial connects to the server; nil uses a net.Dialer. Tests and
	// proxies replace it.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// After returns a channel that receives once d has passed; it paces
	// reconnection attempts. nil means time.After. Tests replace it to
	// drive reconnection without waiting.
	After func(d time.Duration) <-chan time.Time

	jitter func(time.Duration) time.Duration // nil: random; tests fix it
}

// transport describes a network.
type transport struct {
	stream  bool
	maxSize int // default MaxSize
}

var transports = map[string]transport{
	"tcp": {stream: true}, "tcp4": {stream: true}, "tcp6": {stream: true}, "unix": {stream: true},
	"udp": {maxSize: DefaultUDPMaxSize}, "udp4": {maxSize: DefaultUDPMaxSize}, "udp6": {maxSize: DefaultUDPMaxSize},
	"unixgram": {maxSize: DefaultUnixgramMaxSize},
}

// withDefaults checks o and fills in its defaults.
func withDefaults(network, addr string, o Options) (Options, transport, error) {
	t, ok := transports[network]
	switch {
	case !ok:
		return o, t, fmt.Errorf("syslog: unsupported network %q: use tcp, udp, unix or unixgram", network)
	case addr == "":
		return o, t, errors.New("syslog: no address")
	case o.TLS != nil && (!t.stream || network == "unix"):
		return o, t, fmt.Errorf("syslog: TLS needs a tcp network, not %q", network)
	case o.Facility < 0 || o.Facility > Local7:
		return o, t, fmt.Errorf("syslog: invalid facility %d: it must be between User (1) and Local7 (23)", o.Facility)
	case o.BufferRecords < 0 || o.BufferBytes < 0:
		return o, t, errors.New("syslog: BufferRecords and BufferBytes cannot be negative")
	case o.MinBackoff < 0 || o.MaxBackoff < 0 || o.DialTimeout < 0 || o.WriteTimeout < 0 || o.FlushTimeout < 0:
		return o, t, errors.New("syslog: durations must not be negative")
	}
	if o.Facility == 0 {
		o.Facility = User
	}
	if o.MaxSize == 0 {
		o.MaxSize = t.maxSize
	}
	if o.BufferRecords == 0 {
		o.BufferRecords = DefaultBufferRecords
	}
	o.MinBackoff = orDuration(o.MinBackoff, DefaultMinBackoff)
	o.MaxBackoff = max(orDuration(o.MaxBackoff, DefaultMaxBackoff), o.MinBackoff)
	o.DialTimeout = orDuration(o.DialTimeout, DefaultTimeout)
	o.WriteTimeout = orDuration(o.WriteTimeout, DefaultTimeout)
	o.FlushTimeout = orDuration(o.FlushTimeout, DefaultTimeout)
	if o.ErrorOutput == nil {
		o.ErrorOutput = os.Stderr
	}
	if o.After == nil {
		o.After = time.After
	}
	if o.Dial == nil {
		d := &net.Dialer{}
		o.Dial = d.DialContext
	}
	if o.TLS != nil && o.TLS.ServerName == "" && !o.TLS.InsecureSkipVerify {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return o, t, fmt.Errorf("syslog: %w", err)
		}
		o.TLS = o.TLS.Clone()
		o.TLS.ServerName = host
	}
	return o, t, nil
}

func orDuration(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// newEncoder builds the encoder of checked options.
func newEncoder(o Options, t transport) (*encoder, error) {
	extra, err := sdID(o.ExtraSDID, DefaultExtraSDID)
	if err != nil {
		return nil, err
	}
	rec, err := sdID(o.RecordSDID, DefaultRecordSDID)
	if err != nil {
		return nil, err
	}
	host := o.Hostname
	if host == "" {
		host, _ = os.Hostname()
	}
	app := o.AppName
	if app == "" {
		app = filepath.Base(os.Args[0])
	}
	proc := o.ProcID
	if proc == "" {
		proc = strconv.Itoa(os.Getpid())
	}
	e := &encoder{
		fixed: " " + headerField(host, maxHostname) + " " + headerField(app, maxAppName) +
			" " + headerField(proc, maxProcID) + " ",
		facility: o.Facility, severity: o.Severity, msgID: o.MsgID,
		extraID: extra, recordID: rec, text: o.Text, bom: o.BOM, max: o.MaxSize, frame: t.stream,
	}
	if e.severity == nil {
		e.severity = levelSeverity
	}
	return e, nil
}

// sdID resolves an SD-ID option: "" is the default, "-" none.
func sdID(id, def string) (string, error) {
	switch id {
	case "":
		return def, nil
	case "-":
		return "", nil
	}
	if !validSDID(id) {
		return "", fmt.Errorf("syslog: invalid SD-ID %q: use name@number with at most 32 printable characters, none of '=', ']', '\"' or space", id)
	}
	return id, nil
}
