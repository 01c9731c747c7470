// SPDX-License-Identifier: GPL-2.0-only
/*
 * Processes and signals: the state the process layer (kernel/fork.c, exit.c, signal.c,
 * sys.c, futex.c, itimer.c) hangs off struct task_struct, and the API other subsystems call.
 *
 *   task->process_private  struct task_proc, per thread: blocked mask, private pending
 *                          signals, alternate stack, tid addresses, credentials, user FPU
 *   task->signal           struct signal_struct, per thread group (process): shared pending
 *                          signals, group exit and job-control stop state, process group,
 *                          session, controlling tty, rlimits, ITIMER_REAL, child-wait queue
 *   task->sighand          struct sighand_struct: the handlers and siglock; shared by
 *                          CLONE_SIGHAND
 *
 * Kernel threads have all three NULL: they ignore every signal except that SIGKILL (and
 * anything sent with send_sig_info) sets sigpending so their interruptible sleeps end.
 *
 * Locking: sighand->siglock (IRQs off: timers and the TTY send signals from interrupts)
 * guards pending sets, blocked masks, the actions and the signal_struct's flags and stop
 * counts. tasklist_lock guards parent/child links, process groups and sessions. Order:
 * tasklist_lock -> siglock -> p->pi_lock.
 *
 * A sigset_t is one 64-bit word (x86_64, riscv64 and aarch64 have _NSIG == 64); bit n-1 is
 * signal n, as in Linux's masks and in /proc/PID/status.
 */
#ifndef _STARLING_SIGNAL_H
#define _STARLING_SIGNAL_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/list.h>
#include <starling/atomic.h>
#include <starling/spinlock.h>
#include <starling/sigset.h>
#include <starling/resource.h>
#include <starling/sched.h>
#include <starling/completion.h>
#include <starling/timer.h>

/* ---- kernel objects -------------------------------------------------------------------- */

struct task_struct;
struct pt_regs;

struct sigqueue {
	struct list_head	list;
	kernel_siginfo_t	info;
};

struct sigpending {
	sigset_t		signal;		/* which signals are pending */
	struct list_head	list;		/* struct sigqueue, oldest first */
};

struct sighand_struct {
	atomic_t		count;
	spinlock_t		siglock;
	struct k_sigaction	action[_NSIG];
};

/* signal_struct.flags */
#define SIGNAL_STOP_STOPPED	0x00000001	/* job control stop in effect */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* SIGCONT since WCONTINUED */
#define SIGNAL_GROUP_EXIT	0x00000004	/* group exit in progress */
#define SIGNAL_CLD_STOPPED	0x00000010	/* parent not yet told of the stop */
#define SIGNAL_CLD_CONTINUED	0x00000020	/* parent not yet told of the continue */
#define SIGNAL_STOP_REPORTED	0x00000100	/* wait4(WUNTRACED) already saw this stop */

struct signal_struct {
	atomic_t		sigcnt;		/* references: threads + zombie leader */
	int			nr_threads;	/* live threads; siglock */
	struct list_head	thread_head;	/* task_proc.thread_node; siglock + tasklist */
	struct sigpending	shared_pending;	/* siglock */
	int			group_exit_code; /* siglock */
	struct task_struct	*group_exit_task;
	int			group_stop_count; /* threads still to stop; siglock */
	int			group_stop_sig;	/* the stopping signal, for wait4 */
	struct wait_queue_head	wait_chldexit;	/* wait4() sleepers of this process */
	unsigned int		flags;		/* SIGNAL_*; siglock */

	pid_t			pgrp;		/* tasklist_lock */
	pid_t			session;	/* tasklist_lock */
	void			*tty;		/* controlling tty (drivers/tty); NULL if none */
	int			leader;		/* session leader */

	struct rlimit		rlim[RLIM_NLIMITS];	/* siglock for writers */

	/* interval timers (kernel/itimer.c) */
	struct timer_list	real_timer;
	unsigned long		it_real_incr;	/* interval in jiffies, 0 for one-shot */
	unsigned long		it_real_expires; /* jiffies when armed, else 0 */
	struct task_struct	*it_real_task;	/* gets SIGALRM: the leader that armed it */
	/*
	 * ITIMER_VIRTUAL and ITIMER_PROF count down the process's CPU time (user, and user +
	 * system) tick by tick: {ns left, 0 when disarmed; interval in ns}. Under it_lock,
	 * taken with IRQs off (the tick charges them).
	 */
	spinlock_t		it_lock;
	u64			it_virt[2], it_prof[2];

