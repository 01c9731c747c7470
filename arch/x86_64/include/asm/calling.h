/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Saving and restoring struct pt_regs on the stack, for every entry path (traps and
 * interrupts, SYSCALL, the kretprobe trampoline). The hardware part (ss..ip) and orig_ax are
 * pushed by each path; these macros handle di..r15 in Linux's order, so that %rsp then points
 * at a complete struct pt_regs.
 */
#ifndef _ASM_CALLING_H
#define _ASM_CALLING_H

#ifdef __ASSEMBLY__

/* After di is pushed: si .. r15. @rax: what to store as regs->ax. */
.macro PUSH_REGS_AFTER_DI rax=%rax
	pushq	%rsi
	pushq	%rdx
	pushq	%rcx
	pushq	\rax
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
.endm

/* r15 .. di: leaves %rsp at orig_ax. */
.macro POP_REGS
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
.endm

#endif /* __ASSEMBLY__ */
#endif /* _ASM_CALLING_H */
