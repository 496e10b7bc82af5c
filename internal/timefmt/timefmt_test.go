package timefmt

import (
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	half   = time.FixedZone("", 30*60)
	lmt    = time.FixedZone("LMT", 1*3600+49*60+3)
	est    = time.FixedZone("EST", -5*3600)
	negSec = time.FixedZone("LMT", -(4*3600 + 56*60 + 2))
	plus1  = time.FixedZone("A", 3600)
	plus2  = time.FixedZone("A", 2*3600)
	minus2 = time.FixedZone("XYZ", -2*3600)

	// Wednesday 3 January 2018, 11:09:00.000002 at +00:30.
	t1 = time.Date(2018, 1, 3, 11, 9, 0, 2000, half)
	// Saturday 9 June 2018, 01:02:03.000045 at -05:00.
	t2 = time.Date(2018, 6, 9, 1, 2, 3, 45000, est)
	// Thursday 7 April 2005, 09:03:08.002320 at +01:00.
	t3 = time.Date(2005, 4, 7, 9, 3, 8, 2320000, plus1)
	// Saturday 1 January 2000, 14:00:00.9 at -00:30.
	t4 = time.Date(2000, 1, 1, 14, 0, 0, 900000000, time.FixedZone("B", -1800))
	// Sunday 31 December 2017, 23:59:59.987654321 UTC.
	t5 = time.Date(2017, 12, 31, 23, 59, 59, 987654321, time.UTC)
)

func at(h, m, s, ns int, loc *time.Location) time.Time {
	return time.Date(2018, 1, 1, h, m, s, ns, loc)
}

