// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel threads (kernel/kthread.c). kthread_create() makes a sleeping thread, a child of
 * kthreadd (pid 2); wake_up_process() starts it. A thread that loops until
 * kthread_should_stop() is ended with kthread_stop(), which returns the thread function's
 * result (or -EINTR if the thread never ran).
 */
#ifndef _STARLING_KTHREAD_H
#define _STARLING_KTHREAD_H

#include <starling/sched.h>
#include <starling/errno.h>

extern struct task_struct *kthreadd_task;

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...) __printf(3, 4);
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt);

/* Create and start. Return: the task or ERR_PTR(). */
#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k;								\
})

void kthread_bind(struct task_struct *k, unsigned int cpu);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
int kthreadd(void *unused);

/* kernel/sched/core.c -> kernel/kthread.c */
void kthread_exit_notify(struct task_struct *p, long code);
void kthread_free(struct task_struct *p);

#endif /* _STARLING_KTHREAD_H */
