// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scheduler core: per-CPU run queues served in order of weighted CPU time (fair.h),
 * wakeups, preemption, task placement and migration, the pid table, and the end of a task
 * (do_exit() for kernel threads; the process layer adds its own teardown in front of it).
 *
 * Fair sharing: the running task is charged the local_clock() time since its last charge at
 * every tick and every switch, scaled by its nice value's weight, into its vruntime. The
 * tick preempts it once it is SCHED_GRANULARITY_NS of virtual time ahead of the first waiting
 * task; the switch then runs the task with the smallest vruntime. A task that wakes up keeps
 * its vruntime, moved up to at most SCHED_WAKEUP_CREDIT_NS behind the queue's minimum: a
 * short sleep earns nothing and a long one does not buy a long run. A new task starts at the
 * minimum. Every running task's vruntime grows, so every queued task reaches the front.
 *
 * Context switch protocol (see also <starling/sched.h> on the preemption count):
 *
 *   __schedule():  IRQs off, lock rq -> pick next -> next->on_cpu = 1 -> arch_switch_to()
 *   in next:       restore next's preempt count -> finish_task_switch(prev):
 *                  prev->on_cpu = 0 (release) -> unlock rq -> restore next's IRQ flags
 *                  -> drop the last reference of a dead prev, or move a prev that may no
 *                  longer run on this CPU to one it may use.
 *   new task:      its first switch-in enters schedule_tail(prev), which does the same and
 *                  then enables IRQs.
 *
 * Wakeups: try_to_wake_up() takes p->pi_lock, then the run-queue lock of p's CPU. A task
 * still on its run queue (it set its state but has not switched out yet) only gets
 * TASK_RUNNING back. Otherwise, once p has finished switching out (on_cpu == 0), a CPU is
 * chosen (its previous CPU when that is idle, else an idle allowed CPU, else the least loaded)
 * and p is queued there. Queuing on an idle CPU marks its idle task need-resched and, on
 * another CPU, sends a reschedule IPI.
 *
 * Lock order: p->pi_lock -> rq->lock (two run queues: lower CPU first) -> tasklist_lock.
 */
#include <starling/sched.h>
#include <starling/kprobes.h>
#include <starling/kthread.h>
#include <starling/signal.h>
#include <starling/timer.h>
#include <starling/irq_work.h>
#include <starling/kernel.h>
#include <starling/smp_arch.h>
#include <starling/printk.h>
#include <starling/string.h>
#include <starling/errno.h>
#include <starling/slab.h>
#include <starling/mm.h>
#include <starling/trace_sched.h>
#include <starling/time.h>
#include <asm/processor.h>
#include "sched.h"
#include "fair.h"
#include "../process/internal.h"	/* proc_free_deferred() */

#define PIDHASH_SIZE	64

struct rq runqueues[NR_CPUS];

DEFINE_SPINLOCK(tasklist_lock);
LIST_HEAD(init_tasks);				/* tasklist_lock */
static struct list_head pid_hash[PIDHASH_SIZE];	/* tasklist_lock */
static pid_t last_pid = 2;			/* tasklist_lock; 1 and 2 are fixed */
bool scheduler_running;

/* ---- run-queue helpers (rq->lock held) ------------------------------------------------- */

static void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	lockdep_assert_held(&rq->lock);
	if (READ_ONCE(curr->need_resched))
		return;
	WRITE_ONCE(curr->need_resched, 1);
	if (rq->cpu != smp_processor_id())
		arch_send_reschedule(rq->cpu);
}

/* Move rq->min_vruntime up to the smallest vruntime of curr and the queue. */
static void update_min_vruntime(struct rq *rq)
{
	struct task_struct *curr = rq->curr;
	struct task_struct *first = list_first_entry_or_null(&rq->queue, struct task_struct,
							      run_list);
	u64 v;

	lockdep_assert_held(&rq->lock);
	if (curr != rq->idle && curr->on_rq) {
		v = curr->vruntime;
		if (first && vruntime_before(first->vruntime, v))
			v = first->vruntime;
	} else if (first) {
		v = first->vruntime;
	} else {
		return;
	}
	if (vruntime_before(rq->min_vruntime, v))
		WRITE_ONCE(rq->min_vruntime, v);
}

