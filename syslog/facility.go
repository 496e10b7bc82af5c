package syslog

import (
	"strconv"

	"github.com/loguru-go/loguru"
)

// Facility is the syslog facility of RFC 5424 §6.2.1. Its value is the
// facility code of the RFC. There is no constant for the kernel (code 0):
// the zero Facility in Options selects User.
type Facility int

// The facilities of RFC 5424, Table 1.
const (
	User     Facility = 1  // user-level messages, the default
	Mail     Facility = 2  // mail system
	Daemon   Facility = 3  // system daemons
	Auth     Facility = 4  // security/authorization messages
	Syslog   Facility = 5  // messages generated internally by syslogd
	LPR      Facility = 6  // line printer subsystem
	News     Facility = 7  // network news subsystem
	UUCP     Facility = 8  // UUCP subsystem
	Cron     Facility = 9  // clock daemon
	AuthPriv Facility = 10 // security/authorization messages (private)
	FTP      Facility = 11 // FTP daemon
	NTP      Facility = 12 // NTP subsystem
	LogAudit Facility = 13 // log audit
	LogAlert Facility = 14 // log alert
	Clock    Facility = 15 // clock daemon (note 2 of the RFC)
	Local0   Facility = 16 // local use 0
	Local1   Facility = 17 // local use 1
	Local2   Facility = 18 // local use 2
	Local3   Facility = 19 // local use 3
	Local4   Facility = 20 // local use 4
	Local5   Facility = 21 // local use 5
	Local6   Facility = 22 // local use 6
	Local7   Facility = 23 // local use 7
)

var facilityNames = [...]string{
	"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
	"authpriv", "ftp", "ntp", "audit", "alert", "clock",
	"local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
}

// String returns the facility's usual lower-case name, such as "local0".
func (f Facility) String() string { return nameOf(facilityNames[:], int(f), "Facility") }

// Severity is the syslog severity of RFC 5424 §6.2.1, from Emergency (0)
// to Debug (7).
type Severity int

// The severities of RFC 5424, Table 2.
const (
	Emergency     Severity = iota // system is unusable
	Alert                         // action must be taken immediately
	Critical                      // critical conditions
	Error                         // error conditions
	Warning                       // warning conditions
	Notice                        // normal but significant condition
	Informational                 // informational messages
	Debug                         // debug-level messages
)

var severityNames = [...]string{"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"}

// String returns the severity's usual short name, such as "warning".
func (s Severity) String() string { return nameOf(severityNames[:], int(s), "Severity") }

// nameOf returns names[n], or "Type(n)" for a number without a name.
func nameOf(names []string, n int, typ string) string {
	if n >= 0 && n < len(names) {
		return names[n]
	}
	return typ + "(" + strconv.Itoa(n) + ")"
}

// SeverityOf maps a loguru level number to a syslog severity. A level takes
// the severity of the highest standard level at or below it, so custom
// levels fall in the band they sit in, as handler thresholds see them:
//
//	level no      loguru levels     severity
//	>= 50         CRITICAL          Critical (2)
//	40-49         ERROR             Error (3)
//	30-39         WARNING           Warning (4)
//	25-29         SUCCESS           Notice (5)
//	20-24         INFO              Informational (6)
//	< 20          TRACE, DEBUG      Debug (7)
func SeverityOf(no int) Severity {
	switch {
	case no >= 50:
		return Critical
	case no >= 40:
		return Error
	case no >= 30:
		return Warning
	case no >= 25:
		return Notice
	case no >= 20:
		return Informational
	}
	return Debug
}

func levelSeverity(l loguru.Level) Severity { return SeverityOf(l.No) }
