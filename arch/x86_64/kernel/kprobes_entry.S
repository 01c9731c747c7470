// SPDX-License-Identifier: GPL-2.0-only
/*
 * kretprobe_trampoline: a return-probed function "returns" here, because its entry probe
 * replaced the return address on the stack. Build a struct pt_regs (Linux's layout) with
 * sp = the stack pointer after the return, call kretprobe_trampoline_handler(regs), which
 * runs the handler and gives back the real return address, then return there with every
 * register (the return value in %rax included) as the function left it.
 */
#include <asm/ptrace.h>
#include <asm/calling.h>
#include <asm/segment.h>

	.section .noprobe.text, "ax"
	.globl	kretprobe_trampoline
kretprobe_trampoline:
	pushq	$0			/* becomes the real return address */
	pushq	$__KERNEL_DS		/* ss */
	pushq	$0			/* sp, filled below */
	pushfq				/* flags */
	pushq	$__KERNEL_CS		/* cs */
	pushq	$0			/* ip, set by the handler */
	pushq	$-1			/* orig_ax */
	pushq	%rdi
	PUSH_REGS_AFTER_DI
	leaq	PTREGS_SIZE + 8(%rsp), %rax
	movq	%rax, PTREGS_SP(%rsp)
	movq	%rsp, %rdi
	movq	%rsp, %rbx
	andq	$-16, %rsp
	call	kretprobe_trampoline_handler
	movq	%rbx, %rsp
	movq	%rax, PTREGS_SIZE(%rsp)
	POP_REGS
	addq	$6 * 8, %rsp		/* orig_ax, ip, cs, flags, sp, ss */
	ret
