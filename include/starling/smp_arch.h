// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hooks between the generic cross-CPU code (kernel/smp.c, kernel/sched/) and the arch's
 * interrupt controller. The arch implements the senders; its IPI handlers call the generic
 * receivers in hardirq context.
 */
#ifndef _STARLING_SMP_ARCH_H
#define _STARLING_SMP_ARCH_H

#include <starling/types.h>

/* Arch: send the call-function IPI to every CPU in @cpu_mask (never to the sender). */
void arch_send_call_function_ipi(unsigned long cpu_mask);
/* Arch: send the reschedule IPI to @cpu. */
void arch_send_reschedule(unsigned int cpu);

/* Generic: the call-function IPI handler runs the queued calls for this CPU. */
void generic_smp_call_function_interrupt(void);
/* Generic: the reschedule IPI handler (see <starling/sched.h>). */
void scheduler_ipi(void);

/* Generic (kernel/smp.c): smp_call_function() plus a direct call here, IRQs off. */
void on_each_cpu(void (*func)(void *info), void *info, bool wait);

#endif /* _STARLING_SMP_ARCH_H */
