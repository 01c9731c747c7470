// SPDX-License-Identifier: GPL-2.0-only
/* Time structures of the system call ABI on 64-bit Linux (linux/time_types.h). */
#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

#include <starling/types.h>

struct __kernel_timespec {
	s64	tv_sec;
	long long tv_nsec;
};

struct __kernel_old_timeval {
	long	tv_sec;
	long	tv_usec;
};

/* utimensat(): special tv_nsec values. */
#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

#endif /* _UAPI_LINUX_TIME_TYPES_H */