	/* times() / getrusage(RUSAGE_CHILDREN): reaped children, in ticks */
	unsigned long		cutime, cstime;
	unsigned long		cnvcsw, cnivcsw;
};

struct task_proc {
	struct task_struct	*task;
	struct task_struct	*group_leader;
	struct list_head	thread_node;	/* signal->thread_head */

	sigset_t		blocked;	/* siglock */
	sigset_t		real_blocked;	/* rt_sigtimedwait */
	sigset_t		saved_sigmask;	/* restored on return from a handler setup */
	bool			restore_sigmask;
	struct sigpending	pending;	/* thread-directed (tkill, faults); siglock */
	int			jobctl_stop;	/* must stop for the group stop; siglock */

	unsigned long		sas_ss_sp;	/* sigaltstack */
	size_t			sas_ss_size;
	unsigned int		sas_ss_flags;

	int __user		*set_child_tid;
	int __user		*clear_child_tid;
	void __user		*robust_list;
	size_t			robust_len;

	const struct cred	*cred;		/* kernel/cred.c */
	int			exit_state;	/* 0, EXIT_ZOMBIE or EXIT_DEAD; tasklist_lock */
	int			pdeath_signal;	/* PR_SET_PDEATHSIG */
	pid_t			parent_tid;	/* the thread that forked it, until it died; tasklist_lock */
	bool			exited;		/* exit_process() ran */
	struct completion	*vfork_done;	/* CLONE_VFORK: parent waits on it */
	int			exit_status;	/* wait status word, once a zombie */
};

/* ---- the API --------------------------------------------------------------------------- */

/*
 * Send @sig to the thread group of @p (or to thread @p for send_sig_info with a fault
 * info). @info: a siginfo, SEND_SIG_NOINFO (from user space, SI_USER with current's pid and
 * uid) or SEND_SIG_PRIV (from the kernel, SI_KERNEL). No permission check. Any context.
 * Return: 0, or -EINVAL for a bad signal number.
 */
int send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p);
int send_sig(int sig, struct task_struct *p, int priv);
int do_send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p, bool group);
/* Send to one thread only (tkill, faults). */
int send_sig_thread(int sig, kernel_siginfo_t *info, struct task_struct *p);
/* Fault signals: delivered even if blocked or ignored (then the default action runs). */
void force_sig(int sig);
/* Send @sig to every process in process group @pgrp; @priv as in send_sig(). */
int kill_pgrp(pid_t pgrp, int sig, int priv);
int kill_pid(pid_t pid, int sig, int priv);
/* Is process group @pgrp orphaned (no member has a parent in the same session)? */
bool is_pgrp_orphaned(pid_t pgrp);
/* Is @sig ignored by @p (handler SIG_IGN, or SIG_DFL with an ignore default)? */
bool sig_ignored_by(struct task_struct *p, int sig);
bool unhandled_signal(struct task_struct *t, int sig);
/* Is @sig blocked by current? */
bool sig_blocked(int sig);

/* exec: reset caught signals to SIG_DFL (ignored ones stay ignored), drop the alt stack. */
void flush_signal_handlers(struct task_struct *t, int force_default);
/* exec of a multi-threaded process: kill the other threads, make current the leader. */
int de_thread(struct task_struct *tsk);

/* Current's blocked mask: set, with SIGKILL and SIGSTOP removed. */
void set_current_blocked(sigset_t *newset);
int sigprocmask(int how, sigset_t *set, sigset_t *oldset);

/* Process group and session of @p, its parent's tgid (0 if none). */
pid_t task_pgrp_nr(struct task_struct *p);
pid_t task_session_nr(struct task_struct *p);
pid_t task_ppid_nr(struct task_struct *p);
/* Pending/blocked/ignored/caught masks for /proc/PID/status; 0 for kernel threads. */
void task_sig_masks(struct task_struct *p, u64 *pnd, u64 *shdpnd, u64 *blk, u64 *ign,
		    u64 *cgt);
