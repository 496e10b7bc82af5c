package levels // want package:`levels\(CFG NOTICE quiet, dynamic=false\)`

import (
	"os"

	"github.com/loguru-go/loguru"

	_ "example.com/vettest/levels/lib"
)

func setup(l *loguru.Logger) {
	_, _ = l.AddLevel("NOTICE", 25, "", "")
	_, _ = l.AddLevel("quiet", 3, "", "")
	_, _ = loguru.Configure(loguru.Config{Levels: []loguru.Level{{Name: "CFG", No: 22}}})
}

func bad(l *loguru.Logger, id int) {
	loguru.Log("WARNN", "x")                                     // want `unknown level "WARNN"`
	l.Log("-1", "x")                                             // want `invalid level "-1": a level number must not be negative`
	loguru.Log("", "x")                                          // want `unknown level ""`
	loguru.LogFields("VERBOSE", "x")                             // want `unknown level "VERBOSE"`
	l.LogFields("QUIET", "x")                                    // want `unknown level "QUIET"`
	_ = loguru.SetLevel(id, "nope")                              // want `unknown level "nope"`
	_ = l.SetLevel(id, "WARNING!")                               // want `unknown level "WARNING!"`
	_ = loguru.Writer("ERR")                                     // want `unknown level "ERR"`
	_, _ = l.Add(os.Stderr, loguru.HandlerOptions{Level: "INF"}) // want `unknown level "INF"`
	defer l.Catch(loguru.CatchOptions{Level: "OOPS"})            // want `unknown level "OOPS"`
	opts := loguru.HandlerOptions{FilterLevels: map[string]string{
		"a": "NOPE", // want `unknown level "NOPE" in FilterLevels`
		"b": "true",
		"c": "FALSE",
		"d": "info",
		"e": "-5", // want `invalid level "-5": a level number must not be negative in FilterLevels`
	}}
	opts.Level = "nope" // want `unknown level "nope"`
	_ = opts
}

func good(l *loguru.Logger, id int, level string) {
	for _, name := range []string{"TRACE", "DEBUG", "INFO", "SUCCESS", "WARNING", "ERROR", "CRITICAL"} {
		loguru.Log(name, "x")
	}
	loguru.Log("WARN", "x")
	loguru.Log("warn", "x")
	l.Log("info", "x")
	l.Log("Debug", "x")
	l.Log("0", "x")
	l.Log("25", "x")
	l.Log("NOTICE", "x")
	l.LogFields("notice", "x")
	l.Log("quiet", "x")
	l.Log("AUDIT", "x")
	l.Log("CFG", "x")
	l.Log(level, "x")
	_ = l.SetLevel(id, "success")
	_, _ = l.Add(os.Stderr, loguru.HandlerOptions{Level: ""})
	defer l.Catch(loguru.CatchOptions{Level: ""})
}
