package loguru

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/loguru-go/loguru/internal/archive"
	"github.com/loguru-go/loguru/internal/fileopt"
	"github.com/loguru-go/loguru/internal/filesink"
)

// fileSink is a path given to Add: a file with rotation, retention and
// compression, all handled by internal/filesink.
type fileSink struct {
	f   *filesink.File
	rec *Record // the record being written, for RotationFunc
	fn  bool    // RotationFunc is set: user code sees records
}

func (s *fileSink) write(b []byte, r *Record) error {
	s.rec = r
	defer func() { s.rec = nil }()
	return s.f.Write(b, r.Time)
}

// flush writes buffered records and waits for background compression and
// retention, so that after Complete the files on disk are final.
func (s *fileSink) flush() error {
	err := s.f.Flush()
	s.f.Wait()
	return err
}

func (s *fileSink) close() error     { return s.f.Close() }
func (s *fileSink) userCode() bool   { return s.fn }
func (s *fileSink) serialized() bool { return false } // rotation state needs the handler's lock

// newFileSink checks the file options and opens the file (unless Delay).
func (c *core) newFileSink(path string, o HandlerOptions) (*fileSink, error) {
	pattern, err := filesink.ParsePattern(path)
	if err != nil {
		return nil, fmt.Errorf("loguru: %w", err)
	}
	s := &fileSink{fn: o.RotationFunc != nil}
	fo := filesink.Options{
		Mode: o.Mode, Perm: o.Perm, Delay: o.Delay, Watch: o.Watch, Buffering: o.Buffering,
		Now:    c.now,
		Report: func(err error) { c.reportFile(path, err) },
	}
	if err := rotationOptions(&fo, s, o); err != nil {
		return nil, err
	}
	if err := c.retentionOptions(&fo, o); err != nil {
		return nil, err
	}
	if err := compressionOptions(&fo, o); err != nil {
		return nil, err
	}
	if s.f, err = filesink.Open(pattern, fo); err != nil {
		return nil, fmt.Errorf("loguru: cannot open the file sink %q: %w", path, err)
	}
	return s, nil
}

func rotationOptions(fo *filesink.Options, s *fileSink, o HandlerOptions) error {
	if o.Rotation != "" {
		rules, err := fileopt.ParseRotations(o.Rotation)
		if err != nil {
			return fmt.Errorf("loguru: invalid Rotation: %w", err)
		}
		for _, r := range rules {
			switch {
			case r.Size > 0 && (fo.Size == 0 || r.Size < fo.Size):
				fo.Size = r.Size // the smallest size is the one that holds
			case r.Size == 0:
				fo.Schedules = append(fo.Schedules, r)
			}
		}
	}
	if fn := o.RotationFunc; fn != nil {
		fo.RotateFunc = func(b []byte, _ time.Time, f *os.File) bool {
			return fn(Message{Text: string(b), Record: s.rec}, f)
		}
	}
	return nil
}

func (c *core) retentionOptions(fo *filesink.Options, o HandlerOptions) error {
	switch {
	case o.Retention != "" && o.RetentionFunc != nil:
		return errors.New("loguru: Retention and RetentionFunc are both set: choose one")
	case o.RetentionFunc != nil:
		fn := o.RetentionFunc
		fo.Retain = func(files []string, _ int) error { return fn(files) }
	case o.Retention != "":
		r, err := fileopt.ParseRetention(o.Retention)
		if err != nil {
			return fmt.Errorf("loguru: invalid Retention: %w", err)
		}
		if r.IsCount {
			fo.Retain = filesink.KeepCount(r.Count)
		} else {
			fo.Retain = filesink.KeepAge(r.Age, c.now)
		}
	}
	return nil
}

func compressionOptions(fo *filesink.Options, o HandlerOptions) error {
	switch {
	case o.Compression != "" && o.CompressionFunc != nil:
		return errors.New("loguru: Compression and CompressionFunc are both set: choose one")
	case o.CompressionFunc != nil:
		fo.Compress = o.CompressionFunc
	case o.Compression != "":
		format, err := archive.Parse(o.Compression)
		if err != nil {
			return fmt.Errorf("loguru: invalid Compression: %w", err)
		}
		fo.Compress = func(path string) error {
			_, err := format.File(path)
			return err
		}
	}
	return nil
}
