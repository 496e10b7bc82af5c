package pyfmt

// PanicHook, when set, is called with the text written in place of a value
// whose String, Error or Format method panicked (a panic contained as fmt
// contains it). The root package sets it once, before any logging, to report
// the panic; a method called on a nil pointer is not reported, as fmt
// writes "<nil>" for it.
var PanicHook func(text string)

// contained hands the text written for a panicking method to PanicHook.
func contained(text []byte) {
	if h := PanicHook; h != nil {
		h(string(text))
	}
}
