// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 user-mode plumbing (arch/riscv64/kernel/syscall.c, entry.S): the user FP state,
 * the ecall entry, and the register-level hooks generic code uses on a system call's
 * registers (arguments, number, result, restart). The arch half of user tasks
 * (task_pt_regs, start_thread, copy_thread ...) is declared in <starling/sched/task.h>.
 *
 * A task's user registers (struct pt_regs) sit at the very top of its kernel stack: every
 * trap from U-mode builds them there (entry.S switches to thread.sp0 through this hart's
 * struct riscv_cpu). The user FP state lives in struct thread_struct (<asm/switch_to.h>)
 * while the task is switched out, and in the FP registers while it runs.
 */
#ifndef _ASM_SYSCALL_H
#define _ASM_SYSCALL_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/sched/task.h>	/* task_pt_regs(), start_thread(), copy_thread() ... */
#include <asm/ptrace.h>
#include <asm/switch_to.h>
#include <asm/csr.h>
#include <uapi/asm/unistd.h>

struct task_struct;

/* Set the six argument registers of a system call in @regs (Linux's name; @t unused). */
static inline void syscall_set_arguments(struct task_struct *t, struct pt_regs *regs,
					 const unsigned long *args)
{
	regs->a0 = regs->orig_a0 = args[0];
	regs->a1 = args[1];
	regs->a2 = args[2];
	regs->a3 = args[3];
	regs->a4 = args[4];
	regs->a5 = args[5];
}

/* The system call number @regs entered with (Linux's name; riscv passes it in a7). */
static inline long syscall_get_nr(struct task_struct *t, const struct pt_regs *regs)
{
	return regs->a7;
}

/* The result of the system call @regs returns from (Linux's name; @t unused). */
static inline long syscall_get_return_value(struct task_struct *t, const struct pt_regs *regs)
{
	return regs->a0;
}

/* Make that result @error when non-zero, else @val (Linux's name; @t unused). */
static inline void syscall_set_return_value(struct task_struct *t, struct pt_regs *regs,
					    int error, long val)
{
	regs->a0 = error ? error : val;
}

/* May @regs restart a system call on the way out? Not once rt_sigreturn set cause = -1. */
static inline bool arch_syscall_restartable(const struct pt_regs *regs)
{
	return regs->cause == EXC_SYSCALL;
}

/* Run the call again on the return to user mode: a0 from orig_a0, epc back over ecall. */
static inline void arch_syscall_restart(struct pt_regs *regs)
{
	regs->a0 = regs->orig_a0;
	regs->epc -= 4;
}

/* The same for -ERESTART_RESTARTBLOCK: the call becomes restart_syscall(2). */
static inline void arch_syscall_restart_block(struct pt_regs *regs)
{
	regs->a0 = regs->orig_a0;
	regs->a7 = __NR_restart_syscall;
	regs->epc -= 4;
}

/* The C side of an ecall from U-mode (traps.c). IRQs off on entry and return. */
void do_syscall(struct pt_regs *regs);

/* fpu.S: this hart's FP registers to and from a thread_struct's save area. */
void fpu_save(struct thread_struct *t);
void fpu_restore(const struct thread_struct *t);

#endif /* _ASM_SYSCALL_H */
