package netsink

// RemoteError is an error attached to a record by a client, as the server
// re-attaches it: its type and message as text, and the traceback as the
// client rendered it. Records re-emitted by Serve carry it as
// ExceptionInfo.Err, with ExceptionInfo.Type, Value, Panic and Text set to
// the client's, so handlers show the client's traceback as it was.
type RemoteError struct {
	Type      string `json:"type"`      // the client's Go type of the error, e.g. "*fs.PathError"
	Value     string `json:"value"`     // the error's message
	Panic     bool   `json:"panic"`     // recovered from a panic
	Traceback string `json:"traceback"` // the client's rendering, ending with "Type: Value"
}

// Error returns the client's traceback, which ends with the type and the
// message, or just the message when there is no traceback.
func (e *RemoteError) Error() string {
	if e.Traceback != "" {
		return e.Traceback
	}
	return e.Value
}
