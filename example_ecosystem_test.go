package loguru_test

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/loguru-go/loguru"
)

func ExampleNewSlogHandler() {
	l := exampleLogger("{level} {message} {extra}")
	logger := slog.New(loguru.NewSlogHandler(l))
	// In a program: slog.SetDefault(logger), and log/slog and log go to loguru.
	logger.Info("order paid", "order", 1042, slog.Group("user", "name", "bob"))
	logger.With("request", "r1").Warn("slow")
	// Output:
	// INFO order paid {"order": 1042, "user": {"name": "bob"}}
	// WARNING slow {"request": "r1"}
}

func ExampleLogger_Add_slogHandler() {
	l := loguru.New()
	text := slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // stable output for the example
			}
			return a
		},
	})
	l.Add(text)
	l.Bind("user", "bob").Info("Hello {}", "world")
	// Output:
	// level=INFO msg="Hello world" user=bob
}

func ExampleWriter() {
	l := exampleLogger("{level} {function} {message}")
	std := log.New(l.Writer("WARNING"), "", 0) // or log.SetOutput(loguru.Writer("WARNING"))
	std.Printf("disk at %d%%", 93)
	// Output:
	// WARNING ExampleWriter disk at 93%
}

func ExampleConfigure() {
	l := loguru.New()
	ids, err := l.Configure(loguru.Config{
		Handlers: []loguru.HandlerConfig{
			{Sink: os.Stdout, Options: loguru.HandlerOptions{Format: "{level.icon} {message} [{extra[app]}]"}},
		},
		Levels: []loguru.Level{{Name: "NOTICE", No: 25, Icon: "📣"}},
		Extra:  map[string]any{"app": "shop"},
	})
	fmt.Println(ids, err)
	l.Log("NOTICE", "configured")
	// Output:
	// [0] <nil>
	// 📣 configured [shop]
}

func ExampleReadConfig() {
	c, err := loguru.ReadConfig(strings.NewReader(`{
		"handlers": [{"sink": "stdout", "format": "{level}: {message}", "level": "INFO"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	l := loguru.New()
	l.Configure(c)
	l.Debug("filtered out")
	l.Info("from a JSON configuration")
	// Output:
	// INFO: from a JSON configuration
}

func ExampleHandlerOptions_json() {
	l := loguru.New()
	l.Add(os.Stdout, loguru.HandlerOptions{JSON: true})
	// A fixed time and line keep the example's output stable.
	fixed := l.Patch(func(r *loguru.Record) {
		r.Time, r.Line = time.Date(2026, 11, 22, 9, 1, 2, 0, time.UTC), 12
	})
	fixed.Bind("user", "bob").Info("Hello {}", "world")
	// Output:
	// {"time":"2026-11-22T09:01:02Z","level":"INFO","name":"github.com/loguru-go/loguru_test","function":"ExampleHandlerOptions_json","line":12,"message":"Hello world","extra":{"user":"bob"}}
}

func ExampleContextualize_slog() {
	l := exampleLogger("{message} {extra}")
	logger := slog.New(loguru.NewSlogHandler(l))
	ctx := loguru.Contextualize(context.Background(), "request_id", "a1b2")
	logger.InfoContext(ctx, "handled")
	// Output:
	// handled {"request_id": "a1b2"}
}

func ExampleParse() {
	log := strings.NewReader(`2026-11-22 10:01:02.345 | INFO     | app:main:10 - started
2026-11-22 10:01:02.346 | ERROR    | app:main:12 - failed
*errors.errorString: boom
2026-11-22 10:01:03.000 | INFO     | app:main:14 - done
`)
	// A message runs on over the lines that do not start with a digit.
	pattern := `(?m)^(?P<time>\S+ \S+) \| (?P<level>\w+)\s*\| \S+:(?P<line>\d+) - (?P<message>.*(?:\n[^\d\n].*)*)`
	cast := map[string]func(string) (any, error){
		"time": loguru.Cast(loguru.ParseTime),
		"line": loguru.Cast(strconv.Atoi),
	}
	for rec, err := range loguru.Parse(log, pattern, cast) {
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Printf("%s line %d at %s: %q\n", rec["level"], rec["line"], rec["time"].(time.Time).Format("15:04:05.000"), rec["message"])
	}
	// Output:
	// INFO line 10 at 10:01:02.345: "started"
	// ERROR line 12 at 10:01:02.346: "failed\n*errors.errorString: boom"
	// INFO line 14 at 10:01:03.000: "done"
}