/* Charge the running task for the CPU time since its last charge. */
static void update_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;
	u64 now;
	s64 delta;

	lockdep_assert_held(&rq->lock);
	if (curr == rq->idle)
		return;
	now = local_clock();
	delta = (s64)(now - curr->exec_start);
	curr->exec_start = now;
	if (delta <= 0)
		return;
	curr->vruntime += calc_delta_fair((u64)delta, task_nice(curr));
	update_min_vruntime(rq);
}

/* Queue @p (on no queue) behind every task whose vruntime is not after its own. */
static void enqueue_sorted(struct rq *rq, struct task_struct *p)
{
	struct list_head *pos = &rq->queue;
	struct task_struct *t;

	lockdep_assert_held(&rq->lock);
	list_for_each_entry(t, &rq->queue, run_list) {
		if (vruntime_before(p->vruntime, t->vruntime)) {
			pos = &t->run_list;
			break;
		}
	}
	list_add_tail(&p->run_list, pos);
	rq->nr_queued++;
}

#define ENQUEUE_MOVE	0	/* runnable, moving from another run queue (or the same) */
#define ENQUEUE_WAKEUP	1	/* was asleep */
#define ENQUEUE_NEW	2	/* first time on any run queue */

/* Put runnable @p on @rq's queue, in its place by vruntime. */
static void activate_task(struct rq *rq, struct task_struct *p, int how)
{
	unsigned int from = p->cpu;

	lockdep_assert_held(&rq->lock);
	if (how == ENQUEUE_NEW)
		p->vruntime = rq->min_vruntime;
	else if (from != rq->cpu && from < NR_CPUS)
		p->vruntime = p->vruntime - READ_ONCE(cpu_rq(from)->min_vruntime) +
			      rq->min_vruntime;
	if (how == ENQUEUE_WAKEUP)
		p->vruntime = place_waking(p->vruntime, rq->min_vruntime);
	WRITE_ONCE(p->cpu, rq->cpu);
	p->on_rq = 1;
	enqueue_sorted(rq, p);
	WRITE_ONCE(rq->nr_running, rq->nr_running + 1);
	if (rq->curr == rq->idle)
		resched_curr(rq);
}

/* Take queued (not running) @p off @rq. */
static void deactivate_queued(struct rq *rq, struct task_struct *p)
{
	lockdep_assert_held(&rq->lock);
	list_del_init(&p->run_list);
	rq->nr_queued--;
	WRITE_ONCE(rq->nr_running, rq->nr_running - 1);
	p->on_rq = 0;
}

/* Lock the run queue @p is on; the caller holds p->pi_lock and has IRQs off. */
static struct rq *task_rq_lock(struct task_struct *p)
{
	for (;;) {
		struct rq *rq = cpu_rq(task_cpu(p));

		spin_lock(&rq->lock);
		if (rq->cpu == task_cpu(p))
			return rq;
		spin_unlock(&rq->lock);
	}
}

static void double_rq_lock(struct rq *a, struct rq *b)
{
	if (a->cpu < b->cpu) {
		spin_lock(&a->lock);
		spin_lock(&b->lock);
	} else {
		spin_lock(&b->lock);
		spin_lock(&a->lock);
	}
}

static void double_rq_unlock(struct rq *a, struct rq *b)
{
	spin_unlock(&a->lock);
	spin_unlock(&b->lock);
}

