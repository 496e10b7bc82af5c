package loguru

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/loguru-go/loguru/internal/markup"
)

// Level is a severity: a name, a number that orders it, the color markup of
// its lines and an icon. The standard levels are TRACE 5, DEBUG 10, INFO 20,
// SUCCESS 25, WARNING 30, ERROR 40 and CRITICAL 50.
type Level struct {
	Name  string // e.g. "INFO"; names are case-sensitive, as in Loguru
	No    int    // the severity: a handler at level n emits levels >= n
	Color string // color markup such as "<red><bold>"
	Icon  string // e.g. "ℹ️", for {level.icon}

	ansi      string // Color as ANSI codes
	ansiColor string // the Color that ansi was computed from
}

// String returns the level's name.
func (l Level) String() string { return l.Name }

// ANSI returns the terminal escape codes of the level's color. A Level built
// by hand (for example in a patcher) is converted on first use and cached.
func (l *Level) ANSI() string {
	if l.ansiColor == l.Color {
		return l.ansi
	}
	return cachedLevelANSI(l.Color)
}

var levelANSICache sync.Map // color markup -> ANSI string

func cachedLevelANSI(color string) string {
	if v, ok := levelANSICache.Load(color); ok {
		return v.(string)
	}
	ansi, err := markup.LevelColor(color)
	if err != nil {
		ansi = ""
	}
	levelANSICache.Store(color, ansi)
	return ansi
}

// The index of each standard level in levelTable.std.
const (
	idxTrace = iota
	idxDebug
	idxInfo
	idxSuccess
	idxWarning
	idxError
	idxCritical
	numStd
)

// defaultLevels are Loguru's levels, colors and icons.
var defaultLevels = [numStd]Level{
	{Name: "TRACE", No: 5, Color: "<cyan><bold>", Icon: "\u270f\ufe0f"},
	{Name: "DEBUG", No: 10, Color: "<blue><bold>", Icon: "\U0001f41e"},
	{Name: "INFO", No: 20, Color: "<bold>", Icon: "\u2139\ufe0f"},
	{Name: "SUCCESS", No: 25, Color: "<green><bold>", Icon: "\u2705"},
	{Name: "WARNING", No: 30, Color: "<yellow><bold>", Icon: "\u26a0\ufe0f"},
	{Name: "ERROR", No: 40, Color: "<red><bold>", Icon: "\u274c"},
	{Name: "CRITICAL", No: 50, Color: "<RED><bold>", Icon: "\u2620\ufe0f"},
}

// levelTable is an immutable registry of levels; changes build a new table.
type levelTable struct {
	std    [numStd]Level
	byName map[string]Level
}

func newLevelTable(d *envDefaults) *levelTable {
	t := &levelTable{byName: make(map[string]Level, numStd)}
	for i, l := range d.levels {
		l, _ = withANSI(l)
		t.std[i] = l
		t.byName[l.Name] = l
	}
	return t
}

func withANSI(l Level) (Level, error) {
	ansi, err := markup.LevelColor(l.Color)
	if err != nil {
		return l, err
	}
	l.ansi, l.ansiColor = ansi, l.Color
	return l, nil
}

// with returns a copy of t that has l.
func (t *levelTable) with(l Level) *levelTable {
	n := &levelTable{std: t.std, byName: make(map[string]Level, len(t.byName)+1)}
	for k, v := range t.byName {
		n.byName[k] = v
	}
	n.byName[l.Name] = l
	for i := range n.std {
		if n.std[i].Name == l.Name {
			n.std[i] = l
		}
	}
	return n
}

// lookup finds a level by name: as written first, then in upper case, with
// slog's "WARN" standing for WARNING. Go programs and their configuration
// files spell levels the slog way ("warn", "info"); an exact match first
// keeps every name AddLevel registered reachable.
// std1 returns the standard level named exactly name, or nil: Log("INFO")
// and LogFields("INFO", ...) find their level without hashing the name.
func (t *levelTable) std1(name string) *Level {
	for i := range t.std {
		if t.std[i].Name == name {
			return &t.std[i]
		}
	}
	return nil
}

func (t *levelTable) lookup(name string) (Level, bool) {
	if l, ok := t.byName[name]; ok {
		return l, true
	}
	var buf [32]byte
	upper := appendUpper(buf[:0], name)
	if string(upper) == "WARN" {
		upper = append(upper[:0], "WARNING"...)
	}
	l, ok := t.byName[string(upper)] // the conversion does not allocate
	return l, ok
}

// appendUpper appends name in upper case, without the string that
// strings.ToUpper would allocate on every Log("info") call.
func appendUpper(b []byte, name string) []byte {
	for _, r := range name {
		if 'a' <= r && r <= 'z' {
			b = append(b, byte(r-'a'+'A'))
		} else {
			b = utf8.AppendRune(b, unicode.ToUpper(r))
		}
	}
	return b
}

// resolve finds a level by name (see lookup). A decimal number names an
// anonymous level "Level N", as Loguru's logger.log(int) does.
func (t *levelTable) resolve(name string) (Level, error) {
	l, fault := t.find(name)
	switch fault {
	case levelUnknown:
		return Level{}, fmt.Errorf("loguru: level %q does not exist", name)
	case levelNegative:
		return Level{}, fmt.Errorf("loguru: invalid level value, it should be a positive integer, not: %d", l.No)
	}
	return l, nil
}

// levelFault is why find found no level: callers that word their own
// report (the filter map) tell the two cases apart.
type levelFault uint8

const (
	levelFound levelFault = iota
	levelUnknown
	levelNegative // l.No holds the number
)

// find is resolve without the error text.
func (t *levelTable) find(name string) (Level, levelFault) {
	if l, ok := t.lookup(name); ok {
		return l, levelFound
	}
	no, err := strconv.Atoi(name)
	switch {
	case err != nil:
		return Level{}, levelUnknown
	case no < 0:
		return Level{No: no}, levelNegative
	}
	return anonymousLevel(no), levelFound
}

func anonymousLevel(no int) Level {
	return Level{Name: "Level " + strconv.Itoa(no), No: no, Icon: " "}
}

// addLevel validates and registers a new level.
func (t *levelTable) addLevel(name string, no int, color, icon string) (*levelTable, Level, error) {
	switch {
	case name == "":
		return nil, Level{}, fmt.Errorf("loguru: a level needs a name")
	case strings.TrimSpace(name) != name:
		return nil, Level{}, fmt.Errorf("loguru: level name %q has leading or trailing spaces", name)
	case no < 0:
		return nil, Level{}, fmt.Errorf("loguru: invalid level no, it should be a positive integer, not: %d", no)
	}
	if _, err := strconv.Atoi(name); err == nil {
		return nil, Level{}, fmt.Errorf("loguru: level name %q is a number; numbers already name anonymous levels", name)
	}
	if _, ok := t.byName[name]; ok {
		return nil, Level{}, fmt.Errorf("loguru: level %q already exists, you can't update its severity no", name)
	}
	if icon == "" {
		icon = " "
	}
	l, err := withANSI(Level{Name: name, No: no, Color: strings.TrimSpace(color), Icon: icon})
	if err != nil {
		return nil, Level{}, fmt.Errorf("loguru: invalid color for level %q: %w", name, err)
	}
	return t.with(l), l, nil
}
