// SPDX-License-Identifier: GPL-2.0-only
/*
 * Context switch hooks for the generic scheduler (kernel/sched/).
 *
 * struct thread_struct lives in struct task_struct; the kernel stack of a task is
 * THREAD_SIZE bytes; a switched-out task's callee-saved registers sit on its own stack and
 * thread.sp points at them.
 */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

#include <starling/types.h>

#define THREAD_SIZE_ORDER	2
#define THREAD_SIZE		(4096UL << THREAD_SIZE_ORDER)	/* 16 KiB kernel stacks */

struct task_struct;

struct thread_struct {
	unsigned long	sp;		/* saved kernel stack pointer while switched out */
	unsigned long	sp0;		/* top of the kernel stack (TSS.rsp0 while running) */
	unsigned long	fsbase;		/* user TLS base (arch_prctl ARCH_SET_FS) */
	unsigned long	gsbase;		/* user GS base */
	/*
	 * The user's FPU/SSE registers (FXSAVE image) while the task is switched out. Kept here,
	 * not at the bottom of the kernel stack, so that a deep kernel stack can never overwrite
	 * them; tasks are allocated at least 16-byte aligned, as FXSAVE requires.
	 */
	u8		fpu_state[512] __attribute__((__aligned__(16)));
};

/*
 * Switch from @prev to @next: save callee-saved registers on prev's stack, load next's stack
 * and registers, set current, TSS.rsp0 and the user FS/GS bases. Returns, in the context of
 * @next, the task that was switched away from. Called with IRQs off.
 */
struct task_struct *arch_switch_to(struct task_struct *prev, struct task_struct *next);

/*
 * Prepare a new task's kernel stack so that its first switch-in calls
 * schedule_tail(prev) and then @fn(@arg); if @fn returns, the task calls do_exit(0).
 * @stack_top is the top of its kernel stack.
 */
void arch_setup_kthread(struct task_struct *p, unsigned long stack_top, int (*fn)(void *),
			void *arg);

#endif /* _ASM_SWITCH_TO_H */
