// SPDX-License-Identifier: GPL-2.0-only
/* Sleeping delays (kernel/time/timer.c), at jiffy resolution (4 ms at HZ=250), rounded up. */
#ifndef _STARLING_DELAY_H
#define _STARLING_DELAY_H

#include <starling/types.h>

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);	/* returns ms left on a signal */
void usleep_range(unsigned long min, unsigned long max);

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

#endif /* _STARLING_DELAY_H */
