package netsink_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/netsink"
)

// A server and a client in one process. In real use the key comes from a
// file both sides read, such as one made by head -c 32 /dev/urandom.
func Example() {
	key := []byte("an example key, 32 bytes long...")

	// The server re-emits what it receives into its logger's handlers.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	server := loguru.New()
	server.Add(os.Stdout, loguru.HandlerOptions{Format: "{level} {name}:{function} {message} {extra}"})
	stats := new(netsink.Stats)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error)
	go func() { served <- netsink.Serve(ctx, l, server, netsink.ServerOptions{Key: key, Stats: stats}) }()

	// The client logs to a Sink.
	sink, err := netsink.Dial("tcp", l.Addr().String(), netsink.Options{Key: key})
	if err != nil {
		fmt.Println(err)
		return
	}
	client := loguru.New()
	id, _ := client.Add(sink)
	client.Bind("user", "ann").Info("Hello from {}, {{literally}}", "the client")
	client.Remove(id) // flushes and closes the connection

	for stats.Accepted.Load() < 1 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	fmt.Println("Serve returned", <-served)
	// Output:
	// INFO github.com/loguru-go/loguru/netsink_test:Example Hello from the client, {literally} {"user": "ann"}
	// Serve returned <nil>
}
