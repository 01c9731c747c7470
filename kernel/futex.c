// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fast user-space mutexes: FUTEX_WAIT, FUTEX_WAKE, FUTEX_WAIT_BITSET, FUTEX_WAKE_BITSET,
 * FUTEX_REQUEUE, FUTEX_CMP_REQUEUE and FUTEX_WAKE_OP (each with or without
 * FUTEX_PRIVATE_FLAG, and FUTEX_CLOCK_REALTIME for the waits), the robust-list walk at
 * thread exit, set_robust_list/get_robust_list. The PI operations return -ENOSYS.
 *
 * A waiter is keyed by (address space, user address); private and shared futexes use the
 * same key (shared memory between address spaces is not supported for futexes). Waiters
 * sit in one of FUTEX_HASH_SIZE buckets, each with its own lock. The waiter queues itself
 * before it reads the futex word, so a wake that follows the user-space change cannot be
 * missed: either it finds the waiter queued, or the waiter reads the new value and returns
 * -EAGAIN. A requeue moves a waiter to another key, and so perhaps another bucket, holding
 * both buckets' locks; the waiter finds its bucket through futex_q.hb.
 *
 * Lock order: mm->mmap_lock (CMP_REQUEUE and WAKE_OP read or change the word through its
 * kernel alias, so the page must stay put) -> bucket locks, the lower address first.
 */
#include <starling/signal.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/time64.h>
#include <starling/errno.h>
#include <starling/mutex.h>
#include <starling/mm_user.h>
#include "process/internal.h"
#include "process/futex_hash.h"

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY	0xffffffffU

#define FUTEX_WAITERS		0x80000000U
#define FUTEX_OWNER_DIED	0x40000000U
#define FUTEX_TID_MASK		0x3fffffffU
#define ROBUST_LIST_LIMIT	2048

#define FUTEX_OP_SET		0	/* FUTEX_WAKE_OP: *uaddr2 = oparg */
#define FUTEX_OP_ADD		1	/* *uaddr2 += oparg */
#define FUTEX_OP_OR		2	/* *uaddr2 |= oparg */
#define FUTEX_OP_ANDN		3	/* *uaddr2 &= ~oparg */
#define FUTEX_OP_XOR		4	/* *uaddr2 ^= oparg */
#define FUTEX_OP_OPARG_SHIFT	8	/* oparg is a shift: 1 << oparg */
#define FUTEX_OP_CMP_EQ		0
#define FUTEX_OP_CMP_NE		1
#define FUTEX_OP_CMP_LT		2
#define FUTEX_OP_CMP_LE		3
#define FUTEX_OP_CMP_GT		4
#define FUTEX_OP_CMP_GE		5

struct futex_bucket;

struct futex_q {
	struct list_head	list;		/* hb->chain; hb->lock */
	struct futex_bucket	*hb;		/* the bucket it is queued in; hb->lock */
	struct task_struct	*task;
	const void		*mm;
	unsigned long		addr;		/* hb->lock (a requeue changes it) */
	u32			bitset;
	int			woken;		/* set by the waker under hb->lock */
};

struct futex_bucket {
	spinlock_t		lock;
	struct list_head	chain;
};

static struct futex_bucket futex_queues[FUTEX_HASH_SIZE];
static bool futex_ready;
static DEFINE_SPINLOCK(futex_init_lock);

static struct futex_bucket *futex_bucket(const void *mm, unsigned long addr)
{
	if (!READ_ONCE(futex_ready)) {
		unsigned long flags;

		spin_lock_irqsave(&futex_init_lock, flags);
		if (!futex_ready) {
			for (unsigned int i = 0; i < FUTEX_HASH_SIZE; i++) {
				spin_lock_init(&futex_queues[i].lock);
				INIT_LIST_HEAD(&futex_queues[i].chain);
			}
			smp_store_release(&futex_ready, true);
		}
		spin_unlock_irqrestore(&futex_init_lock, flags);
	}
	return &futex_queues[futex_hash((unsigned long)mm, addr)];
}

/* Read the futex word: user memory for processes, kernel memory for kernel threads. */
static int futex_read(u32 *val, u32 __user *uaddr)
{
	if (!current->mm) {
		*val = READ_ONCE(*(u32 *)uaddr);
		return 0;
	}
	return get_user(*val, uaddr);
}

