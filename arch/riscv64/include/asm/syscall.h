// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 user-mode plumbing (arch/riscv64/kernel/syscall.c, entry.S): the saved user
 * registers of a task, starting a program, threads for fork, the user FP state, and the
 * way into user mode.
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
#include <asm/ptrace.h>
#include <asm/switch_to.h>

struct task_struct;

/* The user registers of @p, at the top of its kernel stack. */
struct pt_regs *task_pt_regs(struct task_struct *p);

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

/* Make @regs start a fresh program at @ip with stack @sp (exec); resets the FP state. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);

/*
 * fork/clone: give @p a copy of current's user registers (@regs) with a0 = 0, the stack
 * @sp when non-zero, tp = @tls when @set_tls, and a copy of current's FP state; its first
 * switch-in runs ret_from_fork (schedule_tail, then the return to user mode).
 */
void copy_thread(struct task_struct *p, const struct pt_regs *regs, unsigned long sp,
		 bool set_tls, unsigned long tls);

/* Called by arch_switch_to(): page table and user FP state of @next. IRQs off. */
void switch_user_context(struct task_struct *prev, struct task_struct *next);

/* Enter user mode through @regs (exit_to_user_mode() first, then sret). */
void __noreturn ret_to_user_mode(struct pt_regs *regs);

/* The C side of an ecall from U-mode (traps.c). IRQs off on entry and return. */
void do_syscall(struct pt_regs *regs);

/* fpu.S: this hart's FP registers to and from a thread_struct's save area. */
void fpu_save(struct thread_struct *t);
void fpu_restore(const struct thread_struct *t);

#endif /* _ASM_SYSCALL_H */
