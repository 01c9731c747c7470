// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cross-CPU function calls. Each CPU has a queue of call requests (struct call_data) under a
 * spinlock; a sender queues one request per target and sends the call-function IPI
 * (arch_send_call_function_ipi()), whose handler, generic_smp_call_function_interrupt(),
 * runs the queued functions in hardirq context.
 *
 * A request is busy (CSD_FLAG_LOCK) from queueing until its target is done with it. A
 * waiting sender puts its requests on its own stack and spins until the targets have run
 * the function; a non-waiting sender uses its CPU's own request slots (one per target),
 * waiting only for the previous use of a slot to be released, which the target does before
 * running the function.
 *
 * Deadlock rule: a sender that waits must have IRQs on, so that two CPUs calling each other
 * both keep serving IPIs.
 */
#include <starling/smp.h>
#include <starling/smp_arch.h>
#include <starling/spinlock.h>
#include <starling/preempt.h>
#include <starling/atomic.h>
#include <starling/errno.h>
#include <starling/printk.h>
#include <asm/processor.h>

#define CSD_FLAG_LOCK	0x01
#define CSD_FLAG_SYNC	0x02

struct call_data {
	struct call_data	*next;		/* in the target's queue */
	void			(*func)(void *info);
	void			*info;
	unsigned int		flags;		/* CSD_FLAG_*; release-cleared by the target */
};

struct call_queue {
	spinlock_t		lock;		/* IRQs off */
	struct call_data	*head, *tail;
} __aligned(64);

static struct call_queue call_queues[NR_CPUS] = {
	[0 ... NR_CPUS - 1] = { .lock = __SPIN_LOCK_UNLOCKED(call_queue) },
};
/* Slots for calls without waiting: [sender][target]; the sender has preemption off. */
static struct call_data async_slots[NR_CPUS][NR_CPUS];

static void csd_lock_wait(struct call_data *csd)
{
	while (smp_load_acquire(&csd->flags) & CSD_FLAG_LOCK)
		cpu_relax();
}

static void queue_call(unsigned int cpu, struct call_data *csd)
{
	struct call_queue *q = &call_queues[cpu];
	unsigned long flags;

	csd->next = NULL;
	spin_lock_irqsave(&q->lock, flags);
	if (q->tail)
		q->tail->next = csd;
	else
		q->head = csd;
	q->tail = csd;
	spin_unlock_irqrestore(&q->lock, flags);
}

/**
 * generic_smp_call_function_interrupt() - run the calls queued for this CPU
 *
 * Called by the arch's call-function IPI handler, in hardirq context.
 */
void generic_smp_call_function_interrupt(void)
{
	struct call_queue *q = &call_queues[smp_processor_id()];
	struct call_data *csd, *next;
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	csd = q->head;
	q->head = q->tail = NULL;
	spin_unlock_irqrestore(&q->lock, flags);

	for (; csd; csd = next) {
		void (*func)(void *info) = csd->func;
		void *info = csd->info;

		next = csd->next;
		if (csd->flags & CSD_FLAG_SYNC) {
			func(info);
			smp_store_release(&csd->flags, 0);
		} else {
			smp_store_release(&csd->flags, 0);	/* the slot may be reused now */
			func(info);
		}
	}
}

/* Queue @func(@info) on every CPU of @mask (not this one) and send one IPI round. */
static void call_function_many(unsigned long mask, void (*func)(void *info), void *info,
			       bool wait)
{
	struct call_data sync[NR_CPUS];
	unsigned int this = smp_processor_id(), cpu;

	mask &= ~(1UL << this);
	if (!mask)
		return;
	WARN_ON_ONCE(wait && arch_irqs_disabled());
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct call_data *csd;

		if (!((mask >> cpu) & 1))
			continue;
		if (wait) {
			csd = &sync[cpu];
			csd->flags = CSD_FLAG_LOCK | CSD_FLAG_SYNC;
		} else {
			csd = &async_slots[this][cpu];
			csd_lock_wait(csd);
			csd->flags = CSD_FLAG_LOCK;
		}
		csd->func = func;
		csd->info = info;
		queue_call(cpu, csd);
	}
	arch_send_call_function_ipi(mask);
	if (!wait)
		return;
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if ((mask >> cpu) & 1)
			csd_lock_wait(&sync[cpu]);
}

/**
 * smp_call_function() - run @func(@info) on every other online CPU
 * @func: the function; runs in hardirq context on the targets, must not sleep
 * @info: its argument
 * @wait: wait until every target has returned from @func
 *
 * With @wait the caller must have IRQs on.
 */
void smp_call_function(void (*func)(void *info), void *info, bool wait)
{
	preempt_disable();
	call_function_many(__atomic_load_n(&cpu_online_mask, __ATOMIC_ACQUIRE), func, info,
			   wait);
	preempt_enable();
}

/**
 * smp_call_function_single() - run @func(@info) on @cpu
 * @cpu: the target; when it is this CPU, @func runs here with IRQs off
 * @func: the function (hardirq context on the target; must not sleep)
 * @info: its argument
 * @wait: wait until @func has returned
 *
 * Return: 0, or -ENXIO when @cpu is not online.
 */
int smp_call_function_single(unsigned int cpu, void (*func)(void *info), void *info, bool wait)
{
	unsigned long flags;

	if (!cpu_online(cpu))
		return -ENXIO;
	preempt_disable();
	if (cpu == smp_processor_id()) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
	} else {
		call_function_many(1UL << cpu, func, info, wait);
	}
	preempt_enable();
	return 0;
}

/**
 * on_each_cpu() - run @func(@info) on every online CPU, this one included (IRQs off here)
 * @func: the function
 * @info: its argument
 * @wait: wait for the other CPUs
 */
void on_each_cpu(void (*func)(void *info), void *info, bool wait)
{
	unsigned long flags;

	preempt_disable();
	call_function_many(__atomic_load_n(&cpu_online_mask, __ATOMIC_ACQUIRE), func, info,
			   wait);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	preempt_enable();
}
