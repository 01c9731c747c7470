// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 system calls and the arch half of user tasks: the C half of an ecall from U-mode,
 * starting programs, fork's register copy and the user FP state at a switch.
 *
 * The table itself is generic (kernel/syscall_table.c); this file fills it at boot. Entries
 * are sys_NAME, as in Linux 6.1 (<asm/syscall_wrapper.h>); calls that Linux compiles
 * everywhere but riscv64 does not number (open, stat, fork ...) carry __NR_NONE
 * (<asm/unistd.h>) and stay out of the table, as on Linux.
 *
 * The ABI: ecall with the number in a7 and arguments in a0-a5; the result comes back in
 * a0, and the call resumes after the 4-byte ecall (restarts rewind epc by 4 and reload a0
 * from orig_a0).
 */
#include <starling/syscalls.h>
#include <starling/entry.h>
#include <starling/errno.h>
#include <starling/init.h>
#include <starling/kernel.h>
#include <starling/mm_user.h>
#include <starling/printk.h>
#include <starling/sched.h>
#include <starling/signal.h>
#include <starling/string.h>
#include <starling/trace_sched.h>
#include <asm/irqflags.h>
#include <asm/syscall.h>
#include <asm/unistd.h>
#include <asm/csr.h>

#define SR_FS_INITIAL		0x00002000UL

extern const char ret_from_fork[];

static int __init syscall_table_initcall(void)
{
	syscall_table_init();
	return 0;
}
core_initcall(syscall_table_initcall);

/**
 * do_syscall() - run the system call in a7 for the user registers @regs
 * @regs: saved by entry.S; a0 receives the result
 *
 * Called from do_trap() with IRQs off; returns with IRQs off after the exit work.
 */
void __noprobe do_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->a7;

	regs->epc += 4;			/* past the ecall */
	arch_local_irq_enable();
	trace_sys_enter(nr, (const unsigned long[6]){ regs->a0, regs->a1, regs->a2, regs->a3,
						      regs->a4, regs->a5 });
	regs->a0 = syscall_dispatch(nr, regs);
	trace_sys_exit(nr, regs->a0);
	arch_local_irq_disable();
	syscall_exit_to_user_mode(regs);	/* signals, -ERESTART*, reschedule */
}

/* ---- tasks ---------------------------------------------------------------------------- */

struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)((unsigned long)p->stack + THREAD_SIZE) - 1;
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	struct thread_struct *t = &current->thread;

	memset(regs, 0, sizeof(*regs));
	regs->epc = ip;
	regs->sp = sp;
	/* U-mode (SPP clear), interrupts on after sret, FP usable from a clean state */
	regs->status = SR_SPIE | SR_FS_INITIAL;
	memset(t->fstate, 0, sizeof(t->fstate));
	t->fcsr = 0;
	fpu_restore(t);
	/* the new program's text was written through the direct map */
	__asm__ __volatile__("fence.i" ::: "memory");
}

void copy_thread(struct task_struct *p, const struct pt_regs *regs, unsigned long sp,
		 bool set_tls, unsigned long tls)
{
	struct pt_regs *childregs = task_pt_regs(p);
	struct thread_struct *t = &p->thread;

	*childregs = *regs;
	childregs->a0 = 0;
	if (sp)
		childregs->sp = sp;
	if (set_tls)
		childregs->tp = tls;
	memset(t->s, 0, sizeof(t->s));
	t->ra = (unsigned long)ret_from_fork;
	t->sp = (unsigned long)childregs;	/* 16-byte aligned: PT_SIZE is */
	t->s[1] = (unsigned long)childregs;
	t->sp0 = (unsigned long)p->stack + THREAD_SIZE;
	fpu_save(t);			/* current's user FP state is live in the registers */
}

void __noprobe switch_user_context(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm && prev->stack)
		fpu_save(&prev->thread);
	if (next->mm != prev->mm || !next->mm)
		switch_mm(next->mm);
	if (next->mm && next->stack)
		fpu_restore(&next->thread);
}
