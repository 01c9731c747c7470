// SPDX-License-Identifier: GPL-2.0-only
/*
 * futex CHECK: exercise futex(2) operations with threads; prints "CHECK: ok", or what went
 * wrong and exits 1.
 *
 *   futex requeue       FUTEX_REQUEUE wakes some waiters and moves others; a moved waiter
 *                       that times out leaves no trace on its new futex
 *   futex cmp_requeue   FUTEX_CMP_REQUEUE: -EAGAIN when the word changed, -EINVAL for a
 *                       negative count, else as FUTEX_REQUEUE
 *   futex wake_op       FUTEX_WAKE_OP: the operation on the second word, its comparison,
 *                       the two wakes, -ENOSYS for a bad operation or comparison
 *   futex bitset        FUTEX_WAIT_BITSET / FUTEX_WAKE_BITSET choose waiters by bitset;
 *                       FUTEX_WAKE with a count of 0 still wakes one waiter
 *
 * Counting waiters: FUTEX_CMP_REQUEUE from a word to itself, waking none and moving all,
 * returns how many wait there and changes nothing.
 */
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static uint32_t f1, f2;

struct waiter {
	pthread_t	thread;
	uint32_t	*addr;
	uint32_t	bitset;		/* 0: plain FUTEX_WAIT */
	long		timeout_ms;	/* 0: none */
	int		err;		/* 0 when woken, else the errno */
	volatile int	done;
};

static long futex(uint32_t *uaddr, int op, uint32_t val, unsigned long val2, uint32_t *uaddr2,
		  uint32_t val3)
{
	long r = syscall(SYS_futex, uaddr, op, val, val2, uaddr2, val3);

	return r < 0 ? -errno : r;
}

static void *wait_fn(void *arg)
{
	struct waiter *w = arg;
	struct timespec ts = { w->timeout_ms / 1000, w->timeout_ms % 1000 * 1000000 };
	long r;

	if (w->bitset)
		r = futex(w->addr, FUTEX_WAIT_BITSET_PRIVATE, *w->addr, 0, NULL, w->bitset);
	else
		r = futex(w->addr, FUTEX_WAIT_PRIVATE, *w->addr, w->timeout_ms ?
			  (unsigned long)&ts : 0, NULL, 0);
	w->err = r < 0 ? (int)-r : 0;
	w->done = 1;
	return NULL;
}

static void start(struct waiter *w, uint32_t *addr, uint32_t bitset, long timeout_ms)
{
	memset(w, 0, sizeof(*w));
	w->addr = addr;
	w->bitset = bitset;
	w->timeout_ms = timeout_ms;
	pthread_create(&w->thread, NULL, wait_fn, w);
}

static long waiters(uint32_t *addr)
{
	return futex(addr, FUTEX_CMP_REQUEUE_PRIVATE, 0, INT_MAX, addr, *addr);
}

static void msleep(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, NULL);
}

/* Wait up to 20 s until @n threads wait on @addr. */
static int await_waiters(uint32_t *addr, long n)
{
	for (int i = 0; i < 2000; i++) {
		if (waiters(addr) == n)
			return 0;
		msleep(10);
	}
	printf("%ld waiters, expected %ld\n", waiters(addr), n);
	return -1;
}

static int ndone(struct waiter *w, int n)
{
	int d = 0;

	msleep(50);
	for (int i = 0; i < n; i++)
		d += w[i].done;
	return d;
}

#define EXPECT(what, got, want) do {						\
	long __g = (got), __w = (want);						\
	if (__g != __w) {							\
		printf("%s: got %ld, expected %ld (line %d)\n", what, __g, __w,	\
		       __LINE__);						\
		return 1;							\
	}									\
} while (0)

