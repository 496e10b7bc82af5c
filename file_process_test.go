package loguru_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/loguru-go/loguru"
	"github.com/loguru-go/loguru/internal/archive"
)

// fileWriterChild is a process of the multi-process tests. It logs
// "p<proc> g<goroutine> <n>" lines to path from several goroutines, with
// the rotation given, and prints "ready <n>" on stdout after each 100
// lines of goroutine 0 so that the parent can pick its moment.
func fileWriterChild(path string) int {
	proc := os.Getenv("LOGURU_TEST_PROC")
	goroutines, _ := strconv.Atoi(os.Getenv("LOGURU_TEST_GOROUTINES"))
	lines, _ := strconv.Atoi(os.Getenv("LOGURU_TEST_LINES"))
	l := loguru.New()
	opts := loguru.HandlerOptions{Format: "{message}", Rotation: os.Getenv("LOGURU_TEST_ROTATION"), Compression: os.Getenv("LOGURU_TEST_COMPRESSION")}
	if _, err := l.Add(path, opts); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range lines {
				l.Info("p{} g{} {}", proc, g, i)
				if g == 0 && i%100 == 99 {
					fmt.Printf("ready %d\n", i+1)
				}
			}
		}()
	}
	wg.Wait()
	if err := l.RemoveAll(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// writers starts n writer processes, with compression if rotation has a
// second field ("1 MB|gz").
func writers(t *testing.T, path string, n, goroutines, lines int, rotation string) []*exec.Cmd {
	rotation, compression, _ := strings.Cut(rotation, "|")
	t.Helper()
	var cmds []*exec.Cmd
	for p := range n {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "LOGURU_TEST_FILE_WRITER="+path, "LOGURU_TEST_PROC="+strconv.Itoa(p),
			"LOGURU_TEST_GOROUTINES="+strconv.Itoa(goroutines), "LOGURU_TEST_LINES="+strconv.Itoa(lines),
			"LOGURU_TEST_ROTATION="+rotation, "LOGURU_TEST_COMPRESSION="+compression)
		cmds = append(cmds, cmd)
	}
	return cmds
}

var writerLine = regexp.MustCompile(`^p(\d+) g(\d+) (\d+)$`)

// readLines counts every line of every log file and archive in dir,
// failing on lines that are not whole.
func readLines(t *testing.T, dir string) (map[string]int, int) {
	t.Helper()
	counts := map[string]int{}
	files := dirFiles(t, dir)
	for name, content := range files {
		if strings.HasPrefix(name, ".") {
			t.Errorf("temporary file left: %s", name)
			continue
		}
		if _, ok := archive.FormatOf(name); ok {
			b, err := archive.Read(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			content = string(b)
		}
		if content != "" && !strings.HasSuffix(content, "\n") {
			t.Errorf("%s ends with a partial line", name)
		}
		for _, line := range strings.Split(strings.TrimSuffix(content, "\n"), "\n") {
			if line == "" && content == "" {
				continue
			}
			if !writerLine.MatchString(line) {
				t.Errorf("%s: broken line %q", name, line)
				continue
			}
			counts[line]++
		}
	}
	return counts, len(files)
}

// Several processes, each with several goroutines, log to one file that
// rotates often, compressing what they rotate: every line is in exactly one
// file or archive, whole.
func TestFileSinkManyProcessesLoseNothing(t *testing.T) {
	t.Parallel()
	procs, goroutines, lines, rotation := 4, 8, 20000, "1 MB|gz"
	if raceEnabled || testing.Short() {
		lines, rotation = 1000, "50 KB|gz"
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	cmds := writers(t, path, procs, goroutines, lines, rotation)
	for _, cmd := range cmds {
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer process: %v", err)
		}
	}
	counts, files := readLines(t, dir)
	if want := procs * goroutines * lines; len(counts) != want {
		t.Errorf("%d distinct lines in %d files, want %d", len(counts), files, want)
	}
	for line, n := range counts {
		if n != 1 {
			t.Errorf("line %q written %d times", line, n)
		}
	}
	if files < 2 {
		t.Errorf("only %d files: the test did not rotate", files)
	}
}

// A process killed at any point, rotations included (the file rotates
// every few lines), leaves every line it wrote exactly once: lines 0 to k-1
// for some k, none missing, none twice.
func TestFileSinkKilledProcessLeavesNoGapOrDuplicate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cmd := writers(t, filepath.Join(dir, "app.log"), 1, 1, 1_000_000, "120 B")[0]
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() && sc.Text() != "ready 500" {
	}
	cmd.Process.Kill()
	cmd.Wait()
	counts, files := readLines(t, dir)
	k := len(counts)
	for i := range k {
		if n := counts["p0 g0 "+strconv.Itoa(i)]; n != 1 {
			t.Errorf("line %d written %d times (of %d lines in %d files)", i, n, k, files)
		}
	}
	if k < 500 {
		t.Errorf("only %d lines, but the process had written 500", k)
	}
}
