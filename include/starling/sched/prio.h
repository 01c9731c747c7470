// SPDX-License-Identifier: GPL-2.0-only
/*
 * Task priorities on Linux's scale. Normal tasks have a nice value from -20 (most CPU) to 19
 * (least); their priority is 120 + nice, the number sched_switch and sched_wakeup print as
 * prio. /proc/PID/stat shows priority - 100 (= 20 + nice for normal tasks), and
 * getpriority(2) returns 20 - nice (1..40), so that the system call's result is never
 * negative and cannot be confused with an error. Priorities below 100 belong to real-time
 * policies, which Starling does not have.
 */
#ifndef _STARLING_SCHED_PRIO_H
#define _STARLING_SCHED_PRIO_H

#define MIN_NICE		(-20)
#define MAX_NICE		19
#define NICE_WIDTH		(MAX_NICE - MIN_NICE + 1)

#define MAX_RT_PRIO		100
#define MAX_PRIO		(MAX_RT_PRIO + NICE_WIDTH)
#define DEFAULT_PRIO		(MAX_RT_PRIO + NICE_WIDTH / 2)	/* 120: nice 0 */

#define NICE_TO_PRIO(nice)	((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio)	((prio) - DEFAULT_PRIO)

/* getpriority(2)'s encoding and RLIMIT_NICE's scale: 20 - nice, 1..40. */
static inline long nice_to_rlimit(long nice)
{
	return MAX_NICE - nice + 1;
}

#endif /* _STARLING_SCHED_PRIO_H */
