// SPDX-License-Identifier: GPL-2.0-only
/* x86_64 time helpers shared by arch files. */
#ifndef _ASM_TIMEX_H
#define _ASM_TIMEX_H

#include <starling/types.h>

#define HZ		250

extern unsigned long tsc_khz;

void udelay(unsigned long usecs);
u64 tsc_to_ns(u64 cycles);
void ktime_set_real_ns(u64 real_ns);
void lapic_timer_init(void);		/* calibrate the LAPIC timer, start this CPU's tick */
void lapic_timer_setup_this_cpu(void);	/* start the tick on an AP */

#endif /* _ASM_TIMEX_H */
