// SPDX-License-Identifier: GPL-2.0-only
/*
 * poll(2), ppoll(2), select(2), pselect6(2).
 *
 * The first pass over the descriptors queues a poll_table_entry on every wait queue a file's
 * ->poll() names (through __pollwait); later passes only ask. A wakeup on any of those queues
 * marks the table triggered and wakes the task, which then asks every file again. Waiting
 * ends on a ready descriptor, the timeout, or a signal (-ERESTARTNOHAND: restarted unless a
 * handler runs, then -EINTR).
 */
#include <starling/poll.h>
#include <starling/sched.h>
#include <starling/signal.h>
#include <starling/slab.h>
#include <starling/file.h>
#include <starling/jiffies.h>
#include <starling/timer.h>
#include <starling/time.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/string.h>
#include <starling/resource.h>
#include <uapi/linux/time_types.h>

#define POLL_ENTRIES_PER_CHUNK	64
#define POLL_STACK_FDS		32
#define POLLIN_SET	(EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR)
#define POLLOUT_SET	(EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET	(EPOLLPRI)

struct poll_table_entry {
	struct file		*filp;
	wait_queue_entry_t	wait;
	wait_queue_head_t	*wait_address;
};

struct poll_chunk {
	struct poll_chunk	*next;
	unsigned int		used;
	struct poll_table_entry	entries[POLL_ENTRIES_PER_CHUNK];
};

struct poll_wqueues {
	poll_table		pt;
	struct task_struct	*task;
	int			triggered;	/* set by pollwake(), any CPU */
	int			error;		/* -ENOMEM while queueing */
	struct poll_chunk	*chunks;
};

static int pollwake(wait_queue_entry_t *wait, unsigned int mode, int sync, void *key)
{
	struct poll_wqueues *pwq = wait->private;

	smp_store_release(&pwq->triggered, 1);
	return wake_up_process(pwq->task);
}

static void __pollwait(struct file *filp, wait_queue_head_t *whead, poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_chunk *c = pwq->chunks;
	struct poll_table_entry *e;

	if (!c || c->used == POLL_ENTRIES_PER_CHUNK) {
		c = kzalloc(sizeof(*c), GFP_KERNEL);
		if (!c) {
			pwq->error = -ENOMEM;
			return;
		}
		c->next = pwq->chunks;
		pwq->chunks = c;
	}
	e = &c->entries[c->used++];
	e->filp = get_file(filp);
	e->wait_address = whead;
	init_wait_entry(&e->wait, 0);
	e->wait.func = pollwake;
	e->wait.private = pwq;
	add_wait_queue(whead, &e->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	pwq->pt._qproc = __pollwait;
	pwq->pt._key = ~(__poll_t)0;
	pwq->task = current;
	pwq->triggered = 0;
	pwq->error = 0;
	pwq->chunks = NULL;
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_chunk *c = pwq->chunks, *next;

	for (; c; c = next) {
		for (unsigned int i = 0; i < c->used; i++) {
			remove_wait_queue(c->entries[i].wait_address, &c->entries[i].wait);
			fput(c->entries[i].filp);
		}
		next = c->next;
		kfree(c);
	}
}

/*
 * After a pass over the files that found @*count ready: whether the wait is over (@*count
 * is then the result: the count, a queueing error or -ERESTARTNOHAND), else sleep until
 * woken through the table or @*timeout jiffies pass (left in @*timeout: at 0, one last pass
 * runs, then 0 is returned). MAX_SCHEDULE_TIMEOUT waits forever.
 */
static bool poll_pass_done(struct poll_wqueues *pwq, int *count, long *timeout)
{
	if (*count || !*timeout)
		return true;
	if (pwq->error) {
		*count = pwq->error;
		return true;
	}
	if (signal_pending(current)) {
		*count = -ERESTARTNOHAND;
		return true;
	}
	set_current_state(TASK_INTERRUPTIBLE);
	if (!smp_load_acquire(&pwq->triggered) && !signal_pending(current))
		*timeout = schedule_timeout(*timeout);
	__set_current_state(TASK_RUNNING);
	WRITE_ONCE(pwq->triggered, 0);
	return false;
}

static __poll_t poll_one(int fd, __poll_t events, poll_table *pt)
{
	struct file *f;
	__poll_t mask;

	if (fd < 0)
		return 0;
	f = fget((unsigned int)fd);
	if (!f)
		return EPOLLNVAL;
	if (pt)
		pt->_key = events | EPOLLERR | EPOLLHUP;
	mask = vfs_poll(f, pt);
	fput(f);
	return mask & (events | EPOLLERR | EPOLLHUP);
}

/*
 * @timeout: jiffies, MAX_SCHEDULE_TIMEOUT for none; what is left of it on return.
 * Return: the count or -errno.
 */
static int do_poll(struct pollfd *fds, unsigned int nfds, long *timeout)
{
	struct poll_wqueues table;
	poll_table *pt = &table.pt;
	int count;

	poll_initwait(&table);
	if (!*timeout)
		pt->_qproc = NULL;
	for (;;) {
		count = 0;
		for (unsigned int i = 0; i < nfds; i++) {
			fds[i].revents = (short)poll_one(fds[i].fd, (u16)fds[i].events, pt);
			if (fds[i].revents) {
				count++;
				pt->_qproc = NULL;
			}
		}
		pt->_qproc = NULL;
		if (poll_pass_done(&table, &count, timeout))
			break;
	}
	poll_freewait(&table);
	return count;
}

static int poll_user(struct pollfd __user *ufds, unsigned int nfds, long *timeout)
{
	struct pollfd stack_fds[POLL_STACK_FDS], *fds = stack_fds;
	int ret;

	if (nfds > (unsigned int)rlimit(RLIMIT_NOFILE) && nfds > 1024)
		return -EINVAL;
	if (nfds > POLL_STACK_FDS) {
		fds = kcalloc(nfds, sizeof(*fds), GFP_KERNEL);
		if (!fds)
			return -ENOMEM;
	}
	ret = -EFAULT;
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds)))
		goto out_free;
	ret = do_poll(fds, nfds, timeout);
	if (ret >= 0) {
		for (unsigned int i = 0; i < nfds; i++)
			if (put_user(fds[i].revents, &ufds[i].revents))
				ret = -EFAULT;
	}
