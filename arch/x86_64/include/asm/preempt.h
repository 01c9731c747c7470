// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64: this CPU's preemption count and number are fields of its struct x86_cpu, reached
 * with %gs-relative loads, so <starling/preempt.h> and <starling/smp.h> expand them inline.
 */
#ifndef _ASM_PREEMPT_H
#define _ASM_PREEMPT_H

#include <starling/compiler.h>
#include <asm/percpu.h>

static __always_inline unsigned int *arch_preempt_count_ptr(void)
{
	return &this_x86_cpu()->preempt_count;
}

static __always_inline unsigned int arch_smp_processor_id(void)
{
	unsigned int cpu;

	/* X86_CPU_NR */
	__asm__ __volatile__("movl %%gs:24, %0" : "=r"(cpu));
	return cpu;
}

#endif /* _ASM_PREEMPT_H */
