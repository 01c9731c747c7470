// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sleeping locks (kernel/locking/mutex.c). A mutex has one owner task; only the owner may
 * unlock it (else panic), taking it twice deadlocks (reported as a panic too), and
 * mutex_lock() may sleep, so it panics in atomic context (might_sleep()). Waiters are served
 * in FIFO order. Not for interrupt context.
 */
#ifndef _STARLING_MUTEX_H
#define _STARLING_MUTEX_H

#include <starling/list.h>
#include <starling/spinlock.h>
#include <starling/atomic.h>

struct task_struct;

struct mutex {
	struct task_struct	*owner;		/* changed by cmpxchg; NULL when free */
	spinlock_t		wait_lock;	/* guards wait_list */
	struct list_head	wait_list;	/* struct mutex_waiter, FIFO */
	const char		*name;
};

#define __MUTEX_INITIALIZER(lockname) {					\
	.owner = NULL,							\
	.wait_lock = __SPIN_LOCK_UNLOCKED(lockname.wait_lock),		\
	.wait_list = LIST_HEAD_INIT(lockname.wait_list),		\
	.name = #lockname }
#define DEFINE_MUTEX(mutexname)	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name);
#define mutex_init(m)		__mutex_init((m), #m)

void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);	/* 0, or -EINTR on a signal */
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);			/* 1 if taken */
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
bool mutex_held_by_me(const struct mutex *lock);
void __mutex_assert_failed(const struct mutex *lock, const char *file, int line);

/* Owner check, on in every build: the mutex twin of lockdep_assert_held(). */
#define mutex_assert_held(m) do {					\
	if (unlikely(!mutex_held_by_me(m)))				\
		__mutex_assert_failed((m), __FILE__, __LINE__);		\
} while (0)

#endif /* _STARLING_MUTEX_H */
