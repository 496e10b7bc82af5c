package otel

import "go.opentelemetry.io/otel/log"

// band is where a standard loguru level number starts an OpenTelemetry
// severity range of four steps.
type band struct {
	no, width int
	base      log.Severity
}

// bands are the standard loguru levels in ascending order; SUCCESS (25)
// has no band of its own and falls inside INFO's.
var bands = []band{
	{5, 5, log.SeverityTrace1},
	{10, 10, log.SeverityDebug1},
	{20, 10, log.SeverityInfo1},
	{30, 10, log.SeverityWarn1},
	{40, 10, log.SeverityError1},
	{50, 10, log.SeverityFatal1},
}

// Severity maps a loguru level number to an OpenTelemetry severity. The
// standard levels map to the first step of their range: TRACE 5 -> TRACE,
// DEBUG 10 -> DEBUG, INFO 20 -> INFO, WARNING 30 -> WARN, ERROR 40 ->
// ERROR, CRITICAL 50 -> FATAL. A number between two standard levels moves
// up the lower level's four steps in proportion, so SUCCESS 25 -> INFO3
// and 45 -> ERROR3; numbers below 5 are TRACE and numbers from 60 up are
// FATAL4.
func Severity(no int) log.Severity {
	if no < bands[0].no {
		return log.SeverityTrace1
	}
	no = min(no, 1000) // far past FATAL4; keeps the arithmetic below from overflowing
	b := bands[0]
	for _, next := range bands[1:] {
		if no < next.no {
			break
		}
		b = next
	}
	step := (no - b.no) * 4 / b.width
	return b.base + log.Severity(min(step, 3))
}
