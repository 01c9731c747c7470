// SPDX-License-Identifier: GPL-2.0-only
/*
 * Wait queues and completions. A wait queue is a spinlock-protected list of entries; each
 * entry's func decides how to wake its owner (default_wake_function() calls
 * try_to_wake_up()). Lost wakeups are avoided by the usual order: the sleeper queues itself
 * and sets its state under the queue lock before testing its condition; the waker changes
 * the condition before taking the lock to wake.
 *
 * Completions are a counter and a wait queue; waiters queue exclusively, so complete()
 * wakes exactly one of them.
 */
#include <starling/wait.h>
#include <starling/completion.h>
#include <starling/sched.h>
#include <starling/timer.h>
#include <starling/printk.h>

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name)
{
	__spin_lock_init(&wq_head->lock, name);
	INIT_LIST_HEAD(&wq_head->head);
}

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = flags;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags,
			  void *key)
{
	return try_to_wake_up(wq_entry->private, mode, flags);
}

/* Wake, and take the entry off the queue so the next wakeup goes to someone else. */
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			     int flags, void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/* Non-exclusive entries go first, exclusive ones last: wake_up() meets them in that order. */
static void queue_entry(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
		list_add_tail(&wq_entry->entry, &wq_head->head);
	else
		list_add(&wq_entry->entry, &wq_head->head);
}

/**
 * prepare_to_wait() - queue @wq_entry (if it is not queued) and set current's state
 * @wq_head: the wait queue
 * @wq_entry: current's entry
 * @state: TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE
 */
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry,
		     int state)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		queue_entry(wq_head, wq_entry);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		queue_entry(wq_head, wq_entry);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/**
 * prepare_to_wait_event() - one step of the wait_event*() loop
 * @wq_head: the wait queue
 * @wq_entry: current's entry
 * @state: the sleep state
 *
 * Return: 0 after queueing and setting the state, or -ERESTARTSYS (entry dequeued, state
 * TASK_RUNNING) when a signal is pending and @state lets signals interrupt.
 */
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;
	long ret = 0;

	spin_lock_irqsave(&wq_head->lock, flags);
	if (signal_pending_state(state, current)) {
		list_del_init(&wq_entry->entry);
		__set_current_state(TASK_RUNNING);
		ret = -ERESTARTSYS;
	} else {
		if (list_empty(&wq_entry->entry))
			queue_entry(wq_head, wq_entry);
		set_current_state(state);
	}
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return ret;
}

/**
 * finish_wait() - end a wait: TASK_RUNNING again, entry off the queue
 * @wq_head: the wait queue
 * @wq_entry: current's entry
 */
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	if (!list_empty(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}

/* Caller holds wq_head->lock. */
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive)
{
	struct wait_queue_entry *curr, *next;

	lockdep_assert_held(&wq_head->lock);
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int flags = curr->flags;
		int ret = curr->func(curr, mode, 0, NULL);

		if (ret < 0)
			break;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
}

/**
 * __wake_up() - wake the sleepers of a wait queue
 * @wq_head: the wait queue
 * @mode: which sleepers (task states, TASK_NORMAL for all)
 * @nr_exclusive: how many exclusive waiters to wake; 0 for all
 * @key: passed to the wake functions
 *
 * Every non-exclusive waiter is woken. Callable from any context.
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive,
	       void *key)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	__wake_up_locked(wq_head, mode, nr_exclusive);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/* ---- completions ----------------------------------------------------------------------- */

/**
 * complete() - signal one completion: wakes one waiter, or lets the next one through
 * @x: the completion
 */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != ~0U)
		x->done++;
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/**
 * complete_all() - wake every waiter; later waits return at once until reinit_completion()
 * @x: the completion
 */
void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = ~0U;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/* Wait in @state for up to @timeout jiffies. Return: jiffies left (>= 1), 0, or -ERESTARTSYS. */
static long do_wait_for_common(struct completion *x, long timeout, unsigned int state)
{
	struct wait_queue_entry wait;
	unsigned long flags;

	might_sleep();
	init_wait_entry(&wait, WQ_FLAG_EXCLUSIVE);
	wait.func = default_wake_function;
	spin_lock_irqsave(&x->wait.lock, flags);
	if (!x->done) {
		list_add_tail(&wait.entry, &x->wait.head);
		do {
			if (signal_pending_state(state, current)) {
				timeout = -ERESTARTSYS;
				break;
			}
			__set_current_state(state);
			spin_unlock_irqrestore(&x->wait.lock, flags);
			timeout = schedule_timeout(timeout);
			spin_lock_irqsave(&x->wait.lock, flags);
		} while (!x->done && timeout);
		list_del_init(&wait.entry);
		__set_current_state(TASK_RUNNING);
		if (!x->done) {
			spin_unlock_irqrestore(&x->wait.lock, flags);
			return timeout;
		}
	}
	if (x->done != ~0U)
		x->done--;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return timeout ? timeout : 1;
}

/**
 * wait_for_completion() - sleep uninterruptibly until complete()
 * @x: the completion
 */
void wait_for_completion(struct completion *x)
{
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}

/**
 * wait_for_completion_timeout() - sleep until complete() or @timeout jiffies
 * @x: the completion
 * @timeout: jiffies
 *
 * Return: 0 on timeout, else the jiffies left (at least 1).
 */
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return do_wait_for_common(x, timeout, TASK_UNINTERRUPTIBLE);
}

/**
 * wait_for_completion_interruptible() - sleep until complete() or a signal
 * @x: the completion
 *
 * Return: 0, or -ERESTARTSYS.
 */
int wait_for_completion_interruptible(struct completion *x)
{
	long t = do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);

	return t == -ERESTARTSYS ? t : 0;
}

int wait_for_completion_killable(struct completion *x)
{
	long t = do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE);

	return t == -ERESTARTSYS ? t : 0;
}

/* Consume one completion without sleeping. Return: true if there was one. */
bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	if (!READ_ONCE(x->done))
		return false;
	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != ~0U)
			x->done--;
		ret = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
