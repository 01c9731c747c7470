// SPDX-License-Identifier: GPL-2.0-only
/*
 * Clock and sleep system calls: clock_gettime, clock_getres, gettimeofday, time,
 * nanosleep, clock_nanosleep, times, getrusage. Clocks come from <starling/time.h>; sleeps
 * wait on the timer wheel in ticks and are interruptible: a pending signal ends them with
 * -EINTR and, for relative sleeps, the time left.
 */
#include <starling/errno.h>
#include <starling/jiffies.h>
#include <starling/kernel.h>
#include <starling/mm_user.h>
#include <starling/sched.h>
#include <starling/signal.h>
#include <starling/string.h>
#include <starling/syscalls.h>
#include <starling/time.h>
#include <starling/timer.h>
#include <starling/uaccess.h>

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define TIMER_ABSTIME			0x01
#define USER_HZ				100
#define TICK_NSEC			(NSEC_PER_SEC / HZ)
#define RUSAGE_SELF			0
#define RUSAGE_CHILDREN			(-1)
#define RUSAGE_THREAD			1
#define S64_MAX_SEC			((s64)(0x7fffffffffffffffLL / (s64)NSEC_PER_SEC))

struct __kernel_timespec { long tv_sec; long tv_nsec; };
struct __kernel_old_timeval { long tv_sec; long tv_usec; };
struct timezone { int tz_minuteswest; int tz_dsttime; };
struct tms { long tms_utime, tms_stime, tms_cutime, tms_cstime; };
struct rusage {
	struct __kernel_old_timeval ru_utime, ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

static u64 task_cputime_ns(struct task_struct *p)
{
	return jiffies_to_nsecs(p->utime + p->stime);
}

/* Now on @which, in ns; -EINVAL for clocks Linux has but this kernel does not. */
static s64 clock_now(int which)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		return ktime_get_real_ns();
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_COARSE:
		return ktime_get_ns();
	case CLOCK_MONOTONIC_RAW:
		return ktime_get_raw_ns();
	case CLOCK_BOOTTIME:
		return ktime_get_boot_ns();
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		return task_cputime_ns(current);
	default:
		return -EINVAL;
	}
}

static int put_timespec(s64 ns, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec ts = { .tv_sec = ns / NSEC_PER_SEC, .tv_nsec = ns % NSEC_PER_SEC };

	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

static int get_timespec(s64 *ns, const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	*ns = ts.tv_sec > (long)(S64_MAX_SEC) ? (s64)(S64_MAX_SEC * NSEC_PER_SEC) :
	      ts.tv_sec * (s64)NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

SYSCALL_DEFINE2(clock_gettime, int, which, struct __kernel_timespec __user *, tp)
{
	s64 now = clock_now(which);

	if (now < 0)
		return now;
	return put_timespec(now, tp);
}

SYSCALL_DEFINE2(clock_getres, int, which, struct __kernel_timespec __user *, tp)
{
	s64 res = which == CLOCK_REALTIME_COARSE || which == CLOCK_MONOTONIC_COARSE ?
		  TICK_NSEC : 1;

	if (clock_now(which) < 0)
		return -EINVAL;
	return tp ? put_timespec(res, tp) : 0;
}

SYSCALL_DEFINE2(clock_settime, int, which, const struct __kernel_timespec __user *, tp)
{
	return which == CLOCK_REALTIME ? -EPERM : -EINVAL;
}

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	if (tv) {
		u64 now = ktime_get_real_ns();
		struct __kernel_old_timeval t = {
			.tv_sec = now / NSEC_PER_SEC,
			.tv_usec = (now % NSEC_PER_SEC) / NSEC_PER_USEC,
		};

		if (copy_to_user(tv, &t, sizeof(t)))
			return -EFAULT;
	}
	if (tz) {
		struct timezone z = { 0, 0 };

		if (copy_to_user(tz, &z, sizeof(z)))
			return -EFAULT;
	}
	return 0;
}

SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long now = ktime_get_real_ns() / NSEC_PER_SEC;

	if (tloc && put_user(now, tloc))
		return -EFAULT;
	return now;
}

