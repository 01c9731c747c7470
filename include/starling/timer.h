// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel timers (kernel/time/timer.c), in jiffies: timer_setup(), then mod_timer() to arm
 * or re-arm, del_timer() or del_timer_sync() to cancel. Callbacks run on CPU 0 in hardirq
 * context from the tick, with IRQs off: they must not sleep. Also the sleeping helpers
 * built on them: schedule_timeout() and its variants.
 */
#ifndef _STARLING_TIMER_H
#define _STARLING_TIMER_H

#include <starling/list.h>
#include <starling/jiffies.h>

struct timer_list {
	struct list_head	entry;		/* the pending list, sorted; under timer_lock */
	unsigned long		expires;	/* jiffies */
	void			(*function)(struct timer_list *timer);
	unsigned int		flags;
};

#define from_timer(var, timer, field)	container_of(timer, __typeof__(*var), field)

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *timer),
		 unsigned int flags);
#define timer_setup_on_stack(t, f, fl)	timer_setup(t, f, fl)
static inline void destroy_timer_on_stack(struct timer_list *timer) { }

static inline bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

void add_timer(struct timer_list *timer);	/* timer->expires set, not pending */
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);

/* CPU 0's tick: advance jiffies and run expired timers (called by scheduler_tick()). */
void timer_tick(void);

long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_idle(long timeout);

#endif /* _STARLING_TIMER_H */
