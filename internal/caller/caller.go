// Package caller turns program counters into the caller fields of a record:
// the package import path, the function, the file and the line. Results are
// cached per program counter, so each call site pays for symbolisation once.
package caller

import (
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/loguru-go/loguru/internal/jsonenc"
)

// Frame is what a record needs to know about its call site.
type Frame struct {
	Name     string // package import path, e.g. "github.com/acme/shop/cart" or "main"
	Function string // function within the package, e.g. "(*Cart).Add", "main.func1"
	Module   string // file name without ".go"
	File     string // file base name
	Path     string // full file path as recorded by the compiler
	Line     int
	// JSON is `,"name":…,"function":…,"line":…` for JSON lines, encoded
	// once per call site.
	JSON []byte
	// Fields is how the Fields logged here were last written as a JSON
	// object, kept by the loguru package so that a call site that logs the
	// same keys each time sorts and encodes them once.
	Fields atomic.Pointer[FieldsJSON]
	// FieldsChanges counts how often Fields was replaced because the call
	// site logged other keys; past a few, it is left as it is.
	FieldsChanges atomic.Int32

	pc uintptr // the program counter Lookup made the frame for, or 0
}

// FieldsJSON is the layout of a call's Fields as a JSON object: their keys
// sorted, a repeated key once (the last one given), each key encoded.
type FieldsJSON struct {
	Keys  []string // the keys in the order of the call
	Order []uint8  // positions in Keys in the order written
	Enc   []string // for each of Order, `"key":` with a comma before all but the first
}

// Unknown is returned when the stack is too shallow for the requested depth.
var Unknown = &Frame{Function: "<unknown>", Module: "<unknown>", File: "<unknown>", Path: "<unknown>",
	JSON: AppendJSON(nil, "", "<unknown>", 0)}

var cache sync.Map // uintptr -> *Frame

// PC returns the program counter of the caller skip frames above the caller
// of PC (skip 0 is the function calling PC), or 0 when there is none.
// runtime.Callers accounts for inlined frames in its skip count, and a PC it
// returns resolves through runtime.CallersFrames to the right inlined frame,
// which is what makes caching by PC correct.
func PC(skip int) uintptr {
	var pcs [1]uintptr
	if runtime.Callers(skip+2, pcs[:]) == 0 {
		return 0
	}
	return pcs[0]
}

// Lookup returns the frame for pc, computing it once per pc. A
// direct-mapped table answers with one atomic load; the map behind it keeps
// every frame when two program counters share a slot.
func Lookup(pc uintptr) *Frame {
	if pc == 0 {
		return Unknown
	}
	slot := &byPC[(pc^pc>>10)&(byPCSize-1)]
	if f := slot.Load(); f != nil && f.pc == pc {
		return f
	}
	var f *Frame
	if v, ok := cache.Load(pc); ok {
		f = v.(*Frame)
	} else {
		fr, _ := runtime.CallersFrames([]uintptr{pc}).Next()
		f = newFrame(fr.Function, fr.File, fr.Line)
		if f != Unknown {
			f.pc = pc
		}
		v, _ := cache.LoadOrStore(pc, f)
		f = v.(*Frame)
	}
	if f.pc == pc {
		slot.Store(f)
	}
	return f
}

// byPC is Lookup's direct-mapped table.
const byPCSize = 1 << 10

var byPC [byPCSize]atomic.Pointer[Frame]

func newFrame(fn, file string, line int) *Frame {
	if fn == "" && file == "" {
		return Unknown
	}
	pkg, name := SplitFunc(fn)
	base := filepath.Base(file)
	f := &Frame{
		Name:     pkg,
		Function: name,
		Module:   strings.TrimSuffix(base, ".go"),
		File:     base,
		Path:     file,
		Line:     line,
	}
	f.JSON = AppendJSON(nil, f.Name, f.Function, f.Line)
	return f
}

// AppendJSON appends the caller fields of a JSON line.
func AppendJSON(b []byte, name, function string, line int) []byte {
	b = append(b, `,"name":`...)
	b = jsonenc.AppendString(b, name)
	b = append(b, `,"function":`...)
	b = jsonenc.AppendString(b, function)
	b = append(b, `,"line":`...)
	return strconv.AppendInt(b, int64(line), 10)
}

// SplitFunc splits a fully qualified runtime function name such as
// "github.com/acme/shop/cart.(*Cart).Add" into its package import path
// ("github.com/acme/shop/cart") and the function within it ("(*Cart).Add").
// The package ends at the first '.' after the last '/'; dots inside the
// package's last element are escaped by the compiler as %2e, so this is exact.
func SplitFunc(fn string) (pkg, name string) {
	slash := strings.LastIndexByte(fn, '/')
	dot := strings.IndexByte(fn[slash+1:], '.')
	if dot < 0 {
		return fn, ""
	}
	dot += slash + 1
	pkg = fn[:dot]
	if strings.Contains(pkg, "%2e") {
		pkg = strings.ReplaceAll(pkg, "%2e", ".")
	}
	return pkg, fn[dot+1:]
}

// Outside returns the program counter of the first caller, starting skip
// frames above the caller of Outside, whose package is not one of pkgs, or 0
// when there is none within 32 frames. It finds the user's code behind
// layers such as log.Printf or fmt.Fprintln that do not report a caller.
func Outside(skip int, pkgs ...string) uintptr {
	var pcs [32]uintptr
	n := runtime.Callers(skip+2, pcs[:])
next:
	for _, pc := range pcs[:n] {
		name := Lookup(pc).Name
		for _, p := range pkgs {
			if name == p {
				continue next
			}
		}
		return pc
	}
	return 0
}

// maxHops is how many frame records the frame-pointer walk reads: a
// logging call is a few frames deep; deeper requests (CallOptions.Depth)
// go through runtime.Callers.
const maxHops = 6

// slowSite is Site through runtime.Callers; skip counts from slowSite's
// caller.
func slowSite(skip int) (uintptr, *Frame) {
	pc := PC(skip + 1)
	return pc, Lookup(pc)
}