static unsigned long online_allowed(const struct task_struct *p)
{
	unsigned long online = __atomic_load_n(&cpu_online_mask, __ATOMIC_ACQUIRE);
	unsigned long mask = p->cpus_allowed & online;

	if (!mask) {
		/* Nothing allowed is online (or SMP is not up yet): any online CPU will do. */
		mask = online ? online : 1UL << smp_processor_id();
	}
	return mask;
}

/* Choose a CPU for @p, which is on no run queue; caller holds p->pi_lock. */
static unsigned int select_task_rq(struct task_struct *p, bool prefer_prev)
{
	unsigned long mask = online_allowed(p);
	unsigned int prev = task_cpu(p), best = NR_CPUS, cpu;
	unsigned int best_load = ~0U;

	if (prefer_prev && prev < NR_CPUS && (mask >> prev) & 1 &&
	    !READ_ONCE(cpu_rq(prev)->nr_running))
		return prev;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned int load;

		if (!((mask >> cpu) & 1) || !cpu_rq(cpu)->idle)
			continue;
		load = READ_ONCE(cpu_rq(cpu)->nr_running);
		if (load < best_load || (load == best_load && cpu == prev)) {
			best = cpu;
			best_load = load;
		}
	}
	if (best == NR_CPUS)
		best = smp_processor_id();
	return best;
}

/*
 * Queue @p, on no run queue and not running, on a CPU it may use (its previous one first if
 * @how is ENQUEUE_WAKEUP); caller holds p->pi_lock.
 */
static void place_task(struct task_struct *p, int how)
{
	struct rq *rq = cpu_rq(select_task_rq(p, how == ENQUEUE_WAKEUP));

	spin_lock(&rq->lock);
	activate_task(rq, p, how);
	spin_unlock(&rq->lock);
}

/* ---- switching ------------------------------------------------------------------------- */

/* Runs on the new current with IRQs off and this CPU's rq->lock held. */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = cpu_rq(smp_processor_id());
	bool dead = prev->state == TASK_DEAD;
	bool migrate = prev->migrate_pending;

	prev->migrate_pending = 0;
	smp_store_release(&prev->on_cpu, 0);
	spin_unlock(&rq->lock);
	if (migrate) {
		/* prev may not run here any more; it is on no queue and only we know of it. */
		spin_lock(&prev->pi_lock);
		place_task(prev, ENQUEUE_MOVE);
		spin_unlock(&prev->pi_lock);
	}
	if (dead) {
		put_task_struct(prev);
		/* A released process-layer task waits for exactly this switch to be freed. */
		if (IS_ENABLED(CONFIG_USERSPACE))
			proc_free_deferred();
	}
}

static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	unsigned long flags = arch_local_irq_save();
	struct rq *rq = cpu_rq(smp_processor_id());

	spin_lock(&rq->lock);
	update_curr(rq);
	prev->need_resched = 0;
	if (prev != rq->idle) {
		if (!preempt && prev->state != TASK_RUNNING) {
			if (signal_pending_state(prev->state, prev)) {
				prev->state = TASK_RUNNING;
			} else {
				prev->on_rq = 0;
				WRITE_ONCE(rq->nr_running, rq->nr_running - 1);
				prev->nvcsw++;
			}
		} else if (!((prev->cpus_allowed >> rq->cpu) & 1)) {
			prev->on_rq = 0;
			WRITE_ONCE(rq->nr_running, rq->nr_running - 1);
			prev->migrate_pending = 1;
		}
	}

	if (prev != rq->idle && prev->on_rq && list_empty(&rq->queue)) {
		next = prev;
	} else {
		if (prev != rq->idle && prev->on_rq) {
			enqueue_sorted(rq, prev);
			if (preempt)
				prev->nivcsw++;
		}
		next = list_first_entry_or_null(&rq->queue, struct task_struct, run_list);
		if (next) {
			list_del_init(&next->run_list);
			rq->nr_queued--;
		} else {
			next = rq->idle;
		}
	}

	if (next == prev) {
		spin_unlock(&rq->lock);
		arch_local_irq_restore(flags);
		return;
	}

	rq->curr = next;
	rq->nr_switches++;
	next->on_cpu = 1;
	next->need_resched = 0;
	next->exec_start = local_clock();
	update_min_vruntime(rq);
	prev->preempt_count = preempt_count();
	trace_sched_switch(preempt, prev, next);
	prev = arch_switch_to(prev, next);
	/* Now on the stack of the task we switched to, possibly much later and elsewhere. */
	*arch_preempt_count_ptr() = current->preempt_count;
	finish_task_switch(prev);
	arch_local_irq_restore(flags);
}

