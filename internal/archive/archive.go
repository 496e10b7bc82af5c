// Package archive compresses closed log files in Loguru's formats, safely:
// the archive is written beside the log under a hidden temporary name,
// synced, and renamed into place before the log is removed.
package archive

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dsnet/compress/bzip2"
	"github.com/klauspost/compress/zstd"
	"github.com/loguru-go/loguru/internal/freename"
	"github.com/ulikunitz/xz"
	"github.com/ulikunitz/xz/lzma"
)

// Format is a compression format: "gz", "bz2", "xz", "lzma", "zst",
// "zip", "tar", or "tar." followed by gz, bz2 or xz.
type Format struct {
	ext   string
	tar   bool   // the file goes into a tar archive first
	codec string // "gz", "bz2", "xz", "lzma", "zst", "zip" or "" (none)
}

// formats are the names Parse accepts.
var formats = map[string]Format{
	"gz": {"gz", false, "gz"}, "bz2": {"bz2", false, "bz2"}, "xz": {"xz", false, "xz"},
	"lzma": {"lzma", false, "lzma"}, "zst": {"zst", false, "zst"}, "zip": {"zip", false, "zip"},
	"tar": {"tar", true, ""}, "tar.gz": {"tar.gz", true, "gz"}, "tar.bz2": {"tar.bz2", true, "bz2"},
	"tar.xz": {"tar.xz", true, "xz"},
}

// Parse reads a format name. Spaces and a leading dot are ignored.
func Parse(name string) (Format, error) {
	f, ok := formats[strings.TrimPrefix(strings.TrimSpace(name), ".")]
	if !ok {
		return Format{}, fmt.Errorf("invalid compression format: %q", name)
	}
	return f, nil
}

// Ext is the extension added to a compressed file, without its dot.
func (f Format) Ext() string { return f.ext }

// hooks let tests inject failures.
var (
	rename = os.Rename
	link   = os.Link
	sync   = func(f *os.File) error { return f.Sync() }
)

// File compresses the file at path into path.<ext>, with the log's
// permissions, and removes path. An existing archive is never replaced:
// the new one takes the first free name of path.2.<ext>, path.3.<ext>, ...
// On any failure the log is left as it was and no partial archive remains.
func (f Format) File(path string) (string, error) {
	src, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("compress %s: %w", path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		return "", fmt.Errorf("compress %s: %w", path, err)
	}
	if err := f.write(tmp, src, info); err != nil {
		return "", fmt.Errorf("compress %s: %w", path, err)
	}
	if err := sync(tmp); err != nil {
		return "", fmt.Errorf("compress %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("compress %s: %w", path, err)
	}
	// The archive keeps the log's modification time: retention orders
	// files by it, and a fresh archive must not look newer than logs
	// rotated after it.
	if err := os.Chtimes(tmp.Name(), time.Time{}, info.ModTime()); err != nil {
		return "", fmt.Errorf("compress %s: %w", path, err)
	}
	target, err := f.freeName(path)
	if err != nil {
		return "", err
	}
	if err := publish(tmp.Name(), target); err != nil {
		return "", fmt.Errorf("compress %s: %w", path, err)
	}
	done = true
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return target, fmt.Errorf("compress %s: archive written, but the log remains: %w", path, err)
	}
	return target, nil
}

// publish gives the finished archive its name without replacing a file
// that took that name meanwhile: a hard link fails if the name exists.
// Where links are not supported, rename is the fallback.
func publish(tmp, target string) error {
	err := link(tmp, target)
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	return rename(tmp, target)
}

// freeName is path.<ext>, or path.N.<ext> with N past every archive of
// path already there.
func (f Format) freeName(path string) (string, error) {
	name, _, err := freename.Next(path, "."+f.ext, 0)
	return name, err
}

// write streams src into dst in the format.
func (f Format) write(dst io.Writer, src *os.File, info fs.FileInfo) error {
	if f.codec == "zip" {
		return writeZip(dst, src, info)
	}
	w, err := f.compressor(dst)
	if err != nil {
		return err
	}
	if f.tar {
		err = writeTar(w, src, info)
	} else {
		_, err = io.Copy(w, src)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

func (f Format) compressor(dst io.Writer) (io.WriteCloser, error) {
	switch f.codec {
	case "gz":
		return gzip.NewWriter(dst), nil
	case "bz2":
		return bzip2.NewWriter(dst, nil)
	case "xz":
		return xz.NewWriter(dst)
	case "lzma":
		return lzma.NewWriter(dst)
	case "zst":
		return zstd.NewWriter(dst)
	}
	return nopCloser{dst}, nil
}

// writeTar writes one entry named after the log, with its size, mode and
// modification time.
func writeTar(w io.Writer, src io.Reader, info fs.FileInfo) error {
	tw := tar.NewWriter(w)
	hdr, err := tar.FileInfoHeader(info, "")
	if err != nil {
		return err
	}
	hdr.Uname, hdr.Gname = "", ""
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	if _, err := io.CopyN(tw, src, info.Size()); err != nil {
		return err
	}
	return tw.Close()
}

func writeZip(w io.Writer, src io.Reader, info fs.FileInfo) error {
	zw := zip.NewWriter(w)
	hdr, err := zip.FileInfoHeader(info)
	if err != nil {
		return err
	}
	hdr.Method = zip.Deflate
	entry, err := zw.CreateHeader(hdr)
	if err != nil {
		return err
	}
	if _, err := io.Copy(entry, src); err != nil {
		return err
	}
	return zw.Close()
}
