/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Kernel context switch. __switch_to_asm(&prev->thread, &next->thread) stores ra, sp and
 * s0-s11 in prev's struct thread_struct, loads next's and returns on next's stack with
 * a0 = prev (struct thread_struct is the first member of struct task_struct, so the same
 * pointer is the task): only callee-saved registers need saving, the caller of
 * arch_switch_to() already spilled the rest.
 *
 * A new kernel thread's thread_struct is filled by arch_setup_kthread() so that the first
 * switch "returns" into ret_from_kthread with s1 = fn and s2 = arg.
 */
#include <asm/switch_to.h>

	.section .noprobe.text, "ax"
	.globl	__switch_to_asm
__switch_to_asm:
	sd	ra, THREAD_RA(a0)
	sd	sp, THREAD_SP(a0)
	sd	s0, THREAD_S0 + 0 * 8(a0)
	sd	s1, THREAD_S0 + 1 * 8(a0)
	sd	s2, THREAD_S0 + 2 * 8(a0)
	sd	s3, THREAD_S0 + 3 * 8(a0)
	sd	s4, THREAD_S0 + 4 * 8(a0)
	sd	s5, THREAD_S0 + 5 * 8(a0)
	sd	s6, THREAD_S0 + 6 * 8(a0)
	sd	s7, THREAD_S0 + 7 * 8(a0)
	sd	s8, THREAD_S0 + 8 * 8(a0)
	sd	s9, THREAD_S0 + 9 * 8(a0)
	sd	s10, THREAD_S0 + 10 * 8(a0)
	sd	s11, THREAD_S0 + 11 * 8(a0)
	ld	ra, THREAD_RA(a1)
	ld	sp, THREAD_SP(a1)
	ld	s0, THREAD_S0 + 0 * 8(a1)
	ld	s1, THREAD_S0 + 1 * 8(a1)
	ld	s2, THREAD_S0 + 2 * 8(a1)
	ld	s3, THREAD_S0 + 3 * 8(a1)
	ld	s4, THREAD_S0 + 4 * 8(a1)
	ld	s5, THREAD_S0 + 5 * 8(a1)
	ld	s6, THREAD_S0 + 6 * 8(a1)
	ld	s7, THREAD_S0 + 7 * 8(a1)
	ld	s8, THREAD_S0 + 8 * 8(a1)
	ld	s9, THREAD_S0 + 9 * 8(a1)
	ld	s10, THREAD_S0 + 10 * 8(a1)
	ld	s11, THREAD_S0 + 11 * 8(a1)
	ret

	.text
	.globl	ret_from_kthread
ret_from_kthread:
	call	schedule_tail		/* a0 = prev: unlock the run queue, IRQs on */
	mv	a0, s2
	jalr	s1
	call	do_exit			/* a0 = fn's return value */
1:	wfi
	j	1b
