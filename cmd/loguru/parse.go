package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/loguru-go/loguru"
)

// parseCmd prints each record of the files (or standard input) as a JSON
// object on its own line. A file written by a Serialize handler (JSON
// lines) is read through the "text" of each line, so that it gives the
// same records as the text file of the same handler.
func parseCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pattern := fs.String("pattern", loguru.DefaultPattern, "regular expression with named groups, one match per record")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: loguru parse [-pattern regexp] [file ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	cast := map[string]func(string) (any, error){"line": loguru.Cast(strconv.Atoi)}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	each := func(name string, r io.Reader) bool {
		src := serializedText(r)
		for rec, err := range loguru.Parse(src, *pattern, cast) {
			if err == nil {
				err = enc.Encode(rec)
			}
			if err != nil {
				fmt.Fprintf(stderr, "loguru parse: %s: %v\n", name, err)
				return false
			}
		}
		if tr, ok := src.(*textReader); ok && len(tr.skipped) > 0 {
			for _, err := range tr.skipped {
				fmt.Fprintf(stderr, "loguru parse: %s: %v\n", name, err)
			}
			return false
		}
		return true
	}
	if fs.NArg() == 0 {
		return exitCode(each("standard input", stdin))
	}
	ok := true
	for _, path := range fs.Args() {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintf(stderr, "loguru parse: %v\n", err)
			ok = false
			continue
		}
		ok = each(path, f) && ok
		f.Close()
	}
	return exitCode(ok)
}

func exitCode(ok bool) int {
	if ok {
		return 0
	}
	return 1
}
