// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interval timers: alarm(), setitimer() and getitimer(). ITIMER_REAL runs on a kernel timer
 * (jiffies) in the process's signal_struct and sends SIGALRM to the process when it fires,
 * re-arming itself when an interval is set.
 *
 * ITIMER_VIRTUAL and ITIMER_PROF measure the process's CPU time, as the tick accounts it:
 * every tick that finds one of the process's threads running takes TICK_NSEC off, ITIMER_PROF
 * always and ITIMER_VIRTUAL only when the thread was in user mode. When none is left the
 * process gets SIGVTALRM or SIGPROF and the timer reloads its interval, less the overshoot
 * (or disarms). As in Linux, arming adds one tick to the value, so that a timer never ends
 * before the CPU time it asked for, and getitimer() reads that tick back.
 *
 * The ITIMER_REAL callback and the tick run in hardirq context; sending a signal is IRQ-safe.
 */
#include <starling/signal.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/time.h>
#include <starling/errno.h>
#include "process/internal.h"

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

struct __kernel_old_timeval {
	long	tv_sec;
	long	tv_usec;
};

struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval;
	struct __kernel_old_timeval it_value;
};

#define TICK_NSEC	(NSEC_PER_SEC / HZ)
#define KTIME_MAX	((u64)~0ULL >> 1)	/* Linux's ktime_t is signed */
#define KTIME_SEC_MAX	(KTIME_MAX / NSEC_PER_SEC)

void it_real_fn(struct timer_list *t);

