package netsink

import (
	"bytes"
	"fmt"
	"os"
)

// ReadKeyFile reads a shared key from a file, removing one trailing
// newline so that a key written by echo or an editor works, and checks its
// length. Both sides should read the key file with it, so that they agree
// on the key even when random bytes happen to end in a newline.
func ReadKeyFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("netsink: reading the key: %w", err)
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if len(b) < MinKeyLen {
		return nil, fmt.Errorf("netsink: the key in %s is %d bytes long; it must be at least %d (make one with: head -c 32 /dev/urandom > %s)", path, len(b), MinKeyLen, path)
	}
	return b, nil
}