out_free:
	if (fds != stack_fds)
		kfree(fds);
	return ret;
}

static long timespec_to_timeout(const struct __kernel_timespec *ts)
{
	u64 ns;

	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	if ((u64)ts->tv_sec > 86400ULL * 365 * 100)
		return MAX_SCHEDULE_TIMEOUT;
	ns = (u64)ts->tv_sec * NSEC_PER_SEC + (u64)ts->tv_nsec;
	return ns ? (long)max_t(unsigned long, nsecs_to_jiffies(ns), 1) : 0;
}

static u64 timeout_left_ns(long timeout)
{
	return timeout == MAX_SCHEDULE_TIMEOUT ? 0 : (u64)jiffies_to_msecs(timeout) * NSEC_PER_MSEC;
}

/*
 * select, pselect6 and ppoll write the time left back into the caller's timeout (a timeval
 * for select when @timeval), unless there was none or it was zero (@asked). As Linux, a
 * timeout the caller cannot have written back is not an error, but makes an interrupted
 * call unrestartable (the same timeout would start over). Return: @ret, or -EINTR.
 */
static int put_time_left(void __user *utp, bool timeval, long asked, long timeout, int ret)
{
	u64 left = timeout_left_ns(timeout);
	int bad;

	if (!utp || !asked || asked == MAX_SCHEDULE_TIMEOUT)
		return ret;
	if (timeval) {
		struct __kernel_old_timeval tv = {
			.tv_sec = (long)(left / NSEC_PER_SEC),
			.tv_usec = (long)(left % NSEC_PER_SEC / 1000),
		};

		bad = copy_to_user(utp, &tv, sizeof(tv)) != 0;
	} else {
		struct __kernel_timespec ts = {
			.tv_sec = (s64)(left / NSEC_PER_SEC),
			.tv_nsec = (long long)(left % NSEC_PER_SEC),
		};

		bad = copy_to_user(utp, &ts, sizeof(ts)) != 0;
	}
	return bad && ret == -ERESTARTNOHAND ? -EINTR : ret;
}