/**
 * schedule() - give up the CPU
 *
 * If current's state is not TASK_RUNNING it leaves the run queue until woken (unless a
 * signal is pending and the sleep is interruptible); otherwise it goes to the back of the
 * queue. Must not be called in atomic context.
 */
void schedule(void)
{
	struct task_struct *tsk = current;

	if (unlikely(preempt_count()))
		panic("BUG: scheduling while atomic: %s/%d/0x%08x", tsk->comm, tsk->pid,
		      preempt_count());
	do {
		__schedule(false);
	} while (need_resched());
}

/**
 * schedule_tail() - first code a new task runs, called by the arch switch-in path
 * @prev: the task that was switched away from
 *
 * Entered with IRQs off and the run-queue lock held; returns with both released.
 */
void schedule_tail(struct task_struct *prev)
{
	*arch_preempt_count_ptr() = current->preempt_count;
	finish_task_switch(prev);
	arch_local_irq_enable();
}

/**
 * preempt_schedule() - preemption point of preempt_enable()
 *
 * Reschedules when the count is zero, IRQs are on and need_resched() is set.
 */
void preempt_schedule(void)
{
	if (preempt_count() || arch_irqs_disabled() || !current)
		return;
	do {
		__schedule(true);
	} while (need_resched());
}

/**
 * preempt_schedule_irq() - preemption on return from an interrupt to kernel mode
 *
 * The arch calls this on the way out of an interrupt or exception that interrupted kernel
 * code, with IRQs off, when preempt_count() == 0 and need_resched(). Returns with IRQs off.
 */
void preempt_schedule_irq(void)
{
	if (preempt_count() || !current)
		return;
	do {
		__schedule(true);
	} while (need_resched());
}

bool (need_resched)(void)
{
	struct task_struct *t = current;

	return t && READ_ONCE(t->need_resched);
}

/**
 * yield() - let other runnable tasks on this CPU run first
 *
 * Current gives up whatever lead it has: it goes behind every task queued on its CPU.
 */
void yield(void)
{
	unsigned long flags = arch_local_irq_save();
	struct rq *rq = cpu_rq(smp_processor_id());
	struct task_struct *last;

	spin_lock(&rq->lock);
	if (current != rq->idle && !list_empty(&rq->queue)) {
		update_curr(rq);
		last = list_last_entry(&rq->queue, struct task_struct, run_list);
		if (vruntime_before(current->vruntime, last->vruntime))
			current->vruntime = last->vruntime;
	}
	spin_unlock(&rq->lock);
	arch_local_irq_restore(flags);
	__set_current_state(TASK_RUNNING);
	schedule();
}

/**
 * cond_resched() - reschedule if the time slice is over, in long-running kernel loops
 *
 * Return: 1 if it rescheduled, else 0.
 */
int cond_resched(void)
{
	if (!need_resched() || preempt_count() || arch_irqs_disabled())
		return 0;
	preempt_schedule();
	return 1;
}

void __might_sleep(const char *file, int line)
{
	if (!READ_ONCE(scheduler_running))
		return;
	if (unlikely(preempt_count() || arch_irqs_disabled()))
		panic("BUG: sleeping function called from invalid context at %s:%d\n"
		      "in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s", file, line,
		      preempt_count() != 0, arch_irqs_disabled(), current->pid, current->comm);
}

