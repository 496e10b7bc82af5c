package jsonparse

// Interner shares the strings it has seen, so that the member names and
// the recurring values of a stream of documents (a connection's payloads,
// a file's lines) cost one allocation each rather than one a document.
// It keeps at most maxInterned strings of at most maxInternLen bytes:
// past that, strings are made as usual. It is not safe for concurrent use.
type Interner struct {
	m map[string]string
}

const (
	maxInterned  = 512
	maxInternLen = 64
)

// get returns b as a string, shared when it was seen before.
func (in *Interner) get(b []byte) string {
	if s, ok := in.m[string(b)]; ok { // a lookup by string(b) does not allocate
		return s
	}
	s := string(b)
	if len(b) <= maxInternLen && len(in.m) < maxInterned {
		if in.m == nil {
			in.m = make(map[string]string)
		}
		in.m[s] = s
	}
	return s
}
