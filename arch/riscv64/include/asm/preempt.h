// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64: this hart's preemption count and CPU number are fields of its struct riscv_cpu,
 * reached through tp, so <starling/preempt.h> and <starling/smp.h> expand them inline.
 */
#ifndef _ASM_PREEMPT_H
#define _ASM_PREEMPT_H

#include <starling/compiler.h>
#include <asm/percpu.h>

static __always_inline unsigned int *arch_preempt_count_ptr(void)
{
	return &this_riscv_cpu()->preempt_count;
}

static __always_inline unsigned int arch_smp_processor_id(void)
{
	return READ_ONCE(this_riscv_cpu()->cpu);
}

#endif /* _ASM_PREEMPT_H */
