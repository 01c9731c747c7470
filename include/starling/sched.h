// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tasks and the scheduler (kernel/sched/). Every CPU has a run queue of runnable tasks and an
 * idle task (pid 0, "swapper/N") that runs when the queue is empty. The queue is kept in
 * order of virtual runtime, CPU time weighted by the task's nice value (kernel/sched/fair.h),
 * and the CPU goes to the task that has had the least: busy tasks share a CPU in proportion
 * to their weights. Tasks sleep by setting their state and calling schedule();
 * try_to_wake_up() puts them back on a run queue.
 *
 * Preemption: scheduler_tick() marks the running task need-resched when its virtual runtime
 * has got ahead of a waiting task's by the scheduler's granularity; wakeups mark an idle CPU
 * need-resched (with a reschedule IPI when it is another CPU). The flag is acted on by
 * preempt_enable() (preempt_schedule()), by the arch's return from interrupt to kernel mode
 * (preempt_schedule_irq()), and on the way back to user mode.
 *
 * Preemption count across a context switch: the count is per CPU. schedule() saves the
 * outgoing task's count in task->preempt_count and the incoming task restores its own saved
 * value right after arch_switch_to() returns. Since schedule() refuses to run in atomic
 * context and holds exactly the run-queue lock while switching, every saved count is
 * PREEMPT_OFFSET; a new task starts with preempt_count = PREEMPT_OFFSET and schedule_tail()
 * drops it to zero when it releases the run-queue lock.
 */
#ifndef _STARLING_SCHED_H
#define _STARLING_SCHED_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/atomic.h>
#include <starling/list.h>
#include <starling/spinlock.h>
#include <starling/preempt.h>
#include <starling/smp.h>
#include <starling/sched/prio.h>
#include <asm/switch_to.h>
#include <asm/current.h>

#define TASK_COMM_LEN		16
#define PID_MAX_DEFAULT		0x8000

/* Task states, Linux's values (as shown by /proc/PID/stat, sched_switch prev_state). */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define __TASK_STOPPED		0x0004
#define __TASK_TRACED		0x0008
#define EXIT_DEAD		0x0010
#define EXIT_ZOMBIE		0x0020
#define TASK_PARKED		0x0040
#define TASK_DEAD		0x0080
#define TASK_WAKEKILL		0x0100
#define TASK_WAKING		0x0200
#define TASK_NOLOAD		0x0400
#define TASK_NEW		0x0800
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE		(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* task->flags, Linux's values. */
#define PF_IDLE			0x00000002	/* the idle task of a CPU */
#define PF_EXITING		0x00000004	/* in do_exit() */
#define PF_FORKNOEXEC		0x00000040	/* forked but has not exec'd (setpgid) */
#define PF_KTHREAD		0x00200000	/* kernel thread: no user half */

#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))

struct mm_struct;
struct kthread;

/*
 * Locking: pi_lock serialises wakeups and affinity changes of one task; the run-queue lock of
 * the task's CPU (struct rq, kernel/sched/) guards on_rq, cpu and run_list. Lock order:
 * pi_lock -> rq->lock (two run queues: lower CPU number first) -> tasklist_lock.
 */
struct task_struct {
	struct thread_struct	thread;		/* must stay first: the arch switch code */
	unsigned int		state;		/* TASK_*: the task itself, or wakers under pi_lock */
	unsigned int		flags;		/* PF_*: the task itself */
	int			on_rq;		/* runnable (queued or running); under rq->lock */
	int			on_cpu;		/* running, or still switching out; release-cleared */
	unsigned int		cpu;		/* run queue it is on / last ran on; rq->lock */
	int			need_resched;	/* set by resched_curr(), cleared by schedule() */
	int			static_prio;	/* 120 + nice; set_user_nice(), read anywhere */
	u64			vruntime;	/* weighted ns of CPU; rq->lock (see sched.h) */
	u64			exec_start;	/* local_clock() at the last charge; rq->lock */
	int			migrate_pending; /* switched out on a CPU it may no longer use */
	unsigned int		preempt_count;	/* saved while switched out */
	unsigned long		cpus_allowed;	/* CPU mask; under pi_lock + rq->lock */
	spinlock_t		pi_lock;
	struct list_head	run_list;	/* rq->queue; under rq->lock */

	pid_t			pid;		/* 0 for the idle tasks */
	pid_t			tgid;
	char			comm[TASK_COMM_LEN];	/* get_task_comm()/set_task_comm() */
	atomic_t		usage;		/* get_task_struct()/put_task_struct() */
	void			*stack;		/* THREAD_SIZE bytes, or NULL for a boot stack */
	struct list_head	tasks;		/* every task but the idle ones; tasklist_lock */
	struct list_head	pid_chain;	/* pid hash bucket; tasklist_lock */

	struct task_struct	*real_parent;	/* tasklist_lock */
	struct task_struct	*parent;
	struct list_head	children;	/* tasklist_lock */
	struct list_head	sibling;	/* in the parent's children; tasklist_lock */
	int			exit_code;
	int			exit_signal;

	struct kthread		*kthread;	/* kernel/kthread.c; NULL for other tasks */
	unsigned long		sigpending;	/* non-zero: signal_pending() (signals code) */

	/* Filled in by the process layer (fork, exec, files, signals); NULL for kthreads. */
	struct mm_struct	*mm;
	struct mm_struct	*active_mm;
	void			*files;
	void			*fs;
	void			*signal;
	void			*sighand;
	void			*process_private;

	/* Accounting, in ticks and switches. */
	u64			start_jiffies;
	unsigned long		utime, stime;	/* ticks charged in user / kernel mode */
	unsigned long		nvcsw, nivcsw;	/* voluntary / involuntary switches */
};

/* The flag resched_curr() sets: one load where the task is known (preempt_enable() too). */
static __always_inline bool task_need_resched(const struct task_struct *t)
{
	return t && READ_ONCE(t->need_resched);
}
#define need_resched()	task_need_resched(current)

extern spinlock_t tasklist_lock;
extern struct list_head init_tasks;	/* every task but the idle ones; tasklist_lock */
extern bool scheduler_running;	/* set by rest_init(); might_sleep() checks from then on */

/* ---- state ----------------------------------------------------------------------------- */

#define __set_current_state(s)	WRITE_ONCE(current->state, (s))
/* Set current's state with a full barrier, before testing the condition it sleeps on. */
#define set_current_state(s) do {					\
	WRITE_ONCE(current->state, (s));				\
	smp_mb();							\
} while (0)

