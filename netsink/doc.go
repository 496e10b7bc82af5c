// Package netsink ships records from one process to another over TCP (or
// a Unix socket): Loguru's "sending and receiving log messages across
// network or processes" recipe, made safe. Records travel as JSON, never
// as gob or pickle; every frame is authenticated with HMAC-SHA256, TLS
// client certificates or both; and replayed frames are refused. A server
// with TLS but no key refuses to start unless its configuration requires
// and verifies client certificates (tls.RequireAndVerifyClientCert): a
// server certificate alone lets anyone send records.
//
// The client side is a Sink:
//
//	key, err := netsink.ReadKeyFile("/etc/app/netsink.key")
//	...
//	sink, err := netsink.Dial("tcp", "logs.internal:9020", netsink.Options{Key: key})
//	...
//	id, _ := logger.Add(sink, loguru.HandlerOptions{Level: "INFO"})
//	defer logger.Remove(id) // flushes and closes the connection
//
// The server re-emits what it receives into a logger's handlers:
//
//	l, _ := net.Listen("tcp", ":9020")
//	err := netsink.Serve(ctx, l, logger, netsink.ServerOptions{Key: key})
//
// # Delivery
//
// A logging call only encodes the record and queues it; the Sink's
// goroutine writes whatever has accumulated in one batch and flushes it,
// so that records cost a system call only when traffic is light. When the
// connection is lost the Sink reconnects with exponential backoff
// (Options.MinBackoff to MaxBackoff, with jitter), keeping up to
// BufferRecords records (and BufferBytes bytes) meanwhile. Records beyond
// that are dropped, counted by Dropped, and reported on
// Options.ErrorOutput as one line per outage:
//
//	loguru netsink: dropped 42 records while logs.internal:9020 was unreachable
//
// Delivery is at most once: records are never sent twice. When the
// connection fails during a write, the records it had not taken whole are
// written again on the next connection (the server drops a frame cut
// short); frames it had taken but the server closes without reading are
// lost without a count, as with any stream socket. Flush, Complete and
// Remove return once the records are written to the connection; while
// the Sink waits to reconnect they make an attempt at once. Close (which
// Remove calls after a Flush) takes at most Options.FlushTimeout and makes
// at most one more connection attempt: the records the connection has not
// taken by then are dropped, counted, reported and told in Close's error.
// The client's
// MaxFrame should not exceed the server's.
//
// # Wire format
//
// All integers are big-endian. On every connection (after the TLS
// handshake, when TLS is used) the server first sends a 22-byte hello:
//
//	"LGNS"     4 bytes, magic
//	version    1 byte, 1
//	flags      1 byte, bit 0 set: frames carry a MAC
//	nonce      16 random bytes, new for every connection
//
// The client then sends frames, and nothing else:
//
//	length     4 bytes, the payload's length; at most MaxFrame
//	seq        8 bytes, 1 for the connection's first frame, then +1 each frame
//	payload    length bytes of JSON (see below); empty for a heartbeat
//	mac        32 bytes, HMAC-SHA256(key, nonce || seq || payload), only
//	           when the hello's flag is set
//
// The first frame of a connection is a heartbeat the client sends at once;
// the server answers the first frame it accepts with one byte, 0. After
// that the server speaks only to close a connection: it sends one byte
// saying why (1 too large, 2 unauthenticated, 3 malformed, 4 replayed, 5
// timed out; see Reason), then closes it.
//
// Because the nonce is part of every MAC, a frame is valid only on the
// connection it was made for; because seq must be exactly the previous
// one plus one, a frame cannot be replayed or reordered on it either. A
// client sends a heartbeat when idle for Options.Heartbeat, so that the
// server's IdleTimeout only closes connections of vanished clients.
//
// # Payload
//
// The payload is one JSON object, the record as loguru.Record.AppendJSON
// writes it. time, level.name, level.no and message are required; the
// others default to their zero values:
//
//	{"time": "2026-11-22T10:01:02.345678901+01:00",  RFC 3339, nanoseconds, the client's offset
//	 "elapsed": 1234567,                              nanoseconds since the client started logging
//	 "level": {"name": "INFO", "no": 20},
//	 "message": "Order 1042 shipped",                 as formatted by the client
//	 "name": "main", "function": "main", "module": "main",
//	 "file": {"name": "main.go", "path": "/src/app/main.go"}, "line": 42,
//	 "process": {"id": 4242, "name": "app"},
//	 "thread": {"id": 1, "name": "main"},
//	 "extra": {"user": "ann", "id": 1042},            omitted when empty
//	 "exception": {"type": "*fs.PathError", "value": "open x: no such file",
//	               "panic": false, "traceback": "Traceback ..."}}  omitted without an error
//
// Extra values are written as the library's JSON encoders (HandlerOptions
// JSON and Serialize) write them, without ever failing: JSON types as they
// are, values with a LogValue, MarshalJSON, Error, String or MarshalText
// method through it, structs field by field, and what JSON cannot hold
// (channels, functions, complex numbers) as its fmt text. A method that
// panics or fails is written as "!PANIC: ..." or "!ERROR: ...". The server
// decodes integers as int and other numbers as float64, objects as
// map[string]any and arrays as []any.
//
// # What the server does with a record
//
// Serve re-emits each record with Logger.Emit, keeping the client's time
// (instant and offset; the zone's name is not sent), elapsed time, name,
// function, module, file, line, process, thread and Extra; Extra is merged
// over the values bound to the server's logger. The message is never
// formatted and the server's CallOptions are dropped, so braces and color
// markup in it are never interpreted. A level the server's logger knows by name is
// used with the server's number, color and icon; an unknown one keeps the
// client's name and number, with no color, and is not registered (a client
// cannot fill the server's level table). An error arrives as an
// ExceptionInfo whose Text is the client's traceback, shown as it is, and
// whose Err is a *RemoteError. Records go through
// the server logger's handlers, levels and filters as any other; Enable and
// Disable rules apply to this package's import path, which is the logging
// call's.
//
// Records wait to be re-emitted within ServerOptions.MaxPending bytes
// (32 MiB by default), estimated from their decoded size: when handlers
// fall behind, connections stop reading and TCP slows the clients down,
// so a slow handler costs waiting, not memory.
//
// A frame that is too large, unauthenticated, malformed or replayed, and a
// connection silent for too long, are counted in Stats and reported with
// the client's address on ServerOptions.ErrorOutput; the connection is
// closed and Serve goes on serving the others.
package netsink