/* Swap in a temporary signal mask for ppoll/pselect; the old one comes back afterwards. */
static int set_user_sigmask(const sigset_t __user *umask, size_t size, bool *saved)
{
	struct task_proc *tp = task_proc(current);
	sigset_t mask;

	*saved = false;
	if (!umask)
		return 0;
	if (size != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	if (!tp)
		return -EINVAL;
	tp->saved_sigmask = tp->blocked;
	set_current_blocked(&mask);
	*saved = true;
	return 0;
}

/* Interrupted: keep the temporary mask until the handler is set up (Linux's rule). */
static void restore_user_sigmask(bool saved, int ret)
{
	struct task_proc *tp = task_proc(current);

	if (!saved)
		return;
	if (ret == -ERESTARTNOHAND || ret == -EINTR) {
		tp->restore_sigmask = true;
		return;
	}
	set_current_blocked(&tp->saved_sigmask);
}

SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout_msecs)
{
	long timeout = timeout_msecs < 0 ? MAX_SCHEDULE_TIMEOUT :
		       timeout_msecs ? (long)max_t(unsigned long,
						    msecs_to_jiffies(timeout_msecs), 1) : 0;

	return poll_user(ufds, nfds, &timeout);
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		struct __kernel_timespec __user *, tsp, const sigset_t __user *, sigmask,
		size_t, sigsetsize)
{
	long timeout = MAX_SCHEDULE_TIMEOUT, asked;
	struct __kernel_timespec ts;
	bool saved;
	int ret;

	if (tsp) {
		if (copy_from_user(&ts, tsp, sizeof(ts)))
			return -EFAULT;
		timeout = timespec_to_timeout(&ts);
		if (timeout < 0)
			return timeout;
	}
	asked = timeout;
	ret = set_user_sigmask(sigmask, sigsetsize, &saved);
	if (ret)
		return ret;
	ret = poll_user(ufds, nfds, &timeout);
	restore_user_sigmask(saved, ret);
	return put_time_left(tsp, false, asked, timeout, ret);
}

/* ---- select ----------------------------------------------------------------------------- */

#define BITS_PER_LONG	64

static int get_fd_set(unsigned long *dst, const unsigned long __user *src, unsigned int n)
{
	size_t bytes = DIV_ROUND_UP(n, BITS_PER_LONG) * sizeof(long);

	if (!src) {
		memset(dst, 0, bytes);
		return 0;
	}
	return copy_from_user(dst, src, bytes) ? -EFAULT : 0;
}

static int set_fd_set(unsigned long __user *dst, const unsigned long *src, unsigned int n)
{
	if (!dst)
		return 0;
	return copy_to_user(dst, src, DIV_ROUND_UP(n, BITS_PER_LONG) * sizeof(long)) ? -EFAULT : 0;
}

static inline bool fd_bit(const unsigned long *set, unsigned int fd)
{
	return (set[fd / BITS_PER_LONG] >> (fd % BITS_PER_LONG)) & 1;
}

/* in/out/ex: caller's sets; res_*: results. @n descriptors. */
static int do_select(unsigned int n, const unsigned long *in, const unsigned long *out,
		     const unsigned long *ex, unsigned long *res_in, unsigned long *res_out,
		     unsigned long *res_ex, long *timeout)
{
	size_t words = DIV_ROUND_UP(n, BITS_PER_LONG);
	struct poll_wqueues table;
	poll_table *pt = &table.pt;
	int count;

	for (unsigned int fd = 0; fd < n; fd++) {
		struct file *f;

		if (!fd_bit(in, fd) && !fd_bit(out, fd) && !fd_bit(ex, fd))
			continue;
		f = fget(fd);
		if (!f)
			return -EBADF;
		fput(f);
	}
	poll_initwait(&table);
	if (!*timeout)
		pt->_qproc = NULL;
	for (;;) {
		count = 0;
		memset(res_in, 0, words * sizeof(long));
		memset(res_out, 0, words * sizeof(long));
		memset(res_ex, 0, words * sizeof(long));
		for (unsigned int fd = 0; fd < n; fd++) {
			__poll_t want = (fd_bit(in, fd) ? POLLIN_SET : 0) |
					(fd_bit(out, fd) ? POLLOUT_SET : 0) |
					(fd_bit(ex, fd) ? POLLEX_SET : 0);
			__poll_t mask;
			unsigned long bit = 1UL << (fd % BITS_PER_LONG);

			if (!want)
				continue;
			mask = poll_one((int)fd, want, pt);
			if ((mask & POLLIN_SET) && fd_bit(in, fd)) {
				res_in[fd / BITS_PER_LONG] |= bit;
				count++;
				pt->_qproc = NULL;
			}
			if ((mask & POLLOUT_SET) && fd_bit(out, fd)) {
				res_out[fd / BITS_PER_LONG] |= bit;
				count++;
				pt->_qproc = NULL;
			}
			if ((mask & POLLEX_SET) && fd_bit(ex, fd)) {
				res_ex[fd / BITS_PER_LONG] |= bit;
				count++;
				pt->_qproc = NULL;
			}
		}
		pt->_qproc = NULL;
		if (poll_pass_done(&table, &count, timeout))
			break;
	}
	poll_freewait(&table);
	return count;
}

