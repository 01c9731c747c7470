// SPDX-License-Identifier: GPL-2.0-only
/*
 * The arch half of user tasks, as every arch provides it (arch/<arch>/kernel/syscall*.c and
 * the trap entry): where a task's saved user registers live, starting a program, copying
 * them for fork, the user FP state at a switch, and the way into user mode. Each arch's
 * <asm/syscall.h> includes this and adds the register-level hooks (syscall_get_nr() ...).
 *
 * A task's user registers (struct pt_regs) sit at the very top of its kernel stack: every
 * entry from user mode builds them there.
 */
#ifndef _STARLING_SCHED_TASK_H
#define _STARLING_SCHED_TASK_H

#include <starling/types.h>
#include <starling/compiler.h>

struct pt_regs;
struct task_struct;

/* The user registers of @p, at the top of its kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *p);

/* Make @regs start a fresh program at @ip with stack @sp (exec); resets the user FP state. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

/*
 * fork/clone: give @p a copy of current's user registers (@regs) with a return value of 0,
 * the stack @sp when non-zero, the thread pointer @tls when @set_tls, and a copy of
 * current's FP state; its first switch-in runs ret_from_fork (schedule_tail, then the
 * return to user mode).
 */
void copy_thread(struct task_struct *p, const struct pt_regs *regs, unsigned long sp,
		 bool set_tls, unsigned long tls);

/* Called by arch_switch_to(): page table and user FP state of @next. IRQs off. */
void switch_user_context(struct task_struct *prev, struct task_struct *next);

/* Enter user mode through @regs (exit_to_user_mode() first, then the arch's return). */
void __noreturn ret_to_user_mode(struct pt_regs *regs);

#endif /* _STARLING_SCHED_TASK_H */
