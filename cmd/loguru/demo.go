package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/loguru-go/loguru"
)

// demo logs a little of everything to w, colored when w is a terminal.
func demo(w io.Writer) int {
	log := loguru.New()
	if _, err := log.Add(w, loguru.HandlerOptions{Level: "TRACE"}); err != nil {
		fmt.Fprintln(w, err)
		return 1
	}
	log.Trace("A trace message, for the finest details")
	log.Debug("A debug message")
	log.Info("Hello, {}!", "world")
	log.Success("Order {id} shipped", loguru.F("id", 1042))
	log.Warning("Disk usage at {:.0%}", 0.93)
	log.Error("Payment failed")
	log.Critical("Database unreachable")

	if _, err := log.AddLevel("NOTICE", 33, "<magenta><bold>", "\U0001f514"); err == nil {
		log.Log("NOTICE", "A custom level, with its own color")
	}

	user := log.Bind("user", "ann", "request", "r-7")
	user.Info("Bound values travel with the logger: {}", "see Extra")
	ctx := loguru.Contextualize(context.Background(), "trace_id", "4bf92f35")
	log.Ctx(ctx).Info("Context values land in Extra too")

	log.Opt(loguru.CallOptions{Colors: true}).Info("Markup in a message: <red>red</red>, <green>green</green>, <b>bold</b>")
	log.Exception(fmt.Errorf("loading config: %w", errors.New("file not found")), "Errors are attached to the record")
	return 0
}
