// SPDX-License-Identifier: GPL-2.0-only
/*
 * Resource limits (getrlimit/setrlimit/prlimit64, kernel/sys.c), Linux's numbering and
 * defaults. rlimit(RLIMIT_X) is current's soft limit; kernel threads get the defaults.
 */
#ifndef _STARLING_RESOURCE_H
#define _STARLING_RESOURCE_H

#include <starling/types.h>

#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIMIT_LOCKS		10
#define RLIMIT_SIGPENDING	11
#define RLIMIT_MSGQUEUE		12
#define RLIMIT_NICE		13
#define RLIMIT_RTPRIO		14
#define RLIMIT_RTTIME		15
#define RLIM_NLIMITS		16

#define RLIM_INFINITY		(~0UL)
#define INR_OPEN_CUR		1024
#define INR_OPEN_MAX		4096
#define _STK_LIM		(8UL * 1024 * 1024)
#define MLOCK_LIMIT		(8UL * 1024 * 1024)

struct rlimit {
	unsigned long	rlim_cur;
	unsigned long	rlim_max;
};

struct rlimit64 {
	u64		rlim_cur;
	u64		rlim_max;
};

/* getpriority/setpriority: which. */
#define PRIO_PROCESS		0
#define PRIO_PGRP		1
#define PRIO_USER		2

#define RUSAGE_SELF		0
#define RUSAGE_CHILDREN		(-1)
#define RUSAGE_THREAD		1

/* current's soft / hard limit of @limit (RLIMIT_*). */
unsigned long rlimit(unsigned int limit);
unsigned long rlimit_max(unsigned int limit);

#endif /* _STARLING_RESOURCE_H */
