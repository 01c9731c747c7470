/* Host shim of <starling/time.h>: CLOCK_MONOTONIC in nanoseconds. */
#ifndef _STARLING_TIME_H
#define _STARLING_TIME_H
#include <time.h>
#include <starling/types.h>
#define NSEC_PER_USEC	1000ULL
#define NSEC_PER_MSEC	1000000ULL
#define NSEC_PER_SEC	1000000000ULL
#define USEC_PER_SEC	1000000ULL
static inline u64 unit_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
}
static inline u64 ktime_get_ns(void) { return unit_now_ns(); }
static inline u64 ktime_get_raw_ns(void) { return unit_now_ns(); }
static inline u64 ktime_get_boot_ns(void) { return unit_now_ns(); }
static inline u64 ktime_get_real_ns(void) { return unit_now_ns(); }
static inline u64 local_clock(void) { return unit_now_ns(); }
#endif
