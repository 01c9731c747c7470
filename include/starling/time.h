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

#endif /* _STARLING_TIME_H */
