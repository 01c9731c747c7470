// SPDX-License-Identifier: GPL-2.0-only
/*
 * Wait queues (kernel/sched/wait.c), as in Linux. A sleeper queues an entry with
 * prepare_to_wait(), which also sets its state, tests its condition, calls schedule(), and
 * ends with finish_wait(); a waker changes the condition and calls wake_up(). The
 * wait_event*() macros wrap that loop. Exclusive waiters are queued at the tail and woken
 * one at a time by wake_up(); wake_up_all() wakes every waiter.
 */
#ifndef _STARLING_WAIT_H
#define _STARLING_WAIT_H

#include <starling/list.h>
#include <starling/spinlock.h>
#include <starling/errno.h>
#include <starling/sched.h>
#include <starling/timer.h>

struct task_struct;
struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode,
				 int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01
#define WQ_FLAG_WOKEN		0x02

struct wait_queue_entry {
	unsigned int		flags;
	void			*private;	/* the waiting task */
	wait_queue_func_t	func;
	struct list_head	entry;		/* under the head's lock */
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t		lock;		/* IRQs off: wakeups come from interrupts */
	struct list_head	head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name);
#define init_waitqueue_head(wq)	__init_waitqueue_head((wq), #wq)

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			     int flags, void *key);

#define DEFINE_WAIT_FUNC(name, function)				\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.func = function,					\
		.entry = LIST_HEAD_INIT((name).entry),			\
	}
#define DEFINE_WAIT(name)	DEFINE_WAIT_FUNC(name, autoremove_wake_function)

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
		     int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive,
	       void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr);

static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/* Modes are task states: TASK_NORMAL wakes both kinds of sleeper. */
#define wake_up(x)			__wake_up(x, 0x3, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, 0x3, nr, NULL)
#define wake_up_all(x)			__wake_up(x, 0x3, 0, NULL)
#define wake_up_interruptible(x)	__wake_up(x, 0x1, 1, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, 0x1, 0, NULL)

/*
 * The common sleep loop: @state is the task state, @cmd what to do to sleep. Evaluates to 0
 * once @condition holds, or to -ERESTARTSYS when a signal interrupts an interruptible sleep.
 */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd) ({	\
	struct wait_queue_entry __wq_entry;					\
	long __ret = ret;							\
									\
	init_wait_entry(&__wq_entry, (exclusive) ? WQ_FLAG_EXCLUSIVE : 0);	\
	for (;;) {								\
		long __int = prepare_to_wait_event(&(wq_head), &__wq_entry,	\
						   (state));			\
		if (condition)							\
			break;							\
		if (__int) {							\
			__ret = __int;						\
			break;							\
		}								\
		cmd;								\
	}									\
	finish_wait(&(wq_head), &__wq_entry);					\
	__ret;									\
})

/* Sleep uninterruptibly until @condition is true. */
#define wait_event(wq_head, condition) do {				\
	might_sleep();							\
	if (condition)							\
		break;							\
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0,	\
			    schedule());				\
} while (0)

/* Sleep until @condition or a signal. Return: 0, or -ERESTARTSYS. */
#define wait_event_interruptible(wq_head, condition) ({			\
	int __r = 0;							\
	might_sleep();							\
	if (!(condition))						\
		__r = ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0,	\
				    0, schedule());			\
	__r;								\
})

/* Like wait_event_interruptible(), but only fatal signals interrupt. */
#define wait_event_killable(wq_head, condition) ({			\
	int __r = 0;							\
	might_sleep();							\
	if (!(condition))						\
		__r = ___wait_event(wq_head, condition, TASK_KILLABLE, 0, 0,	\
				    schedule());			\
	__r;								\
})

#define ___wait_cond_timeout(condition) ({				\
	bool __cond = (condition);					\
	if (__cond && !__ret)						\
		__ret = 1;						\
	__cond || !__ret;						\
})

/*
 * Sleep until @condition or @timeout jiffies pass. Return: 0 if the timeout elapsed and the
 * condition is still false, else the jiffies left (at least 1).
 */
#define wait_event_timeout(wq_head, condition, timeout) ({		\
	long __ret = (timeout);						\
	might_sleep();							\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head, ___wait_cond_timeout(condition),	\
				      TASK_UNINTERRUPTIBLE, 0, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret;								\
})

/* As wait_event_timeout(), but a signal ends the wait with -ERESTARTSYS. */
#define wait_event_interruptible_timeout(wq_head, condition, timeout) ({	\
	long __ret = (timeout);						\
	might_sleep();							\
	if (!___wait_cond_timeout(condition))				\
		__ret = ___wait_event(wq_head, ___wait_cond_timeout(condition),	\
				      TASK_INTERRUPTIBLE, 0, timeout,	\
				      __ret = schedule_timeout(__ret));	\
	__ret;								\
})

#endif /* _STARLING_WAIT_H */
