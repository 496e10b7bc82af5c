package fileopt

import (
	"strings"
	"testing"
	"time"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"500 MB", 500_000_000}, {"0.5 GB", 500_000_000}, {"8 B", 8}, {"8e-6MB", 8}, {"0.008 kiB", 8},
		{"64b", 8}, {"2GiB", 2 << 30}, {"1 GiB", 1 << 30}, {"100 KB", 100_000}, {"1 kb", 125},
		{"3 TB", 3e12}, {"1 PiB", 1 << 50}, {"1.5 MiB", 3 << 19},
	}
	for _, tt := range tests {
		got, ok, err := ParseSize(tt.in)
		if !ok || err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v, %v; want %d", tt.in, got, ok, err, tt.want)
		}
	}
	if _, ok, err := ParseSize("1..5 MB"); !ok || err == nil || err.Error() != `invalid float value while parsing size: "1..5"` {
		t.Errorf("bad number: %v, %v", ok, err)
	}
	if _, ok, _ := ParseSize("1 week"); ok {
		t.Error("1 week parsed as a size")
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"1 week", 7 * 24 * time.Hour}, {"4 days", 96 * time.Hour}, {"10h", 10 * time.Hour},
		{"1 month 2 weeks", 2628000*time.Second + 14*24*time.Hour}, {"1h 30 minutes", 90 * time.Minute},
		{"1 w, 2D", 9 * 24 * time.Hour}, {"1.5d", 36 * time.Hour}, {"1.222 hours, 3.44s", 4402*time.Second + 640*time.Millisecond},
		{"2 s", 2 * time.Second}, {"6 hours", 6 * time.Hour}, {"2 days, 4 hours", 52 * time.Hour},
		{"1 y", 31536000 * time.Second}, {"3 mins", 3 * time.Minute}, {"250 ms", 250 * time.Millisecond}, {"7 us", 7 * time.Microsecond},
		{"1 second", time.Second}, {"2 secs", 2 * time.Second},
	}
	for _, tt := range tests {
		got, ok, err := ParseDuration(tt.in)
		if !ok || err != nil || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v, %v; want %v", tt.in, got, ok, err, tt.want)
		}
	}
	errs := map[string]string{
		"5 MB":       `invalid unit value while parsing duration: "MB"`,
		"1 m":        `invalid unit value while parsing duration: "m"`,
		"1.2.3 days": `invalid float value while parsing duration: "1.2.3"`,
	}
	for in, want := range errs {
		if _, ok, err := ParseDuration(in); !ok || err == nil || err.Error() != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %s", in, ok, err, want)
		}
	}
}

