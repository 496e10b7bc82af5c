package netsink

import (
	"errors"
	"fmt"
	"time"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/jsonparse"
)

// remote is a decoded record, ready to be re-emitted.
type remote struct {
	rec   loguru.Record // Level holds the remote name and number
	extra map[string]any
	exc   *RemoteError
	size  int64 // the estimated memory it holds, counted in the server's budget
}

// maxLevelName bounds a level name: it is printed in every line.
const maxLevelName = 64

// decode parses and validates a payload. Member names are matched
// exactly; unknown members are parsed and ignored, null members count as
// absent, and a member of the wrong type rejects the payload.
func decode(payload []byte, into *remote, in *jsonparse.Interner) error {
	p := jsonparse.New(payload)
	p.Intern = in // member names, level names and call sites recur
	d := recordDecoder{p: p, r: into}
	*into = remote{}
	if err := p.Object(d.member); err != nil {
		return err
	}
	if !p.End() {
		return errors.New("data after the JSON object")
	}
	into.size = int64(len(payload)) + recordCost + valueCost*int64(p.Values) + objectCost*int64(p.Objects)
	return d.check()
}

// recordDecoder fills a remote from the members of a payload.
type recordDecoder struct {
	p                      *jsonparse.Parser
	r                      *remote
	time, message, lvlName *string
	lvlNo                  *int
}

func (d *recordDecoder) member(key string) error {
	p, rec := d.p, &d.r.rec
	if p.Null() {
		return nil
	}
	var err error
	switch key {
	case "time":
		d.time, err = strPtr(p)
	case "message":
		d.message, err = strPtr(p)
	case "elapsed":
		var n int64
		n, err = p.Int64()
		rec.Elapsed = time.Duration(n)
	case "level":
		err = p.Object(d.level)
	case "name":
		rec.Name, err = p.Interned()
	case "function":
		rec.Function, err = p.Interned()
	case "module":
		rec.Module, err = p.Interned()
	case "line":
		rec.Line, err = p.Int()
	case "file":
		err = p.Object(d.file)
	case "process":
		err = p.Object(d.process)
	case "thread":
		err = p.Object(d.thread)
	case "extra":
		d.r.extra, err = p.Members()
	case "exception":
		d.r.exc = new(RemoteError)
		err = p.Object(d.exception)
	default:
		_, err = p.Value()
	}
	return err
}

func strPtr(p *jsonparse.Parser) (*string, error) {
	s, err := p.Str()
	return &s, err
}

// internedPtr is strPtr for a string that recurs.
func internedPtr(p *jsonparse.Parser) (*string, error) {
	s, err := p.Interned()
	return &s, err
}

func (d *recordDecoder) level(key string) error {
	p := d.p
	if p.Null() {
		return nil
	}
	var err error
	switch key {
	case "name":
		d.lvlName, err = internedPtr(p)
	case "no":
		var n int
		n, err = p.Int()
		d.lvlNo = &n
	default:
		_, err = p.Value()
	}
	return err
}

func (d *recordDecoder) file(key string) error {
	f := &d.r.rec.File
	switch key {
	case "name":
		return d.interned(&f.Name)
	case "path":
		return d.interned(&f.Path)
	}
	return d.skip()
}

func (d *recordDecoder) process(key string) error {
	pr := &d.r.rec.Process
	switch key {
	case "id":
		return d.int(&pr.ID)
	case "name":
		return d.interned(&pr.Name)
	}
	return d.skip()
}

func (d *recordDecoder) thread(key string) error {
	th := &d.r.rec.Thread
	switch key {
	case "id":
		if d.p.Null() {
			return nil
		}
		var err error
		th.ID, err = d.p.Int64()
		return err
	case "name":
		return d.interned(&th.Name)
	}
	return d.skip()
}

func (d *recordDecoder) exception(key string) error {
	x := d.r.exc
	switch key {
	case "type":
		return d.str(&x.Type)
	case "value":
		return d.str(&x.Value)
	case "traceback":
		return d.str(&x.Traceback)
	case "panic":
		if d.p.Null() {
			return nil
		}
		var err error
		x.Panic, err = d.p.Bool()
		return err
	}
	return d.skip()
}

// str, int and skip read one member of a nested object; null leaves the
// field as it is.
func (d *recordDecoder) str(f *string) (err error) {
	if !d.p.Null() {
		*f, err = d.p.Str()
	}
	return err
}

func (d *recordDecoder) interned(f *string) (err error) {
	if !d.p.Null() {
		*f, err = d.p.Interned()
	}
	return err
}

func (d *recordDecoder) int(f *int) (err error) {
	if !d.p.Null() {
		*f, err = d.p.Int()
	}
	return err
}

func (d *recordDecoder) skip() error {
	_, err := d.p.Value()
	return err
}

// check validates what the members said and completes the record.
func (d *recordDecoder) check() error {
	if d.time == nil || d.lvlName == nil || d.lvlNo == nil || d.message == nil {
		return errors.New("missing time, level name, level number or message")
	}
	t, err := time.Parse(time.RFC3339Nano, *d.time)
	if err != nil {
		return err
	}
	name, no := *d.lvlName, *d.lvlNo
	if name == "" || len(name) > maxLevelName || no < 0 {
		return fmt.Errorf("bad level %q (%d)", name, no)
	}
	rec := &d.r.rec
	rec.Time, rec.Level, rec.Message = t, loguru.Level{Name: name, No: no}, *d.message
	if len(d.r.extra) == 0 {
		d.r.extra = nil
	}
	return nil
}
