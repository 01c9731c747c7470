// SPDX-License-Identifier: GPL-2.0-only
/*
 * irq_work (kernel/irq_work.c), as in Linux: a callback queued from any context, NMI and
 * probe handlers included, that runs soon after in hardirq context on the same CPU. Queueing
 * takes no lock and never wakes anything itself; the callback may take spinlocks and wake
 * tasks. The tracing ring buffer uses it to wake readers from the write path.
 *
 * The arch raises a self-interrupt whose handler calls irq_work_run(); an arch without one
 * makes arch_irq_work_raise() do nothing and the work runs from the next tick
 * (scheduler_tick() calls irq_work_tick()).
 */
#ifndef _STARLING_IRQ_WORK_H
#define _STARLING_IRQ_WORK_H

#include <starling/types.h>

#define IRQ_WORK_PENDING	(1U << 0)	/* on a CPU's list, callback not started */
#define IRQ_WORK_BUSY		(1U << 1)	/* queued or running */

struct irq_work {
	struct irq_work	*next;		/* the CPU's list: set by irq_work_queue() */
	unsigned int	flags;		/* IRQ_WORK_*: cmpxchg only */
	void		(*func)(struct irq_work *work);
};

#define IRQ_WORK_INIT(_func)	{ .func = (_func) }

static inline void init_irq_work(struct irq_work *work, void (*func)(struct irq_work *work))
{
	work->next = NULL;
	work->flags = 0;
	work->func = func;
}

/* Queue @work on this CPU. Return: false if it was already pending (it will still run). */
bool irq_work_queue(struct irq_work *work);
/* Run this CPU's queued work: hardirq context, IRQs off (the arch's handler, the tick). */
void irq_work_run(void);
/* The tick: run work an arch without a self-interrupt left queued. */
void irq_work_tick(void);
/* Wait until @work is neither pending nor running (process context, before freeing it). */
void irq_work_sync(struct irq_work *work);

/* Arch: make this CPU call irq_work_run() soon, from hardirq context. Any context. */
void arch_irq_work_raise(void);

#endif /* _STARLING_IRQ_WORK_H */
