//go:build !amd64 || purego

package caller

const fastWanted = false
