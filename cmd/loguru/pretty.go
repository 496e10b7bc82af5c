package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/jsonparse"
	"github.com/loguru-go/loguru/internal/termcolor"
)

// The formats of pretty's lines: loguru's default, with the caller's parts
// that the line has, and Extra after the message when it has any.
const (
	prettyHead   = "<green>{time:YYYY-MM-DD HH:mm:ss.SSS}</green> | <level>{level: <8}</level>"
	prettyCaller = " | <cyan>{name}</cyan>:<cyan>{function}</cyan>:<cyan>{line}</cyan>"
	prettyFile   = " | <cyan>{name}</cyan>:<cyan>{line}</cyan>"
	prettyTail   = " - <level>{message}</level>"
	prettyExtra  = " <yellow>{extra}</yellow>"
	prettyEnd    = "\n{exception}"
)

var prettyFormats = [3][2]string{
	{prettyHead + prettyTail + prettyEnd, prettyHead + prettyTail + prettyExtra + prettyEnd},
	{prettyHead + prettyFile + prettyTail + prettyEnd, prettyHead + prettyFile + prettyTail + prettyExtra + prettyEnd},
	{prettyHead + prettyCaller + prettyTail + prettyEnd, prettyHead + prettyCaller + prettyTail + prettyExtra + prettyEnd},
}

// prettyFormat picks the default format of a record.
func prettyFormat(r *loguru.Record) string {
	caller := 0
	switch {
	case r.Function != "":
		caller = 2
	case r.Line > 0 || r.Name != "":
		caller = 1
	}
	extra := 0
	if len(r.Extra) > 0 {
		extra = 1
	}
	return prettyFormats[caller][extra]
}

const prettyUsage = `usage: loguru pretty [--format FMT] [--level L] [--where key=value]... [--color auto|always|never] [-f] [file ...]

Prints JSON log lines (loguru's JSON lines and Serialize, zap, zerolog,
slog's JSONHandler) and logfmt lines (slog's TextHandler) in loguru's
colored format, from the files or stdin. Other lines pass through as they
are. With -f, follows the one file given as it grows, through rotations
and truncations, waiting for it if it does not exist yet.
`

// prettyFlags are pretty's options.
type prettyFlags struct {
	format, level, color string
	where                []string
	follow               bool
}

func parsePrettyFlags(args []string, stderr io.Writer) (prettyFlags, []string, error) {
	var f prettyFlags
	fs := flag.NewFlagSet("pretty", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.format, "format", "", "a loguru `template` for the lines (default loguru's, with Extra)")
	fs.StringVar(&f.level, "level", "", "minimum `level` shown (TRACE, debug, WARN, 30...)")
	fs.StringVar(&f.color, "color", "auto", "auto (a terminal, unless NO_COLOR), always or never")
	fs.Func("where", "show only records whose `key=value` matches (a field of Extra, or level, name, function, message); repeatable", func(s string) error {
		if !strings.Contains(s, "=") {
			return errors.New("want key=value")
		}
		f.where = append(f.where, s)
		return nil
	})
	fs.BoolVar(&f.follow, "f", false, "follow the file as it grows, through rotations")
	fs.Usage = func() {
		fmt.Fprint(stderr, prettyUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return f, nil, err
	}
	switch {
	case f.color != "auto" && f.color != "always" && f.color != "never":
		return f, nil, usageError(stderr, fmt.Sprintf("loguru pretty: --color %q: want auto, always or never", f.color))
	case f.follow && fs.NArg() != 1:
		return f, nil, usageError(stderr, "loguru pretty: -f follows exactly one file")
	}
	return f, fs.Args(), nil
}

// prettyCmd runs loguru pretty.
func prettyCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f, files, err := parsePrettyFlags(args, stderr)
	if err != nil {
		return flagExit(err)
	}
	p, err := newPrinter(f, stdout, time.Local)
	if err != nil {
		fmt.Fprintf(stderr, "loguru pretty: %v\n", err)
		return 2
	}
	defer p.flush()
	if f.follow {
		ctx, stop := stopContext()
		defer stop()
		wait := func() bool {
			p.flush()
			select {
			case <-ctx.Done():
				return false
			case <-time.After(200 * time.Millisecond):
				return true
			}
		}
		if err := follow(files[0], p.line, wait); err != nil {
			fmt.Fprintf(stderr, "loguru pretty: %v\n", err)
			return 1
		}
		return 0
	}
	if len(files) == 0 {
		if err := eachLine(stdin, p.line); err != nil {
			fmt.Fprintf(stderr, "loguru pretty: %v\n", err)
			return 1
		}
		return 0
	}
	code := 0
	for _, name := range files {
		if err := printFile(name, p.line); err != nil {
			fmt.Fprintf(stderr, "loguru pretty: %v\n", err)
			code = 1
		}
	}
	return code
}

func printFile(name string, fn func([]byte)) error {
	file, err := os.Open(name)
	if err != nil {
		return err
	}
	defer file.Close()
	return eachLine(file, fn)
}

// printer turns lines into records and logs them to its output.
type printer struct {
	log     *loguru.Logger
	out     *bufio.Writer
	loc     *time.Location
	strings jsonparse.Interner // the input's member names
}

