//go:build amd64 && !purego

#include "textflag.h"

// func framePointer() uintptr
// NOFRAME keeps BP as the caller left it: the caller's frame pointer.
TEXT ·framePointer(SB),NOSPLIT|NOFRAME,$0-8
	MOVQ	BP, ret+0(FP)
	RET
