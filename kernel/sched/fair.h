// SPDX-License-Identifier: GPL-2.0-only
/*
 * The arithmetic of fair sharing, kept pure so that the host unit tests can run it.
 *
 * Every runnable task has a virtual runtime: the CPU time it has used, in nanoseconds,
 * scaled by NICE_0_LOAD / weight. A nice-0 task's virtual clock runs at real speed, a nice-19
 * one's 68 times faster, a nice -20 one's 87 times slower. The run queue always runs the task
 * whose virtual runtime is smallest, so over time each task gets CPU in proportion to its
 * weight: each nice step is about 1.25 times the weight of the next, which makes a difference
 * of one nice level worth about 10% of the CPU between two busy tasks, as on Linux.
 *
 * Virtual runtimes are u64 and compared by signed difference, so they may wrap.
 */
#ifndef _KERNEL_SCHED_FAIR_H
#define _KERNEL_SCHED_FAIR_H

#include <starling/types.h>
#include <starling/sched/prio.h>

#define NICE_0_LOAD		1024

/*
 * How far (virtual ns) the running task may get ahead of the task that has waited longest
 * before the tick preempts it: two busy nice-0 tasks take turns of about twice this.
 */
#define SCHED_GRANULARITY_NS	8000000ULL
/* A waking task starts at most this far (virtual ns) behind the queue's minimum. */
#define SCHED_WAKEUP_CREDIT_NS	8000000ULL
/* Longest single charge: a clock jump (a stalled host) does not look like a year of CPU. */
#define SCHED_MAX_CHARGE_NS	1000000000ULL

/* Linux's nice-to-weight table, from nice -20 to 19. */
static const u32 sched_prio_to_weight[NICE_WIDTH] = {
	/* -20 */ 88761, 71755, 56483, 46273, 36291,
	/* -15 */ 29154, 23254, 18705, 14949, 11916,
	/* -10 */  9548,  7620,  6100,  4904,  3906,
	/*  -5 */  3121,  2501,  1991,  1586,  1277,
	/*   0 */  1024,   820,   655,   526,   423,
	/*   5 */   335,   272,   215,   172,   137,
	/*  10 */   110,    87,    70,    56,    45,
	/*  15 */    36,    29,    23,    18,    15,
};

static inline u32 nice_weight(int nice)
{
	if (nice < MIN_NICE)
		nice = MIN_NICE;
	if (nice > MAX_NICE)
		nice = MAX_NICE;
	return sched_prio_to_weight[nice - MIN_NICE];
}

/* Virtual time for @delta_ns of CPU time used at nice @nice. */
static inline u64 calc_delta_fair(u64 delta_ns, int nice)
{
	if (delta_ns > SCHED_MAX_CHARGE_NS)
		delta_ns = SCHED_MAX_CHARGE_NS;
	return delta_ns * NICE_0_LOAD / nice_weight(nice);
}

/* Is virtual time @a before @b? */
static inline bool vruntime_before(u64 a, u64 b)
{
	return (s64)(a - b) < 0;
}

/* Where a task with virtual runtime @v, waking on a queue whose minimum is @min, starts. */
static inline u64 place_waking(u64 v, u64 min)
{
	u64 earliest = min - SCHED_WAKEUP_CREDIT_NS;

	return vruntime_before(v, earliest) ? earliest : v;
}

/* Should the tick take the CPU from a task at @curr for one waiting at @first? */
static inline bool tick_should_preempt(u64 curr, u64 first)
{
	return (s64)(curr - first) > (s64)SCHED_GRANULARITY_NS;
}

#endif /* _KERNEL_SCHED_FAIR_H */