func TestParseRotation(t *testing.T) {
	day := func(weekly bool, wd time.Weekday, h, m, s, ns int) string {
		return Rotation{Daytime: &Daytime{weekly, wd, h, m, s, ns}}.String()
	}
	tests := []struct{ in, want string }{
		{"500 MB", (Rotation{Size: 500_000_000}).String()},
		{"1048576", (Rotation{Size: 1 << 20}).String()},
		{"000", (Rotation{Size: 1}).String()},
		{"1 week", (Rotation{Interval: 7 * 24 * time.Hour}).String()},
		{" Daily ", (Rotation{Frequency: "daily"}).String()},
		{"hourly", (Rotation{Frequency: "hourly"}).String()},
		{"12:00", day(false, 0, 12, 0, 0, 0)},
		{"00:00", day(false, 0, 0, 0, 0, 0)},
		{"13", day(false, 0, 13, 0, 0, 0)},
		{"1:30 PM", day(false, 0, 13, 30, 0, 0)},
		{"12 am", day(false, 0, 0, 0, 0, 0)},
		{"12:15 pm", day(false, 0, 12, 15, 0, 0)},
		{"18:00:05.25", day(false, 0, 18, 0, 5, 250_000_000)},
		{"sunday", day(true, time.Sunday, 0, 0, 0, 0)},
		{"monday", day(true, time.Monday, 0, 0, 0, 0)},
		{"w0", day(true, time.Monday, 0, 0, 0, 0)},
		{"W6", day(true, time.Sunday, 0, 0, 0, 0)},
		{"monday at 12:00", day(true, time.Monday, 12, 0, 0, 0)},
		{" W6 at 13 ", day(true, time.Sunday, 13, 0, 0, 0)},
		{"w2  at  11:00:00 AM", day(true, time.Wednesday, 11, 0, 0, 0)},
		{"sunDAY at 1:0:0.0 pm", day(true, time.Sunday, 13, 0, 0, 0)},
	}
	for _, tt := range tests {
		got, err := ParseRotation(tt.in)
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseRotation(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	errs := map[string]string{
		"w-1": `cannot parse rotation from "w-1"`, "h": `cannot parse rotation from "h"`, "M": `cannot parse rotation from "M"`,
		"w1at13": `cannot parse rotation from "w1at13"`, "foobar": `cannot parse rotation from "foobar"`,
		"01:00:00!UTC": `cannot parse rotation from "01:00:00!UTC"`, "": `cannot parse rotation from ""`,
		"w7": `invalid day while parsing daytime: "w7"`, "25:00": `invalid time while parsing daytime: "25:00"`,
		"13 pm": `invalid time while parsing daytime: "13 pm"`, "funday at 12:00": `invalid day while parsing daytime: "funday"`,
		"monday at noon": `invalid time while parsing daytime: "noon"`, "5 MB/s": `cannot parse rotation from "5 MB/s"`,
	}
	for in, want := range errs {
		if _, err := ParseRotation(in); err == nil || err.Error() != want {
			t.Errorf("ParseRotation(%q) error = %v, want %s", in, err, want)
		}
	}
}

func TestParseRetention(t *testing.T) {
	if r, err := ParseRetention("10"); err != nil || r != (Retention{IsCount: true, Count: 10}) {
		t.Errorf("10: %+v, %v", r, err)
	}
	if r, err := ParseRetention("10 days"); err != nil || r != (Retention{Age: 240 * time.Hour}) {
		t.Errorf("10 days: %+v, %v", r, err)
	}
	for in, want := range map[string]string{
		"W5": `cannot parse retention from "W5"`, "monday at 14:00": `cannot parse retention from "monday at 14:00"`,
		"sunday": `cannot parse retention from "sunday"`, "nope": `cannot parse retention from "nope"`,
		"d": `cannot parse retention from "d"`, "5 MB": `invalid unit value while parsing duration: "MB"`,
		"-1": `retention count must not be negative: "-1"`,
	} {
		if _, err := ParseRetention(in); err == nil || err.Error() != want {
			t.Errorf("ParseRetention(%q) error = %v, want %s", in, err, want)
		}
	}
}

var cet = time.FixedZone("CET", 3600)

func date(d, h, m, s int) time.Time { return time.Date(2026, 11, d, h, m, s, 0, cet) }

func TestNextAndStep(t *testing.T) {
	// 2026-11-22 is a Sunday.
	tests := []struct {
		rule       string
		created    time.Time
		next, step time.Time
	}{
		{"12:00", date(22, 11, 0, 0), date(22, 12, 0, 0), date(23, 12, 0, 0)},
		{"12:00", date(22, 12, 0, 0), date(23, 12, 0, 0), date(24, 12, 0, 0)},
		{"00:00", date(22, 10, 1, 2), date(23, 0, 0, 0), date(24, 0, 0, 0)},
		{"monday at 12:00", date(25, 9, 0, 0), date(30, 12, 0, 0), time.Date(2026, 12, 7, 12, 0, 0, 0, cet)},
		{"w6", date(22, 0, 0, 0), date(29, 0, 0, 0), time.Date(2026, 12, 6, 0, 0, 0, 0, cet)},
		{"sunday", date(21, 23, 0, 0), date(22, 0, 0, 0), date(29, 0, 0, 0)},
		{"hourly", time.Date(2026, 11, 22, 10, 59, 59, 999e6, cet), date(22, 11, 0, 0), date(22, 12, 0, 0)},
		{"daily", date(22, 10, 0, 0), date(23, 0, 0, 0), date(24, 0, 0, 0)},
		{"weekly", date(23, 0, 0, 0), date(30, 0, 0, 0), time.Date(2026, 12, 7, 0, 0, 0, 0, cet)},
		{"monthly", time.Date(2026, 1, 31, 8, 0, 0, 0, cet), time.Date(2026, 2, 1, 0, 0, 0, 0, cet), time.Date(2026, 3, 1, 0, 0, 0, 0, cet)},
		{"yearly", date(22, 0, 0, 0), time.Date(2027, 1, 1, 0, 0, 0, 0, cet), time.Date(2028, 1, 1, 0, 0, 0, 0, cet)},
		{"6 hours", date(22, 10, 0, 0), date(22, 16, 0, 0), date(22, 22, 0, 0)},
		{"2 days, 4 hours", date(22, 10, 0, 0), date(24, 14, 0, 0), date(26, 18, 0, 0)},
	}
	for _, tt := range tests {
		r, err := ParseRotation(tt.rule)
		if err != nil {
			t.Fatal(err)
		}
		next := r.Next(tt.created)
		if !next.Equal(tt.next) {
			t.Errorf("%s from %v: Next = %v, want %v", tt.rule, tt.created, next, tt.next)
		}
		if step := r.Step(next); !step.Equal(tt.step) {
			t.Errorf("%s: Step(%v) = %v, want %v", tt.rule, next, step, tt.step)
		}
	}
}

func TestDailyRotationKeepsItsHourAcrossDST(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	r, _ := ParseRotation("02:30")
	created := time.Date(2026, 10, 24, 12, 0, 0, 0, paris) // the day before the change to winter time
	next := r.Next(created)
	step := r.Step(next)
	if next.Format("01-02 15:04 MST") != "10-25 02:30 CET" || step.Format("01-02 15:04 MST") != "10-26 02:30 CET" {
		t.Errorf("Next = %v, Step = %v", next, step)
	}
}

func FuzzParseRotation(f *testing.F) {
	for _, s := range []string{"500 MB", "1 week", "daily", "monday at 12:00", "1:30 PM", "w7", "", "1e400 GB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if rules, err := ParseRotations(s); err == nil && len(rules) == 0 {
			t.Fatalf("ParseRotations(%q): no rule and no error", s)
		}
		r, err := ParseRotation(s)
		if err != nil {
			return
		}
		kinds := 0
		for _, set := range []bool{r.Size > 0, r.Interval > 0, r.Frequency != "", r.Daytime != nil} {
			if set {
				kinds++
			}
		}
		if kinds != 1 {
			t.Fatalf("ParseRotation(%q) = %+v: %d kinds set", s, r, kinds)
		}
		if r.Size == 0 {
			created := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
			if next := r.Next(created); !next.After(created) || !r.Step(next).After(next) {
				t.Fatalf("%q: Next %v, Step %v do not move forward", s, next, r.Step(next))
			}
		}
	})
}

