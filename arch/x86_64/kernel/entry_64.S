// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 SYSCALL entry and the ways back to user mode.
 *
 * SYSCALL leaves the user rip in %rcx, rflags in %r11, masks rflags with SFMASK (IF off)
 * and does not switch stacks. entry_SYSCALL_64 swaps to the kernel GS base, parks the user
 * %rsp in %gs:X86_CPU_USER_SP, loads the task's kernel stack top from %gs:X86_CPU_KERNEL_SP
 * and builds struct pt_regs there exactly as an interrupt from user mode would (Linux's
 * layout; ax starts as -ENOSYS, orig_ax holds the number):
 *
 *   top:  ss sp flags cs ip | orig_ax | di si dx cx ax r8 r9 r10 r11 bx bp r12 r13 r14 r15
 *
 * do_syscall_64(regs, nr) runs the call and the exit work (signals, rescheduling), and says
 * whether SYSRET can return: only when rcx/r11 still equal ip/flags, the selectors are the
 * standard ones and ip is canonical. Everything else (execve, signal frames, rt_sigreturn)
 * returns through IRET, which restores every register.
 *
 * ret_to_user_mode(regs) enters user mode from a kernel stack whose top holds @regs: the
 * first program (kernel_init after exec) and new processes (ret_from_fork).
 */
#include <asm/ptrace.h>
#include <asm/calling.h>
#include <asm/segment.h>
#include <asm/percpu.h>

#define ENOSYS	38

	.section .noprobe.text, "ax"

	.balign 16
	.globl	entry_SYSCALL_64
entry_SYSCALL_64:
	swapgs
	movq	%rsp, %gs:X86_CPU_USER_SP
	movq	%gs:X86_CPU_KERNEL_SP, %rsp
	pushq	$__USER_DS			/* ss */
	pushq	%gs:X86_CPU_USER_SP		/* sp */
	pushq	%r11				/* flags */
	pushq	$__USER_CS			/* cs */
	pushq	%rcx				/* ip */
	pushq	%rax				/* orig_ax */
	pushq	%rdi
	PUSH_REGS_AFTER_DI rax=$-ENOSYS	/* ax */
	cld
	movq	%rsp, %rdi			/* regs */
	movq	%rax, %rsi			/* nr */
	xorl	%ebp, %ebp			/* backtraces end here */
	subq	$8, %rsp			/* 16-byte alignment for the C call */
	call	do_syscall_64			/* returns with IRQs off */
	addq	$8, %rsp
	testb	%al, %al
	jz	iret_to_user

	/* SYSRET: rcx == ip and r11 == flags were checked; restore the rest. */
	POP_REGS
	movq	PTREGS_SP - PTREGS_ORIG_AX(%rsp), %rsp
	swapgs
	sysretq

	.globl	iret_to_user
iret_to_user:
	POP_REGS
	addq	$8, %rsp			/* orig_ax */
	swapgs
	iretq

/* void ret_to_user_mode(struct pt_regs *regs): @regs is at the top of the kernel stack. */
	.globl	ret_to_user_mode
ret_to_user_mode:
	cli
	movq	%rdi, %rsp
	xorl	%ebp, %ebp
	subq	$8, %rsp
	call	exit_to_user_mode		/* signals, reschedule; IRQs off on return */
	addq	$8, %rsp
	jmp	iret_to_user

	.text
/*
 * First code of a task made by copy_thread(): __switch_to_asm returns here with %rax = the
 * previous task and %rbx = the new task's pt_regs.
 */
	.globl	ret_from_fork
ret_from_fork:
	movq	%rax, %rdi
	call	schedule_tail			/* run-queue lock released, IRQs on */
	movq	%rbx, %rdi
	jmp	ret_to_user_mode
