// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mutexes: an owner word taken by cmpxchg (NULL -> current) on the fast path, and a FIFO of
 * sleeping waiters under wait_lock on the slow path. mutex_unlock() clears the owner and
 * wakes the first waiter, which retries; a newcomer may take the lock first (no handoff),
 * which is fine for a kernel this size.
 *
 * Checks, on in every build: mutex_lock() calls might_sleep(); locking a mutex current
 * already owns, and unlocking one it does not own, panic with the mutex's name.
 */
#include <starling/mutex.h>
#include <starling/sched.h>
#include <starling/errno.h>
#include <starling/printk.h>

struct mutex_waiter {
	struct list_head	list;		/* lock->wait_list; under wait_lock */
	struct task_struct	*task;
};

void __mutex_init(struct mutex *lock, const char *name)
{
	lock->owner = NULL;
	__spin_lock_init(&lock->wait_lock, name);
	INIT_LIST_HEAD(&lock->wait_list);
	lock->name = name;
}

static bool mutex_trylock_fast(struct mutex *lock)
{
	struct task_struct *none = NULL;

	return __atomic_compare_exchange_n(&lock->owner, &none, current, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

/* Sleep in @state until the mutex is ours. Return: 0, or -EINTR on a signal. */
static int __mutex_lock_slowpath(struct mutex *lock, unsigned int state, void *ip)
{
	struct mutex_waiter waiter = { .task = current };
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&lock->wait_lock, flags);
	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		set_current_state(state);
		if (mutex_trylock_fast(lock))
			break;
		if (signal_pending_state(state, current)) {
			ret = -EINTR;
			break;
		}
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		schedule();
		spin_lock_irqsave(&lock->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
	list_del(&waiter.list);
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	return ret;
}

static int __mutex_lock(struct mutex *lock, unsigned int state, void *ip)
{
	might_sleep();
	if (likely(mutex_trylock_fast(lock)))
		return 0;
	if (READ_ONCE(lock->owner) == current)
		panic("mutex %s: recursive lock at %pS by %s/%d", lock->name, ip,
		      current->comm, current->pid);
	return __mutex_lock_slowpath(lock, state, ip);
}

/**
 * mutex_lock() - take @lock, sleeping until it is free
 * @lock: the mutex
 */
void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, __builtin_return_address(0));
}

/**
 * mutex_lock_interruptible() - take @lock, unless a signal arrives while waiting
 * @lock: the mutex
 *
 * Return: 0 with the lock held, or -EINTR.
 */
int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE, __builtin_return_address(0));
}

int mutex_lock_killable(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_KILLABLE, __builtin_return_address(0));
}

/**
 * mutex_trylock() - take @lock if it is free, without sleeping
 * @lock: the mutex
 *
 * Return: 1 if taken, 0 if not.
 */
int mutex_trylock(struct mutex *lock)
{
	return mutex_trylock_fast(lock);
}

/**
 * mutex_unlock() - release @lock, which current must own
 * @lock: the mutex
 */
void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *waiter;
	unsigned long flags;

	if (unlikely(READ_ONCE(lock->owner) != current))
		panic("mutex %s: unlock at %pS by %s/%d, owner %s/%d", lock->name,
		      __builtin_return_address(0), current->comm, current->pid,
		      lock->owner ? lock->owner->comm : "none",
		      lock->owner ? lock->owner->pid : -1);
	__atomic_store_n(&lock->owner, NULL, __ATOMIC_RELEASE);
	smp_mb();
	if (list_empty(&lock->wait_list))
		return;
	spin_lock_irqsave(&lock->wait_lock, flags);
	waiter = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter, list);
	if (waiter)
		wake_up_process(waiter->task);
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

bool mutex_held_by_me(const struct mutex *lock)
{
	return READ_ONCE(lock->owner) == current;
}

void __mutex_assert_failed(const struct mutex *lock, const char *file, int line)
{
	panic("%s:%d: mutex %s not held by %s/%d", file, line, lock->name, current->comm,
	      current->pid);
}
