// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 side of task switching (see <asm/switch_to.h>): the TSS stack for entries from user
 * mode, the current pointer, the user FS/GS bases, and the first stack frame of new threads.
 */
#include <starling/compiler.h>
#include <asm/switch_to.h>
#include <asm/current.h>
#include <asm/processor.h>
#include <asm/irqflags.h>
#include <asm/x86.h>
#include <asm/ptrace.h>
#include <asm/syscall.h>

struct task_struct *__switch_to_asm(unsigned long *prev_sp, unsigned long next_sp,
				    struct task_struct *prev);
extern const char ret_from_kthread[];

/* struct thread_struct is the first member of struct task_struct. */
static inline struct thread_struct *task_thread(struct task_struct *p)
{
	return (struct thread_struct *)p;
}

struct task_struct *__noprobe arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	struct thread_struct *pt = task_thread(prev), *nt = task_thread(next);

	tss_set_kernel_stack(nt->sp0);
	if (IS_ENABLED(CONFIG_USERSPACE))
		switch_user_context(prev, next);	/* page table, user FPU state */
	arch_set_current(next);
	if (pt->fsbase != nt->fsbase)
		wrmsr(MSR_FS_BASE, nt->fsbase);
	if (pt->gsbase != nt->gsbase)
		wrmsr(MSR_KERNEL_GS_BASE, nt->gsbase);	/* the user's, swapped in by SWAPGS */
	return __switch_to_asm(&pt->sp, nt->sp, prev);
}

void arch_setup_kthread(struct task_struct *p, unsigned long stack_top, int (*fn)(void *),
			void *arg)
{
	struct thread_struct *t = task_thread(p);
	/* The top PTREGS_SIZE bytes stay free for user registers (a kthread that execs). */
	unsigned long *frame = (unsigned long *)((stack_top & ~15UL) - PTREGS_SIZE - 8) - 8;

	frame[0] = 0;				/* r15 */
	frame[1] = 0;				/* r14 */
	frame[2] = 0;				/* r13 */
	frame[3] = (unsigned long)arg;		/* r12 */
	frame[4] = (unsigned long)fn;		/* rbx */
	frame[5] = 0;				/* rbp: ends backtraces */
	frame[6] = (unsigned long)ret_from_kthread;
	frame[7] = 0;
	t->sp = (unsigned long)frame;
	t->sp0 = stack_top;
	t->fsbase = 0;
	t->gsbase = 0;
}

void __noprobe arch_cpu_idle(void)
{
	arch_safe_halt();
}
