// SPDX-License-Identifier: GPL-2.0-only
/*
 * irq_work: callbacks queued from any context and run from a hardirq on the same CPU (see
 * <starling/irq_work.h>). Each CPU keeps a lock-free singly linked list, pushed by cmpxchg
 * and taken whole by xchg; a work item is claimed by setting IRQ_WORK_PENDING with cmpxchg,
 * so it sits on at most one list at a time and a second queue call while it waits is a
 * no-op. Only the push that finds the list empty raises the arch's self-interrupt.
 *
 *   irq_work_queue():  flags 0 or BUSY -> PENDING|BUSY, push, raise if list was empty
 *   irq_work_run():    take the list; for each: PENDING|BUSY -> BUSY, func(), BUSY -> 0
 *
 * Everything on the queueing side is __noprobe: the ring buffer calls it from probe
 * handlers.
 */
#include <starling/irq_work.h>
#include <starling/atomic.h>
#include <starling/compiler.h>
#include <starling/percpu.h>
#include <starling/preempt.h>
#include <starling/sched.h>

/* The queued work of each CPU: pushed with IRQs or preemption off on that CPU. */
static DEFINE_PER_CPU(struct irq_work *, irq_work_list);

static __noprobe bool irq_work_claim(struct irq_work *work)
{
	unsigned int old = READ_ONCE(work->flags), seen;

	for (;;) {
		if (old & IRQ_WORK_PENDING)
			return false;
		seen = cmpxchg(&work->flags, old, old | IRQ_WORK_PENDING | IRQ_WORK_BUSY);
		if (seen == old)
			return true;
		old = seen;
	}
}

/**
 * irq_work_queue() - run @work from a hardirq on this CPU soon
 * @work: an initialised work item; it must stay allocated until it has run
 *
 * Safe in any context: takes no lock and only raises a self-interrupt.
 * Return: true if queued now, false if it was already pending.
 */
__noprobe bool irq_work_queue(struct irq_work *work)
{
	struct irq_work **head, *first;

	if (!irq_work_claim(work))
		return false;
	preempt_disable();
	head = this_cpu_ptr(&irq_work_list);
	first = READ_ONCE(*head);
	for (;;) {
		struct irq_work *seen;

		work->next = first;
		seen = cmpxchg(head, first, work);
		if (seen == first)
			break;
		first = seen;
	}
	if (!first)
		arch_irq_work_raise();
	preempt_enable();
	return true;
}

/**
 * irq_work_run() - run the work queued on this CPU
 *
 * Called in hardirq context with IRQs off. Work queued by the callbacks lands on a fresh
 * list and raises the interrupt again.
 */
void irq_work_run(void)
{
	struct irq_work *work, *next;

	work = xchg(this_cpu_ptr(&irq_work_list), NULL);
	for (; work; work = next) {
		next = READ_ONCE(work->next);
		/* from here the item may be queued again, by this callback or anyone */
		__atomic_fetch_and(&work->flags, ~IRQ_WORK_PENDING, __ATOMIC_SEQ_CST);
		work->func(work);
		/* not busy any more, unless someone queued it again meanwhile */
		cmpxchg(&work->flags, IRQ_WORK_BUSY, 0U);
	}
}

/**
 * irq_work_tick() - run queued work from the tick (hardirq context, IRQs off)
 *
 * A no-op when the list is empty, which is the rule wherever the arch raises a
 * self-interrupt; otherwise the fallback that bounds the delay to one tick.
 */
void irq_work_tick(void)
{
	if (READ_ONCE(*this_cpu_ptr(&irq_work_list)))
		irq_work_run();
}

/**
 * irq_work_sync() - wait for @work to finish
 * @work: the work item
 *
 * Process context; the caller makes sure nobody queues @work again.
 */
void irq_work_sync(struct irq_work *work)
{
	while (READ_ONCE(work->flags) & IRQ_WORK_BUSY)
		cond_resched();
}