// bufferedOutput hides the Flush of its writer from loguru, which would
// flush after each line: the printer flushes when input stops.
type bufferedOutput struct{ w *bufio.Writer }

func (b bufferedOutput) Write(p []byte) (int, error) { return b.w.Write(p) }

func newPrinter(f prettyFlags, stdout io.Writer, loc *time.Location) (*printer, error) {
	p := &printer{log: loguru.New(), out: bufio.NewWriterSize(stdout, 64<<10), loc: loc}
	o := loguru.HandlerOptions{Level: f.level, Format: f.format, Colorize: colorSwitch(f.color, stdout)}
	if f.format == "" {
		o.FormatFunc = prettyFormat
	}
	if len(f.where) > 0 {
		o.FilterFunc = whereFilter(f.where)
	}
	if o.Level == "" {
		o.Level = "0"
	}
	if _, err := p.log.Add(bufferedOutput{p.out}, o); err != nil {
		return nil, err
	}
	return p, nil
}

// colorSwitch decides the colors: auto colors stdout as loguru's
// Colorize Auto would (the handler writes to a buffer, which loguru could
// not tell from a terminal).
func colorSwitch(color string, stdout io.Writer) loguru.Switch {
	switch color {
	case "always":
		return loguru.On
	case "never":
		return loguru.Off
	}
	if f, ok := stdout.(*os.File); ok && termcolor.Auto(f) {
		return loguru.On
	}
	return loguru.Off
}

// line prints one line: a record in the handler's format, anything else
// as it is.
func (p *printer) line(b []byte) {
	r, ok := decodeLine(b, &p.strings)
	if !ok {
		r, ok = decodeLogfmt(b)
	}
	if !ok {
		p.out.Write(b)
		p.out.WriteByte('\n')
		return
	}
	if !r.Time.IsZero() {
		r.Time = r.Time.In(p.loc)
	}
	p.log.Emit(r)
}

func (p *printer) flush() { _ = p.out.Flush() }

// whereFilter keeps the records for which every key=value holds.
func whereFilter(where []string) func(*loguru.Record) bool {
	type cond struct{ key, value string }
	conds := make([]cond, len(where))
	for i, w := range where {
		k, v, _ := strings.Cut(w, "=")
		conds[i] = cond{k, v}
	}
	return func(r *loguru.Record) bool {
		for _, c := range conds {
			if got, ok := recordValue(r, c.key); !ok || got != c.value {
				return false
			}
		}
		return true
	}
}

// recordValue is the text of a record field or Extra value, for --where.
func recordValue(r *loguru.Record, key string) (string, bool) {
	switch key {
	case "level":
		return r.Level.Name, true
	case "message", "msg":
		return r.Message, true
	case "name":
		return r.Name, true
	case "function":
		return r.Function, true
	}
	v, ok := r.Extra[key]
	if !ok {
		return "", false
	}
	return loguru.ValueText(v), true
}

// eachLine calls fn with each line of r, without its newline (a final
// line without one included).
func eachLine(r io.Reader, fn func([]byte)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var long []byte
	for {
		b, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long, b...)
			continue
		}
		if long != nil {
			b = append(long, b...)
			long = nil
		}
		if len(b) > 0 {
			fn(trimEOL(b))
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// follow prints the lines of the file at path as they are written, until
// wait returns false; wait is called whenever the file has nothing more.
// When the path names another file (a rotation) or the file shrinks (a
// truncation), the rest of the old file is printed and the new one read
// from its start. A line is printed once its newline is written. A file
// that does not exist yet is waited for.
func follow(path string, fn func([]byte), wait func() bool) error {
	file, err := os.Open(path)
	for errors.Is(err, fs.ErrNotExist) {
		if !wait() {
			return nil
		}
		file, err = os.Open(path)
	}
	if err != nil {
		return err
	}
	defer func() { file.Close() }()
	var partial []byte
	var buf [64 << 10]byte
	readAll := func() error {
		for {
			n, err := file.Read(buf[:])
			partial = append(partial, buf[:n]...)
			for {
				i := bytes.IndexByte(partial, '\n')
				if i < 0 {
					break
				}
				fn(trimEOL(partial[:i+1]))
				partial = partial[i+1:]
			}
			if err == io.EOF || n == 0 {
				partial = append([]byte(nil), partial...) // keep the rest, not the whole history
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
	for {
		if err := readAll(); err != nil {
			return err
		}
		if !wait() {
			return nil
		}
		cur, err1 := file.Stat()
		now, err2 := os.Stat(path)
		switch {
		case err1 != nil || err2 != nil:
			// The path is gone for now (mid-rotation): keep reading the old file.
		case !os.SameFile(cur, now):
			if err := readAll(); err != nil {
				return err
			}
			next, err := os.Open(path)
			if err != nil {
				continue
			}
			file.Close()
			file, partial = next, nil
		default:
			off, err := file.Seek(0, io.SeekCurrent)
			if err == nil && now.Size() < off {
				if _, err := file.Seek(0, io.SeekStart); err != nil {
					return err
				}
				partial = nil
			}
		}
	}
}
