/*
 * Host shim of <starling/irq_work.h>: queueing claims the item as the kernel does, counts
 * the queueing in unit_irq_work_queued and runs the callback at once in the caller's thread
 * (the host has no hardirq to defer to).
 */
#ifndef _STARLING_IRQ_WORK_H
#define _STARLING_IRQ_WORK_H
#include <starling/compiler.h>

extern unsigned long unit_irq_work_queued;	/* the test defines it */

struct irq_work {
	unsigned int	flags;		/* 1: pending or running */
	void		(*func)(struct irq_work *work);
};

static inline void init_irq_work(struct irq_work *work, void (*func)(struct irq_work *work))
{
	work->flags = 0;
	work->func = func;
}

static inline bool irq_work_queue(struct irq_work *work)
{
	if (__atomic_exchange_n(&work->flags, 1, __ATOMIC_SEQ_CST))
		return false;
	__atomic_add_fetch(&unit_irq_work_queued, 1, __ATOMIC_SEQ_CST);
	work->func(work);
	__atomic_store_n(&work->flags, 0, __ATOMIC_SEQ_CST);
	return true;
}

static inline void irq_work_sync(struct irq_work *work)
{
	while (__atomic_load_n(&work->flags, __ATOMIC_SEQ_CST))
		;
}
#endif
