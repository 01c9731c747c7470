// SPDX-License-Identifier: GPL-2.0-only
/* x86_64 time helpers shared by arch files. */
#ifndef _ASM_TIMEX_H
#define _ASM_TIMEX_H

#include <starling/types.h>
#include <asm/processor.h>

#define HZ		250

extern unsigned long tsc_khz;

/* The counter behind the kernel clocks (kernel/time/clock.c): the TSC. */
static inline u64 get_cycles(void)
{
	return rdtsc();
}

void udelay(unsigned long usecs);
void lapic_timer_init(void);		/* calibrate the LAPIC timer, start this CPU's tick */
void lapic_timer_setup_this_cpu(void);	/* start the tick on an AP */

#endif /* _ASM_TIMEX_H */
