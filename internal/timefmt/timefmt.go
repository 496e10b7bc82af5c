package timefmt

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"
)

// Layout is a compiled time format. It is immutable apart from an internal
// cache and may be used by many goroutines at once.
type Layout struct {
	ops   []op
	needs needs
	utc   bool
	fast  fastKind

	// cache holds, for the fast layouts, the rendered text of the last
	// second seen; see appendFast.
	cache atomic.Pointer[secondCache]
}

// field says what an op appends.
type field uint8

const (
	fLit         field = iota // op.lit
	fYear                     // year
	fYear2                    // year modulo 100
	fCentury                  // year / 100
	fQuarter                  // 1 .. 4
	fMonth                    // 1 .. 12
	fMonthName                // January
	fMonthAbbr                // Jan
	fYearDay                  // 1 .. 366
	fDay                      // 1 .. 31
	fWeekdayName              // Monday
	fWeekdayAbbr              // Mon
	fWeekdayMon0              // Monday = 0 .. Sunday = 6
	fWeekdayISO               // Monday = 1 .. Sunday = 7
	fWeekdaySun0              // Sunday = 0 .. Saturday = 6
	fWeekSun                  // week of year, weeks start on Sunday
	fWeekMon                  // week of year, weeks start on Monday
	fISOYear                  // ISO 8601 week-based year
	fISOYear2                 // ISO 8601 week-based year modulo 100
	fISOWeek                  // ISO 8601 week
	fHour                     // 0 .. 23
	fHour12                   // 1 .. 12
	fMinute                   // 0 .. 59
	fSecond                   // 0 .. 59
	fFrac                     // op.width digits of the second's fraction, truncated
	fAMPM                     // AM / PM
	fAmPm                     // am / pm
	fOffsetColon              // +01:00
	fOffset                   // +0100
	fZoneName                 // t.Zone() name
	fUnix                     // Unix seconds
	fUnixMicro                // Unix microseconds
)

// op is one step of a compiled layout. Numeric fields are padded to width
// with pad.
type op struct {
	field field
	width uint8
	pad   byte
	lit   string
}

// needs says which parts of a time a layout reads, so that Append computes
// each at most once and only when used.
type needs uint8

const (
	needDate needs = 1 << iota
	needClock
	needZone
	needYearDay
	needWeekday
	needISOWeek
)

func (f field) needs() needs {
	switch f {
	case fYear, fYear2, fCentury, fQuarter, fMonth, fMonthName, fMonthAbbr, fDay:
		return needDate
	case fYearDay:
		return needYearDay
	case fWeekdayName, fWeekdayAbbr, fWeekdayMon0, fWeekdayISO, fWeekdaySun0:
		return needWeekday
	case fWeekSun, fWeekMon:
		return needYearDay | needWeekday
	case fISOYear, fISOYear2, fISOWeek:
		return needISOWeek
	case fHour, fHour12, fMinute, fSecond, fAMPM, fAmPm:
		return needClock
	case fOffsetColon, fOffset, fZoneName:
		return needZone
	}
	return 0
}

// fastKind selects a hand-written path for Loguru's most common specs.
type fastKind uint8

const (
	fastNone  fastKind = iota
	fastSec            // YYYY-MM-DD HH:mm:ss.SSS
	fastSecOf          // YYYY-MM-DD HH:mm:ss.SSS Z
)

const (
	defaultSpec   = "YYYY-MM-DD HH:mm:ss.SSS"
	defaultSpecZ  = "YYYY-MM-DD HH:mm:ss.SSS Z"
	defaultStrfmt = "%Y-%m-%dT%H:%M:%S.%f%z"
	utcSuffix     = "!UTC"
)

// Compile parses a Loguru time format spec as used in "{time:SPEC}". See the
// package documentation for the tokens. The empty spec is Loguru's default
// for a bare "{time}", "%Y-%m-%dT%H:%M:%S.%f%z".
//
// The specs "YYYY-MM-DD HH:mm:ss.SSS" (Loguru's default) and
// "YYYY-MM-DD HH:mm:ss.SSS Z", with or without "!UTC", get a dedicated path
// that caches the text rendered for the last second; see [Layout.Append].
func Compile(spec string) (*Layout, error) {
	l := &Layout{}
	body, isUTC := strings.CutSuffix(spec, utcSuffix)
	l.utc = isUTC
	if body == "" {
		body = defaultStrfmt
	}
	var err error
	switch {
	case strings.Contains(body, "%"):
		l.ops, err = compileStrftime(body)
	case strings.Contains(body, "SSSSSSS"):
		err = errors.New("more than six successive 'S' (nanosecond precision is not supported)")
	default:
		l.ops = compileTokens(body)
	}
	if err != nil {
		return nil, fmt.Errorf("invalid time format %q: %w", spec, err)
	}
	for _, o := range l.ops {
		l.needs |= o.field.needs()
	}
	switch body {
	case defaultSpec:
		l.fast = fastSec
	case defaultSpecZ:
		l.fast = fastSecOf
	}
	return l, nil
}