/* Take @q off its bucket, wherever a requeue has moved it. */
static void futex_unqueue(struct futex_q *q)
{
	struct futex_bucket *hb;
	unsigned long flags;

	for (;;) {
		hb = READ_ONCE(q->hb);
		spin_lock_irqsave(&hb->lock, flags);
		if (hb == q->hb)
			break;
		spin_unlock_irqrestore(&hb->lock, flags);	/* moved meanwhile: follow it */
	}
	if (!list_empty(&q->list))
		list_del_init(&q->list);
	spin_unlock_irqrestore(&hb->lock, flags);
}

/* Lock two buckets (perhaps the same one) in address order, IRQs off. */
static void double_lock_hb(struct futex_bucket *hb1, struct futex_bucket *hb2,
			   unsigned long *flags)
{
	if (hb1 > hb2) {
		struct futex_bucket *t = hb1;

		hb1 = hb2;
		hb2 = t;
	}
	spin_lock_irqsave(&hb1->lock, *flags);
	if (hb2 != hb1)
		spin_lock(&hb2->lock);
}

static void double_unlock_hb(struct futex_bucket *hb1, struct futex_bucket *hb2,
			     unsigned long flags)
{
	if (hb1 > hb2) {
		struct futex_bucket *t = hb1;

		hb1 = hb2;
		hb2 = t;
	}
	if (hb2 != hb1)
		spin_unlock(&hb2->lock);
	spin_unlock_irqrestore(&hb1->lock, flags);
}

/* Dequeue @q and wake its task; the caller holds q->hb->lock. */
static void futex_wake_q(struct futex_q *q)
{
	list_del_init(&q->list);
	WRITE_ONCE(q->woken, 1);
	wake_up_process(q->task);
}

/*
 * Wake up to @nr (a count below 1 still wakes one, as in Linux) of @hb's waiters on
 * (@mm, @addr) whose bitset meets @bitset; the caller holds hb->lock. Return: how many.
 */
static int futex_wake_matching(struct futex_bucket *hb, const void *mm, unsigned long addr,
			       u32 bitset, int nr)
{
	struct futex_q *q, *n;
	int woken = 0;

	list_for_each_entry_safe(q, n, &hb->chain, list) {
		if (q->mm != mm || q->addr != addr || !(q->bitset & bitset))
			continue;
		futex_wake_q(q);
		if (++woken >= nr)
			break;
	}
	return woken;
}

/*
 * The kernel alias of the futex word @uaddr, taking @mm->mmap_lock so that it stays valid
 * (the caller drops the lock). Return: the alias, or NULL, without the lock, when @uaddr is
 * not mapped with the rights needed.
 */
static u32 *futex_lock_word(struct mm_struct *mm, u32 __user *uaddr, bool write)
{
	u32 *kword;

	mutex_lock(&mm->mmap_lock);
	kword = user_addr_to_kernel(mm, (unsigned long)uaddr, write);
	if (!kword)
		mutex_unlock(&mm->mmap_lock);
	return kword;
}

/**
 * futex_wait() - sleep while *@uaddr == @val
 * @uaddr: the futex word (4-byte aligned)
 * @val: the expected value
 * @timeout: jiffies to wait, or MAX_SCHEDULE_TIMEOUT
 * @bitset: wake only by wakers whose bitset intersects this one
 *
 * Return: 0 when woken, -EAGAIN (value differs), -ETIMEDOUT, -ERESTARTSYS / -EINTR
 * (signal; -EINTR when a timeout was given), -EFAULT, -EINVAL.
 */
int futex_wait(u32 __user *uaddr, u32 val, long timeout, u32 bitset)
{
	struct futex_q q = {
		.task = current,
		.mm = current->mm,
		.addr = (unsigned long)uaddr,
		.bitset = bitset,
	};
	struct futex_bucket *hb;
	unsigned long flags;
	u32 uval;
	int ret = 0;

	if (!bitset)
		return -EINVAL;
	if ((unsigned long)uaddr & 3)
		return -EINVAL;
	hb = futex_bucket(q.mm, q.addr);
	q.hb = hb;
	spin_lock_irqsave(&hb->lock, flags);
	list_add_tail(&q.list, &hb->chain);
	spin_unlock_irqrestore(&hb->lock, flags);

	if (futex_read(&uval, uaddr)) {
		ret = -EFAULT;
		goto out_unqueue;
	}
	if (uval != val) {
		ret = -EAGAIN;
		goto out_unqueue;
	}
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (READ_ONCE(q.woken))
			break;
		if (signal_pending(current)) {
			ret = timeout == MAX_SCHEDULE_TIMEOUT ? -ERESTARTSYS : -EINTR;
			break;
		}
		if (timeout <= 0) {
			ret = -ETIMEDOUT;
			break;
		}
		timeout = schedule_timeout(timeout);
	}
	__set_current_state(TASK_RUNNING);
