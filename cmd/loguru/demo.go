package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"

	"github.com/loguru-go/loguru"
)

// demoCmd runs the demo on stderr; it takes no flags but -h and --help.
func demoCmd(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: loguru demo")
		fmt.Fprintln(stderr, "\nLogs a little of everything to stderr: every level, bound values, a custom")
		fmt.Fprintln(stderr, "level, an error with its traceback and a caught panic, colored on a terminal.")
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if fs.NArg() > 0 {
		usageError(stderr, fmt.Sprintf("loguru demo: unexpected argument %q", fs.Arg(0)))
		return 2
	}
	return demo(stderr)
}

// demoFormat is the default format, with the record's Extra after the
// message when it has any: a format chosen per record, as Loguru's
// callable formats are.
func demoFormat(r *loguru.Record) string {
	if len(r.Extra) == 0 {
		return loguru.DefaultFormat + "\n{exception}"
	}
	return loguru.DefaultFormat + " <yellow>{extra}</yellow>\n{exception}"
}

// demo logs a little of everything to w, colored when w is a terminal.
func demo(w io.Writer) int {
	log := loguru.New()
	if _, err := log.Add(w, loguru.HandlerOptions{Level: "TRACE", FormatFunc: demoFormat}); err != nil {
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
	user.Info("Values bound to a logger")
	ctx := loguru.Contextualize(context.Background(), "trace_id", "4bf92f35")
	log.Ctx(ctx).Info("Context values land in Extra too")

	log.Opt(loguru.CallOptions{Colors: true}).Info("Markup in a message: <red>red</red>, <green>green</green>, <b>bold</b>")
	if err := loadConfig("/etc/shop.toml", "hunter2"); err != nil {
		log.Exception(err, "Errors carry their stack, wrap sites and values")
	}
	log.CatchFunc(func() { average(nil) }, loguru.CatchOptions{Message: "A panic, caught and logged"})
	return 0
}

// loadConfig and parsePort fail on purpose, to show a traceback.
func loadConfig(path, password string) error {
	if _, err := parsePort("70000"); err != nil {
		return loguru.Wrap(err, "loading config", loguru.F("path", path), loguru.F("password", password))
	}
	return nil
}

func parsePort(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if n > 65535 {
		return 0, loguru.NewError("port out of range", loguru.F("port", n), loguru.F("max", 65535))
	}
	return n, nil
}

// average divides by zero when given nothing.
func average(xs []int) int {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return sum / len(xs)
}
