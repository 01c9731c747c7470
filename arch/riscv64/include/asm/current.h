// SPDX-License-Identifier: GPL-2.0-only
/* The running task on this hart: one tp-relative load. */
#ifndef _ASM_CURRENT_H
#define _ASM_CURRENT_H

#include <asm/percpu.h>

struct task_struct;

static __always_inline struct task_struct *get_current(void)
{
	struct task_struct *t;

	__asm__ __volatile__("ld %0, %1(tp)" : "=r"(t) : "i"(RISCV_CPU_CURRENT));
	return t;
}

static __always_inline void arch_set_current(struct task_struct *t)
{
	__asm__ __volatile__("sd %0, %1(tp)" :: "r"(t), "i"(RISCV_CPU_CURRENT) : "memory");
}

#define current get_current()

#endif /* _ASM_CURRENT_H */
