// SPDX-License-Identifier: GPL-2.0-only
/*
 * kprobe_ftrace_caller: an armed kprobe on a function entry turned the function's 5-byte
 * entry nop into `call kprobe_ftrace_caller`. Build a struct pt_regs of the probed context
 * (ip = the function, sp = where the caller's return address is, flags as they were), call
 * kprobe_ftrace_handler(regs), which gives back where to go on (normally the function's
 * second instruction), and go there with every register as the handlers left it.
 *
 * kretprobe_trampoline: a return-probed function "returns" here, because its entry probe
 * replaced the return address on the stack. Build a struct pt_regs (Linux's layout) with
 * sp = the stack pointer after the return, call kretprobe_trampoline_handler(regs), which
 * runs the handler and gives back the real return address, then return there with every
 * register (the return value in %rax included) as the function left it.
 */
#include <asm/ptrace.h>
#include <asm/calling.h>
#include <asm/segment.h>
#include <asm/kprobes.h>

	.section .noprobe.text, "ax"
	.globl	kprobe_ftrace_caller
kprobe_ftrace_caller:
	/* (%rsp) holds func + 5; the caller's return address sits above it. */
	pushq	$__KERNEL_DS		/* ss */
	pushq	$0			/* sp, filled below */
	pushfq				/* flags */
	pushq	$__KERNEL_CS		/* cs */
	pushq	$0			/* ip, filled below */
	pushq	$-1			/* orig_ax */
	pushq	%rdi
	PUSH_REGS_AFTER_DI
	leaq	PTREGS_SIZE + 8(%rsp), %rax
	movq	%rax, PTREGS_SP(%rsp)
	movq	PTREGS_SIZE(%rsp), %rax
	subq	$KPROBE_FENTRY_SIZE, %rax
	movq	%rax, PTREGS_IP(%rsp)
	movq	%rsp, %rdi
	movq	%rsp, %rbx
	andq	$-16, %rsp
	call	kprobe_ftrace_handler
	movq	%rbx, %rsp
	movq	%rax, PTREGS_SIZE(%rsp)	/* where to go on */
	POP_REGS
	addq	$6 * 8, %rsp		/* orig_ax, ip, cs, flags, sp, ss */
	ret

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
