package loguru_test

// The functions below fail on purpose for the golden traceback tests. The
// golden files hold their line numbers: edit this file only at its end,
// then run go test -run TestTracebackGolden -update.

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"

	"github.com/loguru-go/loguru"
)

func parsePort(s string) (int, error) {
	n, _ := strconv.Atoi(s)
	if n > 65535 {
		return 0, loguru.NewError("port out of range", loguru.F("port", n), loguru.F("max", 65535))
	}
	return n, nil
}

func loadConfig(path, password string) error {
	if _, err := parsePort("70000"); err != nil {
		return loguru.Wrap(err, "load config", loguru.F("path", path), loguru.F("password", password))
	}
	return nil
}

func startServer(log *loguru.Logger, user string) {
	err := loadConfig("/etc/app.toml", "hunter2")
	log.Exception(err, "startup failed for {user}", loguru.F("user", user))
}

func closeAll() error {
	return errors.Join(loadConfig("/etc/db.toml", "s3cret"), pkgNew("close: connection reset"))
}

func shutdown(log *loguru.Logger) {
	if err := closeAll(); err != nil {
		log.Exception(err, "shutdown failed")
	}
}

func readRecord() error { return pkgNew("unexpected EOF") }

func decode() error { return pkgWrap(readRecord(), "decode record 7") }

func importFile(log *loguru.Logger) {
	err := pkgWrap(decode(), "import users.csv")
	log.Exception(err, "import failed")
}

func inverse(x int) int { return 1 / x }

func process(xs []int) int {
	total := 0
	for _, x := range xs {
		total += inverse(x - 2)
	}
	return total
}

func worker(log *loguru.Logger) {
	defer log.Catch()
	process([]int{1, 2, 3})
}

func wrapped(log *loguru.Logger) {
	log.CatchFunc(func() { process([]int{2}) })
}

// pkgErrors mimics github.com/pkg/errors v0.9.1 exactly where reports
// read it: New and Wrap record up to 32 program counters with
// runtime.Callers(3, ...), exposed by a StackTrace method returning a
// named slice of uintptr-kind frames; Wrap records a whole stack at every
// layer.
type (
	pkgFrame      uintptr
	pkgStackTrace []pkgFrame
	pkgStack      []uintptr
)

func (s *pkgStack) StackTrace() pkgStackTrace {
	f := make(pkgStackTrace, len(*s))
	for i, pc := range *s {
		f[i] = pkgFrame(pc)
	}
	return f
}

func pkgCallers() *pkgStack {
	var pcs [32]uintptr
	n := runtime.Callers(3, pcs[:])
	st := pkgStack(pcs[:n])
	return &st
}

type pkgFundamental struct {
	msg string
	*pkgStack
}

func (f *pkgFundamental) Error() string { return f.msg }

type pkgWithStack struct {
	error
	*pkgStack
}

func (w *pkgWithStack) Unwrap() error { return w.error }

type pkgWithMessage struct {
	cause error
	msg   string
}

func (w *pkgWithMessage) Error() string { return w.msg + ": " + w.cause.Error() }
func (w *pkgWithMessage) Unwrap() error { return w.cause }

func pkgNew(msg string) error { return &pkgFundamental{msg: msg, pkgStack: pkgCallers()} }

func pkgWrap(err error, msg string) error {
	return &pkgWithStack{&pkgWithMessage{cause: err, msg: msg}, pkgCallers()}
}

var _ = fmt.Sprint

func startAnn(log *loguru.Logger) { startServer(log, "ann") }

// onGoroutine runs fn on a goroutine of its own and waits for it.
func onGoroutine(log *loguru.Logger, fn func(*loguru.Logger)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(log)
	}()
	<-done
}
