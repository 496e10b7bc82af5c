// Command progress shows a progress bar with log lines printed above it:
// Loguru's "Interoperability with tqdm iterations" recipe, with mpb.
//
// An *mpb.Progress is an io.Writer that prints what is written to it above
// its bars, at the next redraw. Each record reaches a loguru handler's
// writer in one Write call, so the Progress is the sink, as it is:
//
//	log.Add(p, loguru.HandlerOptions{Colorize: loguru.On})
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

func main() {
	const items, every = 40, 4
	p := mpb.New(mpb.WithWidth(64)) // bars on os.Stdout
	var sink io.Writer = p
	colorize := loguru.On // the Progress is no terminal itself: ask for colors
	if !term.IsTerminal(int(os.Stdout.Fd())) {
		// Off a terminal mpb draws nothing, and drops what is written to
		// it: log straight to stdout instead.
		sink, colorize = os.Stdout, loguru.Auto
	}
	log := loguru.New()
	work := func(int) { time.Sleep(50 * time.Millisecond) }
	if err := process(log, p, sink, loguru.HandlerOptions{Colorize: colorize}, items, every, work); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// The bar is done: log as usual again.
	if _, err := log.Add(os.Stdout); err == nil {
		log.Success("All {} items processed", items)
	}
}

// process works through n items under a progress bar on p, calling work
// for each, and logs a line every `every` items through a handler on sink.
// It returns once the bar is complete and the handler removed.
func process(log *loguru.Logger, p *mpb.Progress, sink io.Writer, opts loguru.HandlerOptions, n, every int, work func(i int)) error {
	bar := p.AddBar(int64(n),
		mpb.PrependDecorators(decor.Name("items "), decor.CountersNoUnit("%d / %d")),
		mpb.AppendDecorators(decor.Percentage()),
	)
	id, err := log.Add(sink, opts)
	if err != nil {
		bar.Abort(false)
		p.Wait()
		return err
	}
	log.Info("Initializing")
	for i := 1; i <= n; i++ {
		work(i)
		if i%every == 0 {
			log.Info("Iterating #{}", i)
		}
		// Log before the last Increment: mpb prints what it was given at
		// its final redraw, when the bar completes, and drops later writes.
		bar.Increment()
	}
	// Wait for the final redraw; the Progress refuses writes after it, so
	// remove its handler only then, with nothing logged in between.
	p.Wait()
	return log.Remove(id)
}
