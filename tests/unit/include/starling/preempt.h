/* Host shim of <starling/preempt.h>: a per-thread preempt count; IRQ state is simulated. */
#ifndef _STARLING_PREEMPT_H
#define _STARLING_PREEMPT_H
#include <starling/compiler.h>
#define PREEMPT_OFFSET		(1U << 0)
#define SOFTIRQ_OFFSET		(1U << 8)
#define HARDIRQ_OFFSET		(1U << 16)
#define NMI_OFFSET		(1U << 20)
#define PREEMPT_MASK		0x000000ffU
#define SOFTIRQ_MASK		0x0000ff00U
#define HARDIRQ_MASK		0x000f0000U
#define NMI_MASK		0x00f00000U
extern __thread unsigned int unit_preempt_count;	/* the test defines it */
extern __thread unsigned long unit_irq_flags;		/* 1 = IRQs off */
static inline unsigned int preempt_count(void) { return unit_preempt_count; }
static inline void preempt_count_add(unsigned int v) { unit_preempt_count += v; }
static inline void preempt_count_sub(unsigned int v) { unit_preempt_count -= v; }
#define preempt_disable()		preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable()		preempt_count_sub(PREEMPT_OFFSET)
#define preempt_enable_no_resched()	preempt_count_sub(PREEMPT_OFFSET)
#define in_nmi()		(preempt_count() & NMI_MASK)
#define in_hardirq()		(preempt_count() & HARDIRQ_MASK)
#define in_softirq()		(preempt_count() & SOFTIRQ_MASK)
#define in_interrupt()		(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK))
#define in_task()		(!in_interrupt())
#define in_atomic()		(preempt_count() != 0)
#define local_irq_save(f)	((f) = unit_irq_flags, unit_irq_flags = 1)
#define local_irq_restore(f)	(unit_irq_flags = (f))
#define local_irq_disable()	(unit_irq_flags = 1)
#define local_irq_enable()	(unit_irq_flags = 0)
#define irqs_disabled()		(unit_irq_flags != 0)
static inline bool need_resched(void) { return false; }
#endif