/**
 * scheduler_tick() - the timer interrupt of this CPU, in hardirq context
 * @user_tick: the interrupt came from user mode
 *
 * CPU 0 also advances jiffies and runs expired timers. Charges the tick to the running
 * task (user or system time, and its process's CPU-time interval timers), charges its
 * vruntime, and asks for a reschedule when it has got far enough ahead of the first waiting
 * task.
 */
void scheduler_tick(bool user_tick)
{
	unsigned int cpu = smp_processor_id();
	struct rq *rq = cpu_rq(cpu);
	struct task_struct *curr;

	if (cpu == 0)
		timer_tick();
	irq_work_tick();
	if (!rq->idle)
		return;		/* before sched_init() on this CPU */
	spin_lock(&rq->lock);
	rq->ticks++;
	curr = rq->curr;
	if (curr == rq->idle) {
		if (rq->nr_queued)
			resched_curr(rq);
	} else {
		if (user_tick)
			curr->utime++;
		else
			curr->stime++;
		update_curr(rq);
		if (rq->nr_queued) {
			struct task_struct *first = list_first_entry(&rq->queue,
								     struct task_struct, run_list);

			if (tick_should_preempt(curr->vruntime, first->vruntime))
				resched_curr(rq);
		}
	}
	spin_unlock(&rq->lock);
	if (curr != rq->idle)
		itimer_account_tick(curr, user_tick);	/* may wake a thread: after rq->lock */
}

/**
 * scheduler_ipi() - the reschedule IPI handler (hardirq context)
 *
 * Nothing to do here: the sender set need_resched on this CPU's current task, and the
 * return from the interrupt (or the idle loop) acts on it.
 */
void scheduler_ipi(void)
{
}

unsigned long sched_cpu_ticks(unsigned int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->ticks);
}

/* ---- wakeups and placement ------------------------------------------------------------- */

/**
 * try_to_wake_up() - make a sleeping task runnable
 * @p: the task
 * @state: wake it only if its state has one of these bits (TASK_NORMAL, ...)
 * @wake_flags: unused (Linux's WF_*)
 *
 * Return: 1 if @p was woken, 0 if its state did not match.
 */
int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags)
{
	unsigned long flags;
	struct rq *rq;
	int success = 0;

	spin_lock_irqsave(&p->pi_lock, flags);
	smp_mb();
	if (!(READ_ONCE(p->state) & state))
		goto out_unlock;
	success = 1;
	rq = task_rq_lock(p);
	if (p->on_rq) {
		/* It has not switched out yet: it will see TASK_RUNNING and stay. */
		WRITE_ONCE(p->state, TASK_RUNNING);
		trace_sched_wakeup(p, task_cpu(p));
		spin_unlock(&rq->lock);
		goto out_unlock;
	}
	spin_unlock(&rq->lock);
	while (smp_load_acquire(&p->on_cpu))
		cpu_relax();
	WRITE_ONCE(p->state, TASK_RUNNING);
	place_task(p, ENQUEUE_WAKEUP);
	trace_sched_wakeup(p, task_cpu(p));
out_unlock:
	spin_unlock_irqrestore(&p->pi_lock, flags);
	return success;
}

/**
 * wake_up_process() - wake a task sleeping in TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE
 * @p: the task
 *
 * Return: 1 if it was woken, 0 if it was already running.
 */
int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL, 0);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state, 0);
}

/**
 * wake_up_new_task() - first wakeup of a task made by fork or kernel_thread()
 * @p: a task in state TASK_NEW
 *
 * Queues it on the least loaded CPU it is allowed to use.
 */
void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->pi_lock, flags);
	WRITE_ONCE(p->state, TASK_RUNNING);
	place_task(p, ENQUEUE_NEW);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

/**
 * kick_process() - make a running task notice new work (a signal) soon
 * @p: the task
 */