out_unqueue:
	futex_unqueue(&q);
	if (READ_ONCE(q.woken))
		ret = 0;
	return ret;
}

/**
 * futex_wake() - wake up to @nr waiters on @uaddr whose bitset meets @bitset
 * @uaddr: the futex word
 * @nr: how many; as in Linux, a count below 1 still wakes one
 * @bitset: FUTEX_BITSET_MATCH_ANY for FUTEX_WAKE
 *
 * Return: the number woken, or -EINVAL.
 */
int futex_wake(u32 __user *uaddr, int nr, u32 bitset)
{
	const void *mm = current->mm;
	struct futex_bucket *hb;
	unsigned long flags;
	int woken;

	if (!bitset || ((unsigned long)uaddr & 3))
		return -EINVAL;
	hb = futex_bucket(mm, (unsigned long)uaddr);
	spin_lock_irqsave(&hb->lock, flags);
	woken = futex_wake_matching(hb, mm, (unsigned long)uaddr, bitset, nr);
	spin_unlock_irqrestore(&hb->lock, flags);
	return woken;
}

/**
 * futex_requeue() - wake waiters on @uaddr1, and move others to wait on @uaddr2
 * @uaddr1: the futex word waited on
 * @uaddr2: the futex word the rest are moved to (may equal @uaddr1)
 * @nr_wake: how many to wake
 * @nr_requeue: how many of the rest to move
 * @cmpval: FUTEX_CMP_REQUEUE: act only if *@uaddr1 still holds this; NULL for FUTEX_REQUEUE
 *
 * Bitsets are ignored, as in Linux; a moved waiter keeps its own.
 * Return: the number woken plus the number moved, or -EINVAL, -EAGAIN (*@uaddr1 differs),
 * -EFAULT.
 */
static int futex_requeue(u32 __user *uaddr1, u32 __user *uaddr2, int nr_wake, int nr_requeue,
			 const u32 *cmpval)
{
	struct mm_struct *mm = current->mm;
	struct futex_bucket *hb1, *hb2;
	struct futex_q *q, *n;
	unsigned long flags;
	u32 *kword = NULL;
	int count = 0, ret = 0;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	if (((unsigned long)uaddr1 | (unsigned long)uaddr2) & 3)
		return -EINVAL;
	if (!mm)
		return -EFAULT;
	hb1 = futex_bucket(mm, (unsigned long)uaddr1);
	hb2 = futex_bucket(mm, (unsigned long)uaddr2);
	if (cmpval) {
		kword = futex_lock_word(mm, uaddr1, false);
		if (!kword)
			return -EFAULT;
	}
	double_lock_hb(hb1, hb2, &flags);
	if (kword && READ_ONCE(*kword) != *cmpval) {
		ret = -EAGAIN;
		goto out_unlock;
	}
	list_for_each_entry_safe(q, n, &hb1->chain, list) {
		if (count - nr_wake >= nr_requeue)
			break;
		if (q->mm != mm || q->addr != (unsigned long)uaddr1)
			continue;
		if (++count <= nr_wake) {
			futex_wake_q(q);
			continue;
		}
		q->addr = (unsigned long)uaddr2;
		if (hb2 != hb1) {
			list_move_tail(&q->list, &hb2->chain);
			WRITE_ONCE(q->hb, hb2);
		}
	}
out_unlock:
	double_unlock_hb(hb1, hb2, flags);
	if (kword)
		mutex_unlock(&mm->mmap_lock);
	return ret ? ret : count;
}

/*
 * Apply FUTEX_WAKE_OP's operation to the word at @kword (atomically with respect to user
 * space) and evaluate its comparison on the old value.
 * Return: 1 or 0 for the comparison, or -ENOSYS for an unknown operation or comparison.
 */
