// SPDX-License-Identifier: GPL-2.0-only
/*
 * kretprobe_trampoline: a return-probed function "returns" here, because its entry probe
 * replaced the return address on the stack. Build a struct pt_regs (Linux's layout) with
 * sp = the stack pointer after the return, call kretprobe_trampoline_handler(regs), which
 * runs the handler and gives back the real return address, then return there with every
 * register (the return value in %rax included) as the function left it.
 */
#include <asm/ptrace.h>
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
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	%rax
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%rbx
	pushq	%rbp
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	leaq	PTREGS_SIZE + 8(%rsp), %rax
	movq	%rax, PTREGS_SP(%rsp)
	movq	%rsp, %rdi
	movq	%rsp, %rbx
	andq	$-16, %rsp
	call	kretprobe_trampoline_handler
	movq	%rbx, %rsp
	movq	%rax, PTREGS_SIZE(%rsp)
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbp
	popq	%rbx
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rax
	popq	%rcx
	popq	%rdx
	popq	%rsi
	popq	%rdi
	addq	$6 * 8, %rsp		/* orig_ax, ip, cs, flags, sp, ss */
	ret
