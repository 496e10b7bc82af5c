package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// maxLine bounds a line of serialized input, as Parse bounds a record.
const maxLine = 1 << 20

// serializedText returns r as it is when it holds text, or, when its
// first non-blank byte is '{' (a Serialize handler's JSON lines), a
// reader of the "text" of each line in turn: the record as its format
// wrote it, traceback included.
func serializedText(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		b, err := br.Peek(n)
		if len(b) < n || err != nil {
			return br
		}
		switch b[n-1] {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return &textReader{br: br}
		}
		return br
	}
}

// textReader reads the "text" fields of JSON lines. A line that is not a
// serialized record is skipped and noted in skipped, so that one bad line
// does not cut the record before it short or stop the file.
type textReader struct {
	br      *bufio.Reader
	text    []byte // what is left of the current line's text
	line    int
	err     error
	skipped []error
}

func (t *textReader) Read(p []byte) (int, error) {
	for len(t.text) == 0 {
		if t.err != nil {
			return 0, t.err
		}
		t.err = t.next()
	}
	n := copy(p, t.text)
	t.text = t.text[n:]
	return n, nil
}

// next decodes the next non-blank line into t.text.
func (t *textReader) next() error {
	line, err := t.readLine()
	if err != nil {
		return err
	}
	var rec struct {
		Text *string `json:"text"`
	}
	if jerr := json.Unmarshal(line, &rec); jerr != nil || rec.Text == nil {
		t.skipped = append(t.skipped, fmt.Errorf("line %d is not a serialized record (a JSON object with \"text\"); skipped", t.line))
		return nil
	}
	t.text = []byte(*rec.Text)
	return nil
}

// readLine returns the next non-blank line, trimmed, counting lines in
// t.line; a line longer than maxLine is an error.
func (t *textReader) readLine() ([]byte, error) {
	for {
		var line []byte
		t.line++
		for {
			chunk, err := t.br.ReadSlice('\n')
			line = append(line, chunk...)
			if len(line) > maxLine {
				return nil, fmt.Errorf("line %d is longer than %d bytes", t.line, maxLine)
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if err != nil && (err != io.EOF || len(bytes.TrimSpace(line)) == 0) {
				return nil, err
			}
			break
		}
		if line = bytes.TrimSpace(line); len(line) > 0 {
			return line, nil
		}
	}
}
