// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel stack switch. __switch_to_asm(&prev->thread.sp, next->thread.sp, prev) saves the
 * callee-saved registers on prev's stack, records the stack pointer, loads next's stack and
 * registers and returns on it, with %rax = prev (the task switched away from).
 *
 * A new kernel thread's stack is laid out by arch_setup_kthread() so that the first switch
 * "returns" into ret_from_kthread with %rbx = fn and %r12 = arg.
 */
	.section .noprobe.text, "ax"
	.globl	__switch_to_asm
__switch_to_asm:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	movq	%rdx, %rax
	ret

	.text
	.globl	ret_from_kthread
ret_from_kthread:
	andq	$-16, %rsp
	movq	%rax, %rdi
	call	schedule_tail		/* finish the switch: unlock the run queue, IRQs on */
	movq	%r12, %rdi
	call	*%rbx
	movl	%eax, %edi
	call	do_exit
1:	hlt
	jmp	1b
