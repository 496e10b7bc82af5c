// Package syslog is a loguru sink that sends records to a syslog server as
// RFC 5424 messages, over UDP, TCP (optionally with TLS), or unix sockets.
//
//	sink, err := syslog.New("tcp", "logs.example.com:514", syslog.Options{Facility: syslog.Local0})
//	if err != nil {
//		return err
//	}
//	id, _ := logger.Add(sink, loguru.HandlerOptions{Level: "INFO"})
//	defer logger.Remove(id) // flushes, then closes the sink
//
// # Messages
//
// Each record becomes one message:
//
//	<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [extra@32473 ...][loguru@32473 ...] MSG
//
// for example
//
//	<14>1 2026-01-02T03:04:05.123456+01:00 web01 shop 4242 INFO [extra@32473 order="1042" user="alice"][loguru@32473 name="main" function="checkout" line="57"] Order shipped
//
// where:
//
//   - PRI is Facility*8 + severity; the severity comes from the level number
//     as SeverityOf documents (DEBUG debug, INFO info, SUCCESS notice,
//     WARNING warning, ERROR err, CRITICAL crit). Options.Severity
//     overrides it.
//   - TIMESTAMP is the record's time in RFC 3339 with microseconds, in the
//     record's time zone.
//   - HOSTNAME, APP-NAME and PROCID default to the host's name, the
//     executable's base name and the process id; MSGID defaults to the
//     level's name. Fields are sent as printable US-ASCII (other
//     characters become '_'), cut at RFC 5424's lengths, and "-"
//     (NILVALUE) when empty.
//   - The record's Extra is an SD-ELEMENT with one SD-PARAM per key, in
//     key order; it is left out when Extra is empty. A key is made a valid
//     PARAM-NAME by replacing '=', ']', '"', spaces and characters outside
//     printable US-ASCII with '_' and cutting it at 32 characters; an empty
//     key is skipped. Values are strings as they are, numbers and booleans in
//     their usual form, and anything else as fmt.Sprint prints it; '"',
//     '\' and ']' are escaped and invalid UTF-8 is replaced.
//   - A second element holds the call site: the package (name), function
//     and line, and the attached error as exception="Type: value".
//   - MSG is the record's message, or the handler's formatted line with
//     Options.Text. No BOM is sent unless Options.BOM asks for one.
//   - Messages longer than MaxSize are cut on a character boundary: by
//     default 2048 bytes over UDP, 8192 over unix datagrams, no limit on
//     streams.
//
// The SD-IDs use 32473, the enterprise number that RFC 5612 reserves for
// documentation; use your own with Options.ExtraSDID and RecordSDID, or
// "-" to leave an element out.
//
// # Transports
//
// UDP and unix datagram sockets carry one message per datagram. TCP and
// unix stream sockets frame messages with octet counting (RFC 6587
// §3.4.1, also used by RFC 5425 for TLS): "LEN SP MSG", which lets a
// message contain newlines.
//
// # Delivery
//
// Write never waits for the network: it encodes the record and queues it,
// and one goroutine per Sink writes the queue, in order, with a deadline
// on each write. When a connection fails the goroutine reconnects, waiting
// MinBackoff, then twice as long after each further failure, up to
// MaxBackoff (each wait drawn between half of that and all of it).
// Meanwhile messages wait in a buffer of BufferRecords messages;
// when it is full the oldest are dropped, so that the most recent history
// survives. Drops are counted (Dropped) and reported on ErrorOutput with a
// line such as
//
//	loguru syslog: dropped 17 messages while logs.example.com:514 was unreachable
//
// when the server is back, or at Close. A stream that the server closes is
// noticed at once and reopened. After a failed write the messages the
// connection had not taken whole are written again on the next
// connection, never out of order; a message cut by the failure may reach
// the server cut once, then whole.
//
// syslog and netsink share this writer: the same options (BufferRecords,
// BufferBytes, MinBackoff, MaxBackoff, WriteTimeout, FlushTimeout), the
// same reports and the same Flush and Close. They differ where the
// transports do: a syslog Write never waits and drops the oldest message
// of a full buffer, a netsink one waits up to WriteTimeout for room while
// connected and drops the new record.
//
// Flush (logger.Complete) and Close (logger.Remove) try to deliver the
// buffer, waiting at most FlushTimeout; while the writer waits to
// reconnect they make an attempt at once, and Close makes at most one.
package syslog