static int futex_atomic_op(u32 encoded_op, u32 *kword)
{
	unsigned int op = (encoded_op >> 28) & 7, cmp = (encoded_op >> 24) & 15;
	int oparg = (int)(encoded_op << 8) >> 20;	/* bits 12-23, sign-extended */
	int cmparg = (int)(encoded_op << 20) >> 20;	/* bits 0-11, sign-extended */
	u32 old, new;

	if (encoded_op & (FUTEX_OP_OPARG_SHIFT << 28))
		oparg = (int)(1U << (oparg & 31));	/* Linux warns once and masks a bad shift */
	if (op > FUTEX_OP_XOR)
		return -ENOSYS;
	old = __atomic_load_n(kword, __ATOMIC_RELAXED);
	do {
		switch (op) {
		case FUTEX_OP_SET:	new = oparg; break;
		case FUTEX_OP_ADD:	new = old + oparg; break;
		case FUTEX_OP_OR:	new = old | oparg; break;
		case FUTEX_OP_ANDN:	new = old & ~oparg; break;
		default:		new = old ^ oparg; break;
		}
	} while (!__atomic_compare_exchange_n(kword, &old, new, false, __ATOMIC_SEQ_CST,
					      __ATOMIC_RELAXED));
	switch (cmp) {
	case FUTEX_OP_CMP_EQ:	return (int)old == cmparg;
	case FUTEX_OP_CMP_NE:	return (int)old != cmparg;
	case FUTEX_OP_CMP_LT:	return (int)old < cmparg;
	case FUTEX_OP_CMP_LE:	return (int)old <= cmparg;
	case FUTEX_OP_CMP_GT:	return (int)old > cmparg;
	case FUTEX_OP_CMP_GE:	return (int)old >= cmparg;
	default:		return -ENOSYS;
	}
}

/**
 * futex_wake_op() - change *@uaddr2, wake waiters on @uaddr1, and on @uaddr2 if the old
 * value of *@uaddr2 passes the test encoded in @encoded_op
 * @uaddr1: first futex word
 * @uaddr2: the word changed, and the second futex
 * @nr_wake: waiters to wake on @uaddr1 (below 1 wakes one, as in Linux)
 * @nr_wake2: waiters to wake on @uaddr2 when the test passes
 * @encoded_op: FUTEX_OP(op, oparg, cmp, cmparg)
 *
 * Return: the number woken on both, or -EINVAL, -EFAULT, -ENOSYS (bad op or comparison;
 * as in Linux the word is already changed when only the comparison is bad).
 */
static int futex_wake_op(u32 __user *uaddr1, u32 __user *uaddr2, int nr_wake, int nr_wake2,
			 u32 encoded_op)
{
	struct mm_struct *mm = current->mm;
	struct futex_bucket *hb1, *hb2;
	unsigned long flags;
	int woken = 0, op_ret;
	u32 *kword;

	if (((unsigned long)uaddr1 | (unsigned long)uaddr2) & 3)
		return -EINVAL;
	if (!mm)
		return -EFAULT;
	hb1 = futex_bucket(mm, (unsigned long)uaddr1);
	hb2 = futex_bucket(mm, (unsigned long)uaddr2);
	kword = futex_lock_word(mm, uaddr2, true);
	if (!kword)
		return -EFAULT;
	double_lock_hb(hb1, hb2, &flags);
	op_ret = futex_atomic_op(encoded_op, kword);
	if (op_ret >= 0)
		woken = futex_wake_matching(hb1, mm, (unsigned long)uaddr1,
					    FUTEX_BITSET_MATCH_ANY, nr_wake);
	if (op_ret > 0)
		woken += futex_wake_matching(hb2, mm, (unsigned long)uaddr2,
					     FUTEX_BITSET_MATCH_ANY, nr_wake2);
	double_unlock_hb(hb1, hb2, flags);
	mutex_unlock(&mm->mmap_lock);
	return op_ret < 0 ? op_ret : woken;
}

int futex_wake_addr(u32 __user *uaddr, int nr)
{
	return futex_wake(uaddr, nr, FUTEX_BITSET_MATCH_ANY);
}

struct __kernel_timespec {
	s64	tv_sec;
	long	tv_nsec;
};

