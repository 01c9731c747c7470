// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 user-mode plumbing (arch/x86_64/kernel/syscall_64.c, entry_64.S): SYSCALL entry
 * set-up, the saved user registers of a task, starting a program, threads for fork, and the
 * per-task user FPU/SSE state.
 *
 * A task's user registers (struct pt_regs) sit at the very top of its kernel stack: SYSCALL
 * entry and interrupts from user mode both build them there. The user FPU state (the
 * 512-byte FXSAVE image) lives in struct thread_struct (<asm/switch_to.h>); it is saved
 * and restored only for tasks that have an address space, since the kernel itself never
 * touches FPU or SSE registers.
 */
#ifndef _ASM_SYSCALL_H
#define _ASM_SYSCALL_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <asm/ptrace.h>
#include <asm/switch_to.h>

struct task_struct;

#define FXSAVE_SIZE	512

/* Per CPU: SYSCALL MSRs (STAR, LSTAR, SFMASK, EFER.SCE) and CR0/CR4 bits for user SSE. */
void syscall_init(void);

/* The user registers of @p, at the top of its kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *p);

/* Set the six argument registers of a system call in @regs (Linux's name; @t unused). */
static inline void syscall_set_arguments(struct task_struct *t, struct pt_regs *regs,
					 const unsigned long *args)
{
	regs->di = args[0];
	regs->si = args[1];
	regs->dx = args[2];
	regs->r10 = args[3];
	regs->r8 = args[4];
	regs->r9 = args[5];
}

/* The system call number @regs entered with (Linux's name; @t unused). */
static inline long syscall_get_nr(struct task_struct *t, const struct pt_regs *regs)
{
	return regs->orig_ax;
}

/* Make @regs start a fresh program at @ip with stack @sp (exec); resets FS/GS and FPU. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

/*
 * fork/clone: give @p a copy of current's user registers (@regs) with rax = 0, the stack
 * @sp when non-zero, the FS base @tls when @set_tls, and a copy of current's FPU state; its
 * first switch-in runs ret_from_fork (schedule_tail, then the return to user mode).
 */
void copy_thread(struct task_struct *p, const struct pt_regs *regs, unsigned long sp,
		 bool set_tls, unsigned long tls);

/* Called by arch_switch_to(): page table and user FPU state of @next. IRQs off. */
void switch_user_context(struct task_struct *prev, struct task_struct *next);

/* Enter user mode through @regs (exit_to_user_mode() first, then IRET). */
void __noreturn ret_to_user_mode(struct pt_regs *regs);

/* The SYSCALL entry point (LSTAR) and the C dispatcher it calls. */
void entry_SYSCALL_64(void);
bool do_syscall_64(struct pt_regs *regs, unsigned long nr);

#endif /* _ASM_SYSCALL_H */
