package syslog_test

import (
	"fmt"
	"net"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/syslog"
)

// Example sends a record over UDP to a local listener that stands in for
// a syslog server, and prints the datagram that arrived.
func Example() {
	server, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer server.Close()

	sink, err := syslog.New("udp", server.LocalAddr().String(), syslog.Options{
		Facility: syslog.Local0,
		Hostname: "web01", AppName: "shop", ProcID: "4242",
		RecordSDID: "-", // leave out the call site, which names this file's lines
	})
	if err != nil {
		panic(err)
	}
	// A fixed time, so that the output is the same on every run.
	logger := loguru.New().Patch(func(r *loguru.Record) {
		r.Time = time.Date(2026, 1, 2, 3, 4, 5, 123456000, time.UTC)
	})
	id, err := logger.Add(sink, loguru.HandlerOptions{Level: "INFO"})
	if err != nil {
		panic(err)
	}
	defer logger.Remove(id) // flushes and closes the sink

	logger.Bind("order", 1042, "user", "alice").Success("Order {} shipped", 1042)

	buf := make([]byte, 2048)
	n, _, err := server.ReadFrom(buf)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(buf[:n]))
	// Output:
	// <133>1 2026-01-02T03:04:05.123456Z web01 shop 4242 SUCCESS [extra@32473 order="1042" user="alice"] Order 1042 shipped
}

// ExampleDial connects to a TCP server before adding the sink, so that a
// wrong address is noticed at start-up.
func ExampleDial() {
	sink, err := syslog.Dial("tcp", "127.0.0.1:514", syslog.Options{Facility: syslog.Daemon})
	if err != nil {
		fmt.Println(err) // syslog: dial tcp 127.0.0.1:514: connect: connection refused
		return
	}
	id, _ := loguru.Add(sink, loguru.HandlerOptions{Level: "INFO"})
	defer loguru.Remove(id)
	loguru.Info("Connected")
}