/* A futex timeout in jiffies; @abs: an absolute time on @clock_realtime's clock. */
static long futex_timeout(const struct __kernel_timespec __user *utime, bool abs,
			  bool clock_realtime, long *out)
{
	struct __kernel_timespec ts;
	u64 ns, now;

	*out = MAX_SCHEDULE_TIMEOUT;
	if (!utime)
		return 0;
	if (copy_from_user(&ts, utime, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	ns = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	if (abs) {
		now = clock_realtime ? ktime_get_real_ns() : ktime_get_ns();
		ns = ns > now ? ns - now : 0;
	}
	if (ns / NSEC_PER_SEC > 1000000000ULL)
		return 0;
	*out = ns ? (long)nsecs_to_jiffies(ns) + 1 : 0;
	return 0;
}

/**
 * do_futex() - the futex() system call without the argument decoding
 * @uaddr: the futex word
 * @op: FUTEX_* command with FUTEX_PRIVATE_FLAG / FUTEX_CLOCK_REALTIME
 * @val: expected value (waits) or count (wakes)
 * @utime: timeout (relative for FUTEX_WAIT, absolute for FUTEX_WAIT_BITSET) or NULL; for
 *	   the requeues and FUTEX_WAKE_OP, the second count (val2)
 * @uaddr2: the second futex word (requeues, FUTEX_WAKE_OP)
 * @val3: bitset; the expected value for FUTEX_CMP_REQUEUE; the operation for FUTEX_WAKE_OP
 *
 * Return: as the system call.
 */
long do_futex(u32 __user *uaddr, int op, u32 val, const void __user *utime,
	      u32 __user *uaddr2, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	u32 val2 = (u32)(unsigned long)utime;
	long timeout, err;

	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
		val3 = FUTEX_BITSET_MATCH_ANY;
		err = futex_timeout(utime, false, false, &timeout);
		if (err)
			return err;
		return futex_wait(uaddr, val, timeout, val3);
	case FUTEX_WAIT_BITSET:
		err = futex_timeout(utime, true, op & FUTEX_CLOCK_REALTIME, &timeout);
		if (err)
			return err;
		return futex_wait(uaddr, val, timeout, val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, (int)val, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, (int)val, val3);
	case FUTEX_REQUEUE:
		return futex_requeue(uaddr, uaddr2, (int)val, (int)val2, NULL);
	case FUTEX_CMP_REQUEUE:
		return futex_requeue(uaddr, uaddr2, (int)val, (int)val2, &val3);
	case FUTEX_WAKE_OP:
		return futex_wake_op(uaddr, uaddr2, (int)val, (int)val2, val3);
	default:
		return -ENOSYS;
	}
}

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val, const void __user *, utime,
		u32 __user *, uaddr2, u32, val3)
{
	return do_futex(uaddr, op, val, utime, uaddr2, val3);
}

/* ---- robust futexes -------------------------------------------------------------------- */

struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list	list;
	long			futex_offset;
	struct robust_list __user *list_op_pending;
};

SYSCALL_DEFINE2(set_robust_list, struct robust_list_head __user *, head, size_t, len)
{
	struct task_proc *tp = task_proc(current);

	if (len != sizeof(struct robust_list_head))
		return -EINVAL;
	if (tp) {
		tp->robust_list = head;
		tp->robust_len = len;
	}
	return 0;
}

SYSCALL_DEFINE3(get_robust_list, int, pid, struct robust_list_head __user * __user *,
		head_ptr, size_t __user *, len_ptr)
{
	struct task_struct *p = pid ? find_get_task_by_pid(pid) : current;
	void __user *head;

	if (!p)
		return -ESRCH;
	head = task_proc(p) ? task_proc(p)->robust_list : NULL;
	if (pid)
		put_task_struct(p);
	if (put_user(sizeof(struct robust_list_head), len_ptr) ||
	    put_user((struct robust_list_head __user *)head, head_ptr))
		return -EFAULT;
	return 0;
}

/* Mark one futex held by the dying thread @tid as owner-died and wake a waiter. */
static void handle_futex_death(u32 __user *uaddr, pid_t tid)
{
	u32 uval;

	if (((unsigned long)uaddr & 3) || get_user(uval, uaddr))
		return;
	if ((uval & FUTEX_TID_MASK) != (u32)tid)
		return;
	if (put_user((uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED, uaddr))
		return;
	if (uval & FUTEX_WAITERS)
		futex_wake_addr(uaddr, 1);
}

/**
 * exit_robust_list() - release the robust futexes a dying thread still holds
 * @p: current, before its address space goes
 */
void exit_robust_list(struct task_struct *p)
{
	struct task_proc *tp = task_proc(p);
	struct robust_list_head __user *head = tp ? tp->robust_list : NULL;
	struct robust_list __user *entry, *pending;
	long offset;
	int limit = ROBUST_LIST_LIMIT;

	if (!head)
		return;
	tp->robust_list = NULL;
	if (get_user(entry, &head->list.next) || get_user(offset, &head->futex_offset) ||
	    get_user(pending, &head->list_op_pending))
		return;
	while (entry != &head->list && limit--) {
		struct robust_list __user *next;

		if (get_user(next, &entry->next))
			return;
		if (entry != pending)
			handle_futex_death((u32 __user *)((char __user *)entry + offset), p->pid);
		entry = next;
	}
	if (pending)
		handle_futex_death((u32 __user *)((char __user *)pending + offset), p->pid);
}

SYSCALL_DEFINE4(rseq, void __user *, rseq, u32, rseq_len, int, flags, u32, sig)
{
	return -ENOSYS;
}
