module example.com/vettest

go 1.25

require github.com/loguru-go/loguru v0.0.0-00010101000000-000000000000

require (
	github.com/dsnet/compress v0.0.1 // indirect
	github.com/klauspost/compress v1.20.3 // indirect
	github.com/ulikunitz/xz v0.5.17 // indirect
	golang.org/x/sys v0.35.0 // indirect
	golang.org/x/term v0.34.0 // indirect
)

replace github.com/loguru-go/loguru => ../../../..
