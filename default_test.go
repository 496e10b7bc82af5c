package loguru_test

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/loguru-go/loguru"
)

// TestMain doubles as the child process of TestDefaultLogger, which checks
// what the default logger writes to a real stderr.
func TestMain(m *testing.M) {
	if os.Getenv("LOGURU_TEST_CHILD") == "1" {
		defaultLoggerChild()
		os.Exit(0)
	}
	if os.Getenv("LOGURU_TEST_CHILD") == "later-add" {
		_, err := loguru.Add(os.Stdout, loguru.HandlerOptions{Colorize: loguru.Off, Format: "{level} {message}"})
		_, err2 := loguru.Add(os.Stdout, loguru.HandlerOptions{Colorize: loguru.Off, Level: "INFO"})
		loguru.Info("added: {} {}", err, err2)
		os.Exit(0)
	}
	if path := os.Getenv("LOGURU_TEST_FILE_WRITER"); path != "" {
		os.Exit(fileWriterChild(path))
	}
	os.Exit(m.Run())
}

func defaultLoggerChild() {
	loguru.Info("Hello, {}!", "world")
	loguru.Trace("below the default DEBUG level")
}

func TestDefaultLogger(t *testing.T) {
	plain := regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \| INFO     \| github\.com/loguru-go/loguru_test:defaultLoggerChild:\d+ - Hello, world!\n$`)
	colored := regexp.MustCompile(`^\x1b\[32m\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\x1b\[0m \| \x1b\[1mINFO    \x1b\[0m \| ` +
		`\x1b\[36mgithub\.com/loguru-go/loguru_test\x1b\[0m:\x1b\[36mdefaultLoggerChild\x1b\[0m:\x1b\[36m\d+\x1b\[0m - \x1b\[1mHello, world!\x1b\[0m\n$`)
	tests := []struct {
		name string
		env  []string
		want *regexp.Regexp
	}{
		{"pipe is not a terminal", nil, plain},
		{"FORCE_COLOR", []string{"FORCE_COLOR=1"}, colored},
		{"NO_COLOR wins", []string{"FORCE_COLOR=1", "NO_COLOR=1"}, plain},
		{"LOGURU_AUTOINIT=NO", []string{"LOGURU_AUTOINIT=NO"}, regexp.MustCompile(`^$`)},
		{"LOGURU_LEVEL=TRACE", []string{"LOGURU_LEVEL=TRACE", "LOGURU_FORMAT={level}: {message}"},
			regexp.MustCompile(`^INFO: Hello, world!\nTRACE: below the default DEBUG level\n$`)},
		{"LOGURU_LEVEL=trace, slog's spelling", []string{"LOGURU_LEVEL=trace", "LOGURU_FORMAT={level}: {message}"},
			regexp.MustCompile(`^INFO: Hello, world!\nTRACE: below the default DEBUG level\n$`)},
		{"LOGURU_COLORIZE=YES", []string{"LOGURU_COLORIZE=YES", "LOGURU_FORMAT=<red>{message}</red>"},
			regexp.MustCompile(`^\x1b\[31mHello, world!\x1b\[0m\n$`)},
		{"bad LOGURU_LEVEL falls back", []string{"LOGURU_LEVEL=NOPE"},
			regexp.MustCompile(`^loguru: invalid environment variable LOGURU_LEVEL: level "NOPE" does not exist; ignored\n\d{4}-\d\d-\d\d [^\n]* \| INFO     \| [^\n]* - Hello, world!\n$`)},
		{"bad LOGURU_FORMAT falls back", []string{"LOGURU_FORMAT={nope}"},
			regexp.MustCompile(`^loguru: invalid environment variable LOGURU_FORMAT: invalid format "\{nope\}": unknown field \{nope\} \(for a bound value use \{extra\[nope\]\}\) \(at position 0\); ignored\n\d{4}[^\n]* - Hello, world!\n$`)},
		{"empty LOGURU_AUTOINIT is reported", []string{"LOGURU_AUTOINIT="},
			regexp.MustCompile(`^loguru: invalid environment variable LOGURU_AUTOINIT \(expected a boolean\): ""; ignored\n\d{4}[^\n]* - Hello, world!\n$`)},
		{"bad boolean is reported once", []string{"LOGURU_COLORIZE=maybe"},
			regexp.MustCompile(`^loguru: invalid environment variable LOGURU_COLORIZE \(expected a boolean\): "maybe"; ignored\n\d{4}[^\n]* - Hello, world!\n$`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(withoutLoguruEnv(os.Environ()), "LOGURU_TEST_CHILD=1", "NO_COLOR=", "FORCE_COLOR=", "TERM=xterm")
			cmd.Env = append(cmd.Env, tt.env...)
			var stderr, stdout syncBuffer
			cmd.Stderr, cmd.Stdout = &stderr, &stdout
			if err := cmd.Run(); err != nil {
				t.Fatalf("child: %v\n%s", err, stdout.String())
			}
			if !tt.want.MatchString(stderr.String()) {
				t.Fatalf("stderr = %q", stderr.String())
			}
		})
	}
}

// A bad LOGURU_LEVEL or LOGURU_FORMAT is reported as ignored, and it is:
// handlers added later without their own Level or Format get the defaults.
func TestBadEnvDefaultsDoNotBreakLaterAdds(t *testing.T) {
	t.Parallel()
	for _, env := range []string{"LOGURU_LEVEL=NOPE", "LOGURU_FORMAT={nope}"} {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(withoutLoguruEnv(os.Environ()), "LOGURU_TEST_CHILD=later-add", "NO_COLOR=1", env)
		var stderr, stdout syncBuffer
		cmd.Stderr, cmd.Stdout = &stderr, &stdout
		if err := cmd.Run(); err != nil {
			t.Fatalf("child: %v\n%s", err, stderr.String())
		}
		if !strings.HasPrefix(stdout.String(), "INFO added: <nil> <nil>\n") || !strings.HasSuffix(stdout.String(), " - added: <nil> <nil>\n") {
			t.Errorf("%s: stdout = %q", env, stdout.String())
		}
	}
}

// withoutLoguruEnv drops the LOGURU_* variables of the test's own
// environment, so that each child sees only those its case sets.
func withoutLoguruEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "LOGURU_") {
			out = append(out, kv)
		}
	}
	return out
}
