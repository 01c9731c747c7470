// SPDX-License-Identifier: GPL-2.0-only
/*
 * Kernel threads. kthread_create() builds the task directly (kthreadd, pid 2, is only their
 * parent and otherwise sleeps) and leaves it asleep in TASK_UNINTERRUPTIBLE; the first
 * wake_up_process() starts it in kthread(), which runs the thread function unless
 * kthread_stop() came first, and ends in do_exit() with its result. kthread_stop() sets
 * should_stop, wakes the thread and waits on its "exited" completion.
 */
#include <starling/kthread.h>
#include <starling/completion.h>
#include <starling/kernel.h>
#include <starling/printk.h>
#include <starling/slab.h>

struct kthread {
	int			(*threadfn)(void *data);
	void			*data;
	int			should_stop;	/* set once by kthread_stop() */
	int			result;
	struct completion	exited;
};

struct task_struct *kthreadd_task;

static int kthread(void *arg)
{
	struct kthread *self = arg;
	int ret = -EINTR;

	if (!READ_ONCE(self->should_stop))
		ret = self->threadfn(self->data);
	do_exit(ret);
}

/* do_exit() of a kernel thread: record the result and release kthread_stop(). */
void kthread_exit_notify(struct task_struct *p, long code)
{
	p->kthread->result = (int)code;
	complete_all(&p->kthread->exited);
}

void kthread_free(struct task_struct *p)
{
	kfree(p->kthread);
	p->kthread = NULL;
}

static struct task_struct *__kthread_create(int (*threadfn)(void *data), void *data,
					    const char *name)
{
	struct kthread *kt = kzalloc(sizeof(*kt), GFP_KERNEL);
	struct task_struct *p;

	if (!kt)
		return ERR_PTR(-ENOMEM);
	kt->threadfn = threadfn;
	kt->data = data;
	init_completion(&kt->exited);
	p = __kernel_thread(kthread, kt, name, 0);
	if (IS_ERR(p)) {
		kfree(kt);
		return p;
	}
	p->kthread = kt;
	/* Asleep until the first wake_up_process(). */
	p->state = TASK_UNINTERRUPTIBLE;
	return p;
}

/**
 * kthread_create() - make a kernel thread, asleep until wake_up_process()
 * @threadfn: the thread function; its result is returned by kthread_stop()
 * @data: its argument
 * @namefmt: printf-style name (truncated to TASK_COMM_LEN - 1)
 *
 * Return: the task, or ERR_PTR(-ENOMEM / -EAGAIN).
 */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	char name[TASK_COMM_LEN];
	va_list args;

	va_start(args, namefmt);
	vsnprintf(name, sizeof(name), namefmt, args);
	va_end(args);
	return __kthread_create(threadfn, data, name);
}

/**
 * kthread_create_on_cpu() - make a kernel thread bound to @cpu
 * @threadfn: the thread function
 * @data: its argument
 * @cpu: the CPU
 * @namefmt: name, where "%u" becomes @cpu
 *
 * Return: the task, or ERR_PTR().
 */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt)
{
	struct task_struct *p = kthread_create(threadfn, data, namefmt, cpu);

	if (!IS_ERR(p))
		kthread_bind(p, cpu);
	return p;
}

/**
 * kthread_bind() - pin a thread that has not started yet to @cpu
 * @k: the thread, from kthread_create()
 * @cpu: the CPU
 */
void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	unsigned long flags;

	spin_lock_irqsave(&k->pi_lock, flags);
	k->cpus_allowed = 1UL << cpu;
	k->cpu = cpu;
	spin_unlock_irqrestore(&k->pi_lock, flags);
}

/**
 * kthread_should_stop() - has kthread_stop() been called on current?
 *
 * Return: true once the thread should return from its function.
 */
bool kthread_should_stop(void)
{
	struct kthread *kt = current->kthread;

	return kt && READ_ONCE(kt->should_stop);
}

/**
 * kthread_stop() - ask a kernel thread to stop and wait for it to exit
 * @k: the thread; it must not have exited yet (or the caller holds a reference)
 *
 * Return: the thread function's result, or -EINTR if the thread never ran it.
 */
int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = k->kthread;
	int ret;

	get_task_struct(k);
	WRITE_ONCE(kt->should_stop, 1);
	smp_mb();
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	put_task_struct(k);
	return ret;
}

/**
 * kthreadd() - pid 2, the parent of every kernel thread
 * @unused: NULL
 *
 * Threads are created directly by kthread_create(), so kthreadd only sleeps.
 */
int kthreadd(void *unused)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return 0;
}