static int requeue(void)
{
	struct waiter w[3], t;

	for (int i = 0; i < 3; i++)
		start(&w[i], &f1, 0, 0);
	if (await_waiters(&f1, 3))
		return 1;
	EXPECT("FUTEX_REQUEUE 1+1", futex(&f1, FUTEX_REQUEUE_PRIVATE, 1, 1, &f2, 0), 2);
	EXPECT("waiters on f1", waiters(&f1), 1);
	EXPECT("waiters on f2", waiters(&f2), 1);
	EXPECT("woken threads", ndone(w, 3), 1);
	EXPECT("FUTEX_REQUEUE all to f2", futex(&f1, FUTEX_REQUEUE_PRIVATE, 0, INT_MAX, &f2, 0), 1);
	EXPECT("waiters on f2", waiters(&f2), 2);
	EXPECT("FUTEX_WAKE f2", futex(&f2, FUTEX_WAKE_PRIVATE, INT_MAX, 0, NULL, 0), 2);
	for (int i = 0; i < 3; i++) {
		pthread_join(w[i].thread, NULL);
		EXPECT("wait result", w[i].err, 0);
	}
	/* A moved waiter that times out is gone from its new futex. */
	start(&t, &f1, 0, 500);
	if (await_waiters(&f1, 1))
		return 1;
	EXPECT("FUTEX_REQUEUE 0+1", futex(&f1, FUTEX_REQUEUE_PRIVATE, 0, 1, &f2, 0), 1);
	pthread_join(t.thread, NULL);
	EXPECT("moved waiter's timeout", t.err, ETIMEDOUT);
	EXPECT("waiters on f2 after the timeout", waiters(&f2), 0);
	EXPECT("negative count", futex(&f1, FUTEX_REQUEUE_PRIVATE, 1, -1UL, &f2, 0), -EINVAL);
	EXPECT("misaligned", futex(&f1, FUTEX_REQUEUE_PRIVATE, 1, 1,
				   (uint32_t *)((char *)&f2 + 1), 0), -EINVAL);
	printf("requeue: ok\n");
	return 0;
}

static int cmp_requeue(void)
{
	struct waiter w[2];

	f1 = 7;
	for (int i = 0; i < 2; i++)
		start(&w[i], &f1, 0, 0);
	if (await_waiters(&f1, 2))
		return 1;
	EXPECT("changed word", futex(&f1, FUTEX_CMP_REQUEUE_PRIVATE, 1, 1, &f2, 8), -EAGAIN);
	EXPECT("negative wake count", futex(&f1, FUTEX_CMP_REQUEUE_PRIVATE, -1U, 1, &f2, 7),
	       -EINVAL);
	EXPECT("FUTEX_CMP_REQUEUE 1+1", futex(&f1, FUTEX_CMP_REQUEUE_PRIVATE, 1, 1, &f2, 7), 2);
	/* one woken, one moved: move it back, then wake it */
	EXPECT("woken threads", ndone(w, 2), 1);
	EXPECT("back to f1", futex(&f2, FUTEX_CMP_REQUEUE_PRIVATE, 0, 1, &f1, f2), 1);
	EXPECT("unmapped word", futex((uint32_t *)8, FUTEX_CMP_REQUEUE_PRIVATE, 0, 1, &f2, 0),
	       -EFAULT);
	EXPECT("FUTEX_WAKE f1", futex(&f1, FUTEX_WAKE_PRIVATE, 1, 0, NULL, 0), 1);
	for (int i = 0; i < 2; i++) {
		pthread_join(w[i].thread, NULL);
		EXPECT("wait result", w[i].err, 0);
	}
	printf("cmp_requeue: ok\n");
	return 0;
}

