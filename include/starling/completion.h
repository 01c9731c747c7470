// SPDX-License-Identifier: GPL-2.0-only
/*
 * Completions (kernel/sched/wait.c): a counted "it happened" event. complete() lets one
 * waiter through, complete_all() every current and future waiter until reinit_completion().
 */
#ifndef _STARLING_COMPLETION_H
#define _STARLING_COMPLETION_H

#include <starling/wait.h>

struct completion {
	unsigned int		done;	/* under wait.lock; UINT_MAX after complete_all() */
	struct wait_queue_head	wait;
};

#define COMPLETION_INITIALIZER(work) \
	{ .done = 0, .wait = __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work)	struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work)	DECLARE_COMPLETION(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_interruptible(struct completion *x);	/* 0 or -ERESTARTSYS */
int wait_for_completion_killable(struct completion *x);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

#endif /* _STARLING_COMPLETION_H */
