package syslog

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/loguru-go/loguru"
)

// rsyslogConf receives on every transport the sink speaks and writes each
// message's fields as one JSON object per line. Control characters are
// kept, so that a newline inside a message shows it arrived in one frame.
const rsyslogConf = `global(workDirectory="%[1]s" maxMessageSize="64k" parser.escapeControlCharactersOnReceive="off")
module(load="imtcp")
module(load="imudp")
module(load="imptcp")
module(load="imuxsock" SysSock.Use="off")
template(name="fields" type="list" option.jsonf="on") {
  property(outname="input" name="inputname" format="jsonf")
  property(outname="pri" name="pri" format="jsonf")
  property(outname="facility" name="syslogfacility" format="jsonf")
  property(outname="severity" name="syslogseverity" format="jsonf")
  property(outname="time" name="timereported" dateFormat="rfc3339" format="jsonf")
  property(outname="hostname" name="hostname" format="jsonf")
  property(outname="appname" name="app-name" format="jsonf")
  property(outname="procid" name="procid" format="jsonf")
  property(outname="msgid" name="msgid" format="jsonf")
  property(outname="sd" name="structured-data" format="jsonf")
  property(outname="msg" name="msg" format="jsonf")
}
input(type="imtcp" address="127.0.0.1" port="%[2]d")
input(type="imudp" address="127.0.0.1" port="%[3]d")
input(type="imptcp" path="%[4]s" unlink="on")
input(type="imuxsock" socket="%[5]s" useSpecialParser="off" parseHostname="on" ignoreTimestamp="off" annotate="off")
action(type="omfile" file="%[6]s" template="fields")
`

// received is one line of rsyslogConf's output.
type received struct {
	Input, PRI, Facility, Severity, Time, Hostname, AppName, ProcID, MsgID, SD, Msg string
}

// rsyslog is a running rsyslogd with its inputs.
type rsyslog struct {
	tcp, udp, stream, dgram, out string
}

// TestRsyslog sends records over TCP, UDP, a unix stream and a unix
// datagram socket to a real rsyslogd and checks every field it parsed.
func TestRsyslog(t *testing.T) {
	t.Parallel()
	rs := startRsyslog(t, findRsyslogd(t))
	transports := []struct{ network, addr, input string }{
		{"tcp", rs.tcp, "imtcp"}, {"udp", rs.udp, "imudp"},
		{"unix", rs.stream, "imptcp"}, {"unixgram", rs.dgram, "imuxsock"},
	}
	errs := &safeBuffer{}
	var want []received
	for _, tr := range transports {
		s, err := Dial(tr.network, tr.addr, Options{
			Facility: Local3, Hostname: "it-host", AppName: "loguru-it", ProcID: "4242", ErrorOutput: errs,
		})
		if err != nil {
			t.Fatal(err)
		}
		l := loguru.New().Patch(func(r *loguru.Record) { r.Time, r.Line = fixedTime, 7 })
		id, err := l.Add(s, loguru.HandlerOptions{Level: "TRACE"})
		if err != nil {
			t.Fatal(err)
		}
		l.Bind("transport", tr.network, "quote", `say "hi" [x] \o/`).Info("via {} é", tr.network)
		l.Error("two\nlines via {}", tr.network)
		l.Log("SUCCESS", "done")
		if err := l.Remove(id); err != nil {
			t.Fatal(err)
		}
		rec := `[loguru@32473 name="github.com/loguru-go/loguru/syslog" function="TestRsyslog" line="7"]`
		base := received{Input: tr.input, Facility: "19", Time: "2026-01-02T03:04:05.123456+01:00",
			Hostname: "it-host", AppName: "loguru-it", ProcID: "4242"}
		info, errRec, success := base, base, base
		info.PRI, info.Severity, info.MsgID, info.Msg = "158", "6", "INFO", "via "+tr.network+" é"
		info.SD = `[extra@32473 quote="say \"hi\" [x\] \\o/" transport="` + tr.network + `"]` + rec
		errRec.PRI, errRec.Severity, errRec.MsgID, errRec.Msg = "155", "3", "ERROR", "two\nlines via "+tr.network
		errRec.SD = rec
		success.PRI, success.Severity, success.MsgID, success.Msg, success.SD = "157", "5", "SUCCESS", "done", rec
		want = append(want, info, errRec, success)
	}
	got := rs.wait(t, len(want))
	for _, tr := range transports {
		if g, w := only(got, tr.input), only(want, tr.input); !equal(g, w) {
			t.Errorf("%s: got\n%+v\nwant\n%+v", tr.network, g, w)
		}
	}
	if errs.String() != "" {
		t.Errorf("reports: %s", errs.String())
	}
}

func only(rs []received, input string) []received {
	var out []received
	for _, r := range rs {
		if r.Input == input {
			out = append(out, r)
		}
	}
	return out
}

