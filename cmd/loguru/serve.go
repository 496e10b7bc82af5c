package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/netsink"
)

// stopContext is cancelled when serve must stop: on SIGINT or SIGTERM.
// Tests replace it.
var stopContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// serveFlags are the options of loguru serve.
type serveFlags struct {
	listen, keyFile, cert, key, format, level string
	file, rotation, retention, compression    string
	serialize                                 bool
}

// serveCmd receives records from netsink clients and logs them to stderr,
// or to a file, until it is interrupted.
func serveCmd(args []string, stderr io.Writer) int {
	f, err := parseServeFlags(args, stderr)
	if err != nil {
		return flagExit(err)
	}
	opts, err := f.serverOptions(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "loguru serve: %v\n", err)
		return 2
	}
	log := loguru.New()
	if _, err := log.Add(f.sink(stderr)); err != nil {
		fmt.Fprintf(stderr, "loguru serve: %v\n", err)
		return 2
	}
	l, err := net.Listen("tcp", f.listen)
	if err != nil {
		fmt.Fprintf(stderr, "loguru serve: %v\n", err)
		return 1
	}
	ctx, stop := stopContext()
	defer stop()
	fmt.Fprintf(stderr, "loguru serve: listening on %s\n", l.Addr())
	err = netsink.Serve(ctx, l, log, opts)
	log.Complete()
	s := opts.Stats
	rejected := s.TooLarge.Load() + s.Unauthenticated.Load() + s.Malformed.Load() + s.Replayed.Load() + s.TimedOut.Load()
	fmt.Fprintf(stderr, "loguru serve: stopped: %d records received, %d connections rejected\n", s.Accepted.Load(), rejected)
	if err != nil {
		fmt.Fprintf(stderr, "loguru serve: %v\n", err)
		return 1
	}
	return 0
}

// sink is where the records go: stderr, or the file with its rotation.
func (f serveFlags) sink(stderr io.Writer) (any, loguru.HandlerOptions) {
	o := loguru.HandlerOptions{Format: f.format, Level: f.level, Serialize: f.serialize}
	if f.file == "" {
		return stderr, o
	}
	o.Rotation, o.Retention, o.Compression = f.rotation, f.retention, f.compression
	return f.file, o
}

// parseServeFlags reads serve's flags; a mistake is described on stderr
// and returned, as is flag.ErrHelp for -h and --help.
func parseServeFlags(args []string, stderr io.Writer) (serveFlags, error) {
	var f serveFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.listen, "listen", "127.0.0.1:9020", "`address` to listen on")
	fs.StringVar(&f.keyFile, "key-file", "", "`file` holding the shared key, at least 16 bytes (required)")
	fs.StringVar(&f.cert, "tls-cert", "", "PEM certificate `file`, to serve TLS")
	fs.StringVar(&f.key, "tls-key", "", "PEM private key `file` of the certificate")
	fs.StringVar(&f.format, "format", "", "handler `format` of the records (default loguru's)")
	fs.StringVar(&f.level, "level", "TRACE", "minimum `level` shown")
	fs.BoolVar(&f.serialize, "serialize", false, "write each record as a JSON line")
	fs.StringVar(&f.file, "file", "", "log to this `path` instead of stderr")
	fs.StringVar(&f.rotation, "rotation", "", "with --file, when to start a new file: \"100 MB\", \"00:00\", \"1 week\"")
	fs.StringVar(&f.retention, "retention", "", "with --file, which rotated files to keep: \"10 days\", \"5\"")
	fs.StringVar(&f.compression, "compression", "", "with --file, archive format of rotated files: \"gz\", \"zst\", ...")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: loguru serve --key-file F [--listen ADDR] [--tls-cert C --tls-key K] [--format FMT] [--level L] [--serialize]")
		fmt.Fprintln(stderr, "                    [--file PATH [--rotation R] [--retention R] [--compression C]]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return f, err
	}
	if fs.NArg() > 0 {
		return f, usageError(stderr, fmt.Sprintf("loguru serve: unexpected argument %q", fs.Arg(0)))
	}
	if f.file == "" && f.rotation+f.retention+f.compression != "" {
		return f, usageError(stderr, "loguru serve: --rotation, --retention and --compression need --file")
	}
	return f, nil
}

// serverOptions reads the key and the certificate.
func (f serveFlags) serverOptions(stderr io.Writer) (netsink.ServerOptions, error) {
	o := netsink.ServerOptions{ErrorOutput: stderr, Stats: new(netsink.Stats)}
	if f.keyFile == "" {
		return o, errors.New("--key-file is required (make a key with: head -c 32 /dev/urandom > key)")
	}
	key, err := netsink.ReadKeyFile(f.keyFile)
	if err != nil {
		return o, err
	}
	warnExposedKey(stderr, f.keyFile)
	o.Key = key
	if (f.cert == "") != (f.key == "") {
		return o, errors.New("--tls-cert and --tls-key go together")
	}
	if f.cert != "" {
		cert, err := tls.LoadX509KeyPair(f.cert, f.key)
		if err != nil {
			return o, err
		}
		o.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	return o, nil
}

// warnExposedKey warns, as ssh does for a private key, when others than
// its owner may read or change the key file: whoever reads the key can
// send records as any client. Windows has no such permission bits.
func warnExposedKey(stderr io.Writer, path string) {
	fi, err := os.Stat(path)
	if err != nil || runtime.GOOS == "windows" {
		return
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		fmt.Fprintf(stderr, "loguru serve: warning: the key file %s is open to others (permissions %#o): "+
			"whoever reads it can send records as any client; make it private: chmod 600 %s\n", path, perm, path)
	}
}