func check(t *testing.T, spec string, tm time.Time, want string) {
	t.Helper()
	l, err := Compile(spec)
	if err != nil {
		t.Errorf("Compile(%q): %v", spec, err)
		return
	}
	if got := string(l.Append(nil, tm)); got != want {
		t.Errorf("Compile(%q).Append(%v) = %q, want %q", spec, tm, got, want)
	}
	// Appending must keep what dst already holds.
	if got := string(l.Append([]byte("<"), tm)); got != "<"+want {
		t.Errorf("Compile(%q).Append(\"<\", %v) = %q, want %q", spec, tm, got, "<"+want)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		spec string
		t    time.Time
		want string
	}{
		{"YYYY YY", t1, "2018 18"},
		{"YYYY YY", time.Date(5, 3, 1, 0, 0, 0, 0, time.UTC), "0005 05"},
		{"YYYY", time.Date(12345, 3, 1, 0, 0, 0, 0, time.UTC), "12345"},
		{"YYYY YY", time.Date(-5, 3, 1, 0, 0, 0, 0, time.UTC), "-005 95"},
		{"Q Q Q Q", t1, "1 1 1 1"},
		{"Q", t2, "2"},
		{"Q", time.Date(2018, 9, 30, 0, 0, 0, 0, time.UTC), "3"},
		{"Q", time.Date(2018, 10, 1, 0, 0, 0, 0, time.UTC), "4"},
		{"MMMM MMM MM M", t1, "January Jan 01 1"},
		{"MMMM MMM MM M", time.Date(2018, 12, 9, 0, 0, 0, 0, time.UTC), "December Dec 12 12"},
		{"MMMM|MMM", t2, "June|Jun"},
		{"DDDD DDD DD D", t1, "003 3 03 3"},
		{"DDDD DDD DD D", t2, "160 160 09 9"},
		{"DDDD DDD", t5, "365 365"},
		{"DDDD", time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC), "366"},
		{"dddd ddd d E", t1, "Wednesday Wed 2 3"},
		{"dddd ddd d E", t2, "Saturday Sat 5 6"},
		{"dddd ddd d E", t5, "Sunday Sun 6 7"},
		{"dddd ddd d E", time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), "Monday Mon 0 1"},
		{"HH H hh h mm m ss s", t2, "01 1 01 1 02 2 03 3"},
		{"HH H hh h mm m ss s", t5, "23 23 11 11 59 59 59 59"},
		{"HH H hh h A", at(0, 1, 2, 3000, time.UTC), "00 0 12 12 AM"},
		{"HH H hh h A", at(12, 0, 0, 0, time.UTC), "12 12 12 12 PM"},
		{"hh A", at(11, 59, 59, 0, time.UTC), "11 AM"},
		{"hh A", at(13, 0, 0, 0, time.UTC), "01 PM"},
		{"hh A", at(23, 0, 0, 0, time.UTC), "11 PM"},
		{"S SS SSS SSSS SSSSS SSSSSS", t5, "9 98 987 9876 98765 987654"},
		{"S SS SSS SSSS SSSSS SSSSSS", t1, "0 00 000 0000 00000 000002"},
		{"SSSSSS", t2, "000045"},
		{"Z ZZ", t1, "+00:30 +0030"},
		{"Z ZZ", t2, "-05:00 -0500"},
		{"Z ZZ", t5, "+00:00 +0000"},
		{"Z ZZ zz", time.Date(2018, 6, 9, 1, 2, 3, 0, lmt), "+01:49:03 +014903 LMT"},
		{"Z ZZ", time.Date(2018, 6, 9, 1, 2, 3, 0, negSec), "-04:56:02 -045602"},
		{"zz", t2, "EST"},
		{"zz", t5, "UTC"},
		{"[zz]zz[]", t1, "zz"}, // an unnamed zone has no abbreviation
		{"X", t1, "1514975940"},
		{"x", t1, "1514975940000002"},
		{"X x", t5, "1514764799 1514764799987654"},
		{"X x", time.Unix(-2, 500000000), "-2 -1500000"},

		// Loguru's own test cases.
		{"YYYY-MM-DD HH-mm-ss SSSSSS zz ZZ", t2, "2018-06-09 01-02-03 000045 EST -0500"},
		{"YY-M-D H-m-s SSS Z", t3, "05-4-7 9-3-8 002 +01:00"},
		{"Q_DDDD_DDD d_E h_hh A SS ZZ", t4, "1_001_1 5_6 2_02 PM 90 -0030"},
		{"SSSSSS[]SSS[]SSSSSS", time.Date(2018, 1, 3, 11, 3, 4, 100002000, time.UTC), "100002100100002"},
		{"[HHmmss", time.Date(2018, 1, 3, 11, 3, 4, 2000, time.UTC), "[110304"},
		{"HHmmss]", time.Date(2018, 1, 3, 11, 3, 4, 2000, time.UTC), "110304]"},
		{"YYYY [MM] DD HHmmss Z", time.Date(2015, 12, 25, 19, 13, 18, 0, time.FixedZone("A", 5400)), "2015 MM 25 191318 +01:30"},

		// Longest run per letter, then the rest.
		{"YYYYY", t1, "2018Y"},
		{"YYY", t1, "18Y"},
		{"Y", t1, "Y"},
		{"MMMMM", t1, "January1"},
		{"DDDDD", t1, "0033"},
		{"HHH", t2, "011"},
		{"hhh mmm sss", t2, "011 022 033"},
		{"ZZZ", t1, "+0030+00:30"},
		{"zzz z", t2, "ESTz z"},
		{"dd", t1, "22"},
		{"ddddd", t1, "Wednesday2"},
		{"AXxEQ", t1, "AM1514975940151497594000000231"},
		{"a B c e y", t1, "a B c e y"},

		// Escapes.
		{"[YYYY]", t1, "YYYY"},
		{"[YYYY] MM [DD]", t1, "YYYY 01 DD"},
		{"[YYYY MM DD]", t1, "[2018 01 03]"},
		{"[]", t1, ""},
		{"[[]]", t1, "[]"},
		{"[[YY]]", t1, "[YY]"},
		{"[Y]", t1, "[Y]"},
		{"[YYY]", t1, "[18Y]"},
		{"[dd]", t1, "[22]"},
		{"[ddd][d][dddd]", t1, "dddddddd"},
		{"[SSS][S][SSSSSS]", t1, "SSSSSSSSSS"},
		{"[MMMM][MMMMM]", t1, "MMMM[January1]"},
		{"[HH:mm]", t2, "[01:02]"},
		{"[x][X][A][E][Q][zz][Z][ZZ]", t2, "xXAEQzzZZZ"},
		{"[!UTC]", t1, "!UTC"},
		{"[!utc]", t1, "[!utc]"},
		{"[[", t1, "[["},
		{"]]", t1, "]]"},
		{"[", t1, "["},
		{"[YYYY", t1, "[2018"},

		// Non-ASCII and other literal text.
		{"YYYY年MM月DD日", t1, "2018年01月03日"},
		{"T=HH:mm:ss.SSS", t1, "T=11:09:00.000"},
	}
	for _, tt := range tests {
		check(t, tt.spec, tt.t, tt.want)
	}
}

