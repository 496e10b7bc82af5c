package lib // want package:`levels\(AUDIT, dynamic=false\)`

import "github.com/loguru-go/loguru"

func init() {
	_, _ = loguru.AddLevel("AUDIT", 35, "<magenta>", "")
}
