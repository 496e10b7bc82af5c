// Package timefmt formats times the way Loguru's "{time:SPEC}" field does.
//
// A spec is compiled once by [Compile] into a [Layout], a flat list of
// operations; [Layout.Append] then walks that list and appends the digits by
// hand, without allocating.
//
// # Tokens
//
// Outside brackets the following tokens are replaced; everything else is
// copied literally. At each position the longest run allowed for the letter
// is taken ("MMMMM" is MMMM followed by M, "YYY" is YY followed by a literal
// "Y", "dd" is d twice, a lone "Y" or "z" is literal).
//
//	YYYY    year, at least four digits          2018
//	YY      year modulo 100, two digits         18
//	Q       quarter                             1 .. 4
//	MMMM    month name                          January .. December
//	MMM     abbreviated month name              Jan .. Dec
//	MM      month, two digits                   01 .. 12
//	M       month                               1 .. 12
//	DDDD    day of year, three digits           001 .. 366
//	DDD     day of year                         1 .. 366
//	DD      day of month, two digits            01 .. 31
//	D       day of month                        1 .. 31
//	dddd    weekday name                        Monday .. Sunday
//	ddd     abbreviated weekday name            Mon .. Sun
//	d       weekday, Monday first               0 .. 6
//	E       ISO weekday                         1 .. 7
//	HH      hour, two digits                    00 .. 23
//	H       hour                                0 .. 23
//	hh      12-hour clock hour, two digits      01 .. 12
//	h       12-hour clock hour                  1 .. 12
//	mm      minute, two digits                  00 .. 59
//	m       minute                              0 .. 59
//	ss      second, two digits                  00 .. 59
//	s       second                              0 .. 59
//	S       tenths of a second                  0 .. 9
//	SS .. SSSSSS  fraction of a second, 2 to 6 digits, truncated
//	A       AM or PM
//	Z       UTC offset with colon               +01:00, -05:30, +01:49:03
//	ZZ      UTC offset without colon            +0100, -0530, +014903
//	zz      time zone abbreviation              CET, or "" when the zone has no name
//	X       Unix time in seconds                1514977740
//	x       Unix time in microseconds           1514977740000002
//
// Seven or more successive "S" are rejected: nanosecond precision is not
// supported.
//
// # Escapes
//
// A pair of brackets around a single token, around "!UTC" or around nothing
// is replaced by its content, taken literally: "[YYYY]" gives "YYYY", "[]"
// gives "" and "[[YY]]" gives "[YY]". Brackets around anything else are
// ordinary text and the tokens between them are still replaced:
// "[YYYY MM DD]" gives "[2018 01 03]".
//
// # UTC
//
// A spec ending in "!UTC" converts the time to UTC before formatting (Z then
// renders "+00:00"). "!UTC" anywhere else is literal text.
//
// # strftime
//
// A spec containing "%" (after removing a final "!UTC") is a strftime format
// as Python's datetime.strftime understands it on Linux in the C locale:
//
//	%a %A   abbreviated / full weekday name     %w  weekday, Sunday = 0
//	%b %h   abbreviated month name              %B  full month name
//	%d      day of month, 01 .. 31              %e  day of month, space padded
//	%m      month, 01 .. 12                     %j  day of year, 001 .. 366
//	%y      year modulo 100                     %Y  year, four digits
//	%C      century                             %G %g %V  ISO year, short ISO year, ISO week
//	%H      hour, 00 .. 23                      %k  hour, space padded
//	%I      12-hour clock hour, 01 .. 12        %l  12-hour clock hour, space padded
//	%M      minute                              %S  second
//	%f      microseconds, six digits            %p %P  AM/PM, am/pm
//	%z      UTC offset, +HHMM[SS]               %:z UTC offset, +HH:MM[:SS]
//	%Z      time zone name                      %s  Unix time in seconds
//	%u      ISO weekday, 1 .. 7                 %U %W  week of year, Sunday / Monday first
//	%c      "Mon Jan  2 15:04:05 2006"          %x  "01/02/06"    %X  "15:04:05"
//	%D      "%m/%d/%y"    %F  "%Y-%m-%d"        %T  "%H:%M:%S"    %R  "%H:%M"
//	%r      "%I:%M:%S %p"                       %n %t %%  newline, tab, "%"
//
// The flags "-" (no padding), "_" (pad with spaces) and "0" (pad with zeros)
// may follow "%" for numeric directives, as in "%-d". Any other directive is
// an error from [Compile].
//
// The empty spec (or "!UTC" alone) means "%Y-%m-%dT%H:%M:%S.%f%z", for
// example "2018-02-03T11:09:00.000002+0030".
package timefmt