func TestUTC(t *testing.T) {
	tests := []struct {
		spec string
		t    time.Time
		want string
		utc  bool
	}{
		{"HH:mm:ss!UTC", at(11, 30, 0, 0, plus2), "09:30:00", true},
		{"UTC! HH:mm:ss", at(11, 30, 0, 0, plus2), "UTC! 11:30:00", false},
		{"!UTC HH:mm:ss", at(11, 30, 0, 0, plus2), "!UTC 11:30:00", false},
		{"HH!UTC:mm", at(11, 30, 0, 0, plus2), "11!UTC:30", false},
		{"hh:mm:ss A - Z ZZ !UTC", at(12, 30, 0, 0, time.FixedZone("A", 5400)), "11:00:00 AM - +00:00 +0000 ", true},
		{"YYYY-MM-DD HH:mm:ss[Z]!UTC", time.Date(2018, 1, 3, 11, 3, 4, 200000000, minus2), "2018-01-03 13:03:04Z", true},
		{"HH:mm:ss[!UTC]", at(11, 30, 0, 0, plus2), "11:30:00!UTC", false},
		{"YYYY-MM-DD HH-mm-ss SSSSSS zz ZZ!UTC", t2, "2018-06-09 06-02-03 000045 UTC +0000", true},
		{"zz!UTC", t1, "UTC", true},
		{"HH!UTC!UTC", at(11, 30, 0, 0, plus2), "09!UTC", true},
		{"!UTC", t1, "2018-01-03T10:39:00.000002+0000", true},
		{"%Y-%m-%d %H-%M-%S %f %Z %z!UTC", t2, "2018-06-09 06-02-03 000045 UTC +0000", true},
		{"YYYY-MM-DD HH:mm:ss.SSS!UTC", t1, "2018-01-03 10:39:00.000", true},
		{"YYYY-MM-DD HH:mm:ss.SSS Z!UTC", t2, "2018-06-09 06:02:03.000 +00:00", true},
		{"YYYY-MM-DD HH:mm:ss.SSS", t2, "2018-06-09 01:02:03.000", false},
		{"!utc", t1, "!utc", false},
	}
	for _, tt := range tests {
		check(t, tt.spec, tt.t, tt.want)
		if l, err := Compile(tt.spec); err == nil && l.UTC() != tt.utc {
			t.Errorf("Compile(%q).UTC() = %v, want %v", tt.spec, l.UTC(), tt.utc)
		}
	}
}

func TestDefaultSpecs(t *testing.T) {
	tests := []struct {
		spec string
		t    time.Time
		want string
	}{
		{"", t1, "2018-01-03T11:09:00.000002+0030"},
		{"", time.Date(2018, 2, 3, 11, 9, 0, 2000, time.FixedZone("Z", 1800)), "2018-02-03T11:09:00.000002+0030"},
		{"", t2, "2018-06-09T01:02:03.000045-0500"},
		{"", time.Date(2018, 6, 9, 1, 2, 3, 0, lmt), "2018-06-09T01:02:03.000000+014903"},
		{"YYYY-MM-DD HH:mm:ss.SSS", t5, "2017-12-31 23:59:59.987"},
		{"YYYY-MM-DD HH:mm:ss.SSS", t1, "2018-01-03 11:09:00.000"},
		{"YYYY-MM-DD HH:mm:ss.SSS Z", t5, "2017-12-31 23:59:59.987 +00:00"},
		{"YYYY-MM-DD HH:mm:ss.SSS Z", t2, "2018-06-09 01:02:03.000 -05:00"},
		{"YYYY-MM-DD HH:mm:ss.SSS Z", time.Date(2018, 6, 9, 1, 2, 3, 999999999, lmt), "2018-06-09 01:02:03.999 +01:49:03"},
		{"YYYY-MM-DD HH:mm:ss.SSS Z", time.Date(2018, 6, 9, 1, 2, 3, 40000000, negSec), "2018-06-09 01:02:03.040 -04:56:02"},
		// Outside what the cache holds: the general path takes over.
		{"YYYY-MM-DD HH:mm:ss.SSS", time.Date(12018, 6, 9, 1, 2, 3, 40000000, time.UTC), "12018-06-09 01:02:03.040"},
		{"YYYY-MM-DD HH:mm:ss.SSS", time.Date(-1, 6, 9, 1, 2, 3, 40000000, time.UTC), "-001-06-09 01:02:03.040"},
		{"YYYY-MM-DD HH:mm:ss.SSS Z", time.Date(2018, 6, 9, 1, 2, 3, 40000000, time.FixedZone("", 101*3600)), "2018-06-09 01:02:03.040 +101:00"},
		{"YYYY-MM-DD HH:mm:ss.SSS Z", time.Date(2018, 6, 9, 1, 2, 3, 40000000, time.FixedZone("", -101*3600-1)), "2018-06-09 01:02:03.040 -101:00:01"},
	}
	for _, tt := range tests {
		check(t, tt.spec, tt.t, tt.want)
	}
	for _, spec := range []string{"YYYY-MM-DD HH:mm:ss.SSS", "YYYY-MM-DD HH:mm:ss.SSS Z", "YYYY-MM-DD HH:mm:ss.SSS!UTC"} {
		if l, _ := Compile(spec); l.fast == fastNone {
			t.Errorf("Compile(%q) did not select the fast path", spec)
		}
	}
}

