//go:build amd64 && !purego

package caller

// fastWanted: on this build the frame-pointer walk is expected to be on.
const fastWanted = true
