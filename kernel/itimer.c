// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interval timers: alarm(), setitimer() and getitimer(). ITIMER_REAL runs on a kernel timer
 * (jiffies) in the process's signal_struct and sends SIGALRM to the process when it fires,
 * re-arming itself when an interval is set. ITIMER_VIRTUAL and ITIMER_PROF values are kept
 * and read back but do not fire (no per-process CPU-time timers yet).
 *
 * The timer callback runs in hardirq context on CPU 0; sending a signal is IRQ-safe.
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

void it_real_fn(struct timer_list *t);

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

static int do_getitimer(int which, struct __kernel_old_itimerval *v)
{
	struct signal_struct *sig = task_signal(current);

	if (!sig)
		return -EINVAL;
	switch (which) {
	case ITIMER_REAL:
		get_real(sig, v);
		return 0;
	case ITIMER_VIRTUAL:
	case ITIMER_PROF: {
		unsigned long *st = which == ITIMER_VIRTUAL ? sig->it_virt : sig->it_prof;

		jiffies_to_tv(st[0], &v->it_value);
		jiffies_to_tv(st[1], &v->it_interval);
		return 0;
	}
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
	unsigned long value;

	if (!sig)
		return -EINVAL;
	if (!tv_valid(&v->it_value) || !tv_valid(&v->it_interval))
		return -EINVAL;
	if (old) {
		int err = do_getitimer(which, old);

		if (err)
			return err;
	}
	value = tv_to_jiffies(&v->it_value);
	switch (which) {
	case ITIMER_REAL:
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
	case ITIMER_VIRTUAL:
		sig->it_virt[0] = value;
		sig->it_virt[1] = tv_to_jiffies(&v->it_interval);
		return 0;
	case ITIMER_PROF:
		sig->it_prof[0] = value;
		sig->it_prof[1] = tv_to_jiffies(&v->it_interval);
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
