// Package parse implements the machinery behind loguru.Parse: it walks
// the matches of a regular expression over a log stream of any size,
// reading it piece by piece, and hands out the named groups of each match.
//
// The results are those of a single pass of re.FindAllSubmatchIndex over
// the whole input, within the limits documented on Matches.
package parse

import (
	"errors"
	"io"
	"iter"
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// Options tune Parse; the zero value is ready to use.
// Negative values mean the default; values above 1 GiB are taken as 1 GiB.
type Options struct {
	ChunkSize int // bytes read at a time; 0 means 64 KiB
	MaxRecord int // the longest match supported, in bytes; 0 means 1 MiB
}

const (
	defaultChunkSize = 64 << 10
	defaultMaxRecord = 1 << 20
	// maxSetting caps both options so that buffer sizes cannot overflow.
	maxSetting = 1 << 30

	// maxEmptyReads bounds how many times in a row a reader may return
	// no data and no error before it is considered stuck.
	maxEmptyReads = 100
)

var (
	errNilReader = errors.New("loguru: Parse from a nil reader")
	errNilRegexp = errors.New("loguru: Parse with a nil regular expression")
)

// bufGrowHook, when set (by tests), is told the new capacity each time the
// read buffer is reallocated, so that its bound can be checked.
var bufGrowHook func(capacity int)

// Matches yields, for each match of re in r, the named groups of re
// (unnamed groups are ignored; a named group that did not participate is "" ).
// Reading errors end the iteration by yielding (nil, err) once.
//
// The input is read ChunkSize bytes at a time and matched as it arrives,
// so matches may span lines and chunk boundaries, and memory stays bounded
// by about 2*MaxRecord + 2*ChunkSize bytes whatever the size of the input.
// Each yielded map is fresh and its strings are copies, so callers may keep
// them. The sequence reads r as it goes, so it can be ranged over once.
//
// When a read fails, the matches that the data read so far fully
// determines are yielded first, then (nil, err), and the sequence ends.
// Data returned together with io.EOF is used; a reader that keeps
// returning no data and no error ends the sequence with io.ErrNoProgress.
// A nil reader or regexp yields a single error.
//
// If several groups share a name, the first of them that participated in
// the match gives the value.
//
// Limits, under which the results equal a single pass over the whole input:
//   - A match longer than MaxRecord bytes may be missed, or yielded cut
//     short (with at least its first MaxRecord bytes), because only that
//     much of a pending match is kept while waiting for more data.
//   - A match is yielded as soon as the next one has been found, so what a
//     match covers must not depend on text beyond the start of the next
//     match. Log records are like that; a pattern such as `abcd|a|c`,
//     which prefers a longer match overlapping a later one, is not.
//   - re is assumed to have the default leftmost-first semantics and Perl
//     syntax of regexp.Compile. With Longest or CompilePOSIX, when a
//     pattern with anchors or word boundaries could match both at and one
//     byte before the end of the previous match, the next match may be
//     chosen by leftmost-first rules (that case is resolved with a helper
//     expression built from re.String).
func Matches(r io.Reader, re *regexp.Regexp, opts Options) iter.Seq2[map[string]string, error] {
	return func(yield func(map[string]string, error) bool) {
		if r == nil {
			yield(nil, errNilReader)
			return
		}
		if re == nil {
			yield(nil, errNilRegexp)
			return
		}
		s := newScanner(r, re, opts)
		s.run(yield)
	}
}

// state is the position of the matching loop, the same as the one
// regexp keeps between two matches of FindAll: where the next search
// starts and whether a match ended exactly there (an empty match right
// after a match is not reported).
type state struct {
	pos        int
	afterMatch bool
}

type scanner struct {
	r     io.Reader
	re    *regexp.Regexp
	names []string
	// dupNames reports that several groups share a name.
	dupNames bool

	// aux is re preceded by one arbitrary character; it finds matches of
	// re that start after a given byte while that byte still serves as
	// the context of anchors and word boundaries (see leftmost).
	aux     *regexp.Regexp
	auxErr  error
	asserts assertions

	chunk, maxRec int
	hardMax       int // the largest buffer length ever needed

	buf []byte
	// fileStart reports that buf[0] is the first byte of the input; else
	// buf[st.pos-1] is kept as the context of the search position.
	fileStart bool
	st        state

	eof bool
	err error
}

func newScanner(r io.Reader, re *regexp.Regexp, opts Options) *scanner {
	s := &scanner{
		r:         r,
		re:        re,
		names:     re.SubexpNames(),
		chunk:     opts.ChunkSize,
		maxRec:    opts.MaxRecord,
		fileStart: true,
		asserts:   findAssertions(re),
	}
	seen := make(map[string]bool)
	for _, name := range s.names {
		if name != "" {
			s.dupNames = s.dupNames || seen[name]
			seen[name] = true
		}
	}
	if s.chunk <= 0 {
		s.chunk = defaultChunkSize
	}
	if s.maxRec <= 0 {
		s.maxRec = defaultMaxRecord
	}
	s.chunk = min(s.chunk, maxSetting)
	s.maxRec = min(s.maxRec, maxSetting)
	// After a round the kept tail is at most maxRec bytes plus one byte of
	// context; a round reads at least max(chunk, tail) bytes and stops
	// with the read that crosses that target.
	s.hardMax = 1 + s.maxRec + max(s.chunk, s.maxRec) + s.chunk
	return s
}

func (s *scanner) run(yield func(map[string]string, error) bool) {
	for {
		s.fill()
		if !s.round(yield) {
			return
		}
		if s.err != nil {
			yield(nil, s.err)
			return
		}
		if s.eof {
			return
		}
	}
}

// fill reads until at least max(chunk, tail) new bytes have arrived, or
// until end of input or an error. Reading as much as the unconsumed tail
// when it is long keeps the total matching work linear in the input size,
// since each round rescans the tail.
func (s *scanner) fill() {
	target := max(s.chunk, len(s.buf)-s.st.pos)
	got, empty := 0, 0
	for got < target && !s.eof && s.err == nil {
		s.reserve(s.chunk)
		n, err := s.r.Read(s.buf[len(s.buf) : len(s.buf)+s.chunk])
		if n < 0 || n > s.chunk {
			// A broken reader; do not trust its data.
			s.err = errors.New("loguru: Parse: the reader returned an invalid count")
			return
		}
		s.buf = s.buf[:len(s.buf)+n]
		got += n
		switch {
		case err == io.EOF:
			s.eof = true
		case err != nil:
			s.err = err
		case n == 0:
			empty++
			if empty >= maxEmptyReads {
				s.err = io.ErrNoProgress
			}
		default:
			empty = 0
		}
	}
}

// reserve makes room for n more bytes, growing the buffer geometrically
// but never beyond what the algorithm can need.
func (s *scanner) reserve(n int) {
	need := len(s.buf) + n
	if need <= cap(s.buf) {
		return
	}
	c := 2 * cap(s.buf)
	if c > s.hardMax {
		c = s.hardMax
	}
	if c < need {
		c = need
	}
	nb := make([]byte, len(s.buf), c)
	copy(nb, s.buf)
	s.buf = nb
	if bufGrowHook != nil {
		bufGrowHook(c)
	}
}

// round matches what the buffer holds, yields the matches that cannot
// change any more, and drops the consumed part of the buffer. It reports
// false when the consumer stopped the iteration.
func (s *scanner) round(yield func(map[string]string, error) bool) bool {
	final := s.eof
	end := len(s.buf)
	if !final {
		end = completeEnd(s.buf, s.st.pos)
	}
	// Beyond limit a pending match is at least maxRec bytes long: it is
	// yielded as it stands rather than kept waiting.
	limit := end - s.maxRec

	committed := s.st
	var pend []int
	var pendSt state
	for {
		from := committed
		if pend != nil {
			from = pendSt
		}
		m, next, ok := s.find(from, end, final)
		if !ok {
			break
		}
		if pend != nil {
			if !yield(s.record(pend), nil) {
				return false
			}
			committed = pendSt
		}
		pend, pendSt = m, next
		if m[1] == end && !final {
			// The match reaches the end of the data and may grow.
			break
		}
	}
	heldStart := end
	if pend != nil {
		if final || pend[0] < limit {
			if !yield(s.record(pend), nil) {
				return false
			}
			committed = pendSt
		} else {
			heldStart = pend[0]
		}
	}
	if final {
		return true
	}
	s.compact(committed, limit, heldStart, end)
	return true
}

// compact keeps the data from the committed position on (plus one byte
// of context), or only the last maxRec bytes of it when it is longer:
// no match starts before that without being longer than maxRec.
func (s *scanner) compact(st state, limit, heldStart, end int) {
	if limit > st.pos {
		q := limit
		// Land on a character boundary: the search must step through the
		// same positions as a search started earlier would.
		for q < limit+3 && q < heldStart && !utf8.RuneStart(s.buf[q]) {
			q++
		}
		if q > heldStart {
			q = heldStart
		}
		if q > end {
			q = end
		}
		st = state{pos: q}
	}
	if st.pos > end {
		// Not reached: only a match that is held back ends past end.
		st = state{pos: end}
	}
	if st.pos == 0 {
		s.st = st
		return
	}
	n := copy(s.buf, s.buf[st.pos-1:])
	s.buf = s.buf[:n]
	s.fileStart = false
	s.st = state{pos: 1, afterMatch: st.afterMatch}
}

// completeEnd returns len(b), less a trailing incomplete UTF-8 sequence
// that the next bytes may complete; the matcher would otherwise read it
// as invalid bytes.
func completeEnd(b []byte, from int) int {
	n := len(b)
	for i := n - 1; i >= n-utf8.UTFMax+1 && i >= from; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:n]) {
				return i
			}
			break
		}
	}
	return n
}

