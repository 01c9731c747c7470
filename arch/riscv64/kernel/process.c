// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 side of task switching (see <asm/switch_to.h>): the current pointer, the kernel
 * stack top the user entry will need, and the first switch-in of new threads.
 */
#include <starling/compiler.h>
#include <starling/sched.h>
#include <asm/switch_to.h>
#include <asm/current.h>
#include <asm/irqflags.h>
#include <asm/ptrace.h>
#include <asm/percpu.h>
#include <asm/syscall.h>

struct task_struct *__switch_to_asm(struct thread_struct *prev, struct thread_struct *next);
extern const char ret_from_kthread[];

/* struct thread_struct is the first member of struct task_struct. */
static inline struct thread_struct *task_thread(struct task_struct *p)
{
	return (struct thread_struct *)p;
}

struct task_struct *__noprobe arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	struct thread_struct *nt = task_thread(next);

	this_riscv_cpu()->kernel_sp = nt->sp0;
	if (IS_ENABLED(CONFIG_USERSPACE))
		switch_user_context(prev, next);	/* page table, user FP state */
	arch_set_current(next);
	return __switch_to_asm(task_thread(prev), nt);
}

void arch_setup_kthread(struct task_struct *p, unsigned long stack_top, int (*fn)(void *),
			void *arg)
{
	struct thread_struct *t = task_thread(p);

	*t = (struct thread_struct) {
		/* the top PT_SIZE bytes stay free for user registers (a kthread that execs) */
		.sp	= (stack_top - PT_SIZE) & ~15UL,
		.ra	= (unsigned long)ret_from_kthread,
		.s	= { [0] = 0, [1] = (unsigned long)fn, [2] = (unsigned long)arg },
		.sp0	= stack_top,
	};
}

void __noprobe arch_cpu_idle(void)
{
	arch_safe_halt();
}
