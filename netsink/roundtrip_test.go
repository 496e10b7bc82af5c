package netsink

import (
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

type point struct{ X, Y int }

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{})
	sink := dialSink(t, srv.addr, Options{})
	client := loguru.New()
	mine := new(collector)
	if _, err := client.Add(mine.sink); err != nil {
		t.Fatal(err)
	}
	id, err := client.Add(sink, loguru.HandlerOptions{Level: "TRACE"})
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 11, 22, 10, 1, 2, 345678901, time.FixedZone("IST", 5*3600+30*60))
	log := client.Patch(func(r *loguru.Record) { r.Time = when }).Bind("user", "ann", "n", 42, "pi", 3.5, "p", point{1, 2}, "ch", make(chan int))
	log.Info("Order {id} shipped {{not a field}}", loguru.F("id", 1042))
	log.Warning("literal {braces} and <red>markup</red>")
	if _, err := client.AddLevel("NOTICE", 33, "<magenta>", "!"); err != nil {
		t.Fatal(err)
	}
	log.Log("NOTICE", "a level the server does not know")
	if err := client.Remove(id); err != nil { // flushes and closes
		t.Fatal(err)
	}
	waitFor(t, "3 records", func() bool { return srv.got.len() == 3 })

	for i := range 3 {
		want, _ := mine.get(i)
		got, text := srv.got.get(i)
		if !got.Time.Equal(want.Time) || got.Time.Nanosecond() != 345678901 {
			t.Errorf("time %v, want %v", got.Time, want.Time)
		}
		if _, off := got.Time.Zone(); off != 5*3600+30*60 {
			t.Errorf("offset %d", off)
		}
		if got.Level.Name != want.Level.Name || got.Level.No != want.Level.No {
			t.Errorf("level %v/%d, want %v/%d", got.Level.Name, got.Level.No, want.Level.Name, want.Level.No)
		}
		if got.Message != want.Message || got.Name != want.Name || got.Function != want.Function ||
			got.Module != want.Module || got.File != want.File || got.Line != want.Line ||
			got.Process != want.Process || got.Thread != want.Thread || got.Elapsed != want.Elapsed {
			t.Errorf("record %d:\n got %+v\nwant %+v", i, got, want)
		}
		wantExtra := map[string]any{"user": "ann", "n": 42, "pi": 3.5, "p": map[string]any{"X": 1, "Y": 2}, "ch": want.Extra["ch"].(chan int)}
		wantExtra["ch"] = got.Extra["ch"]
		if i == 0 {
			wantExtra["id"] = 1042
		}
		if !reflect.DeepEqual(got.Extra, wantExtra) {
			t.Errorf("extra %#v\nwant %#v", got.Extra, wantExtra)
		}
		if s, ok := got.Extra["ch"].(string); !ok || !strings.HasPrefix(s, "0x") {
			t.Errorf("a channel travels as its text, got %#v", got.Extra["ch"])
		}
		if !strings.HasPrefix(text, got.Level.Name+" github.com/loguru-go/loguru/netsink:TestRoundTrip:") {
			t.Errorf("line %q", text)
		}
	}
	_, text := srv.got.get(0)
	if !strings.HasSuffix(text, ` Order 1042 shipped {not a field} {"ch": "`+srv.got.recs[0].Extra["ch"].(string)+`", "id": 1042, "n": 42, "p": {"X": 1, "Y": 2}, "pi": 3.5, "user": "ann"}`+"\n") {
		t.Errorf("formatted line %q", text)
	}
	if _, text := srv.got.get(1); !strings.Contains(text, " literal {braces} and <red>markup</red> ") {
		t.Errorf("the message must not be formatted again: %q", text)
	}
	if rec, _ := srv.got.get(2); rec.Level.Name != "NOTICE" || rec.Level.No != 33 {
		t.Errorf("unknown level: %+v", rec.Level)
	}
	if n := srv.stats.Accepted.Load(); n != 3 {
		t.Errorf("Accepted = %d", n)
	}
	if s := srv.errOut.String(); s != "" {
		t.Errorf("server reports: %s", s)
	}
}

func TestRoundTripError(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{})
	sink := dialSink(t, srv.addr, Options{})
	client := loguru.New()
	client.Add(sink, loguru.HandlerOptions{})
	err := &fs.PathError{Op: "open", Path: "/etc/shop.toml", Err: fs.ErrNotExist}
	client.Exception(err, "loading failed")
	if err := client.Complete(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the record", func() bool { return srv.got.len() == 1 })
	rec, text := srv.got.get(0)
	x := rec.Exception
	if x == nil || x.Type != "*fs.PathError" || x.Value != err.Error() || x.Panic {
		t.Fatalf("exception %+v", x)
	}
	var remote *RemoteError
	if !errors.As(x.Err, &remote) || !strings.Contains(remote.Traceback, "TestRoundTripError") {
		t.Fatalf("remote error %#v", x.Err)
	}
	// The server shows the client's traceback as it is, under the line.
	if !strings.HasSuffix(text, "\n"+remote.Traceback) || !strings.HasSuffix(text, "*fs.PathError: open /etc/shop.toml: file does not exist\n") ||
		strings.Contains(text, "RemoteError") || x.Text != remote.Traceback {
		t.Errorf("formatted:\n%s\nclient traceback:\n%s", text, remote.Traceback)
	}
}

func TestWriteWithoutRecord(t *testing.T) {
	t.Parallel()
	srv := startServer(t, ServerOptions{})
	sink := dialSink(t, srv.addr, Options{})
	if err := sink.Write(loguru.Message{Text: "x"}); err == nil || err.Error() != "netsink: a message without a record" {
		t.Errorf("Write without a record: %v", err)
	}
	if err := sink.Close(); err != nil || sink.Dropped() != 0 {
		t.Errorf("Close = %v, Dropped = %d", err, sink.Dropped())
	}
}