func TestStrftime(t *testing.T) {
	tests := []struct {
		spec string
		t    time.Time
		want string
	}{
		{"%Y-%m-%d %H-%M-%S %f %Z %z", t2, "2018-06-09 01-02-03 000045 EST -0500"},
		{"%Y-%m-%d %H-%M-%S %f %Z %z", time.Date(2018, 6, 9, 1, 2, 3, 45000, time.UTC), "2018-06-09 01-02-03 000045 UTC +0000"},
		{"%a %A %w %u", t1, "Wed Wednesday 3 3"},
		{"%a %A %w %u", t5, "Sun Sunday 0 7"},
		{"%d %e %b %h %B %m %y %Y %C", t1, "03  3 Jan Jan January 01 18 2018 20"},
		{"%d %e", time.Date(2018, 1, 23, 0, 0, 0, 0, time.UTC), "23 23"},
		{"%H %k %I %l %p %P %M %S", at(0, 5, 6, 0, time.UTC), "00  0 12 12 AM am 05 06"},
		{"%H %k %I %l %p %P", at(13, 0, 0, 0, time.UTC), "13 13 01  1 PM pm"},
		{"%H %k %I %l %p", at(22, 0, 0, 0, time.UTC), "22 22 10 10 PM"},
		{"%f", t5, "987654"},
		{"%f", t1, "000002"},
		{"%z %:z %Z", time.Date(2018, 6, 9, 1, 2, 3, 0, lmt), "+014903 +01:49:03 LMT"},
		{"%z %:z [%Z]", t1, "+0030 +00:30 []"},
		{"%z %:z", t2, "-0500 -05:00"},
		{"%j", t1, "003"},
		{"%j", t5, "365"},
		{"%U %W", t1, "00 01"},
		{"%U %W", t5, "53 52"},
		{"%U %W", time.Date(2018, 1, 7, 0, 0, 0, 0, time.UTC), "01 01"},
		{"%U %W", time.Date(2018, 1, 8, 0, 0, 0, 0, time.UTC), "01 02"},
		{"%U %W", time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), "01 00"},
		{"%G %g %V", t1, "2018 18 01"},
		{"%G %g %V", time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), "2020 20 53"},
		{"%G %V", time.Date(2018, 12, 31, 0, 0, 0, 0, time.UTC), "2019 01"},
		{"%c", t1, "Wed Jan  3 11:09:00 2018"},
		{"%c", t5, "Sun Dec 31 23:59:59 2017"},
		{"%x %X", t1, "01/03/18 11:09:00"},
		{"%D %F %T %R", t2, "06/09/18 2018-06-09 01:02:03 01:02"},
		{"%r", at(15, 4, 5, 0, time.UTC), "03:04:05 PM"},
		{"%s", t1, "1514975940"},
		{"%s", t5, "1514764799"},
		{"100%% %n%t|", t1, "100% \n\t|"},
		{"%%Y", t1, "%Y"},
		{"%-d/%-m/%-y %-H:%-M:%-S %-j %-I", time.Date(2005, 4, 7, 9, 3, 8, 0, time.UTC), "7/4/5 9:3:8 97 9"},
		{"%_d|%_m|%_H|%0e|%0k|%-e|%-f", time.Date(2005, 4, 7, 9, 3, 8, 0, time.UTC), " 7| 4| 9|07|09|7|000000"},
		{"%-c", time.Date(2005, 4, 7, 9, 3, 8, 0, time.UTC), "Thu Apr  7 09:03:08 2005"},
		{"%Y", time.Date(5, 1, 1, 0, 0, 0, 0, time.UTC), "0005"},
		{"%_Y|%-Y|%_j|%-j|%_y|%_C", time.Date(5, 1, 1, 0, 0, 0, 0, time.UTC), "   5|5|  1|1| 5| 0"},
		// Go allows years before 1: Python's "%04d" and modulo/floor division rules apply.
		{"%Y %y %C %_Y", time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC), "-005 95 -1   -5"},
		{"%G %g", time.Date(-5, 6, 1, 0, 0, 0, 0, time.UTC), "-005 95"},
		{"YYYY %Y [MM]", t1, "YYYY 2018 [MM]"},
		{"%H SSSSSSSSS", t1, "11 SSSSSSSSS"},
		{"%d 日", t1, "03 日"},
	}
	for _, tt := range tests {
		check(t, tt.spec, tt.t, tt.want)
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		spec string
		want []string // substrings of the error
	}{
		{"ss.SSSSSSS", []string{`"ss.SSSSSSS"`, "more than six successive 'S'", "nanosecond"}},
		{"SS.SSSSSSSS.SS", []string{"more than six successive 'S'"}},
		{"HH:mm:ss.SSSSSSSSS", []string{"more than six successive 'S'"}},
		{"SSSSSSSSSS!UTC", []string{`"SSSSSSSSSS!UTC"`, "more than six successive 'S'"}},
		{"[SSSSSSS]", []string{"more than six successive 'S'"}},
		{"%Y-%Q", []string{`invalid time format "%Y-%Q"`, `unknown directive "%Q" at position 3`}},
		{"%E", []string{`unknown directive "%E" at position 0`}},
		{"%-Q", []string{`unknown directive "%-Q" at position 0`}},
		{"ab%é", []string{`unknown directive "%é" at position 2`}},
		{"%Y%", []string{`incomplete directive "%" at position 2`}},
		{"%Y%-", []string{`incomplete directive "%-" at position 2`}},
		{"%:y", []string{`unknown directive "%:" at position 0`}},
	}
	for _, tt := range tests {
		l, err := Compile(tt.spec)
		if err == nil {
			t.Errorf("Compile(%q) = %v, want an error", tt.spec, l)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Compile(%q) error %q does not contain %q", tt.spec, err, w)
			}
		}
	}
	// Six 'S' are fine, and so are seven in a strftime spec.
	for _, spec := range []string{"SSSSSS", "SSSSSS SSSSSS", "%H SSSSSSS"} {
		if _, err := Compile(spec); err != nil {
			t.Errorf("Compile(%q): %v", spec, err)
		}
	}
}

func TestAppendDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0:00:00"},
		{5 * time.Second, "0:00:05"},
		{6903 * time.Microsecond, "0:00:00.006903"},
		{6903*time.Microsecond + 999*time.Nanosecond, "0:00:00.006903"},
		{999 * time.Nanosecond, "0:00:00"},
		{time.Microsecond, "0:00:00.000001"},
		{time.Hour + 2*time.Minute + 3*time.Second + 400*time.Millisecond, "1:02:03.400000"},
		{23*time.Hour + 59*time.Minute + 59*time.Second + 999999*time.Microsecond, "23:59:59.999999"},
		{24 * time.Hour, "1 day, 0:00:00"},
		{24*time.Hour + 3*time.Second + 4*time.Microsecond, "1 day, 0:00:03.000004"},
		{48*time.Hour + 3*time.Second, "2 days, 0:00:03"},
		{1000*24*time.Hour + 13*time.Hour, "1000 days, 13:00:00"},
		{-time.Second, "-1 day, 23:59:59"},
		{-time.Microsecond, "-1 day, 23:59:59.999999"},
		{-999 * time.Nanosecond, "0:00:00"},
		{-1500 * time.Nanosecond, "-1 day, 23:59:59.999999"},
		{-24 * time.Hour, "-1 day, 0:00:00"},
		{-25 * time.Hour, "-2 days, 23:00:00"},
		{-48*time.Hour - 500*time.Millisecond, "-3 days, 23:59:59.500000"},
		{time.Duration(1<<63 - 1), "106751 days, 23:47:16.854775"},
		{time.Duration(-1 << 63), "-106752 days, 0:12:43.145225"},
	}
	for _, tt := range tests {
		if got := string(AppendDuration([]byte("<"), tt.d)); got != "<"+tt.want {
			t.Errorf("AppendDuration(%d) = %q, want %q", int64(tt.d), got, "<"+tt.want)
		}
	}
}

