package loguru

import (
	"fmt"
	"io"
	"iter"
	"regexp"
	"time"

	"github.com/loguru-go/loguru/internal/parse"
)

// DefaultPattern is a pattern for Parse that matches the records DefaultFormat
// writes without colors, with the groups time, level, name, function, line
// and message.
//
// A record's message runs on over the lines that follow it up to the next
// record, so a multi-line message and its traceback, blank lines (as
// Diagnose writes them) included, come back whole. A line is the start of
// the next record when it begins with a time, "YYYY-MM-DD HH:mm:ss."; any
// other line, even one that begins with digits, belongs to the record
// before it. The newline that ends a record, and blank lines after its last
// line, are not part of the message.
const DefaultPattern = `(?m)^(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) \| (?P<level>[^|]*?)\s*\| ` +
	`(?P<name>[^:\s]*):(?P<function>[^:\s]*):(?P<line>\d+) - (?P<message>.*(?:\n+(?:` + notRecordStart + `).*)*)`

// notRecordStart matches the beginning of a non-empty line that does not
// start with DefaultFormat's time, "dddd-dd-dd dd:dd:dd.": RE2 has no
// negative lookahead, so each alternative fails the prefix at one
// position, or ends the line before the prefix is complete.
const notRecordStart = `[^\d\n]|\d(?:$|[^\d\n]|\d(?:$|[^\d\n]|\d(?:$|[^\d\n]|\d(?:$|[^-\n]|-(?:$|[^\d\n]|\d(?:$|[^\d\n]|\d(?:$|[^-\n]|-(?:$|[^\d\n]|\d(?:$|[^\d\n]|\d(?:$|[^ \n]| (?:$|[^\d\n]|\d(?:$|[^\d\n]|\d(?:$|[^:\n]|:(?:$|[^\d\n]|\d(?:$|[^\d\n]|\d(?:$|[^:\n]|:(?:$|[^\d\n]|\d(?:$|[^\d\n]|\d(?:$|[^.\n])))))))))))))))))))`

// Parse yields the named groups of each match of the regular expression
// pattern in r, in order: the way back from log files to data, like
// Loguru's logger.parse.
//
// r is read in chunks of 64 KiB and matched as it arrives, so a file of
// any size is parsed in bounded memory, and a match may span lines (a
// record followed by its traceback) and chunks. A match is at most 1 MiB
// long. Each map holds every named group of pattern; cast converts the
// groups it names (the others stay strings), and may be nil.
//
// Errors end the sequence: an invalid pattern is yielded before any
// reading, a failing cast in place of its match, and a failing read after
// the matches the data before it completes (the last match before the
// error may be cut short, so it is not yielded). Each map is new, so it
// may be kept.
func Parse(r io.Reader, pattern string, cast map[string]func(string) (any, error)) iter.Seq2[map[string]any, error] {
	re, err := regexp.Compile(pattern)
	if err != nil {
		return func(yield func(map[string]any, error) bool) {
			yield(nil, fmt.Errorf("loguru: invalid pattern for Parse: %w", err))
		}
	}
	return func(yield func(map[string]any, error) bool) {
		for groups, err := range parse.Matches(r, re, parse.Options{}) {
			if err != nil {
				yield(nil, err)
				return
			}
			m, err := castGroups(groups, cast)
			if !yield(m, err) || err != nil {
				return
			}
		}
	}
}

// castGroups converts the groups cast names.
func castGroups(groups map[string]string, cast map[string]func(string) (any, error)) (map[string]any, error) {
	m := make(map[string]any, len(groups))
	for k, s := range groups {
		f := cast[k]
		if f == nil {
			m[k] = s
			continue
		}
		v, err := f(s)
		if err != nil {
			return nil, fmt.Errorf("loguru: Parse could not cast group %q (%q): %w", k, s, err)
		}
		m[k] = v
	}
	return m, nil
}

// Cast adapts a typed parsing function to Parse's cast map:
// Cast(strconv.Atoi), Cast(ParseTime), Cast(strconv.ParseBool).
func Cast[T any](parse func(string) (T, error)) func(string) (any, error) {
	return func(s string) (any, error) {
		v, err := parse(s)
		if err != nil {
			return nil, err
		}
		return v, nil
	}
}

// ParseTime parses the time of the default format, "2006-01-02
// 15:04:05.000", in the local time zone. It also accepts 1 to 9
// fractional digits or none, and a zone suffix (" +01:00" or "+0100",
// as {time} writes it), which gives the result that fixed offset. Use it
// as Cast(ParseTime) in Parse.
func ParseTime(s string) (time.Time, error) {
	return parse.ParseTime(s)
}
