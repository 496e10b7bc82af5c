package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"
	"github.com/ulikunitz/xz/lzma"
)

const logText = "2026-11-22 10:01:02.345 | INFO     | main:main:10 - started\n" +
	"2026-11-22 10:01:02.346 | ERROR    | main:main:12 - failed ✗\n"

// decompress reads an archive back with readers independent of the
// writers, returning the content and, for tar and zip, the entry.
func decompress(t *testing.T, f Format, path string) (content string, name string, mode os.FileMode) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.codec == "zip" {
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil || len(zr.File) != 1 {
			t.Fatalf("zip: %v, %d entries", err, len(zr.File))
		}
		rc, _ := zr.File[0].Open()
		b, _ := io.ReadAll(rc)
		return string(b), zr.File[0].Name, zr.File[0].Mode().Perm()
	}
	var r io.Reader = bytes.NewReader(raw)
	switch f.codec {
	case "gz":
		r, err = gzip.NewReader(r)
	case "bz2":
		r = bzip2.NewReader(r)
	case "xz":
		r, err = xz.NewReader(r)
	case "lzma":
		r, err = lzma.NewReader(r)
	case "zst":
		var d *zstd.Decoder
		d, err = zstd.NewReader(r)
		r = d
	}
	if err != nil {
		t.Fatal(err)
	}
	if f.tar {
		tr := tar.NewReader(r)
		hdr, err := tr.Next()
		if err != nil {
			t.Fatal(err)
		}
		name, mode = hdr.Name, os.FileMode(hdr.Mode).Perm()
		r = tr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), name, mode
}

func TestEveryFormat(t *testing.T) {
	for _, name := range []string{"gz", "bz2", "xz", "lzma", "zst", "zip", "tar", "tar.gz", "tar.bz2", "tar.xz"} {
		for _, perm := range []os.FileMode{0o600, 0o640} {
			dir := t.TempDir()
			path := filepath.Join(dir, "app.2026-11-22_10-01-02_345678.log")
			if err := os.WriteFile(path, []byte(logText), perm); err != nil {
				t.Fatal(err)
			}
			os.Chmod(path, perm)
			mtime := time.Date(2026, 11, 22, 10, 5, 0, 0, time.UTC)
			os.Chtimes(path, mtime, mtime)
			f, err := Parse(name)
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.File(path)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if want := path + "." + name; got != want {
				t.Errorf("%s: archive %s, want %s", name, got, want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("%s: %d files left, want only the archive", name, len(entries))
			}
			fi, _ := os.Stat(got)
			if fi.Mode().Perm() != perm {
				t.Errorf("%s: archive mode %v, want %v", name, fi.Mode().Perm(), perm)
			}
			// Retention orders files by modification time: the archive
			// is as old as the log's last line, not as its compression.
			if !fi.ModTime().Equal(mtime) {
				t.Errorf("%s: archive modified %v, want the log's %v", name, fi.ModTime(), mtime)
			}
			if b, err := Read(got); err != nil || string(b) != logText {
				t.Errorf("%s: Read = %q, %v", name, b, err)
			}
			content, entry, mode := decompress(t, f, got)
			if content != logText {
				t.Errorf("%s: content %q", name, content)
			}
			if (f.tar || f.codec == "zip") && (entry != filepath.Base(path) || mode != perm) {
				t.Errorf("%s: entry %q mode %v", name, entry, mode)
			}
		}
	}
}

func TestParse(t *testing.T) {
	for _, in := range []string{" gz", ".tar.gz", "zip ", ".zst"} {
		if _, err := Parse(in); err != nil {
			t.Errorf("Parse(%q): %v", in, err)
		}
	}
	for _, in := range []string{"rar", ".7z", "tar.zip", "", "GZ", "tar.lzma", "tar.zst"} {
		_, err := Parse(in)
		if want := `invalid compression format: "` + in + `"`; err == nil || err.Error() != want {
			t.Errorf("Parse(%q) error = %v, want %s", in, err, want)
		}
	}
}

func TestExistingArchiveIsKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.log")
	os.WriteFile(path+".gz", []byte("older archive"), 0o600)
	os.WriteFile(path+".2.gz", []byte("another"), 0o600)
	os.WriteFile(path, []byte(logText), 0o600)
	f, _ := Parse("gz")
	got, err := f.File(path)
	if err != nil || got != path+".3.gz" {
		t.Fatalf("File = %s, %v; want %s", got, err, path+".3.gz")
	}
	if b, _ := os.ReadFile(path + ".gz"); string(b) != "older archive" {
		t.Errorf("older archive replaced")
	}
}

func TestFailureLeavesTheLogAndNoTemporaryFile(t *testing.T) {
	f, _ := Parse("zip")
	for name, inject := range map[string]func(){
		"sync": func() { sync = func(*os.File) error { return errors.New("disk full") } },
		"publish": func() {
			link = func(string, string) error { return errors.New("disk full") }
			rename = func(string, string) error { return errors.New("disk full") }
		},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "app.log")
		os.WriteFile(path, []byte(logText), 0o600)
		oldSync, oldRename, oldLink := sync, rename, link
		inject()
		_, err := f.File(path)
		sync, rename, link = oldSync, oldRename, oldLink
		if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %v", name, err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 || entries[0].Name() != "app.log" {
			t.Errorf("%s: files left %v", name, entries)
		}
		if b, _ := os.ReadFile(path); string(b) != logText {
			t.Errorf("%s: log changed", name)
		}
	}
	if _, err := f.File(filepath.Join(t.TempDir(), "missing.log")); err == nil {
		t.Error("compressing a missing file succeeded")
	}
}

// A large log is streamed, not read into memory.
func TestLargeFileIsStreamed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.log")
	out, _ := os.Create(path)
	line := []byte(strings.Repeat("x", 1023) + "\n")
	for range 32 << 10 { // 32 MiB
		out.Write(line)
	}
	out.Close()
	f, _ := Parse("gz")
	var before, after runtimeStats
	before.read()
	if _, err := f.File(path); err != nil {
		t.Fatal(err)
	}
	after.read()
	if grown := after.total - before.total; grown > 16<<20 {
		t.Errorf("compressing 32 MiB allocated %d MiB", grown>>20)
	}
}

// A name taken between choosing it and publishing is not replaced.
func TestPublishDoesNotReplace(t *testing.T) {
	dir := t.TempDir()
	tmp, target := filepath.Join(dir, "tmp"), filepath.Join(dir, "app.log.gz")
	os.WriteFile(tmp, []byte("new"), 0o600)
	os.WriteFile(target, []byte("taken"), 0o600)
	if err := publish(tmp, target); err == nil {
		t.Fatal("publish replaced an existing archive")
	}
	if b, _ := os.ReadFile(target); string(b) != "taken" {
		t.Errorf("target = %q", b)
	}
}