/* A timeval in nanoseconds, saturating as Linux's ktime_set() does. */
static u64 tv_to_ns(const struct __kernel_old_timeval *tv)
{
	if ((u64)tv->tv_sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

static void ns_to_tv(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC;
}

static unsigned long tv_to_jiffies(const struct __kernel_old_timeval *tv)
{
	u64 us = (u64)tv->tv_sec * USEC_PER_SEC + tv->tv_usec;

	if (!us)
		return 0;
	if (us / USEC_PER_SEC > 100000000ULL)
		us = 100000000ULL * USEC_PER_SEC;
	return DIV_ROUND_UP(us * HZ, USEC_PER_SEC);
}

static void jiffies_to_tv(unsigned long j, struct __kernel_old_timeval *tv)
{
	u64 us = (u64)j * USEC_PER_SEC / HZ;

	tv->tv_sec = us / USEC_PER_SEC;
	tv->tv_usec = us % USEC_PER_SEC;
}

/* ITIMER_REAL expired: SIGALRM to the process, and re-arm for an interval timer. */
void it_real_fn(struct timer_list *t)
{
	struct signal_struct *sig = from_timer(sig, t, real_timer);
	struct task_struct *p = READ_ONCE(sig->it_real_task);

	if (sig->it_real_incr) {
		sig->it_real_expires = jiffies + sig->it_real_incr;
		mod_timer(&sig->real_timer, sig->it_real_expires);
	} else {
		sig->it_real_expires = 0;
	}
	if (p)
		do_send_sig_info(SIGALRM, SEND_SIG_PRIV, p, true);
}

/* Remaining time and interval of ITIMER_REAL; timer_lock-free read of a benign race. */
static void get_real(struct signal_struct *sig, struct __kernel_old_itimerval *v)
{
	unsigned long exp = READ_ONCE(sig->it_real_expires);
	long left = 0;

	memset(v, 0, sizeof(*v));
	if (exp && timer_pending(&sig->real_timer)) {
		left = (long)(exp - jiffies);
		if (left <= 0)
			left = 1;
	}
	jiffies_to_tv(left, &v->it_value);
	jiffies_to_tv(sig->it_real_incr, &v->it_interval);
}

/* {ns left, interval} of ITIMER_VIRTUAL or ITIMER_PROF; caller holds sig->it_lock. */
static u64 *cpu_itimer(struct signal_struct *sig, int which)
{
	lockdep_assert_held(&sig->it_lock);
	return which == ITIMER_VIRTUAL ? sig->it_virt : sig->it_prof;
}

/* Take one tick off a CPU-time timer. Return: true when it expired. it_lock held. */
static bool cpu_itimer_tick(u64 *it)
{
	u64 over;

	if (!it[0])
		return false;
	if (it[0] > TICK_NSEC) {
		it[0] -= TICK_NSEC;
		return false;
	}
	over = TICK_NSEC - it[0];
	if (!it[1])
		it[0] = 0;			/* one-shot: disarmed */
	else
		it[0] = it[1] > over ? it[1] - over : 1;	/* 1: expire at the next tick */
	return true;
}

/**
 * itimer_account_tick() - charge one tick of CPU time to the process of @p
 * @p: the task the tick found running (current, in hardirq context)
 * @user_tick: it was running in user mode
 *
 * Sends SIGVTALRM / SIGPROF to the process when ITIMER_VIRTUAL / ITIMER_PROF runs out.
 * Call with no scheduler lock held: the signal wakes a thread.
 */
void itimer_account_tick(struct task_struct *p, bool user_tick)
{
	struct signal_struct *sig = task_signal(p);
	bool vt = false, prof;
	unsigned long flags;

	if (!sig || (!READ_ONCE(sig->it_prof[0]) && !READ_ONCE(sig->it_virt[0])))
		return;
	spin_lock_irqsave(&sig->it_lock, flags);
	if (user_tick)
		vt = cpu_itimer_tick(cpu_itimer(sig, ITIMER_VIRTUAL));
	prof = cpu_itimer_tick(cpu_itimer(sig, ITIMER_PROF));
	spin_unlock_irqrestore(&sig->it_lock, flags);
	if (vt)
		do_send_sig_info(SIGVTALRM, SEND_SIG_PRIV, p, true);
	if (prof)
		do_send_sig_info(SIGPROF, SEND_SIG_PRIV, p, true);
}

static int do_getitimer(int which, struct __kernel_old_itimerval *v)
{
	struct signal_struct *sig = task_signal(current);
	unsigned long flags;
	u64 *it;

	if (!sig)
		return -EINVAL;
	switch (which) {
	case ITIMER_REAL:
		get_real(sig, v);
		return 0;
	case ITIMER_VIRTUAL:
	case ITIMER_PROF:
		spin_lock_irqsave(&sig->it_lock, flags);
		it = cpu_itimer(sig, which);
		ns_to_tv(it[0], &v->it_value);
		ns_to_tv(it[1], &v->it_interval);
		spin_unlock_irqrestore(&sig->it_lock, flags);
		return 0;
	default:
		return -EINVAL;
	}
}

static bool tv_valid(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < (long)USEC_PER_SEC;
}

/**
 * do_setitimer() - arm or disarm an interval timer of current's process
 * @which: ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF
 * @v: the new value and interval (value 0 disarms)
 * @old: receives the previous setting, or NULL
 *
 * Return: 0 or -EINVAL.
 */
static int do_setitimer(int which, const struct __kernel_old_itimerval *v,
			struct __kernel_old_itimerval *old)
{
	struct signal_struct *sig = task_signal(current);
	unsigned long value, flags;
	u64 *it, ns;

	if (!sig)
		return -EINVAL;
	if (!tv_valid(&v->it_value) || !tv_valid(&v->it_interval))
		return -EINVAL;
	switch (which) {
	case ITIMER_VIRTUAL:
	case ITIMER_PROF:
		ns = tv_to_ns(&v->it_value);
		if (ns)
			ns = min_t(u64, ns + TICK_NSEC, KTIME_MAX);
		/* Read the old setting and write the new one in one step: the tick runs on. */
		spin_lock_irqsave(&sig->it_lock, flags);
		it = cpu_itimer(sig, which);
		if (old) {
			ns_to_tv(it[0], &old->it_value);
			ns_to_tv(it[1], &old->it_interval);
		}
		it[0] = ns;
		it[1] = tv_to_ns(&v->it_interval);
		spin_unlock_irqrestore(&sig->it_lock, flags);
		return 0;
	case ITIMER_REAL:
		value = tv_to_jiffies(&v->it_value);
		if (old)
			get_real(sig, old);
		del_timer_sync(&sig->real_timer);
		sig->it_real_task = task_proc(current)->group_leader;
		sig->it_real_incr = tv_to_jiffies(&v->it_interval);
		if (value) {
			sig->it_real_expires = jiffies + value;
			mod_timer(&sig->real_timer, sig->it_real_expires);
		} else {
			sig->it_real_expires = 0;
		}
		return 0;
	default:
		return -EINVAL;
	}
}

/**
 * exit_itimers() - stop ITIMER_REAL of a process whose last thread is exiting
 * @sig: the process
 */
void exit_itimers(struct signal_struct *sig)
{
	del_timer_sync(&sig->real_timer);
	sig->it_real_expires = 0;
	sig->it_real_task = NULL;
}

SYSCALL_DEFINE2(getitimer, int, which, struct __kernel_old_itimerval __user *, value)
{
	struct __kernel_old_itimerval v;
	int err = do_getitimer(which, &v);

	if (!err && copy_to_user(value, &v, sizeof(v)))
		return -EFAULT;
	return err;
}

SYSCALL_DEFINE3(setitimer, int, which, struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct __kernel_old_itimerval v, o;
	int err;

	if (value) {
		if (copy_from_user(&v, value, sizeof(v)))
			return -EFAULT;
	} else {
		memset(&v, 0, sizeof(v));
	}
	err = do_setitimer(which, &v, ovalue ? &o : NULL);
	if (!err && ovalue && copy_to_user(ovalue, &o, sizeof(o)))
		return -EFAULT;
	return err;
}

SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct __kernel_old_itimerval v, o;
	unsigned int left;

	memset(&v, 0, sizeof(v));
	v.it_value.tv_sec = seconds;
	if (do_setitimer(ITIMER_REAL, &v, &o))
		return 0;
	left = o.it_value.tv_sec;
	if ((!left && o.it_value.tv_usec) || o.it_value.tv_usec >= 500000)
		left++;
	return left;
}