// UTC reports whether the layout converts to UTC first (the spec ended in
// "!UTC").
func (l *Layout) UTC() bool { return l.utc }

// Append appends t formatted by the layout to dst and returns the extended
// slice. It does not allocate beyond growing dst, with one exception: the
// layouts of the specs "YYYY-MM-DD HH:mm:ss.SSS" and
// "YYYY-MM-DD HH:mm:ss.SSS Z" keep the text rendered for the last second and
// location they saw, and allocate one small object whenever that second or
// location changes; records within the same second then only append the
// cached text and the milliseconds.
func (l *Layout) Append(dst []byte, t time.Time) []byte {
	if l.utc {
		t = t.UTC()
	}
	if l.fast != fastNone {
		return l.appendFast(dst, t)
	}
	return l.appendOps(dst, t)
}

// appendOps is the general path: it walks the ops.
func (l *Layout) appendOps(dst []byte, t time.Time) []byte {
	var (
		year, day, hour, minute, sec, yday, isoYear, isoWeek, offset int
		month                                                        time.Month
		weekday                                                      time.Weekday
		zone                                                         string
	)
	n := l.needs
	if n&needDate != 0 {
		year, month, day = t.Date()
	}
	if n&needClock != 0 {
		hour, minute, sec = t.Clock()
	}
	if n&needZone != 0 {
		zone, offset = t.Zone()
	}
	if n&needYearDay != 0 {
		yday = t.YearDay()
	}
	if n&needWeekday != 0 {
		weekday = t.Weekday()
	}
	if n&needISOWeek != 0 {
		isoYear, isoWeek = t.ISOWeek()
	}
	for i := range l.ops {
		o := &l.ops[i]
		switch o.field {
		case fLit:
			dst = append(dst, o.lit...)
		case fYear:
			if o.width == 4 && o.pad == '0' {
				dst = appendYear(dst, year)
			} else {
				dst = appendInt(dst, int64(year), o.width, o.pad)
			}
		case fYear2:
			dst = appendInt(dst, int64(mod(year, 100)), o.width, o.pad)
		case fCentury:
			dst = appendInt(dst, int64(floorDiv(year, 100)), o.width, o.pad)
		case fQuarter:
			dst = append(dst, byte('0'+(int(month)-1)/3+1))
		case fMonth:
			dst = appendSmall(dst, int(month), o.width, o.pad)
		case fMonthName:
			dst = append(dst, monthNames[month-1]...)
		case fMonthAbbr:
			dst = append(dst, monthNames[month-1][:3]...)
		case fYearDay:
			dst = appendSmall(dst, yday, o.width, o.pad)
		case fDay:
			dst = appendSmall(dst, day, o.width, o.pad)
		case fWeekdayName:
			dst = append(dst, weekdayNames[weekday]...)
		case fWeekdayAbbr:
			dst = append(dst, weekdayNames[weekday][:3]...)
		case fWeekdayMon0:
			dst = append(dst, byte('0'+(weekday+6)%7))
		case fWeekdayISO:
			dst = append(dst, byte('0'+(weekday+6)%7+1))
		case fWeekdaySun0:
			dst = append(dst, byte('0'+weekday))
		case fWeekSun:
			dst = appendSmall(dst, (yday-1+7-int(weekday))/7, o.width, o.pad)
		case fWeekMon:
			dst = appendSmall(dst, (yday-1+7-(int(weekday)+6)%7)/7, o.width, o.pad)
		case fISOYear:
			dst = appendInt(dst, int64(isoYear), o.width, o.pad)
		case fISOYear2:
			dst = appendInt(dst, int64(mod(isoYear, 100)), o.width, o.pad)
		case fISOWeek:
			dst = appendSmall(dst, isoWeek, o.width, o.pad)
		case fHour:
			dst = appendSmall(dst, hour, o.width, o.pad)
		case fHour12:
			dst = appendSmall(dst, (hour+11)%12+1, o.width, o.pad)
		case fMinute:
			dst = appendSmall(dst, minute, o.width, o.pad)
		case fSecond:
			dst = appendSmall(dst, sec, o.width, o.pad)
		case fFrac:
			dst = appendFrac(dst, t.Nanosecond(), int(o.width))
		case fAMPM:
			if hour < 12 {
				dst = append(dst, "AM"...)
			} else {
				dst = append(dst, "PM"...)
			}
		case fAmPm:
			if hour < 12 {
				dst = append(dst, "am"...)
			} else {
				dst = append(dst, "pm"...)
			}
		case fOffsetColon:
			dst = appendOffset(dst, offset, ':')
		case fOffset:
			dst = appendOffset(dst, offset, 0)
		case fZoneName:
			dst = append(dst, zone...)
		case fUnix:
			dst = appendInt(dst, t.Unix(), 0, 0)
		case fUnixMicro:
			dst = appendInt(dst, t.UnixMicro(), 0, 0)
		}
	}
	return dst
}

var monthNames = [12]string{
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
}

var weekdayNames = [7]string{
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
}

// mod is the modulo with the sign of the divisor, as Python's % operator.
func mod(a, b int) int {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}

// floorDiv is the division rounding toward negative infinity, as Python's //.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
