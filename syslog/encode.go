package syslog

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/netwriter"
	"github.com/loguru-go/loguru/internal/pyfmt"
)

// Field limits of RFC 5424 §6.
const (
	maxHostname  = 255
	maxAppName   = 48
	maxProcID    = 128
	maxMsgID     = 32
	maxParamName = 32
	maxSDName    = 32
)

// timeLayout is RFC 3339 with microseconds, the precision RFC 5424 allows.
const timeLayout = "2006-01-02T15:04:05.000000Z07:00"

// bom starts a MSG that is declared UTF-8 (RFC 5424 §6.4).
const bom = "\ufeff"

// framePrefix is room kept before each message for its octet count, so
// that framing costs no copy.
const framePrefix = 21

// encoder turns records into RFC 5424 messages. It holds what does not
// change between records.
type encoder struct {
	fixed    string // " HOSTNAME APP-NAME PROCID "
	facility Facility
	severity func(loguru.Level) Severity
	msgID    func(*loguru.Record) string
	extraID  string // "" omits the element
	recordID string // "" omits the element
	text     bool
	bom      bool
	max      int  // bytes per message; 0 means no limit
	frame    bool // octet counting (RFC 6587 §3.4.1)
}

var emptyRecord loguru.Record

// encode writes m's message, framed when the transport is a stream.
func (e *encoder) encode(out *netwriter.Buf, m loguru.Message) {
	b := out.B[:0]
	if e.frame {
		b = append(b, make([]byte, framePrefix)...)
	}
	start := len(b)
	r := m.Record
	if r == nil {
		r = &emptyRecord
	}
	b = e.appendHeader(b, r)
	sdStart := len(b)
	b = e.appendSD(b, r)
	sdEnd := len(b)
	b = e.appendMsg(b, m, r)
	b = e.truncate(b, start, sdStart, sdEnd)
	out.B, out.Off = b, start
	if e.frame {
		out.Off = frame(b, start)
	}
}

// frame writes the octet count and its space right before b[start:] and
// returns where the frame starts.
func frame(b []byte, start int) int {
	var n [20]byte
	p := strconv.AppendInt(n[:0], int64(len(b)-start), 10)
	off := start - len(p) - 1
	copy(b[off:], p)
	b[start-1] = ' '
	return off
}

// appendHeader writes "<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID ".
func (e *encoder) appendHeader(b []byte, r *loguru.Record) []byte {
	b = append(b, '<')
	sev := min(max(e.severity(r.Level), Emergency), Debug)
	b = strconv.AppendInt(b, int64(e.facility)*8+int64(sev), 10)
	b = append(b, ">1 "...)
	if r.Time.IsZero() {
		b = append(b, '-')
	} else {
		b = r.Time.AppendFormat(b, timeLayout)
	}
	b = append(b, e.fixed...)
	id := r.Level.Name
	if e.msgID != nil {
		id = e.msgID(r)
	}
	b = appendHeaderField(b, id, maxMsgID)
	return append(b, ' ')
}

// appendHeaderField writes a header field as PRINTUSASCII (RFC 5424 §6):
// other characters become '_', the field is cut at max bytes, and an
// empty one is NILVALUE.
func appendHeaderField(b []byte, s string, max int) []byte {
	start := len(b)
	if b = appendASCII(b, s, max, false); len(b) == start {
		b = append(b, '-')
	}
	return b
}

// appendASCII writes s cut at max bytes, one per character: characters
// outside printable US-ASCII become '_', as do '=', ']' and '"' in a name
// (SD-NAME, PARAM-NAME).
func appendASCII(b []byte, s string, max int, name bool) []byte {
	n := 0
	for _, c := range s {
		if n == max {
			break
		}
		if !printable(c) || name && !nameChar(c) {
			c = '_'
		}
		b = append(b, byte(c))
		n++
	}
	return b
}

func printable(c rune) bool { return c >= '!' && c <= '~' }

// nameChar reports whether a printable character may appear in a name.
func nameChar(c rune) bool { return c != '=' && c != ']' && c != '"' }

func headerField(s string, max int) string { return string(appendHeaderField(nil, s, max)) }

// appendSD writes the Extra element and the record element, or NILVALUE.
func (e *encoder) appendSD(b []byte, r *loguru.Record) []byte {
	start := len(b)
	if e.extraID != "" && len(r.Extra) > 0 {
		b = appendExtra(b, e.extraID, r.Extra)
	}
	if e.recordID != "" && r != &emptyRecord {
		b = appendRecordSD(b, e.recordID, r)
	}
	if len(b) == start {
		b = append(b, '-')
	}
	return b
}

