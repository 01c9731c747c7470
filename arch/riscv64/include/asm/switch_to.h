// SPDX-License-Identifier: GPL-2.0-only
/*
 * Context switch hooks for the generic scheduler (kernel/sched/), riscv64 side.
 *
 * A switched-out task's callee-saved registers (ra, sp, s0-s11) live in its struct
 * thread_struct, as in Linux's riscv __switch_to; nothing is pushed on its stack. So do the
 * user FP registers of a task with an address space (f0-f31 and fcsr, the D extension's
 * state): the kernel itself never touches them.
 */
#ifndef _ASM_SWITCH_TO_H
#define _ASM_SWITCH_TO_H

#include <asm/page.h>

#define THREAD_SIZE_ORDER	2
#define THREAD_SIZE		(PAGE_SIZE << THREAD_SIZE_ORDER)	/* 16 KiB kernel stacks */

#define THREAD_RA		0
#define THREAD_SP		8
#define THREAD_S0		16	/* s0..s11 follow, 8 bytes each */
#define THREAD_FSTATE		120	/* f0..f31, then fcsr */
#define THREAD_FCSR		(THREAD_FSTATE + 32 * 8)

#ifndef __ASSEMBLY__
#include <starling/types.h>

struct task_struct;

struct thread_struct {
	unsigned long	ra;		/* where the switch returns to */
	unsigned long	sp;		/* saved kernel stack pointer while switched out */
	unsigned long	s[12];		/* s0-s11 */
	unsigned long	sp0;		/* top of the kernel stack */
	u64		fstate[32];	/* 120: the user's f0-f31 while switched out */
	u32		fcsr;
	unsigned long	sigreturn;	/* user address of the rt_sigreturn trampoline, or 0 */
};

/* The offsets above are what switch.S and fpu.S use. */
_Static_assert(__builtin_offsetof(struct thread_struct, ra) == THREAD_RA, "");
_Static_assert(__builtin_offsetof(struct thread_struct, sp) == THREAD_SP, "");
_Static_assert(__builtin_offsetof(struct thread_struct, s) == THREAD_S0, "");
_Static_assert(__builtin_offsetof(struct thread_struct, fstate) == THREAD_FSTATE, "");
_Static_assert(__builtin_offsetof(struct thread_struct, fcsr) == THREAD_FCSR, "");

/*
 * Switch from @prev to @next: save callee-saved registers in prev's thread_struct, load
 * next's and set current. Returns, in the context of @next, the task that was switched
 * away from. Called with IRQs off.
 */
struct task_struct *arch_switch_to(struct task_struct *prev, struct task_struct *next);

/*
 * Prepare a new task so that its first switch-in calls schedule_tail(prev) and then
 * @fn(@arg); if @fn returns, the task calls do_exit(0). @stack_top is the top of its
 * kernel stack.
 */
void arch_setup_kthread(struct task_struct *p, unsigned long stack_top, int (*fn)(void *),
			void *arg);
#endif

#endif /* _ASM_SWITCH_TO_H */
