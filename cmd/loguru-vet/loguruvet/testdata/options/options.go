// Package options holds handler options, good and bad.
package options

import (
	"os"

	"github.com/loguru-go/loguru"
)

func bad() {
	_, _ = loguru.Add("app.log", loguru.HandlerOptions{
		Rotation:    "5 MBB",   // want `bad Rotation "5 MBB": invalid unit value while parsing duration: "MBB"`
		Retention:   "forever", // want `bad Retention "forever": cannot parse retention from "forever"`
		Compression: "rar",     // want `bad Compression "rar": invalid compression format: "rar"`
		Mode:        "r+",      // want `bad Mode "r\+": use "a" \(append\) or "w" \(truncate\)`
	})
	_, _ = loguru.Add(os.Stderr, loguru.HandlerOptions{Format: "{nope}"})         // want `bad Format "\{nope\}": unknown field \{nope\} \(for a bound value use \{extra\[nope\]\}\) \(at position 0\)`
	_, _ = loguru.Add(os.Stderr, loguru.HandlerOptions{Format: "<red>{message}"}) // want `bad Format "<red>\{message\}": Opening tag "<red>" has no corresponding closing tag`
	_, _ = loguru.Add(os.Stderr, loguru.HandlerOptions{Format: "{time:SSSSSSS}"}) // want `bad Format "\{time:SSSSSSS\}": `
	_, _ = loguru.Configure(loguru.Config{Handlers: []loguru.HandlerConfig{
		{Sink: "app.log", Options: loguru.HandlerOptions{Rotation: "12:00, soon"}}, // want `bad Rotation "12:00, soon": cannot parse rotation from " soon", in "12:00, soon"`
	}})
	_, _ = loguru.Add(os.Stdout, loguru.HandlerOptions{Serialize: true, JSON: true})              // want `Serialize and JSON are two different encodings: choose one`
	_, _ = loguru.Add("app.log", loguru.HandlerOptions{Retention: "5", RetentionFunc: removeAll}) // want `Retention and RetentionFunc are both set: choose one`
	var o loguru.HandlerOptions
	o.Retention = "-1" // want `bad Retention "-1": retention count must not be negative`
	_ = o
}

func removeAll([]string) error { return nil }

func good(format string, serialize bool) {
	_, _ = loguru.Add(os.Stdout, loguru.HandlerOptions{Serialize: serialize, JSON: true})
	_, _ = loguru.Add(os.Stdout, loguru.HandlerOptions{Serialize: false, JSON: true})
	_, _ = loguru.Add("app.log", loguru.HandlerOptions{RetentionFunc: removeAll})
	_, _ = loguru.Add("app.log", loguru.HandlerOptions{
		Rotation:    "00:00, 500 MB",
		Retention:   "10 days",
		Compression: ".tar.gz",
		Mode:        "w",
		Format:      loguru.DefaultFormat,
	})
	_, _ = loguru.Add("app.log", loguru.HandlerOptions{Rotation: "monday at 12:00", Retention: "5", Compression: "zst"})
	_, _ = loguru.Add(os.Stderr, loguru.HandlerOptions{Format: "<green>{time:HH:mm:ss}</green> {level: <8} {extra[user]} {{}} {message}"})
	_, _ = loguru.Add(os.Stderr, loguru.HandlerOptions{Format: format})
	// FormatFunc overrides Format, which is not compiled.
	_, _ = loguru.Add(os.Stderr, loguru.HandlerOptions{
		Format:     "{nope}",
		FormatFunc: func(*loguru.Record) string { return "{message}\n" },
	})
}
