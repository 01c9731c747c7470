// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 interrupt and exception entry. One stub per vector pushes a zero error code where
 * the CPU does not, saves %rdi into pt_regs->di, loads the vector into %edi and joins
 * common_entry, which completes struct pt_regs (Linux's layout: orig_ax holds the error code)
 * on the stack and calls do_trap(regs, vector). Entries from user mode SWAPGS first.
 *
 * Stack at common_entry, growing down:  ss sp flags cs ip | error code | di
 */
#include <asm/ptrace.h>
#include <asm/calling.h>
#include <asm/segment.h>

	.section .noprobe.text, "ax"

.macro ENTRY_STUB vec
	.balign 16
vector_\vec:
	.if (\vec == 8) || (\vec == 10) || (\vec == 11) || (\vec == 12) || (\vec == 13) || (\vec == 14) || (\vec == 17) || (\vec == 21) || (\vec == 29) || (\vec == 30)
	.else
	pushq	$0
	.endif
	pushq	%rdi
	movl	$\vec, %edi
	jmp	common_entry
.endm

	.balign 16
	.globl	vector_stubs
vector_stubs:				/* each stub is 16 bytes: vector_stubs + 16 * vector */
.altmacro
.set vec, 0
.rept 256
	ENTRY_STUB %vec
	.set vec, vec + 1
.endr

	.balign 16
	.globl	common_entry
common_entry:
	testb	$3, 24(%rsp)		/* saved cs: from user mode? */
	jz	1f
	swapgs
1:	PUSH_REGS_AFTER_DI
	cld
	movl	%edi, %esi		/* vector */
	movq	%rsp, %rdi		/* struct pt_regs * */
	pushq	PTREGS_IP(%rdi)		/* a frame record {bp, ip} of the interrupted code, */
	pushq	PTREGS_BP(%rdi)		/* so backtraces walk on through the trap */
	movq	%rsp, %rbp
	subq	$8, %rsp		/* 16-byte alignment for the C call */
	call	do_trap
	addq	$24, %rsp
	.globl	ret_from_trap
ret_from_trap:
	cli
	testb	$3, PTREGS_CS(%rsp)
	jz	2f
	movq	%rsp, %rdi
	subq	$8, %rsp
	call	prepare_exit_to_user	/* signals, reschedule; IRQs off on return */
	addq	$8, %rsp
2:	POP_REGS
	addq	$8, %rsp		/* error code */
	testb	$3, 8(%rsp)
	jz	3f
	swapgs
3:	iretq

