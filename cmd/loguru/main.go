// Command loguru is loguru-go's command-line tool.
//
//	loguru demo    shows every level, bound values, a custom level and colors
//	loguru parse   prints the records of log files as JSON lines
//	loguru pretty  prints JSON and logfmt log lines (loguru, zap, zerolog, slog) in loguru's colors
//	loguru serve   receives records from netsink clients and logs them
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = `usage: loguru <command>

commands:
  demo    show what loguru-go's output looks like
  parse   print the records of log files (default format) as JSON lines
  pretty  print JSON or logfmt log lines (loguru, zap, zerolog, slog) in loguru's colored format
  serve   receive records from netsink clients and log them (stderr or --file)
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "demo":
		return demoCmd(args[1:], stderr)
	case "parse":
		return parseCmd(args[1:], stdin, stdout, stderr)
	case "pretty":
		return prettyCmd(args[1:], stdin, stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "loguru: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// flagExit is the exit code for a command whose flags did not parse: 0 for
// -h and --help, which printed the usage, 2 for a mistake.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// usageError describes a mistake in a command's arguments on stderr and
// returns it.
func usageError(stderr io.Writer, msg string) error {
	fmt.Fprintln(stderr, msg)
	return errors.New(msg)
}
