// SPDX-License-Identifier: GPL-2.0-only
/*
 * Preemption and context accounting, with Linux's preempt_count layout:
 *   bits 0-7 preemption depth, 8-15 softirq, 16-19 hardirq, 20-23 NMI.
 * The count lives in the per-CPU area (arch_preempt_count_ptr(), an inline of <asm/preempt.h>)
 * and is saved with the task on a context switch.
 */
#ifndef _STARLING_PREEMPT_H
#define _STARLING_PREEMPT_H

#include <starling/compiler.h>
#include <asm/irqflags.h>
#include <asm/preempt.h>		/* arch_preempt_count_ptr() */

#define PREEMPT_OFFSET		(1U << 0)
#define SOFTIRQ_OFFSET		(1U << 8)
#define HARDIRQ_OFFSET		(1U << 16)
#define NMI_OFFSET		(1U << 20)
#define PREEMPT_MASK		0x000000ffU
#define SOFTIRQ_MASK		0x0000ff00U
#define HARDIRQ_MASK		0x000f0000U
#define NMI_MASK		0x00f00000U

void preempt_schedule(void);			/* reschedule if needed (kernel/sched) */
/* Out of line here; <starling/sched.h> turns need_resched() into an inline read of current. */
bool (need_resched)(void);

static __always_inline unsigned int preempt_count(void)
{
	return READ_ONCE(*arch_preempt_count_ptr());
}

static __always_inline void preempt_count_add(unsigned int v)
{
	*arch_preempt_count_ptr() += v;
	barrier();
}

static __always_inline void preempt_count_sub(unsigned int v)
{
	barrier();
	*arch_preempt_count_ptr() -= v;
}

#define preempt_disable()		preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable_no_resched()	preempt_count_sub(PREEMPT_OFFSET)
#define preempt_enable() do {						\
	preempt_count_sub(PREEMPT_OFFSET);				\
	if (unlikely(preempt_count() == 0 && need_resched() &&		\
		     !arch_irqs_disabled()))				\
		preempt_schedule();					\
} while (0)

#define in_nmi()		(preempt_count() & NMI_MASK)
#define in_hardirq()		(preempt_count() & HARDIRQ_MASK)
#define in_softirq()		(preempt_count() & SOFTIRQ_MASK)
#define in_interrupt()		(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK))
#define in_task()		(!in_interrupt())
#define in_atomic()		(preempt_count() != 0)

#define local_irq_save(flags)		((flags) = arch_local_irq_save())
#define local_irq_restore(flags)	arch_local_irq_restore(flags)
#define local_irq_disable()		arch_local_irq_disable()
#define local_irq_enable()		arch_local_irq_enable()
#define irqs_disabled()			arch_irqs_disabled()

#endif /* _STARLING_PREEMPT_H */