/* Threads in @p's thread group (1 for kernel threads). */
int get_nr_threads(struct task_struct *p);
/* Is @p a zombie (exited, not yet reaped)? */
bool task_is_zombie(struct task_struct *p);
/* Is @p stopped by job control? */
bool task_is_stopped(struct task_struct *p);

/* The exit of current: thread exit; whole process (exit_group, fatal signal). */
void __noreturn do_group_exit(int exit_code);
/*
 * Process teardown, called by do_exit() for tasks with process state: address space, files,
 * children, the zombie and the parent's SIGCHLD. Idempotent.
 */
void exit_process(long code);
/* Syscall exit work: like exit_to_user_mode(), plus -ERESTART* handling. IRQs off. */
void syscall_exit_to_user_mode(struct pt_regs *regs);
/* Dequeue an unblocked pending signal of current into @info. Return: its number or 0. */
int dequeue_signal(const sigset_t *mask, kernel_siginfo_t *info);
/* Is SIGKILL (or a group exit) pending for @p? */
bool fatal_signal_pending(struct task_struct *p);

/* ITIMER_REAL teardown at the end of a process (kernel/itimer.c). */
void exit_itimers(struct signal_struct *sig);
#if CONFIG_USERSPACE
/* A tick of CPU time charged to @p (user mode if @user_tick): ITIMER_VIRTUAL, ITIMER_PROF. */
void itimer_account_tick(struct task_struct *p, bool user_tick);
#else
static inline void itimer_account_tick(struct task_struct *p, bool user_tick) { }
#endif
/* Release a vfork() parent: current exec'd (call from exec) or is exiting. */
void complete_vfork_done(struct task_struct *tsk);
/* futex (kernel/futex.c) */
int futex_wait(u32 __user *uaddr, u32 val, long timeout, u32 bitset);
int futex_wake(u32 __user *uaddr, int nr, u32 bitset);
long do_futex(u32 __user *uaddr, int op, u32 val, const void __user *utime,
	      u32 __user *uaddr2, u32 val3);
/* wait4() for kernel callers (user pointers may be NULL). */
long kernel_wait4(pid_t upid, int __user *stat_addr, int options, void __user *ru);
long kernel_wait(pid_t pid, int *status, int options);
long ksys_setsid(void);

/* fork/clone. */
struct kernel_clone_args {
	u64		flags;		/* CLONE_* without the exit signal */
	int __user	*pidfd;
	int __user	*child_tid;
	int __user	*parent_tid;
	int		exit_signal;
	unsigned long	stack;
	unsigned long	stack_size;
	unsigned long	tls;
	/* kernel-side forks (kernel threads with their own process state, self-tests) */
	int		(*fn)(void *arg);
	void		*fn_arg;
};

#define CSIGNAL			0x000000ff
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_PIDFD		0x00001000
#define CLONE_PTRACE		0x00002000
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_NEWNS		0x00020000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_DETACHED		0x00400000
#define CLONE_UNTRACED		0x00800000
#define CLONE_CHILD_SETTID	0x01000000
#define CLONE_NEWCGROUP		0x02000000
#define CLONE_NEWUTS		0x04000000
#define CLONE_NEWIPC		0x08000000
#define CLONE_NEWUSER		0x10000000
#define CLONE_NEWPID		0x20000000
#define CLONE_NEWNET		0x40000000
#define CLONE_IO		0x80000000

/* Return: the child's pid in the caller's namespace, or a negative errno. */
pid_t kernel_clone(struct kernel_clone_args *args);
/* Give a kernel thread process state (signals, creds) so it can become a user process. */
int proc_init_task(struct task_struct *p);

/* futex (kernel/futex.c): wake @nr waiters on the private/shared futex at @uaddr. */
int futex_wake_addr(u32 __user *uaddr, int nr);

/* Boot self-test "starling.selftest=proc": 0 when all passed. */
int proc_selftest(void);

static inline struct task_proc *task_proc(const struct task_struct *p)
{
	return (struct task_proc *)p->process_private;
}

static inline struct signal_struct *task_signal(const struct task_struct *p)
{
	return (struct signal_struct *)p->signal;
}

static inline struct sighand_struct *task_sighand(const struct task_struct *p)
{
	return (struct sighand_struct *)p->sighand;
}

static inline bool thread_group_leader(const struct task_struct *p)
{
	return p->pid == p->tgid;
}

#endif /* _STARLING_SIGNAL_H */
