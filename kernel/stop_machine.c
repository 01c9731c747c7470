// SPDX-License-Identifier: GPL-2.0-only
/*
 * stop_machine(): run a function on the calling CPU while every other online CPU spins with
 * IRQs off, so that nothing else executes kernel code meanwhile (kprobes patch text with it).
 *
 *   caller                               every other online CPU (call-function IPI, IRQs off)
 *   mutex, preemption off
 *   smp_call_function(no wait)  ---->    ack++ (IRQs are off), spin while state != MS_EXIT
 *   spin until ack == others
 *   IRQs off, ret = fn(data)
 *   state = MS_EXIT             ---->    left++, return from the IPI
 *   spin until left == others; IRQs and preemption back; mutex released
 *
 * The caller waits for the acknowledgements with IRQs on, so a CPU that is itself waiting
 * for a cross-CPU call from the caller is served. The state lives on the caller's stack;
 * the caller does not return before every CPU has stopped reading it.
 */
#include <starling/smp.h>
#include <starling/smp_arch.h>
#include <starling/mutex.h>
#include <starling/sched.h>
#include <starling/atomic.h>
#include <starling/printk.h>
#include <asm/processor.h>

enum multi_stop_state {
	MS_PREPARE,
	MS_EXIT,
};

struct multi_stop_data {
	int			state;		/* enum multi_stop_state; written by the caller */
	atomic_t		ack;		/* CPUs spinning with IRQs off */
	atomic_t		left;		/* CPUs that saw MS_EXIT */
	unsigned long		irqs_on_mask;	/* CPUs that (wrongly) had IRQs on */
};

static DEFINE_MUTEX(stop_machine_mutex);

/* The other CPUs' side: runs in the call-function IPI, IRQs off. */
static void multi_cpu_stop(void *arg)
{
	struct multi_stop_data *msdata = arg;
	unsigned long flags;

	local_irq_save(flags);
	if (!arch_irqs_disabled_flags(flags))
		__atomic_fetch_or(&msdata->irqs_on_mask, 1UL << smp_processor_id(),
				  __ATOMIC_RELAXED);
	atomic_inc(&msdata->ack);
	while (smp_load_acquire(&msdata->state) != MS_EXIT)
		cpu_relax();
	atomic_inc(&msdata->left);
	local_irq_restore(flags);
}

/**
 * stop_machine() - run @fn(@data) here while every other online CPU spins with IRQs off
 * @fn: the function; runs with IRQs and preemption off
 * @data: its argument
 *
 * Process context only (it may sleep on the serialising mutex).
 *
 * Return: @fn's result.
 */
int stop_machine(int (*fn)(void *data), void *data)
{
	struct multi_stop_data msdata = { .state = MS_PREPARE };
	unsigned long flags;
	int others, ret;

	mutex_lock(&stop_machine_mutex);
	preempt_disable();
	atomic_set(&msdata.ack, 0);
	atomic_set(&msdata.left, 0);
	others = num_online_cpus() - (cpu_online(smp_processor_id()) ? 1 : 0);
	if (others > 0) {
		smp_call_function(multi_cpu_stop, &msdata, false);
		while (atomic_read(&msdata.ack) < others)
			cpu_relax();
	}
	local_irq_save(flags);
	WARN_ON_ONCE(msdata.irqs_on_mask);
	ret = fn(data);
	smp_store_release(&msdata.state, MS_EXIT);
	while (atomic_read(&msdata.left) < others)
		cpu_relax();
	local_irq_restore(flags);
	preempt_enable();
	mutex_unlock(&stop_machine_mutex);
	return ret;
}
