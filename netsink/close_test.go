package netsink

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// stalledServer accepts one connection, completes the handshake, then
// reads nothing, or every gap only a little, until drain is closed; it
// then reads to EOF and returns the number of whole record frames it got.
func stalledServer(t *testing.T, gap time.Duration, drain <-chan struct{}) (addr string, frames <-chan int) {
	t.Helper()
	l := listen(t)
	t.Cleanup(func() { l.Close() })
	out := make(chan int, 1)
	go func() {
		defer close(out)
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		c.(*net.TCPConn).SetReadBuffer(64 << 10) // so that the kernel holds little
		c.SetDeadline(time.Now().Add(30 * time.Second))
		var nonce [nonceSize]byte
		var heartbeat [headerSize + macSize]byte
		c.Write(appendHello(nil, &nonce, true))
		if _, err := io.ReadFull(c, heartbeat[:]); err != nil {
			return
		}
		c.Write([]byte{byte(ReasonOK)})
		out <- countFrames(readSlowly(c, gap, drain))
	}()
	return l.Addr().String(), out
}

// readSlowly reads 4 KiB every gap (nothing if gap is 0) until drain is
// closed, then everything up to EOF.
func readSlowly(c net.Conn, gap time.Duration, drain <-chan struct{}) []byte {
	var got bytes.Buffer
	if gap > 0 {
		tick := time.NewTicker(gap)
		defer tick.Stop()
		chunk := make([]byte, 4<<10)
	slow:
		for {
			select {
			case <-tick.C:
				n, _ := c.Read(chunk)
				got.Write(chunk[:n])
			case <-drain:
				break slow
			}
		}
	}
	<-drain
	io.Copy(&got, c)
	return got.Bytes()
}

// countFrames counts the whole frames with a payload in b.
func countFrames(b []byte) int {
	n := 0
	for len(b) >= headerSize {
		size := headerSize + int(binary.BigEndian.Uint32(b)) + macSize
		if len(b) < size {
			break
		}
		if size > headerSize+macSize {
			n++
		}
		b = b[size:]
	}
	return n
}

func TestCloseBoundedByFlushTimeout(t *testing.T) {
	t.Parallel()
	for name, gap := range map[string]time.Duration{"server reads nothing": 0, "server reads slowly": 10 * time.Millisecond} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			const records, flushTimeout = 64, time.Second
			drain := make(chan struct{})
			addr, frames := stalledServer(t, gap, drain)
			errOut := new(syncBuffer)
			sink := dialSink(t, addr, Options{FlushTimeout: flushTimeout, ErrorOutput: errOut,
				Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
					var d net.Dialer
					c, err := d.DialContext(ctx, network, addr)
					if err == nil {
						c.(*net.TCPConn).SetWriteBuffer(64 << 10)
					}
					return c, err
				}})
			l := loguru.New()
			l.Add(sink)
			big := strings.Repeat("x", 64<<10)
			for range records {
				l.Info(big)
			}

			start := time.Now()
			err := sink.Close()
			elapsed := time.Since(start)
			close(drain)
			delivered := <-frames

			if elapsed > 3*flushTimeout {
				t.Errorf("Close took %v, FlushTimeout is %v", elapsed, flushTimeout)
			}
			dropped := sink.Dropped()
			if dropped == 0 || delivered+int(dropped) != records {
				t.Fatalf("%d records delivered, %d dropped, %d logged", delivered, dropped, records)
			}
			n := strconv.FormatUint(dropped, 10)
			if err == nil || err.Error() != "netsink: closing: "+n+" records not delivered: "+addr+" did not take them within FlushTimeout (1s)" {
				t.Errorf("Close = %v", err)
			}
			if report := errOut.String(); report != "loguru netsink: dropped "+n+" records: "+addr+" did not take them within FlushTimeout (1s)\n" {
				t.Errorf("report %q", report)
			}
		})
	}
}
