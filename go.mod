module github.com/loguru-go/loguru

go 1.25

require (
	github.com/dsnet/compress v0.0.1
	github.com/klauspost/compress v1.20.3
	github.com/ulikunitz/xz v0.5.17
	go.uber.org/goleak v1.3.0
	golang.org/x/term v0.34.0
)

require golang.org/x/sys v0.35.0 // indirect