/*
 * Sleep until @which reads @deadline. Return: 0, or -EINTR with the time left in *@left
 * when a signal is pending.
 */
static int sleep_until(int which, s64 deadline, s64 *left)
{
	for (;;) {
		s64 now = clock_now(which);

		if (now >= deadline)
			return 0;
		if (signal_pending(current)) {
			*left = deadline - now;
			return -EINTR;
		}
		schedule_timeout_interruptible(nsecs_to_jiffies(deadline - now));
	}
}

static long do_clock_nanosleep(int which, int flags, const struct __kernel_timespec __user *rqtp,
			       struct __kernel_timespec __user *rmtp)
{
	s64 req, now, left = 0;
	int ret;

	if (which == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	now = clock_now(which);
	if (now < 0)
		return -EINVAL;
	if (which == CLOCK_PROCESS_CPUTIME_ID)
		return -EINVAL;		/* Linux sleeps on CPU time; not supported */
	ret = get_timespec(&req, rqtp);
	if (ret)
		return ret;
	ret = sleep_until(which, (flags & TIMER_ABSTIME) ? req : now + req, &left);
	if (ret == -EINTR && !(flags & TIMER_ABSTIME) && rmtp && put_timespec(left, rmtp))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return do_clock_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	return do_clock_nanosleep(which, flags, rqtp, rmtp);
}

static long ticks_to_clock_t(unsigned long ticks)
{
	return (long)((u64)ticks * USER_HZ / HZ);
}

/* Reaped children's times (wait4 adds them up in signal_struct), read under siglock. */
static void children_times(unsigned long *utime, unsigned long *stime, unsigned long *nvcsw,
			   unsigned long *nivcsw)
{
	struct signal_struct *sig = task_signal(current);
	struct sighand_struct *sh = task_sighand(current);
	unsigned long flags;

	*utime = *stime = *nvcsw = *nivcsw = 0;
	if (!sig || !sh)
		return;
	spin_lock_irqsave(&sh->siglock, flags);
	*utime = sig->cutime;
	*stime = sig->cstime;
	*nvcsw = sig->cnvcsw;
	*nivcsw = sig->cnivcsw;
	spin_unlock_irqrestore(&sh->siglock, flags);
}

SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	if (tbuf) {
		unsigned long cut, cst, nv, niv;
		struct tms t;

		children_times(&cut, &cst, &nv, &niv);
		t = (struct tms) {
			.tms_utime = ticks_to_clock_t(current->utime),
			.tms_stime = ticks_to_clock_t(current->stime),
			.tms_cutime = ticks_to_clock_t(cut),
			.tms_cstime = ticks_to_clock_t(cst),
		};

		if (copy_to_user(tbuf, &t, sizeof(t)))
			return -EFAULT;
	}
	return ticks_to_clock_t(jiffies);
}

static struct __kernel_old_timeval ticks_to_timeval(unsigned long ticks)
{
	u64 ns = jiffies_to_nsecs(ticks);

	return (struct __kernel_old_timeval){ .tv_sec = ns / NSEC_PER_SEC,
					      .tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC };
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	memset(&r, 0, sizeof(r));
	if (who != RUSAGE_CHILDREN) {
		r.ru_utime = ticks_to_timeval(current->utime);
		r.ru_stime = ticks_to_timeval(current->stime);
		r.ru_nvcsw = current->nvcsw;
		r.ru_nivcsw = current->nivcsw;
		if (current->mm)
			r.ru_maxrss = atomic_long_read(&current->mm->rss) * (PAGE_SIZE / 1024);
	} else {
		unsigned long cut, cst, nv, niv;

		children_times(&cut, &cst, &nv, &niv);
		r.ru_utime = ticks_to_timeval(cut);
		r.ru_stime = ticks_to_timeval(cst);
		r.ru_nvcsw = nv;
		r.ru_nivcsw = niv;
	}
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}