// appendExtra writes Extra's values in key order, so that equal records
// give equal bytes. The element is left out when no key makes a name.
func appendExtra(b []byte, id string, extra map[string]any) []byte {
	var arr [16]string
	keys := arr[:0]
	for k := range extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	start := len(b)
	b = append(b, '[')
	b = append(b, id...)
	head := len(b)
	for _, k := range keys {
		p := len(b)
		b = append(b, ' ')
		if b = appendParamName(b, k); len(b) == p+1 {
			b = b[:p]
			continue
		}
		b = append(b, `="`...)
		b = appendValue(b, extra[k])
		b = append(b, '"')
	}
	if len(b) == head {
		return b[:start]
	}
	return append(b, ']')
}

// appendParamName writes a PARAM-NAME (RFC 5424 §6.3.3): up to 32
// printable US-ASCII characters other than '=', ']' and '"'. Other
// characters become '_'; an empty key writes nothing.
func appendParamName(b []byte, k string) []byte { return appendASCII(b, k, maxParamName, true) }

// appendRecordSD writes the call site, and the attached error if any.
func appendRecordSD(b []byte, id string, r *loguru.Record) []byte {
	b = append(b, '[')
	b = append(b, id...)
	b = append(b, ` name="`...)
	b = appendEscaped(b, r.Name)
	b = append(b, `" function="`...)
	b = appendEscaped(b, r.Function)
	b = append(b, `" line="`...)
	b = strconv.AppendInt(b, int64(r.Line), 10)
	b = append(b, '"')
	if x := r.Exception; x != nil && (x.Type != "" || x.Value != "") {
		b = append(b, ` exception="`...)
		b = appendEscaped(b, x.Type)
		if x.Type != "" && x.Value != "" {
			b = append(b, ": "...)
		}
		b = appendEscaped(b, x.Value)
		b = append(b, '"')
	}
	return append(b, ']')
}

// appendValue writes a PARAM-VALUE: common types directly, anything else
// as the core's {extra} prints a value, which contains panicking methods
// and stops at cycles (a map holding itself would overflow fmt's stack,
// which no recover catches).
func appendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case string:
		return appendEscaped(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case int64:
		return strconv.AppendInt(b, v, 10)
	case uint64:
		return strconv.AppendUint(b, v, 10)
	case bool:
		return strconv.AppendBool(b, v)
	case float64:
		return strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	return appendEscaped(b, string(pyfmt.AppendValue(nil, v)))
}

// appendEscaped writes s with '"', '\' and ']' escaped (RFC 5424 §6.3.3)
// and invalid UTF-8 replaced, since PARAM-VALUE is UTF-8.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '"' || c == '\\' || c == ']' {
				b = append(b, '\\')
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, string(utf8.RuneError)...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return b
}

// appendMsg writes " MSG", or nothing for an empty message.
func (e *encoder) appendMsg(b []byte, m loguru.Message, r *loguru.Record) []byte {
	msg := r.Message
	if e.text || m.Record == nil {
		msg = strings.TrimSuffix(m.Text, "\n")
	}
	if msg == "" {
		return b
	}
	b = append(b, ' ')
	if e.bom {
		b = append(b, bom...)
	}
	return append(b, msg...)
}

// truncate cuts the message at e.max bytes, on a character boundary. When
// the structured data alone would not fit, it becomes NILVALUE rather than
// a broken element.
func (e *encoder) truncate(b []byte, start, sdStart, sdEnd int) []byte {
	if e.max <= 0 || len(b)-start <= e.max {
		return b
	}
	if sdEnd-start > e.max {
		b[sdStart] = '-'
		b = append(b[:sdStart+1], b[sdEnd:]...)
	}
	cut := start + e.max
	if cut >= len(b) {
		return b
	}
	for cut > start && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return b[:cut]
}

// validSDID reports whether id is an SD-ID (RFC 5424 §6.3.2): an SD-NAME,
// or name@digits for a private one.
func validSDID(id string) bool {
	name, num, private := strings.Cut(id, "@")
	if !validSDName(name) || strings.Contains(num, "@") {
		return false
	}
	if !private {
		return true
	}
	if num == "" || len(id) > maxSDName {
		return false
	}
	for _, c := range num {
		if (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return true
}

func validSDName(s string) bool {
	if s == "" || len(s) > maxSDName {
		return false
	}
	for _, c := range s {
		if !printable(c) || !nameChar(c) || c == '@' {
			return false
		}
	}
	return true
}