static int core_sys_select(int n, unsigned long __user *inp, unsigned long __user *outp,
			   unsigned long __user *exp, long *timeout)
{
	unsigned long *bits;
	size_t words;
	int ret;

	if (n < 0)
		return -EINVAL;
	if (n > __FD_SETSIZE * 8)
		n = __FD_SETSIZE * 8;
	words = DIV_ROUND_UP((unsigned int)n, BITS_PER_LONG) ?: 1;
	bits = kcalloc(6 * words, sizeof(long), GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	ret = get_fd_set(bits, inp, n);
	if (!ret)
		ret = get_fd_set(bits + words, outp, n);
	if (!ret)
		ret = get_fd_set(bits + 2 * words, exp, n);
	if (ret)
		goto out_free;
	ret = do_select(n, bits, bits + words, bits + 2 * words, bits + 3 * words,
			bits + 4 * words, bits + 5 * words, timeout);
	if (ret < 0)
		goto out_free;
	if (set_fd_set(inp, bits + 3 * words, n) || set_fd_set(outp, bits + 4 * words, n) ||
	    set_fd_set(exp, bits + 5 * words, n))
		ret = -EFAULT;
out_free:
	kfree(bits);
	return ret;
}

SYSCALL_DEFINE5(select, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_old_timeval __user *, tvp)
{
	long timeout = MAX_SCHEDULE_TIMEOUT, asked;
	struct __kernel_old_timeval tv;
	int ret;

	if (tvp) {
		struct __kernel_timespec ts;

		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		ts.tv_sec = tv.tv_sec + tv.tv_usec / 1000000;
		ts.tv_nsec = (tv.tv_usec % 1000000) * 1000;
		timeout = timespec_to_timeout(&ts);
	}
	asked = timeout;
	ret = core_sys_select(n, inp, outp, exp, &timeout);
	return put_time_left(tvp, true, asked, timeout, ret);
}

struct sigset_argpack {
	const sigset_t __user	*p;
	size_t			size;
};

SYSCALL_DEFINE6(pselect6, int, n, unsigned long __user *, inp, unsigned long __user *, outp,
		unsigned long __user *, exp, struct __kernel_timespec __user *, tsp,
		void __user *, sig)
{
	long timeout = MAX_SCHEDULE_TIMEOUT, asked;
	struct sigset_argpack pack = { NULL, 0 };
	struct __kernel_timespec ts;
	bool saved;
	int ret;

	if (tsp) {
		if (copy_from_user(&ts, tsp, sizeof(ts)))
			return -EFAULT;
		timeout = timespec_to_timeout(&ts);
		if (timeout < 0)
			return timeout;
	}
	if (sig && copy_from_user(&pack, sig, sizeof(pack)))
		return -EFAULT;
	ret = set_user_sigmask(pack.p, pack.size, &saved);
	if (ret)
		return ret;
	asked = timeout;
	ret = core_sys_select(n, inp, outp, exp, &timeout);
	restore_user_sigmask(saved, ret);
	return put_time_left(tsp, false, asked, timeout, ret);
}
