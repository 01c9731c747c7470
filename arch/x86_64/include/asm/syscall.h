// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 user-mode plumbing (arch/x86_64/kernel/syscall_64.c, entry_64.S): SYSCALL entry
 * set-up, the per-task user FPU/SSE state, and the register-level hooks generic code uses
 * on a system call's registers (arguments, number, result, restart). The arch half of user
 * tasks (task_pt_regs, start_thread, copy_thread ...) is declared in <starling/sched/task.h>.
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
#include <starling/sched/task.h>	/* task_pt_regs(), start_thread(), copy_thread() ... */
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include <uapi/asm/unistd.h>

struct task_struct;

#define FXSAVE_SIZE	512

/* Per CPU: SYSCALL MSRs (STAR, LSTAR, SFMASK, EFER.SCE) and CR0/CR4 bits for user SSE. */
void syscall_init(void);

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

/* The result of the system call @regs returns from (Linux's name; @t unused). */
static inline long syscall_get_return_value(struct task_struct *t, const struct pt_regs *regs)
{
	return regs->ax;
}

/* Make that result @error when non-zero, else @val (Linux's name; @t unused). */
static inline void syscall_set_return_value(struct task_struct *t, struct pt_regs *regs,
					    int error, long val)
{
	regs->ax = error ? error : val;
}

/* May @regs restart a system call on the way out? Always on x86_64 (ax says whether to). */
static inline bool arch_syscall_restartable(const struct pt_regs *regs)
{
	return true;
}

/* Run the call again on the return to user mode: its number in ax, ip back over SYSCALL. */
static inline void arch_syscall_restart(struct pt_regs *regs)
{
	regs->ax = regs->orig_ax;
	regs->ip -= 2;
}

/* The same for -ERESTART_RESTARTBLOCK: the call becomes restart_syscall(2). */
static inline void arch_syscall_restart_block(struct pt_regs *regs)
{
	regs->ax = __NR_restart_syscall;
	regs->ip -= 2;
}

/* The SYSCALL entry point (LSTAR) and the C dispatcher it calls. */
void entry_SYSCALL_64(void);
bool do_syscall_64(struct pt_regs *regs, unsigned long nr);

#endif /* _ASM_SYSCALL_H */
