package archive

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dsnet/compress/bzip2"
	"github.com/klauspost/compress/zstd"
	"github.com/ulikunitz/xz"
	"github.com/ulikunitz/xz/lzma"
)

// FormatOf is the format of an archive named path, judged by its
// extension; ok is false for a name no format of ours ends with.
func FormatOf(path string) (f Format, ok bool) {
	best := ""
	for ext, format := range formats {
		if strings.HasSuffix(path, "."+ext) && len(ext) > len(best) {
			best, f = ext, format
		}
	}
	return f, best != ""
}

// Read returns the log text held in the archive at path, whose format is
// told by its extension. A path with no archive extension is read as is.
func Read(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, ok := FormatOf(path)
	if !ok {
		return raw, nil
	}
	b, err := f.decode(raw)
	if err != nil {
		return nil, fmt.Errorf("read the archive %s: %w", path, err)
	}
	return b, nil
}

// decode undoes write for an archive held in memory.
func (f Format) decode(raw []byte) ([]byte, error) {
	if f.codec == "zip" {
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			return nil, err
		}
		var out []byte
		for _, entry := range zr.File {
			rc, err := entry.Open()
			if err != nil {
				return nil, err
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return nil, err
			}
			out = append(out, b...)
		}
		return out, nil
	}
	if f.codec == "zst" { // its decoder runs goroutines until closed
		d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, err
		}
		defer d.Close()
		return d.DecodeAll(raw, nil)
	}
	r, err := f.decompressor(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	if !f.tar {
		return io.ReadAll(r)
	}
	var out []byte
	tr := tar.NewReader(r)
	for {
		if _, err := tr.Next(); err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		out = append(out, b...)
	}
}

func (f Format) decompressor(r io.Reader) (io.Reader, error) {
	switch f.codec {
	case "gz":
		return gzip.NewReader(r)
	case "bz2":
		return bzip2.NewReader(r, nil)
	case "xz":
		return xz.NewReader(r)
	case "lzma":
		return lzma.NewReader(r)
	}
	return r, nil
}