static inline bool signal_pending(struct task_struct *p)
{
	return READ_ONCE(p->sigpending) != 0;
}

static inline bool signal_pending_state(unsigned int state, struct task_struct *p)
{
	return (state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) && signal_pending(p);
}

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return READ_ONCE(p->cpu);
}

/* The nice value of @p, -20..19. */
static inline int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(READ_ONCE(p->static_prio));
}

/* The priority sched_switch and sched_wakeup report: 120 + nice (no real-time policies). */
static inline int task_trace_prio(const struct task_struct *p)
{
	return READ_ONCE(p->static_prio);
}

/* The priority /proc/PID/stat reports (field 18): 20 + nice. */
static inline int task_prio(const struct task_struct *p)
{
	return READ_ONCE(p->static_prio) - MAX_RT_PRIO;
}

static inline bool is_idle_task(const struct task_struct *p)
{
	return p->flags & PF_IDLE;
}

static inline void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}

void __put_task_struct(struct task_struct *p);

static inline void put_task_struct(struct task_struct *p)
{
	if (atomic_dec_and_test(&p->usage))
		__put_task_struct(p);
}

/* ---- the scheduler --------------------------------------------------------------------- */

void schedule(void);
void schedule_tail(struct task_struct *prev);
void preempt_schedule(void);
void preempt_schedule_irq(void);
void yield(void);
int cond_resched(void);
void scheduler_tick(bool user_tick);
void scheduler_ipi(void);

int try_to_wake_up(struct task_struct *p, unsigned int state, int wake_flags);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p);
int set_cpus_allowed_ptr(struct task_struct *p, const unsigned long *new_mask);
void kick_process(struct task_struct *p);
void set_user_nice(struct task_struct *p, long nice);

/* Panics ("BUG: sleeping function called from invalid context") in atomic context. */
void __might_sleep(const char *file, int line);
#define might_sleep()	__might_sleep(__FILE__, __LINE__)

/* ---- tasks ----------------------------------------------------------------------------- */

struct task_struct *task_alloc(void);
pid_t alloc_pid(void);
void attach_pid(struct task_struct *p);
void detach_pid(struct task_struct *p);
struct task_struct *find_task_by_pid(pid_t nr);	/* caller holds tasklist_lock */
struct task_struct *find_get_task_by_pid(pid_t nr);	/* with a reference, or NULL */
void set_task_comm(struct task_struct *p, const char *name);
char *get_task_comm(char *buf, struct task_struct *p);	/* buf: TASK_COMM_LEN bytes */
struct task_struct *__kernel_thread(int (*fn)(void *), void *arg, const char *comm, pid_t pid);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *comm);
void __noreturn do_exit(long code);

/* ---- boot and idle --------------------------------------------------------------------- */

void sched_init(void);
void sched_init_secondary(unsigned int cpu);
void __noreturn cpu_startup_entry(void);
/* Arch: wait for an interrupt. Entered with IRQs off; returns with IRQs on (sti; hlt). */
void arch_cpu_idle(void);

/* kernel/sched/selftest.c: the "starling.selftest=sched" boot test; returns failures. */
int sched_selftest(void);

#endif /* _STARLING_SCHED_H */
