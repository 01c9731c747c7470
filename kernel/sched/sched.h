// SPDX-License-Identifier: GPL-2.0-only
/*
 * Scheduler internals shared by the files of kernel/sched/: the per-CPU run queue.
 *
 *   rq->curr   the task running on the CPU (on_rq = 1, not on rq->queue), or rq->idle
 *   rq->queue  runnable tasks waiting for the CPU (on_rq = 1, on_cpu = 0), in order of
 *              vruntime, equal ones first come first served; the first runs next
 *
 * Virtual runtimes are relative to one run queue's clock, rq->min_vruntime, which never goes
 * back: it follows the smallest vruntime among curr and the queue. A task's vruntime counts
 * on the clock of the run queue it last was on (task->cpu); moving to another queue rebases
 * it by the difference of the two minimums, keeping its lead or lag.
 *
 * A task that went to sleep, or that is being moved between CPUs, is on no queue (on_rq = 0).
 * Under rq->lock every queued task has finished switching out (on_cpu == 0), because the CPU
 * switching a task out holds its run-queue lock until it has cleared on_cpu.
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <starling/sched.h>

struct rq {
	spinlock_t		lock;		/* IRQs off when held */
	unsigned int		cpu;
	unsigned int		nr_queued;	/* tasks on queue */
	unsigned int		nr_running;	/* queued + curr unless curr is idle */
	struct list_head	queue;
	struct task_struct	*curr;
	struct task_struct	*idle;		/* set once at boot */
	u64			min_vruntime;	/* written under lock; read by other CPUs */
	unsigned long		ticks;		/* scheduler_tick() calls on this CPU */
	unsigned long		nr_switches;
} __aligned(64);

extern struct rq runqueues[NR_CPUS];

static inline struct rq *cpu_rq(unsigned int cpu)
{
	return &runqueues[cpu];
}

void init_idle(struct task_struct *idle, unsigned int cpu);
bool idle_balance(void);
unsigned long sched_cpu_ticks(unsigned int cpu);

#endif /* _KERNEL_SCHED_SCHED_H */
