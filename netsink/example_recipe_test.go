package netsink_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/netsink"
)

// Loguru's "sending and receiving log messages across network or
// processes" recipe: a client sink serializes each record, the server
// re-emits it into its own handlers. Records travel as JSON frames
// authenticated with a shared key, so a client without the key is refused
// and nothing received is ever executed or formatted again.
func Example_recipe() {
	key := []byte("an example key, 32 bytes long...") // in real use: netsink.ReadKeyFile("netsink.key")

	// The server. Its handler shows each re-emitted record; here a function
	// sink also tells the example when the record has arrived.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	received := make(chan struct{})
	server := loguru.New()
	server.Add(func(m loguru.Message) {
		r := m.Record
		fmt.Printf("server: %s %s:%s %s %v\n", r.Level.Name, r.Name, r.Function, r.Message, r.Extra)
		if r.Exception != nil {
			fmt.Printf("server: the client's error: %s: %s\n", r.Exception.Type, r.Exception.Value)
		}
		received <- struct{}{}
	}, loguru.HandlerOptions{Format: "{message}"})
	stats := new(netsink.Stats)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error)
	go func() {
		served <- netsink.Serve(ctx, l, server, netsink.ServerOptions{Key: key, Stats: stats, ErrorOutput: io.Discard})
	}()

	// The client: a sink on the logger's handlers.
	sink, err := netsink.Dial("tcp", l.Addr().String(), netsink.Options{Key: key})
	if err != nil {
		fmt.Println(err)
		return
	}
	client := loguru.New()
	id, _ := client.Add(sink)
	client.Bind("user", "ann").Exception(errors.New("card declined"), "Sending message from the {} {{not formatted again}}", "client")
	<-received
	client.Remove(id) // flushes and closes the connection

	// A client with another key does not get in.
	_, err = netsink.Dial("tcp", l.Addr().String(), netsink.Options{Key: []byte("not the key, but 32 bytes long..")})
	fmt.Println("wrong key refused:", err != nil, "- unauthenticated:", stats.Unauthenticated.Load())

	cancel()
	fmt.Println("Serve returned", <-served, "- accepted:", stats.Accepted.Load())
	// Output:
	// server: ERROR github.com/loguru-go/loguru/netsink_test:Example_recipe Sending message from the client {not formatted again} map[user:ann]
	// server: the client's error: *errors.errorString: card declined
	// wrong key refused: true - unauthenticated: 1
	// Serve returned <nil> - accepted: 1
}