func TestAppendPython(t *testing.T) {
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Date(2026, 11, 22, 17, 26, 6, 265672000, time.UTC), "2026-11-22 17:26:06.265672+00:00"},
		{time.Date(2026, 11, 22, 17, 26, 6, 265672999, time.UTC), "2026-11-22 17:26:06.265672+00:00"},
		{time.Date(2026, 11, 22, 17, 26, 6, 0, time.UTC), "2026-11-22 17:26:06+00:00"},
		{time.Date(2026, 11, 22, 17, 26, 6, 999, time.UTC), "2026-11-22 17:26:06+00:00"},
		{time.Date(2026, 11, 22, 17, 26, 6, 1000, time.UTC), "2026-11-22 17:26:06.000001+00:00"},
		{t1, "2018-01-03 11:09:00.000002+00:30"},
		{t2, "2018-06-09 01:02:03.000045-05:00"},
		{time.Date(1850, 6, 9, 1, 2, 3, 0, lmt), "1850-06-09 01:02:03+01:49:03"},
		{time.Date(1850, 6, 9, 1, 2, 3, 0, negSec), "1850-06-09 01:02:03-04:56:02"},
		{time.Date(5, 6, 9, 1, 2, 3, 0, time.UTC), "0005-06-09 01:02:03+00:00"},
	}
	for _, tt := range tests {
		if got := string(AppendPython([]byte("<"), tt.t)); got != "<"+tt.want {
			t.Errorf("AppendPython(%v) = %q, want %q", tt.t, got, "<"+tt.want)
		}
	}
}

// TestSecondCache walks the fast layouts across second, zone and location
// changes, comparing each result with the general path.
func TestSecondCache(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		paris = time.FixedZone("CET", 3600) // no zone database
	}
	base := time.Date(2018, 3, 25, 0, 59, 58, 0, time.UTC) // Paris switches to summer time at 01:00 UTC
	var times []time.Time
	for _, step := range []time.Duration{0, 1, 999_999_999, time.Second, 1500 * time.Millisecond, 2 * time.Second, time.Hour, 24 * time.Hour} {
		u := base.Add(step)
		times = append(times, u, u.In(paris), u.In(lmt), u.In(est), u.In(time.FixedZone("EST", -5*3600)), u, u.In(paris))
	}
	for _, spec := range []string{"YYYY-MM-DD HH:mm:ss.SSS", "YYYY-MM-DD HH:mm:ss.SSS Z", "YYYY-MM-DD HH:mm:ss.SSS Z!UTC"} {
		l, _ := Compile(spec)
		ref, _ := Compile(spec)
		ref.fast = fastNone
		for _, tm := range times {
			got, want := string(l.Append(nil, tm)), string(ref.Append(nil, tm))
			if got != want {
				t.Errorf("%q: Append(%v) = %q, want %q", spec, tm, got, want)
			}
		}
	}

	// Exact strings across the summer time switch in Paris.
	if paris.String() == "Europe/Paris" {
		l, _ := Compile("YYYY-MM-DD HH:mm:ss.SSS Z")
		for _, c := range []struct {
			t    time.Time
			want string
		}{
			{base.Add(time.Second + 999*time.Millisecond), "2018-03-25 01:59:59.999 +01:00"},
			{base.Add(2 * time.Second), "2018-03-25 03:00:00.000 +02:00"},
			{base.Add(time.Second + 5*time.Millisecond), "2018-03-25 01:59:59.005 +01:00"},
		} {
			if got := string(l.Append(nil, c.t.In(paris))); got != c.want {
				t.Errorf("Append(%v) = %q, want %q", c.t, got, c.want)
			}
		}
	}
}