// find reproduces one step of regexp's FindAll loop from state st over
// s.buf[:end]: it returns the next accepted match (absolute indices) and
// the state after it.
func (s *scanner) find(st state, end int, final bool) ([]int, state, bool) {
	for st.pos <= end {
		m := s.leftmost(st.pos, end)
		if m == nil {
			return nil, st, false
		}
		if m[1] != st.pos {
			return m, state{pos: m[1], afterMatch: true}, true
		}
		// An empty match at the search position.
		accept := !st.afterMatch
		var next state
		switch {
		case st.pos < end:
			_, w := utf8.DecodeRune(s.buf[st.pos:end])
			next = state{pos: st.pos + w}
		case final:
			next = state{pos: end + 1}
		default:
			// The width of the next character is not known yet; a
			// match here reaches the end and is held back anyway.
			if accept {
				return m, state{pos: end + 1}, true
			}
			return nil, st, false
		}
		if accept {
			return m, next, true
		}
		st = next
	}
	return nil, st, false
}

// leftmost returns the leftmost match of re in s.buf[:end] that starts at
// or after pos, evaluating anchors and word boundaries at pos against the
// byte before it, as a search over the whole input would.
//
// regexp offers no search from an offset with context. A search over
// s.buf[pos:end] takes pos as the beginning of the text, which is right
// when re has no assertion that could tell the difference. Otherwise the
// search runs over the buffer from pos-1: a match found there that starts
// at pos or later is exact. One starting at pos-1 itself (which a search
// treats as the beginning of the text) is discarded and the search redone
// with aux, re preceded by one arbitrary character: that character
// consumes the byte at pos-1, which then serves only as context.
func (s *scanner) leftmost(pos, end int) []int {
	if pos == 0 {
		// Only at the start of the input: a genuine beginning of text.
		return s.re.FindSubmatchIndex(s.buf[:end])
	}
	base := pos - 1
	if s.asserts.sameAsTextStart(s.buf[base]) {
		return shift(s.re.FindSubmatchIndex(s.buf[pos:end]), pos)
	}
	m := s.re.FindSubmatchIndex(s.buf[base:end])
	if m == nil || m[0] > 0 {
		return shift(m, base)
	}
	if s.aux == nil && s.auxErr == nil {
		s.aux, s.auxErr = regexp.Compile(`(?s:.)(?:` + s.re.String() + `)`)
	}
	if s.auxErr != nil {
		// Not expected for an expression regexp.Compile accepted: fall
		// back to a search that takes pos as the beginning of the text.
		return shift(s.re.FindSubmatchIndex(s.buf[pos:end]), pos)
	}
	m = s.aux.FindSubmatchIndex(s.buf[base:end])
	if m == nil {
		return nil
	}
	// The leading character always matches exactly one character.
	_, w := utf8.DecodeRune(s.buf[base+m[0] : end])
	m[0] += w
	return shift(m, base)
}