void kick_process(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;

	spin_lock_irqsave(&p->pi_lock, flags);
	rq = task_rq_lock(p);
	if (rq->curr == p && rq->cpu != smp_processor_id())
		arch_send_reschedule(rq->cpu);
	spin_unlock(&rq->lock);
	spin_unlock_irqrestore(&p->pi_lock, flags);
}

/**
 * set_cpus_allowed_ptr() - change the CPUs a task may run on
 * @p: the task
 * @new_mask: the new mask (bit n: CPU n)
 *
 * A queued task moves at once; a running one moves when it next switches out (at once if it
 * is current and preemptible); a sleeping one at its next wakeup.
 *
 * Return: 0, or -EINVAL when no CPU of @new_mask is online.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const unsigned long *new_mask)
{
	unsigned long online = __atomic_load_n(&cpu_online_mask, __ATOMIC_ACQUIRE);
	unsigned long flags;
	struct rq *rq;

	if (!(*new_mask & (online ? online : 1UL)))
		return -EINVAL;
	if (p->flags & PF_IDLE)
		return -EINVAL;
	spin_lock_irqsave(&p->pi_lock, flags);
	rq = task_rq_lock(p);
	p->cpus_allowed = *new_mask;
	if (((*new_mask >> rq->cpu) & 1) || !p->on_rq) {
		spin_unlock(&rq->lock);
	} else if (rq->curr == p) {
		resched_curr(rq);
		spin_unlock(&rq->lock);
	} else {
		deactivate_queued(rq, p);
		spin_unlock(&rq->lock);
		place_task(p, ENQUEUE_MOVE);
	}
	spin_unlock_irqrestore(&p->pi_lock, flags);	/* may preempt current right here */
	return 0;
}

/**
 * set_user_nice() - give @p a new nice value
 * @p: the task
 * @nice: the value, clamped to -20..19
 *
 * Callers check permission first (kernel/sys.c). The queue order does not depend on the
 * weight, so nothing moves: the scheduler charges @p's CPU time at the new weight from its
 * next charge on. No lock: any context, any task, including under tasklist_lock.
 */
void set_user_nice(struct task_struct *p, long nice)
{
	if (nice < MIN_NICE)
		nice = MIN_NICE;
	if (nice > MAX_NICE)
		nice = MAX_NICE;
	WRITE_ONCE(p->static_prio, NICE_TO_PRIO((int)nice));
}

/**
 * idle_balance() - pull one waiting task from the busiest other CPU to this idle CPU
 *
 * Called by the idle loop with IRQs on. Return: true if a task was moved here.
 */
bool idle_balance(void)
{
	unsigned int this = smp_processor_id(), cpu;
	struct rq *dst = cpu_rq(this), *src = NULL;
	struct task_struct *p;
	unsigned int most = 0;
	unsigned long flags;
	bool moved = false;

	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);
		unsigned int n = READ_ONCE(rq->nr_queued);

		if (cpu != this && n > most && READ_ONCE(rq->curr) != rq->idle) {
			most = n;
			src = rq;
		}
	}
	if (!src)
		return false;
	flags = arch_local_irq_save();
	double_rq_lock(dst, src);
	if (dst->nr_queued || src->curr == src->idle)
		goto out_unlock;
	list_for_each_entry(p, &src->queue, run_list) {
		if ((p->cpus_allowed >> this) & 1) {
			deactivate_queued(src, p);
			activate_task(dst, p, ENQUEUE_MOVE);
			moved = true;
			break;
		}
	}
out_unlock:
	double_rq_unlock(dst, src);
	arch_local_irq_restore(flags);
	return moved;
}

/* ---- tasks and pids -------------------------------------------------------------------- */

static struct list_head *pid_bucket(pid_t nr)
{
	return &pid_hash[(unsigned int)nr % PIDHASH_SIZE];
}

/**
 * alloc_pid() - pick an unused pid above the fixed ones (1 init, 2 kthreadd)
 *
 * Return: the pid, or -EAGAIN when all are in use.
 */