// TestSecondCacheConcurrent hammers one layout from several goroutines with
// times in different seconds and zones; run it with -race.
func TestSecondCacheConcurrent(t *testing.T) {
	l, _ := Compile("YYYY-MM-DD HH:mm:ss.SSS Z")
	zones := []*time.Location{time.UTC, lmt, est, half}
	base := time.Date(2024, 2, 29, 23, 59, 58, 0, time.UTC)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 0, 64)
			for i := 0; i < 2000; i++ {
				tm := base.Add(time.Duration(i*(g+1)) * 7 * time.Millisecond).In(zones[(i+g)%len(zones)])
				buf = l.Append(buf[:0], tm)
				ms := tm.Nanosecond() / 1e6
				zone := " -07:00"
				if _, off := tm.Zone(); off%60 != 0 {
					zone = " -07:00:00"
				}
				want := tm.Format("2006-01-02 15:04:05.") + string(rune('0'+ms/100)) + string(rune('0'+ms/10%10)) + string(rune('0'+ms%10)) + tm.Format(zone)
				if string(buf) != want {
					select {
					case errs <- string(buf) + " != " + want:
					default:
					}
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestAppendNoAllocs(t *testing.T) {
	tm := time.Date(2018, 6, 9, 1, 2, 3, 456789000, lmt)
	specs := []string{
		"YYYY-MM-DD HH:mm:ss.SSS",
		"YYYY-MM-DD HH:mm:ss.SSS Z",
		"YYYY-MM-DD HH:mm:ss.SSS!UTC",
		"",
		"YYYY YY Q MMMM MMM MM M DDDD DDD DD D dddd ddd d E HH H hh h mm m ss s S SS SSS SSSS SSSSS SSSSSS A Z ZZ zz X x [YYYY]",
		"%a %A %w %d %e %b %B %m %y %Y %H %I %p %M %S %f %z %:z %Z %j %U %W %c %x %X %G %V %u %s %%",
		"HH:mm:ss!UTC",
	}
	buf := make([]byte, 0, 512)
	for _, spec := range specs {
		l, err := Compile(spec)
		if err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(100, func() { buf = l.Append(buf[:0], tm) }); n != 0 {
			t.Errorf("Compile(%q).Append allocates %v times", spec, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { buf = AppendDuration(buf[:0], -25*time.Hour-time.Microsecond) }); n != 0 {
		t.Errorf("AppendDuration allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { buf = AppendPython(buf[:0], tm) }); n != 0 {
		t.Errorf("AppendPython allocates %v times", n)
	}
	// The fast path within one second, as consecutive records would be.
	l, _ := Compile("YYYY-MM-DD HH:mm:ss.SSS Z")
	i := 0
	if n := testing.AllocsPerRun(100, func() {
		i++
		buf = l.Append(buf[:0], tm.Add(time.Duration(i)*time.Millisecond))
	}); n != 0 {
		t.Errorf("fast Append within one second allocates %v times", n)
	}
}

var sink []byte

func benchAppend(b *testing.B, spec string, tm time.Time) {
	l, err := Compile(spec)
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		buf = l.Append(buf[:0], tm)
	}
	sink = buf
}

var benchTime = time.Date(2018, 6, 9, 1, 2, 3, 456789000, time.FixedZone("CEST", 2*3600))

func BenchmarkAppendDefault(b *testing.B) { benchAppend(b, "YYYY-MM-DD HH:mm:ss.SSS", benchTime) }

func BenchmarkAppendDefaultZ(b *testing.B) { benchAppend(b, "YYYY-MM-DD HH:mm:ss.SSS Z", benchTime) }

func BenchmarkAppendDefaultLocal(b *testing.B) {
	benchAppend(b, "YYYY-MM-DD HH:mm:ss.SSS", benchTime.Local())
}

// BenchmarkAppendDefaultUncached is the default spec through the general
// path, to measure what the second cache saves.
func BenchmarkAppendDefaultUncached(b *testing.B) {
	l, _ := Compile("YYYY-MM-DD HH:mm:ss.SSS")
	l.fast = fastNone
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for range b.N {
		buf = l.Append(buf[:0], benchTime)
	}
	sink = buf
}

// BenchmarkAppendDefaultAdvancing moves the time forward by 1µs per record,
// so that the cache is refreshed once per million records.
func BenchmarkAppendDefaultAdvancing(b *testing.B) {
	l, _ := Compile("YYYY-MM-DD HH:mm:ss.SSS")
	buf := make([]byte, 0, 64)
	tm := benchTime
	b.ReportAllocs()
	for range b.N {
		tm = tm.Add(time.Microsecond)
		buf = l.Append(buf[:0], tm)
	}
	sink = buf
}

// BenchmarkAppendDefaultNewSecond is the worst case: every record falls in
// a new second.
func BenchmarkAppendDefaultNewSecond(b *testing.B) {
	l, _ := Compile("YYYY-MM-DD HH:mm:ss.SSS")
	buf := make([]byte, 0, 64)
	tm := benchTime
	b.ReportAllocs()
	for range b.N {
		tm = tm.Add(time.Second)
		buf = l.Append(buf[:0], tm)
	}
	sink = buf
}

func BenchmarkAppendDefaultParallel(b *testing.B) {
	l, _ := Compile("YYYY-MM-DD HH:mm:ss.SSS Z")
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		buf := make([]byte, 0, 64)
		for pb.Next() {
			buf = l.Append(buf[:0], benchTime)
		}
	})
}

func BenchmarkAppendISO(b *testing.B) { benchAppend(b, "", benchTime) }

func BenchmarkAppendTokens(b *testing.B) {
	benchAppend(b, "dddd D MMMM YYYY hh:mm:ss.SSSSSS A ZZ zz", benchTime)
}

func BenchmarkAppendStrftime(b *testing.B) { benchAppend(b, "%a %d %b %Y %H:%M:%S.%f %z", benchTime) }

// BenchmarkTimeFormat is the standard library's AppendFormat for the
// default spec, for comparison.
func BenchmarkTimeFormat(b *testing.B) {
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for range b.N {
		buf = benchTime.AppendFormat(buf[:0], "2006-01-02 15:04:05.000")
	}
	sink = buf
}

func BenchmarkAppendDuration(b *testing.B) {
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for range b.N {
		buf = AppendDuration(buf[:0], 49*time.Hour+6903*time.Microsecond)
	}
	sink = buf
}

func BenchmarkAppendPython(b *testing.B) {
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for range b.N {
		buf = AppendPython(buf[:0], benchTime)
	}
	sink = buf
}

func TestAppendRFC3339NanoIsTimesOwn(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("CET", 3600), time.FixedZone("X", -(3*3600 + 30*60)),
		time.FixedZone("LMT", 561), time.FixedZone("far", 30*3600)}
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, ny)
	}
	times := []time.Time{
		time.Date(2026, 11, 22, 10, 1, 2, 345678901, time.UTC),
		time.Date(2026, 11, 22, 10, 1, 2, 0, time.UTC),
		time.Date(2026, 11, 22, 10, 1, 2, 100000000, time.UTC),
		time.Date(2026, 11, 22, 10, 1, 2, 1, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 5, time.UTC),
		time.Date(-5, 1, 1, 0, 0, 0, 5, time.UTC),
		time.Date(5, 1, 1, 0, 0, 0, 5, time.UTC),
		time.Date(999, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(2026, 3, 8, 6, 59, 59, 999999999, time.UTC), // New York's DST change
		time.Date(2026, 3, 8, 7, 0, 0, 0, time.UTC),
	}
	for _, base := range times {
		for _, z := range zones {
			for _, d := range []time.Duration{0, time.Nanosecond, time.Second, 59 * time.Minute} {
				tt := base.Add(d).In(z)
				want := tt.Format(time.RFC3339Nano)
				// Twice: rendered, then from the cache.
				var c RFC3339Cache
				for range 2 {
					if got := string(c.AppendRFC3339Nano([]byte("x"), tt)); got != "x"+want {
						t.Fatalf("AppendRFC3339Nano(%v) = %q, want %q", tt, got, "x"+want)
					}
				}
			}
		}
	}
}
