// SPDX-License-Identifier: GPL-2.0-only
/*
 * Resource limit lookups for the rest of the kernel: rlimit(RLIMIT_X) is current's soft
 * limit, kept in its signal_struct (kernel/sys.c implements getrlimit/setrlimit/prlimit64).
 * Built in every configuration, so callers such as the VFS need no #if: kernel threads and
 * kernels without process support get Linux's defaults.
 */
#include <starling/resource.h>
#include <starling/signal.h>

static unsigned long rlimit_default(unsigned int limit, bool max)
{
	switch (limit) {
	case RLIMIT_NOFILE:
		return max ? INR_OPEN_MAX : INR_OPEN_CUR;
	case RLIMIT_STACK:
		return max ? RLIM_INFINITY : _STK_LIM;
	case RLIMIT_CORE:
		return max ? RLIM_INFINITY : 0;
	case RLIMIT_MEMLOCK:
		return MLOCK_LIMIT;
	default:
		return RLIM_INFINITY;
	}
}

/**
 * rlimit() - current's soft limit of a resource
 * @limit: RLIMIT_*
 *
 * Return: the limit, RLIM_INFINITY for none (or an unknown @limit).
 */
unsigned long rlimit(unsigned int limit)
{
	struct signal_struct *sig = task_signal(current);

	if (limit >= RLIM_NLIMITS)
		return RLIM_INFINITY;
	if (!sig)
		return rlimit_default(limit, false);
	return READ_ONCE(sig->rlim[limit].rlim_cur);
}

/**
 * rlimit_max() - current's hard limit of a resource
 * @limit: RLIMIT_*
 *
 * Return: the limit, RLIM_INFINITY for none (or an unknown @limit).
 */
unsigned long rlimit_max(unsigned int limit)
{
	struct signal_struct *sig = task_signal(current);

	if (limit >= RLIM_NLIMITS)
		return RLIM_INFINITY;
	if (!sig)
		return rlimit_default(limit, true);
	return READ_ONCE(sig->rlim[limit].rlim_max);
}
