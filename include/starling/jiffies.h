// SPDX-License-Identifier: GPL-2.0-only
/*
 * jiffies: the tick counter, advanced HZ times a second by CPU 0's timer interrupt
 * (scheduler_tick() -> timer_tick()). It starts five minutes before wrapping 32 bits, as in
 * Linux, so code that compares jiffies without time_after() breaks early, not after 49 days.
 */
#ifndef _STARLING_JIFFIES_H
#define _STARLING_JIFFIES_H

#include <starling/types.h>
#include <starling/compiler.h>

#define HZ			250
#define INITIAL_JIFFIES		((unsigned long)(unsigned int)(-300 * HZ))

extern volatile unsigned long jiffies;	/* written by CPU 0's tick only */

static inline u64 get_jiffies_64(void)
{
	return READ_ONCE(jiffies);
}

/* True if a is after b, robust against wrap-around. */
#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)
#define time_is_before_jiffies(a)	time_after(jiffies, a)
#define time_is_after_jiffies(a)	time_before(jiffies, a)

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * (1000 / HZ));
}

static inline unsigned int jiffies_to_usecs(unsigned long j)
{
	return (unsigned int)(j * (1000000 / HZ));
}

static inline u64 jiffies_to_nsecs(unsigned long j)
{
	return (u64)j * (1000000000ULL / HZ);
}

/* Round up, so a sleep is never shorter than asked. */
static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return ((unsigned long)m + (1000 / HZ) - 1) / (1000 / HZ);
}

static inline unsigned long usecs_to_jiffies(unsigned int u)
{
	return ((unsigned long)u + (1000000 / HZ) - 1) / (1000000 / HZ);
}

static inline unsigned long nsecs_to_jiffies(u64 n)
{
	return (unsigned long)((n + (1000000000ULL / HZ) - 1) / (1000000000ULL / HZ));
}

#endif /* _STARLING_JIFFIES_H */
