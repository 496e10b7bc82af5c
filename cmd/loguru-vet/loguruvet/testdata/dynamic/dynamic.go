package dynamic // want package:`levels\(, dynamic=true\)`

import "github.com/loguru-go/loguru"

func setup(name string) {
	_, _ = loguru.AddLevel(name, 25, "", "")
	loguru.Log("ANYTHING", "x")
	loguru.Log("-2", "x") // want `invalid level "-2"`
}
