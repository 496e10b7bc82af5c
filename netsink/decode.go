package netsink

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/loguru-go/loguru"
)

// wireRecord is the payload as received. Pointers tell a missing required
// field from a zero one.
type wireRecord struct {
	Time     *string    `json:"time"`
	Elapsed  int64      `json:"elapsed"`
	Level    *wireLevel `json:"level"`
	Message  *string    `json:"message"`
	Name     string     `json:"name"`
	Function string     `json:"function"`
	Module   string     `json:"module"`
	File     struct {
		Name string `json:"name"`
		Path string `json:"path"`
	} `json:"file"`
	Line    int `json:"line"`
	Process struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	} `json:"process"`
	Thread struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	} `json:"thread"`
	Extra     map[string]any `json:"extra"`
	Exception *RemoteError   `json:"exception"`
}

type wireLevel struct {
	Name *string `json:"name"`
	No   *int    `json:"no"`
}

// remote is a decoded record, ready to be re-emitted.
type remote struct {
	rec   loguru.Record // Level holds the remote name and number
	extra map[string]any
	exc   *RemoteError
}

// maxLevelName bounds a level name: it is printed in every line.
const maxLevelName = 64

// decode parses and validates a payload.
func decode(payload []byte, into *remote) error {
	var w wireRecord
	// UseNumber keeps the integers of Extra integers: they would all
	// become float64.
	d := json.NewDecoder(bytes.NewReader(payload))
	d.UseNumber()
	if err := d.Decode(&w); err != nil {
		return err
	}
	if _, err := d.Token(); err != io.EOF {
		return errors.New("data after the JSON object")
	}
	if w.Time == nil || w.Level == nil || w.Level.Name == nil || w.Level.No == nil || w.Message == nil {
		return errors.New("missing time, level name, level number or message")
	}
	t, err := time.Parse(time.RFC3339Nano, *w.Time)
	if err != nil {
		return err
	}
	name, no := *w.Level.Name, *w.Level.No
	if name == "" || len(name) > maxLevelName || no < 0 {
		return fmt.Errorf("bad level %q (%d)", name, no)
	}
	for k, v := range w.Extra {
		w.Extra[k] = numbers(v)
	}
	*into = remote{extra: w.Extra, exc: w.Exception, rec: loguru.Record{
		Time: t, Elapsed: time.Duration(w.Elapsed), Level: loguru.Level{Name: name, No: no},
		Message: *w.Message, Name: w.Name, Function: w.Function, Module: w.Module,
		File: loguru.File{Name: w.File.Name, Path: w.File.Path}, Line: w.Line,
		Process: loguru.Process{ID: w.Process.ID, Name: w.Process.Name},
		Thread:  loguru.Thread{ID: w.Thread.ID, Name: w.Thread.Name},
	}}
	return nil
}

// numbers replaces json.Number by an int when the number is one, and by a
// float64 otherwise, in v and everything it contains.
func numbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil && int64(int(i)) == i {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = numbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = numbers(e)
		}
	}
	return v
}
