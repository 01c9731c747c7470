// SPDX-License-Identifier: GPL-2.0-only
/*
 * jiffies and kernel timers. CPU 0's tick (scheduler_tick() -> timer_tick()) advances
 * jiffies and runs every timer whose time has come, in hardirq context, in expiry order.
 * Pending timers sit on one list sorted by expiry under timer_lock, so the tick only looks
 * at the head; arming walks the list, which is fine for the few dozen timers a kernel this
 * size keeps. Sleeping with a timeout (schedule_timeout(), msleep()) is built on them.
 */
#include <starling/timer.h>
#include <starling/delay.h>
#include <starling/sched.h>
#include <starling/printk.h>
#include <asm/processor.h>

volatile unsigned long jiffies = INITIAL_JIFFIES;

static DEFINE_SPINLOCK(timer_lock);
static LIST_HEAD(timer_pending_list);		/* sorted by expires; timer_lock */
static struct timer_list *running_timer;	/* callback in progress; timer_lock */

/**
 * timer_setup() - prepare a timer; it is not pending until mod_timer()/add_timer()
 * @timer: the timer
 * @func: the callback (hardirq context, IRQs off; must not sleep)
 * @flags: unused (Linux's TIMER_*)
 */
void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *timer),
		 unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->flags = flags;
	timer->expires = 0;
}

static void __enqueue_timer(struct timer_list *timer)
{
	struct timer_list *pos;

	lockdep_assert_held(&timer_lock);
	list_for_each_entry(pos, &timer_pending_list, entry) {
		if (time_before(timer->expires, pos->expires)) {
			list_add_tail(&timer->entry, &pos->entry);
			return;
		}
	}
	list_add_tail(&timer->entry, &timer_pending_list);
}

/**
 * mod_timer() - (re)arm a timer to fire at @expires
 * @timer: the timer
 * @expires: jiffies; a time already past fires at the next tick
 *
 * Return: 1 if the timer was pending before, else 0.
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		list_del_init(&timer->entry);
	timer->expires = expires;
	__enqueue_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

/**
 * add_timer() - arm a timer that is not pending at timer->expires
 * @timer: the timer
 */
void add_timer(struct timer_list *timer)
{
	WARN_ON_ONCE(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

/**
 * del_timer() - disarm a timer; its callback may still be running on CPU 0
 * @timer: the timer
 *
 * Return: 1 if it was pending, else 0.
 */
int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer_pending(timer);
	if (was_pending)
		list_del_init(&timer->entry);
	spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

/**
 * del_timer_sync() - disarm a timer and wait for a running callback to finish
 * @timer: the timer; must not be called from its own callback
 *
 * Return: 1 if it was pending, else 0.
 */
int del_timer_sync(struct timer_list *timer)
{
	int ret;

	for (;;) {
		ret = del_timer(timer);
		if (READ_ONCE(running_timer) != timer)
			return ret;
		cpu_relax();
	}
}

/**
 * timer_tick() - CPU 0's tick: advance jiffies, run expired timers (hardirq, IRQs off)
 */
void timer_tick(void)
{
	struct timer_list *timer;

	WRITE_ONCE(jiffies, jiffies + 1);
	spin_lock(&timer_lock);
	while ((timer = list_first_entry_or_null(&timer_pending_list, struct timer_list,
						 entry))) {
		void (*fn)(struct timer_list *timer) = timer->function;

		if (time_before(jiffies, timer->expires))
			break;
		list_del_init(&timer->entry);
		WRITE_ONCE(running_timer, timer);
		spin_unlock(&timer_lock);
		fn(timer);
		spin_lock(&timer_lock);
		WRITE_ONCE(running_timer, NULL);
	}
	spin_unlock(&timer_lock);
}

/* ---- sleeping with a timeout ----------------------------------------------------------- */

struct process_timer {
	struct timer_list	timer;
	struct task_struct	*task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = from_timer(timeout, t, timer);

	wake_up_process(timeout->task);
}

/**
 * schedule_timeout() - sleep until woken or @timeout jiffies pass
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT for no limit
 *
 * The caller sets its state first (TASK_RUNNING returns at once, after a reschedule).
 *
 * Return: 0 if the time ran out, else the jiffies left.
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		printk(KERN_ERR "schedule_timeout: wrong timeout value %lx\n", timeout);
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = timeout + jiffies;
	timer.task = current;
	timer_setup_on_stack(&timer.timer, process_timeout, 0);
	mod_timer(&timer.timer, expire);
	schedule();
	del_timer_sync(&timer.timer);
	destroy_timer_on_stack(&timer.timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_killable(long timeout)
{
	__set_current_state(TASK_KILLABLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_idle(long timeout)
{
	__set_current_state(TASK_IDLE);
	return schedule_timeout(timeout);
}

/**
 * msleep() - sleep at least @msecs milliseconds (rounded up to jiffies, plus one)
 * @msecs: milliseconds
 */
void msleep(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

/**
 * msleep_interruptible() - sleep @msecs milliseconds unless a signal arrives
 * @msecs: milliseconds
 *
 * Return: the milliseconds left when a signal ended the sleep, else 0.
 */
unsigned long msleep_interruptible(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}

/**
 * usleep_range() - sleep between @min and @max microseconds (at jiffy resolution: at least
 * @min, often more)
 * @min: microseconds
 * @max: microseconds (unused)
 */
void usleep_range(unsigned long min, unsigned long max)
{
	unsigned long timeout = usecs_to_jiffies(min) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
