// SPDX-License-Identifier: GPL-2.0-only
/*
 * CPU numbering. CPUs are numbered 0..nr_cpu_ids-1 in the order the boot CPU found them;
 * every possible CPU is brought online at boot (no hotplug).
 */
#ifndef _STARLING_SMP_H
#define _STARLING_SMP_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <asm/preempt.h>		/* arch_smp_processor_id() */

#define NR_CPUS		16

extern unsigned int nr_cpu_ids;		/* possible CPUs; set once at boot */
extern unsigned long cpu_online_mask;	/* bit n: CPU n is online; written only at boot */

unsigned int arch_boot_cpus(void);		/* CPUs the firmware lists (MADT, device tree) */

/* This CPU's number: caller has preemption or IRQs off. */
static __always_inline unsigned int smp_processor_id(void)
{
	return arch_smp_processor_id();
}

/* No check: the answer may be stale. */
static __always_inline unsigned int raw_smp_processor_id(void)
{
	return arch_smp_processor_id();
}

static inline unsigned int hweight_long(unsigned long w)
{
	unsigned int n = 0;

	for (; w; w &= w - 1)
		n++;
	return n;
}

static inline unsigned int num_online_cpus(void)
{
	return hweight_long(__atomic_load_n(&cpu_online_mask, __ATOMIC_ACQUIRE));
}

static inline bool cpu_online(unsigned int cpu)
{
	return cpu < NR_CPUS && (__atomic_load_n(&cpu_online_mask, __ATOMIC_ACQUIRE) >> cpu) & 1;
}

#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++)
#define for_each_online_cpu(cpu) \
	for ((cpu) = 0; (cpu) < nr_cpu_ids; (cpu)++) if (!cpu_online(cpu)) {} else

/* Run @fn(@info) on every other online CPU (IPI); wait until all have finished if @wait. */
void smp_call_function(void (*fn)(void *info), void *info, bool wait);
/* Run @fn(@info) on @cpu (directly when it is this CPU); wait if @wait. */
int smp_call_function_single(unsigned int cpu, void (*fn)(void *info), void *info, bool wait);

/*
 * Run @fn(@data) on one CPU while every other online CPU spins with interrupts off; returns
 * @fn's result. Used to patch kernel text that other CPUs may be executing.
 */
int stop_machine(int (*fn)(void *data), void *data);

#endif /* _STARLING_SMP_H */