static int wake_op(void)
{
	struct waiter a, b;

	f1 = 0;
	f2 = 5;
	start(&a, &f1, 0, 0);
	start(&b, &f2, 0, 0);
	if (await_waiters(&f1, 1) || await_waiters(&f2, 1))
		return 1;
	/* old 5 == 5: both woken, f2 = 5 + 3 */
	EXPECT("FUTEX_WAKE_OP add, eq", futex(&f1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &f2,
					      FUTEX_OP(FUTEX_OP_ADD, 3, FUTEX_OP_CMP_EQ, 5)), 2);
	EXPECT("f2 after add", f2, 8);
	pthread_join(a.thread, NULL);
	pthread_join(b.thread, NULL);
	start(&b, &f2, 0, 0);
	if (await_waiters(&f2, 1))
		return 1;
	/* old 8 > 100 fails: nobody on f1, f2's waiter stays */
	EXPECT("FUTEX_WAKE_OP set, gt", futex(&f1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &f2,
					      FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_GT, 100)), 0);
	EXPECT("f2 after set", f2, 1);
	EXPECT("waiters on f2", waiters(&f2), 1);
	/* oparg as a shift: f2 |= 1 << 4; old 1 >= -1 (sign-extended cmparg) */
	EXPECT("FUTEX_WAKE_OP or shift, ge", futex(&f1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &f2,
			FUTEX_OP(FUTEX_OP_OR, 4, FUTEX_OP_CMP_GE, 0xfff) |
			FUTEX_OP_OPARG_SHIFT << 28), 1);
	EXPECT("f2 after or", f2, 17);
	pthread_join(b.thread, NULL);
	EXPECT("andn", futex(&f1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &f2,
			     FUTEX_OP(FUTEX_OP_ANDN, 1, FUTEX_OP_CMP_NE, 0)), 0);
	EXPECT("f2 after andn", f2, 16);
	EXPECT("xor", futex(&f1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &f2,
			    FUTEX_OP(FUTEX_OP_XOR, 0x30, FUTEX_OP_CMP_LT, 0)), 0);
	EXPECT("f2 after xor", f2, 32);
	EXPECT("bad operation", futex(&f1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &f2,
				      FUTEX_OP(5, 1, FUTEX_OP_CMP_EQ, 0)), -ENOSYS);
	EXPECT("f2 after a bad operation", f2, 32);
	EXPECT("bad comparison", futex(&f1, FUTEX_WAKE_OP_PRIVATE, 1, 1, &f2,
				       FUTEX_OP(FUTEX_OP_SET, 9, 6, 0)), -ENOSYS);
	EXPECT("f2 after a bad comparison", f2, 9);
	EXPECT("unmapped word", futex(&f1, FUTEX_WAKE_OP_PRIVATE, 1, 1, (uint32_t *)8,
				      FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0)), -EFAULT);
	printf("wake_op: ok\n");
	return 0;
}

static int bitset(void)
{
	struct waiter a, b;

	f1 = 0;
	start(&a, &f1, 0x1, 0);
	start(&b, &f1, 0x2, 0);
	if (await_waiters(&f1, 2))
		return 1;
	EXPECT("FUTEX_WAKE_BITSET 0x2", futex(&f1, FUTEX_WAKE_BITSET_PRIVATE, INT_MAX, 0, NULL, 2),
	       1);
	pthread_join(b.thread, NULL);
	EXPECT("0x1 waiter still waits", a.done, 0);
	EXPECT("FUTEX_WAKE_BITSET 0x4", futex(&f1, FUTEX_WAKE_BITSET_PRIVATE, INT_MAX, 0, NULL, 4),
	       0);
	EXPECT("FUTEX_WAKE count 0", futex(&f1, FUTEX_WAKE_PRIVATE, 0, 0, NULL, 0), 1);
	pthread_join(a.thread, NULL);
	EXPECT("wait bitset 0", futex(&f1, FUTEX_WAIT_BITSET_PRIVATE, 0, 0, NULL, 0), -EINVAL);
	EXPECT("wake bitset 0", futex(&f1, FUTEX_WAKE_BITSET_PRIVATE, 1, 0, NULL, 0), -EINVAL);
	printf("bitset: ok\n");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "requeue"))
		return requeue();
	if (argc == 2 && !strcmp(argv[1], "cmp_requeue"))
		return cmp_requeue();
	if (argc == 2 && !strcmp(argv[1], "wake_op"))
		return wake_op();
	if (argc == 2 && !strcmp(argv[1], "bitset"))
		return bitset();
	fprintf(stderr, "usage: futex requeue|cmp_requeue|wake_op|bitset\n");
	return 2;
}