func TestParseRotations(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12:00, 100 MB", "daily at 12:00:00.000000000 | every 100000000 bytes"},
		{"1 h, 30 min", "every 1h30m0s"}, // one duration with a comma
		{"10 MB,1 h, 30 min,monday", "every 10000000 bytes | every 1h30m0s | Monday at 00:00:00.000000000"},
		{"daily, 1048576", "daily | every 1048576 bytes"},
		{"500 MB", "every 500000000 bytes"},
	}
	for _, tt := range tests {
		rules, err := ParseRotations(tt.in)
		var got []string
		for _, r := range rules {
			got = append(got, r.String())
		}
		if err != nil || strings.Join(got, " | ") != tt.want {
			t.Errorf("ParseRotations(%q) = %q, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	errs := map[string]string{
		"12:00, soon":                `cannot parse rotation from " soon", in "12:00, soon"`,
		"12:00,":                     `cannot parse rotation from "", in "12:00,"`,
		"25:00, 100 MB":              `invalid time while parsing daytime: "25:00", in "25:00, 100 MB"`,
		"nonsense":                   `cannot parse rotation from "nonsense"`,
		strings.Repeat("12:00,", 40): `too many commas in rotation "12:00,12:00,12:00,12:00,12:00,12:00,12:0"...: at most 32 parts`,
	}
	for in, want := range errs {
		if _, err := ParseRotations(in); err == nil || err.Error() != want {
			t.Errorf("ParseRotations(%q) error = %v, want %s", in, err, want)
		}
	}
}
