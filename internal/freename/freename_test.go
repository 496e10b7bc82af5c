package freename

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCounter(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		ok   bool
	}{
		{"app.log", 1, true},
		{"app.log.gz", 1, true},
		{"app.2.log", 2, true},
		{"app.12.log.tar.gz", 12, true},
		{"app.7z", 1, true}, // an extension that starts with digits is not a counter
		{"app.0.log", 1, true},
		{"app.+3.log", 1, true},
		{"app.-3.log", 1, true},
		{"app", 0, false},
		{"apple.log", 0, false},
		{"other.log", 0, false},
	} {
		n, ok := Counter(tc.name, "app")
		if n != tc.n || ok != tc.ok {
			t.Errorf("Counter(%q) = %d, %v; want %d, %v", tc.name, n, ok, tc.n, tc.ok)
		}
	}
}

func TestNext(t *testing.T) {
	// Glob's special characters in the name are plain text here.
	dir := filepath.Join(t.TempDir(), "logs [x]")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(dir, "app.2026-12-07")
	step := func(last int, wantBase string, wantN int) {
		t.Helper()
		name, n, err := Next(prefix, ".log", last)
		if err != nil {
			t.Fatal(err)
		}
		if name != filepath.Join(dir, wantBase) || n != wantN {
			t.Fatalf("Next(last %d) = %q, %d; want %q, %d", last, name, n, wantBase, wantN)
		}
		if err := os.WriteFile(name, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	step(0, "app.2026-12-07.log", 1)
	step(0, "app.2026-12-07.2.log", 2)
	// An archive counts as the file it was: .3 is taken by its .gz.
	if err := os.Rename(filepath.Join(dir, "app.2026-12-07.2.log"), filepath.Join(dir, "app.2026-12-07.3.log.gz")); err != nil {
		t.Fatal(err)
	}
	step(0, "app.2026-12-07.4.log", 4)
	// Counters go past a removed file's, never back into the gap.
	if err := os.Remove(filepath.Join(dir, "app.2026-12-07.4.log")); err != nil {
		t.Fatal(err)
	}
	step(4, "app.2026-12-07.5.log", 5)
	// Other files of the folder do not count.
	if err := os.WriteFile(filepath.Join(dir, "app.2026-12-08.9.log"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	step(0, "app.2026-12-07.6.log", 6)
}

func TestNextMissingFolder(t *testing.T) {
	_, _, err := Next(filepath.Join(t.TempDir(), "gone", "app"), ".log", 0)
	if !os.IsNotExist(err) {
		t.Fatalf("Next in a missing folder: %v, want a not-exist error", err)
	}
}

func TestNextRelative(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("app.log.gz", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	name, n, err := Next("app.log", ".gz", 0)
	if err != nil || name != "app.log.2.gz" || n != 2 {
		t.Fatalf("Next = %q, %d, %v; want app.log.2.gz, 2", name, n, err)
	}
}