pid_t alloc_pid(void)
{
	unsigned long flags;
	pid_t nr = -EAGAIN;

	spin_lock_irqsave(&tasklist_lock, flags);
	for (unsigned int tries = 0; tries < PID_MAX_DEFAULT; tries++) {
		if (++last_pid >= PID_MAX_DEFAULT)
			last_pid = 300;		/* Linux's RESERVED_PIDS */
		if (!find_task_by_pid(last_pid)) {
			nr = last_pid;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return nr;
}

/* Make @p (with its pid set) visible to find_task_by_pid() and in init_tasks. */
void attach_pid(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_add_tail(&p->pid_chain, pid_bucket(p->pid));
	list_add_tail(&p->tasks, &init_tasks);
	if (p->real_parent)
		list_add_tail(&p->sibling, &p->real_parent->children);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void detach_pid(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (!list_empty(&p->pid_chain)) {
		list_del_init(&p->pid_chain);
		list_del_init(&p->tasks);
		list_del_init(&p->sibling);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/**
 * find_task_by_pid() - look a task up by pid
 * @nr: the pid
 *
 * Caller holds tasklist_lock. Return: the task, or NULL.
 */
struct task_struct *find_task_by_pid(pid_t nr)
{
	struct task_struct *p;

	lockdep_assert_held(&tasklist_lock);
	list_for_each_entry(p, pid_bucket(nr), pid_chain)
		if (p->pid == nr)
			return p;
	return NULL;
}

/**
 * find_get_task_by_pid() - look a task up by pid and take a reference
 * @nr: the pid
 *
 * Return: the task (release with put_task_struct()), or NULL.
 */
struct task_struct *find_get_task_by_pid(pid_t nr)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(nr);
	if (p)
		get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

void set_task_comm(struct task_struct *p, const char *name)
{
	strlcpy(p->comm, name, TASK_COMM_LEN);
}

char *get_task_comm(char *buf, struct task_struct *p)
{
	strlcpy(buf, p->comm, TASK_COMM_LEN);
	return buf;
}

/**
 * task_alloc() - a zeroed task with a kernel stack, one reference and state TASK_NEW
 *
 * Return: the task, or NULL when memory is short.
 */
struct task_struct *task_alloc(void)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = (void *)__get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	p->state = TASK_NEW;
	p->cpus_allowed = ~0UL;
	p->preempt_count = PREEMPT_OFFSET;
	p->static_prio = DEFAULT_PRIO;
	p->cpu = smp_processor_id();
	p->exit_signal = -1;
	atomic_set(&p->usage, 1);
	spin_lock_init(&p->pi_lock);
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->pid_chain);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	p->start_jiffies = get_jiffies_64();
	return p;
}

/* The last reference is gone: the task has left every list. */
void __put_task_struct(struct task_struct *p)
{
	WARN_ON_ONCE(!(p->state & (TASK_DEAD | TASK_NEW)));
	WARN_ON_ONCE(p->on_cpu);
	kthread_free(p);
	if (p->stack)
		free_pages((unsigned long)p->stack, THREAD_SIZE_ORDER);
	kfree(p);
}

/**
 * __kernel_thread() - make a kernel thread that will run @fn(@arg), without waking it
 * @fn: the thread function
 * @arg: its argument
 * @comm: its name
 * @pid: the pid to give it, or 0 to allocate one
 *
 * The thread starts when wake_up_new_task() or wake_up_process() is called on it. If @fn
 * returns, the thread calls do_exit(0).
 *
 * Return: the task, or ERR_PTR(-ENOMEM / -EAGAIN).
 */
struct task_struct *__kernel_thread(int (*fn)(void *), void *arg, const char *comm, pid_t pid)
{
	struct task_struct *p = task_alloc();

	if (!p)
		return ERR_PTR(-ENOMEM);
	if (!pid)
		pid = alloc_pid();
	if (pid < 0) {
		put_task_struct(p);
		return ERR_PTR(pid);
	}
	p->pid = p->tgid = pid;
	p->flags = PF_KTHREAD;
	set_task_comm(p, comm);
	p->real_parent = p->parent = pid == 2 || pid == 1 ? NULL : kthreadd_task;
	arch_setup_kthread(p, (unsigned long)p->stack + THREAD_SIZE, fn, arg);
	attach_pid(p);
	return p;
}

/**
 * kernel_thread() - start a kernel thread running @fn(@arg)
 * @fn: the thread function
 * @arg: its argument
 * @comm: its name
 *
 * Return: its pid, or a negative errno.
 */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *comm)
{
	struct task_struct *p = __kernel_thread(fn, arg, comm, 0);

	if (IS_ERR(p))
		return PTR_ERR(p);
	wake_up_new_task(p);
	return p->pid;
}

/**
 * do_exit() - end the current task
 * @code: exit code (kthread_stop() returns it for kernel threads)
 *
 * Leaves the task lists, marks the task TASK_DEAD and switches away for good; the task's
 * memory is freed once the last reference is dropped.
 */
void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;

	if (tsk->flags & PF_IDLE)
		panic("Attempted to kill the idle task!");
	if (tsk->pid == 1)
		panic("Attempted to kill init! exitcode=0x%08lx", (unsigned long)code);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	if (IS_ENABLED(CONFIG_USERSPACE) && tsk->process_private)
		exit_process(code);	/* process teardown; release_task() detaches the pid */
	else
		detach_pid(tsk);
	if (tsk->kthread)
		kthread_exit_notify(tsk, code);
	if (IS_ENABLED(CONFIG_KPROBES))
		kprobe_flush_task(tsk);	/* return probes of frames that never return */
	preempt_disable();
	set_current_state(TASK_DEAD);
	__schedule(false);
	panic("do_exit: dead task %s/%d ran again", tsk->comm, tsk->pid);
}

/* ---- boot ------------------------------------------------------------------------------ */

/* Make @idle, the task of the code running now on @cpu, that CPU's idle task. */
void init_idle(struct task_struct *idle, unsigned int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	idle->state = TASK_RUNNING;
	idle->flags = PF_IDLE | PF_KTHREAD;
	idle->cpu = cpu;
	idle->cpus_allowed = 1UL << cpu;
	idle->on_rq = 1;
	idle->on_cpu = 1;
	idle->exit_signal = -1;
	idle->static_prio = DEFAULT_PRIO;
	atomic_set(&idle->usage, 1);
	spin_lock_init(&idle->pi_lock);
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->tasks);
	INIT_LIST_HEAD(&idle->pid_chain);
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);

	rq->curr = idle;
	arch_set_current(idle);
	smp_store_release(&rq->idle, idle);
}

static struct task_struct idle_task0;

/**
 * sched_init() - set up the scheduler and make the boot context CPU 0's idle task
 */
void sched_init(void)
{
	for (unsigned int i = 0; i < PIDHASH_SIZE; i++)
		INIT_LIST_HEAD(&pid_hash[i]);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		spin_lock_init(&cpu_rq(cpu)->lock);
		cpu_rq(cpu)->cpu = cpu;
		INIT_LIST_HEAD(&cpu_rq(cpu)->queue);
	}
	init_idle(&idle_task0, 0);
}

/**
 * sched_init_secondary() - bring @cpu's scheduler up and run its idle loop (never returns)
 * @cpu: this CPU, called by its bring-up code on its boot stack, IRQs off
 */
void __noreturn sched_init_secondary(unsigned int cpu)
{
	struct task_struct *idle = kzalloc(sizeof(*idle), GFP_KERNEL);

	if (!idle)
		panic("CPU%u: no memory for the idle task", cpu);
	init_idle(idle, cpu);
	cpu_startup_entry();
}
