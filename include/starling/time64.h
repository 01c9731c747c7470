// SPDX-License-Identifier: GPL-2.0-only
/* struct timespec64, the kernel's time of day and file timestamps (linux/time64.h). */
#ifndef _STARLING_TIME64_H
#define _STARLING_TIME64_H

#include <starling/types.h>
#include <starling/time.h>

struct timespec64 {
	s64	tv_sec;
	long	tv_nsec;
};

static inline struct timespec64 ns_to_timespec64(u64 ns)
{
	struct timespec64 ts = {
		.tv_sec = (s64)(ns / NSEC_PER_SEC),
		.tv_nsec = (long)(ns % NSEC_PER_SEC),
	};

	return ts;
}

static inline u64 timespec64_to_ns(const struct timespec64 *ts)
{
	return (u64)ts->tv_sec * NSEC_PER_SEC + (u64)ts->tv_nsec;
}

static inline void ktime_get_real_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(ktime_get_real_ns());
}

#endif /* _STARLING_TIME64_H */