func equal(a, b []received) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// findRsyslogd skips the test when rsyslogd is not installed, except on
// CI, where it must be.
func findRsyslogd(t *testing.T) string {
	for _, p := range []string{"rsyslogd", "/usr/sbin/rsyslogd"} {
		if bin, err := exec.LookPath(p); err == nil {
			return bin
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("rsyslogd not found: install rsyslog (apt-get install -y rsyslog)")
	}
	t.Skip("rsyslogd not found; install rsyslog to run this test")
	return ""
}

// startRsyslog starts rsyslogd on free ports. A port found free may be
// taken before rsyslogd binds it, so a start that never becomes ready is
// retried on other ports.
func startRsyslog(t *testing.T, bin string) *rsyslog {
	var err error
	for range 3 {
		var rs *rsyslog
		if rs, err = tryRsyslog(t, bin); err == nil {
			return rs
		}
		t.Log(err)
	}
	t.Fatal(err)
	return nil
}

func tryRsyslog(t *testing.T, bin string) (*rsyslog, error) {
	dir := t.TempDir()
	rs := &rsyslog{
		tcp: freePort(t, "tcp"), udp: freePort(t, "udp"), stream: filepath.Join(dir, "stream.sock"),
		dgram: filepath.Join(dir, "dgram.sock"), out: filepath.Join(dir, "out.jsonl"),
	}
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "rsyslog.conf")
	text := fmt.Sprintf(rsyslogConf, work, port(rs.tcp), port(rs.udp), rs.stream, rs.dgram, rs.out)
	if err := os.WriteFile(conf, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, bin, "-N1", "-f", conf).CombinedOutput(); err != nil {
		t.Fatalf("rsyslogd rejects the configuration: %v\n%s", err, out)
	}
	output := &safeBuffer{}
	cmd := exec.Command(bin, "-n", "-f", conf, "-i", filepath.Join(dir, "rsyslogd.pid"))
	cmd.Stdout, cmd.Stderr = output, output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	stop := func() { _ = cmd.Process.Kill(); <-exited }
	if err := rs.ready(exited); err != nil {
		stop()
		return nil, fmt.Errorf("%w; rsyslogd said:\n%s", err, output.String())
	}
	t.Cleanup(stop)
	return rs, nil
}

// ready waits until every input accepts messages: the stream sockets
// accept connections and a probe datagram reaches the output file.
func (rs *rsyslog) ready(exited <-chan struct{}) error {
	deadline := time.After(15 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		if rs.accepts("tcp", rs.tcp) && rs.accepts("unix", rs.stream) && rs.probe() {
			return nil
		}
		select {
		case <-exited:
			return errors.New("rsyslogd exited")
		case <-deadline:
			return errors.New("rsyslogd did not become ready")
		case <-tick.C:
		}
	}
}

func (rs *rsyslog) accepts(network, addr string) bool {
	c, err := net.Dial(network, addr)
	if err == nil {
		_ = c.Close()
	}
	return err == nil
}

// probe sends a datagram over each datagram input and reports whether
// probes from both have reached the output.
func (rs *rsyslog) probe() bool {
	for _, d := range [][2]string{{"udp", rs.udp}, {"unixgram", rs.dgram}} {
		if c, err := net.Dial(d[0], d[1]); err == nil {
			_, _ = c.Write([]byte("<14>1 - - - - - - probe"))
			_ = c.Close()
		}
	}
	lines, _ := rs.read()
	var udp, unixgram bool
	for _, l := range lines {
		udp = udp || (l.Msg == "probe" && l.Input == "imudp")
		unixgram = unixgram || (l.Msg == "probe" && l.Input == "imuxsock")
	}
	return udp && unixgram
}

// read parses the output file's complete lines: rsyslogd may be in the
// middle of writing the last one.
func (rs *rsyslog) read() ([]received, error) {
	b, err := os.ReadFile(rs.out)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(b), "\n")
	var out []received
	for _, l := range lines[:len(lines)-1] {
		var r received
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			return out, fmt.Errorf("%q: %w", l, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// wait returns the n messages other than probes, once they have arrived.
func (rs *rsyslog) wait(t *testing.T, n int) []received {
	deadline := time.After(15 * time.Second)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		lines, err := rs.read()
		if err != nil {
			t.Fatal(err)
		}
		var got []received
		for _, l := range lines {
			if l.Msg != "probe" {
				got = append(got, l)
			}
		}
		if len(got) >= n {
			return got
		}
		select {
		case <-deadline:
			t.Fatalf("rsyslogd wrote %d of %d messages: %+v", len(got), n, got)
		case <-tick.C:
		}
	}
}

// freePort returns a loopback address free at the time of the call.
func freePort(t *testing.T, network string) string {
	if network == "udp" {
		c, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		return c.LocalAddr().String()
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func port(addr string) int {
	_, p, _ := net.SplitHostPort(addr)
	var n int
	_, _ = fmt.Sscan(p, &n)
	return n
}
