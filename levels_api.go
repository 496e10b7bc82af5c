package loguru

// Trace logs at TRACE. The message is formatted with args only when args are
// given: "{}" takes the next argument, "{0}" the first, "{name}" the Field
// named name. Fields also land in Extra.
func (l *Logger) Trace(msg string, args ...any) { l.logStd(idxTrace, msg, args) }

// Debug logs at DEBUG; see Trace for the message syntax.
func (l *Logger) Debug(msg string, args ...any) { l.logStd(idxDebug, msg, args) }

// Info logs at INFO; see Trace for the message syntax.
func (l *Logger) Info(msg string, args ...any) { l.logStd(idxInfo, msg, args) }

// Success logs at SUCCESS; see Trace for the message syntax.
func (l *Logger) Success(msg string, args ...any) { l.logStd(idxSuccess, msg, args) }

// Warning logs at WARNING; see Trace for the message syntax.
func (l *Logger) Warning(msg string, args ...any) { l.logStd(idxWarning, msg, args) }

// Error logs at ERROR; see Trace for the message syntax. To attach an error
// value, use Exception.
func (l *Logger) Error(msg string, args ...any) { l.logStd(idxError, msg, args) }

// Critical logs at CRITICAL; see Trace for the message syntax.
func (l *Logger) Critical(msg string, args ...any) { l.logStd(idxCritical, msg, args) }

// Log logs at the level with the given name, or, for a decimal number such
// as "25", at an anonymous level "Level 25". An unknown level is reported on
// stderr and the record is dropped.
func (l *Logger) Log(level, msg string, args ...any) { l.logName(level, msg, args, nil) }

// LogFields logs at the level with the given name (as Log) with the Fields
// as the only arguments: they fill "{name}" in the message and land in
// Extra, exactly as Fields given to Info do. Fields passed as ...Field
// rather than ...any are not boxed into interfaces by the caller, so a call
// with ten Fields of strings and numbers allocates nothing: it is the form
// for hot paths.
//
//	l.LogFields("INFO", "Order {id} shipped", loguru.F("id", 1042), loguru.F("user", name))
func (l *Logger) LogFields(level, msg string, fields ...Field) { l.logName(level, msg, nil, fields) }

// Exception logs at ERROR with err attached to the record, for the handler's
// {exception} field.
func (l *Logger) Exception(err error, msg string, args ...any) { l.logErr(err, msg, args) }

// Trace logs at TRACE with the default logger.
func Trace(msg string, args ...any) { std.logStd(idxTrace, msg, args) }

// Debug logs at DEBUG with the default logger.
func Debug(msg string, args ...any) { std.logStd(idxDebug, msg, args) }

// Info logs at INFO with the default logger:
//
//	loguru.Info("Hello, {}!", name)
func Info(msg string, args ...any) { std.logStd(idxInfo, msg, args) }

// Success logs at SUCCESS with the default logger.
func Success(msg string, args ...any) { std.logStd(idxSuccess, msg, args) }

// Warning logs at WARNING with the default logger.
func Warning(msg string, args ...any) { std.logStd(idxWarning, msg, args) }

// Error logs at ERROR with the default logger.
func Error(msg string, args ...any) { std.logStd(idxError, msg, args) }

// Critical logs at CRITICAL with the default logger.
func Critical(msg string, args ...any) { std.logStd(idxCritical, msg, args) }

// Log logs at a level given by name or number with the default logger.
func Log(level, msg string, args ...any) { std.logName(level, msg, args, nil) }

// LogFields logs with typed Fields with the default logger; see
// Logger.LogFields.
func LogFields(level, msg string, fields ...Field) { std.logName(level, msg, nil, fields) }

// Exception logs at ERROR with err attached, with the default logger.
func Exception(err error, msg string, args ...any) { std.logErr(err, msg, args) }
