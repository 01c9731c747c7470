// SPDX-License-Identifier: GPL-2.0-only
/* Boot steps that start_kernel() runs in order; each subsystem implements its own. */
#ifndef _STARLING_BOOT_H
#define _STARLING_BOOT_H

#include <starling/compiler.h>

void mm_init(void);		/* mm/: page allocator from memblock, kmalloc */
void arch_mm_init(void);	/* arch: final kernel page tables, W^X */
void arch_irq_init(void);	/* arch: interrupt controllers */
void time_init(void);		/* arch: clocksource calibration, tick */
void sched_init(void);		/* kernel/sched: run queues, idle task of the boot CPU */
void smp_init(void);		/* arch: start the other CPUs */
void __noreturn rest_init(void);	/* start the first program; become the idle task */
int kernel_init_run(void);	/* kernel/init.c: pid 1's work before user space */
int run_init_process(void);	/* exec rdinit=/init=; returns only on failure */

#endif /* _STARLING_BOOT_H */
