package loguru

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// envDefaults are the defaults of Add's options and of the standard levels,
// taken from the LOGURU_* environment variables once, at start-up, as
// Loguru reads them at import.
type envDefaults struct {
	autoinit  bool
	level     string
	format    string
	filter    string
	colorize  Switch
	serialize bool
	enqueue   Switch
	backtrace Switch
	diagnose  Switch
	catch     Switch
	levels    [numStd]Level
}

// defaults holds the environment's defaults; tests replace it.
var defaults = loadDefaults()

func loadDefaults() envDefaults {
	d, problems := readEnv(os.LookupEnv)
	for _, p := range problems {
		reportEnv(p)
	}
	return d
}

// readEnv builds the defaults from lookup, which reports whether a
// variable is set, as os.LookupEnv does. A bad value is skipped and
// described in problems: a typo in the environment must not stop a program.
//
// A boolean or integer variable that is set is parsed even when empty, so
// LOGURU_AUTOINIT= is reported as Loguru reports it rather than silently
// taken as unset. An empty string variable (level, format, filter, color,
// icon) means unset, the shell's way of clearing a variable.
func readEnv(lookup func(string) (string, bool)) (d envDefaults, problems []string) {
	d = envDefaults{autoinit: true, levels: defaultLevels}
	getenv := func(key string) string {
		v, _ := lookup(key)
		return v
	}
	boolean := func(key string) (bool, bool) {
		v, set := lookup(key)
		if !set {
			return false, false
		}
		b, ok := parseEnvBool(v)
		if !ok {
			problems = append(problems, fmt.Sprintf("invalid environment variable %s (expected a boolean): %q", key, v))
		}
		return b, ok
	}
	switchOf := func(key string) Switch {
		if b, ok := boolean(key); ok {
			if b {
				return On
			}
			return Off
		}
		return Auto
	}
	if b, ok := boolean("LOGURU_AUTOINIT"); ok {
		d.autoinit = b
	}
	d.level = getenv("LOGURU_LEVEL")
	d.format = getenv("LOGURU_FORMAT")
	d.filter = getenv("LOGURU_FILTER")
	d.colorize = switchOf("LOGURU_COLORIZE")
	d.serialize, _ = boolean("LOGURU_SERIALIZE")
	d.backtrace = switchOf("LOGURU_BACKTRACE")
	d.diagnose = switchOf("LOGURU_DIAGNOSE")
	d.catch = switchOf("LOGURU_CATCH")
	d.enqueue = switchOf("LOGURU_ENQUEUE")
	for i := range d.levels {
		problems = append(problems, readEnvLevel(lookup, &d.levels[i])...)
	}
	return d, problems
}

// readEnvLevel applies LOGURU_<NAME>_NO, _COLOR and _ICON to a standard
// level.
func readEnvLevel(lookup func(string) (string, bool), l *Level) (problems []string) {
	prefix := "LOGURU_" + l.Name + "_"
	getenv := func(key string) string {
		v, _ := lookup(key)
		return v
	}
	if v, set := lookup(prefix + "NO"); set {
		no, err := strconv.Atoi(v)
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("invalid environment variable %sNO (expected an integer): %q", prefix, v))
		case no < 0:
			problems = append(problems, fmt.Sprintf("invalid environment variable %sNO (expected a positive integer): %q", prefix, v))
		default:
			l.No = no
		}
	}
	if v := getenv(prefix + "COLOR"); v != "" {
		c := *l
		c.Color = v
		if _, err := withANSI(c); err != nil {
			problems = append(problems, fmt.Sprintf("invalid environment variable %sCOLOR: %v", prefix, err))
		} else {
			l.Color = v
		}
	}
	if v := getenv(prefix + "ICON"); v != "" {
		l.Icon = v
	}
	return problems
}

// parseEnvBool accepts Loguru's spellings, in any case.
func parseEnvBool(v string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "y", "ok", "on":
		return true, true
	case "0", "false", "no", "n", "nok", "off":
		return false, true
	}
	return false, false
}

// reportVar reports a LOGURU_* variable whose value Add refused, naming
// the variable as readEnv's problems do.
func reportVar(key string, err error) {
	reportEnv(fmt.Sprintf("invalid environment variable %s: %s", key, strings.TrimPrefix(err.Error(), "loguru: ")))
}

// reportEnv writes one line about an environment problem on stderr.
func reportEnv(problem string) {
	stderr.write(fmt.Appendf(nil, "loguru: %s; ignored\n", problem))
}

// fill fills the options left to their default from the
// environment. Format is filled by the handler, which knows its sink.
func (d *envDefaults) fill(o HandlerOptions) HandlerOptions {
	if o.Level == "" {
		o.Level = d.level
	}
	if o.Filter == "" {
		o.Filter = d.filter
	}
	if o.Colorize == Auto {
		o.Colorize = d.colorize
	}
	if !o.Serialize && !o.JSON {
		o.Serialize = d.serialize
	}
	if o.Enqueue == Auto {
		o.Enqueue = d.enqueue
	}
	if o.Catch == Auto {
		o.Catch = d.catch
	}
	if o.Backtrace == Auto {
		o.Backtrace = d.backtrace
	}
	if o.Diagnose == Auto {
		o.Diagnose = d.diagnose
	}
	return o
}
