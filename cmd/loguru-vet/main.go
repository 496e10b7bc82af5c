// Command loguru-vet checks the calls of github.com/loguru-go/loguru as go
// vet's printf check does for fmt: message templates that do not fit their
// arguments, unknown level names, and handler options that Add would refuse.
//
// Run it on packages directly, or as a vet tool:
//
//	go install github.com/loguru-go/loguru/cmd/loguru-vet@latest
//	loguru-vet ./...
//	go vet -vettool=$(which loguru-vet) ./...
//
// See package loguruvet for the checks and their limits.
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/loguru-go/loguru/cmd/loguru-vet/loguruvet"
)

func main() { singlechecker.Main(loguruvet.Analyzer) }
