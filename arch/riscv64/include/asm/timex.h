// SPDX-License-Identifier: GPL-2.0-only
/* riscv64 time helpers: the counter behind the kernel clocks (kernel/time/clock.c). */
#ifndef _ASM_TIMEX_H
#define _ASM_TIMEX_H

#include <starling/types.h>

/* The "time" CSR: counts at the device tree's timebase-frequency on every hart. */
static inline unsigned long get_cycles(void)
{
	unsigned long t;

	__asm__ __volatile__("rdtime %0" : "=r"(t));
	return t;
}

#endif /* _ASM_TIMEX_H */