// assertions records which zero-width assertions an expression uses at
// all, to tell when the byte before a search position matters.
type assertions struct {
	beginText, beginLine, wordBoundary bool
}

func findAssertions(re *regexp.Regexp) assertions {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return assertions{true, true, true}
	}
	var a assertions
	var walk func(*syntax.Regexp)
	walk = func(r *syntax.Regexp) {
		switch r.Op {
		case syntax.OpBeginText:
			a.beginText = true
		case syntax.OpBeginLine:
			a.beginLine = true
		case syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			a.wordBoundary = true
		}
		for _, sub := range r.Sub {
			walk(sub)
		}
	}
	walk(tree)
	return a
}

// sameAsTextStart reports whether every assertion of the expression has
// the same value at the beginning of a text as after byte c.
func (a assertions) sameAsTextStart(c byte) bool {
	return !a.beginText &&
		(!a.beginLine || c == '\n') &&
		(!a.wordBoundary || !syntax.IsWordChar(rune(c)))
}

func shift(m []int, by int) []int {
	if m == nil {
		return nil
	}
	for i, v := range m {
		if v >= 0 {
			m[i] = v + by
		}
	}
	return m
}

// record builds the map of named groups of match m, copying the values
// out of the buffer, which is reused.
func (s *scanner) record(m []int) map[string]string {
	rec := make(map[string]string, len(s.names))
	var set map[string]bool // names already given by a participating group
	if s.dupNames {
		set = make(map[string]bool)
	}
	for i, name := range s.names {
		if name == "" {
			continue
		}
		a, b := -1, -1
		if 2*i+1 < len(m) {
			a, b = m[2*i], m[2*i+1]
		}
		switch {
		case a < 0:
			if _, ok := rec[name]; !ok {
				rec[name] = ""
			}
		case set == nil:
			rec[name] = string(s.buf[a:b])
		case !set[name]:
			rec[name] = string(s.buf[a:b])
			set[name] = true
		}
	}
	return rec
}
