/*
 * Host shim of <starling/wait.h>: a wait queue is a mutex, a condition variable and a count
 * of wake-ups. A sleeper reads the count, tests its condition, and sleeps until the count
 * moves, so a wake-up between the test and the sleep is never lost. A sleep that lasts
 * UNIT_WAIT_TIMEOUT_S seconds is counted in unit_wait_timeouts (a lost wake-up in the code
 * under test) and the condition is tested again.
 */
#ifndef _STARLING_WAIT_H
#define _STARLING_WAIT_H
#include <pthread.h>
#include <time.h>
#include <starling/compiler.h>
#include <starling/errno.h>

#define UNIT_WAIT_TIMEOUT_S	5

extern unsigned long unit_wait_timeouts;	/* the test defines it */

typedef struct wait_queue_head {
	pthread_mutex_t	lock;
	pthread_cond_t	cond;
	unsigned long	wakeups;
} wait_queue_head_t;

#define init_waitqueue_head(wq) do {					\
	pthread_mutex_init(&(wq)->lock, NULL);				\
	pthread_cond_init(&(wq)->cond, NULL);				\
	(wq)->wakeups = 0;						\
} while (0)

static inline void wake_up_all(wait_queue_head_t *wq)
{
	pthread_mutex_lock(&wq->lock);
	wq->wakeups++;
	pthread_cond_broadcast(&wq->cond);
	pthread_mutex_unlock(&wq->lock);
}

static inline unsigned long unit_wait_seen(wait_queue_head_t *wq)
{
	unsigned long seen;

	pthread_mutex_lock(&wq->lock);
	seen = wq->wakeups;
	pthread_mutex_unlock(&wq->lock);
	return seen;
}

static inline void unit_wait_sleep(wait_queue_head_t *wq, unsigned long seen)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += UNIT_WAIT_TIMEOUT_S;
	pthread_mutex_lock(&wq->lock);
	while (wq->wakeups == seen) {
		if (pthread_cond_timedwait(&wq->cond, &wq->lock, &ts)) {
			__atomic_add_fetch(&unit_wait_timeouts, 1, __ATOMIC_SEQ_CST);
			break;
		}
	}
	pthread_mutex_unlock(&wq->lock);
}

/* No signals on the host: always 0 once @condition holds. */
#define wait_event_interruptible(wq, condition) ({			\
	for (;;) {							\
		unsigned long __seen = unit_wait_seen(&(wq));		\
		if (condition)						\
			break;						\
		unit_wait_sleep(&(wq), __seen);				\
	}								\
	0;								\
})
#endif
