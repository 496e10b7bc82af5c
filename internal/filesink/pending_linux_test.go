package filesink

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// A rotated file that another running process will compress is left alone
// by this process's retention and counted among the newest; a mark left by
// a process that has died is not.
func TestRetentionLeavesOtherProcessesPendingFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	mark := func(name string, pid int) {
		p := filepath.Join(dir, name)
		if err := syscall.Setxattr(p, pendingAttr, []byte(strconv.Itoa(pid)), 0); err != nil {
			t.Fatal(err)
		}
	}
	for i, name := range []string{"app.1.log", "app.2.log", "app.3.log"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(name), 0o600)
		mt := t0.Add(time.Duration(i-10) * time.Hour)
		os.Chtimes(p, mt, mt)
	}
	mark("app.3.log", os.Getppid())     // the test runner: alive
	mark("app.2.log", dead.Process.Pid) // gone
	if !pendingElsewhere(filepath.Join(dir, "app.3.log")) || pendingElsewhere(filepath.Join(dir, "app.2.log")) {
		t.Fatal("pendingElsewhere misjudges the marks")
	}
	f := open(t, filepath.Join(dir, "app.log"), Options{Size: 1, Now: func() time.Time { return t0 }, Retain: KeepCount(2)})
	write(t, f, "x", t0)
	write(t, f, "y", t0) // rotates: retention keeps 2, one of them pending elsewhere
	f.Wait()
	same(t, files(t, dir), map[string]string{
		"app.3.log":                          "app.3.log",
		"app.2026-11-22_10-01-02_345678.log": "x\n",
		"app.log":                            "y\n",
	})
}
