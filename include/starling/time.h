// SPDX-License-Identifier: GPL-2.0-only
/* Kernel clocks, all in nanoseconds. The arch supplies the counter (TSC, time CSR, CNTVCT). */
#ifndef _STARLING_TIME_H
#define _STARLING_TIME_H

#include <starling/types.h>

#define NSEC_PER_USEC	1000ULL
#define NSEC_PER_MSEC	1000000ULL
#define NSEC_PER_SEC	1000000000ULL
#define USEC_PER_SEC	1000000ULL

u64 ktime_get_ns(void);		/* CLOCK_MONOTONIC since boot; any context */
u64 ktime_get_raw_ns(void);	/* CLOCK_MONOTONIC_RAW */
u64 ktime_get_boot_ns(void);	/* CLOCK_BOOTTIME (= monotonic: no suspend) */
u64 ktime_get_real_ns(void);	/* CLOCK_REALTIME */
u64 local_clock(void);		/* fast per-CPU ns clock since boot (trace_clock "local") */
void ktime_set_real_ns(u64 real_ns);	/* set CLOCK_REALTIME */

/* kernel/time/clock.c: the arch calls it once, from time_init(), with its counter's rate. */
void clock_start(u64 ns_mult, u64 (*read_real_ns)(void));

#endif /* _STARLING_TIME_H */
