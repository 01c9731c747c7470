// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 per-CPU base: GS.base points at this CPU's struct x86_cpu (inside its per-CPU area),
 * whose first fields are read with single %gs-relative loads. User mode runs with the user's
 * GS base; entry code swaps with SWAPGS.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#define X86_CPU_SELF		0
#define X86_CPU_KERNEL_SP	8
#define X86_CPU_USER_SP		16
#define X86_CPU_NR		24
#define X86_CPU_PREEMPT		28
#define X86_CPU_CURRENT		32
#define X86_CPU_OFFSET		40

#ifndef __ASSEMBLY__
#include <starling/types.h>

struct task_struct;

struct x86_cpu {
	struct x86_cpu		*self;		/* 0: linear address of this struct */
	unsigned long		kernel_sp;	/* 8: top of current task's kernel stack */
	unsigned long		user_sp;	/* 16: scratch for the syscall entry */
	unsigned int		cpu;		/* 24 */
	unsigned int		preempt_count;	/* 28 */
	struct task_struct	*current;	/* 32 */
	unsigned long		per_cpu_offset;	/* 40 */
	unsigned int		apic_id;
};

static inline unsigned long arch_this_cpu_offset(void)
{
	unsigned long off;

	__asm__ __volatile__("movq %%gs:40, %0" : "=r"(off));
	return off;
}

static inline struct x86_cpu *this_x86_cpu(void)
{
	struct x86_cpu *c;

	__asm__ __volatile__("movq %%gs:0, %0" : "=r"(c));
	return c;
}
#endif

#endif /* _ASM_PERCPU_H */
