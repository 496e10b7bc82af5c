module github.com/loguru-go/loguru

go 1.24

require golang.org/x/term v0.34.0

require golang.org/x/sys v0.35.0 // indirect
