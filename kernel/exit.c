// SPDX-License-Identifier: GPL-2.0-only
/*
 * The end of a process: exit, exit_group, the process teardown that do_exit() runs for
 * tasks with process state (exit_process()), zombies, reparenting to init, SIGCHLD, and
 * wait4/waitid.
 *
 *   running --exit--> exit_process(): clear_child_tid + futex wake, release a vfork parent,
 *                     drop mm, files, fs; leave the thread group
 *           leader:   EXIT_ZOMBIE; once the whole group is gone, SIGCHLD to the parent
 *                     (or reaped at once when the parent ignores SIGCHLD / SA_NOCLDWAIT)
 *           thread:   released at once (threads are never waited for)
 *   zombie  --wait4--> release_task(): off the pid table and the parent's children; the
 *                     process state is freed once the task has switched out for good
 *
 * The wait status word is computed by whoever ends the task: (code & 0xff) << 8 for exit,
 * the signal number (| 0x80 for core-dumping signals) for a fatal signal; it is what
 * do_exit() receives.
 *
 * Lock order: tasklist_lock -> siglock.
 */
#include <starling/signal.h>
#include <starling/cred.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include <starling/kernel.h>
#include <starling/fdtable.h>
#include <starling/mm_user.h>
#include <starling/errno.h>
#include <starling/trace_sched.h>
#include "process/internal.h"

void complete_vfork_done(struct task_struct *tsk);

/* Released tasks whose process state waits to be freed: task_proc.thread_node. */
static LIST_HEAD(deferred_free);
static DEFINE_SPINLOCK(deferred_lock);

/**
 * proc_child_reaper() - the task orphans are given to (pid 1); tasklist_lock held
 *
 * Return: init, or NULL before it exists.
 */
struct task_struct *proc_child_reaper(void)
{
	return find_task_by_pid(1);
}

/**
 * proc_free_deferred() - free the process state of released tasks that are gone for good
 *
 * A released task may still be running its last instructions (a thread releasing itself);
 * its task_proc, credentials, handlers and signal_struct are freed only once it is
 * TASK_DEAD, off the CPU and nobody else holds a reference to it.
 */
void proc_free_deferred(void)
{
	struct task_proc *tp, *n;
	LIST_HEAD(done);
	unsigned long flags;

	spin_lock_irqsave(&deferred_lock, flags);
	list_for_each_entry_safe(tp, n, &deferred_free, thread_node) {
		struct task_struct *t = tp->task;

		if (READ_ONCE(t->state) != TASK_DEAD || smp_load_acquire(&t->on_cpu) ||
		    atomic_read(&t->usage) != 1)
			continue;
		list_move_tail(&tp->thread_node, &done);
	}
	spin_unlock_irqrestore(&deferred_lock, flags);

	list_for_each_entry_safe(tp, n, &done, thread_node) {
		struct task_struct *t = tp->task;

		list_del(&tp->thread_node);
		flush_sigqueue(&tp->pending);
		exit_creds(t);
		sighand_put(task_sighand(t));
		signal_put(task_signal(t));
		t->sighand = t->signal = NULL;
		t->process_private = NULL;
		kfree(tp);
		put_task_struct(t);
	}
}

/**
 * release_task() - the last of a process-layer task: off the pid table and the lists
 * @p: a reaped zombie, or a thread / auto-reaped child releasing itself
 *
 * Drops the process layer's reference (through the deferred free).
 */
void release_task(struct task_struct *p)
{
	struct task_proc *tp = task_proc(p);
	unsigned long flags;

	detach_pid(p);
	spin_lock_irqsave(&tasklist_lock, flags);
	tp->exit_state = EXIT_DEAD;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	spin_lock_irqsave(&deferred_lock, flags);
	list_add_tail(&tp->thread_node, &deferred_free);
	spin_unlock_irqrestore(&deferred_lock, flags);
	proc_free_deferred();
}

/* The wait status of a dead process whose leader is @p. */
static int task_wait_status(struct task_struct *p)
{
	struct signal_struct *sig = task_signal(p);

	if (sig->flags & SIGNAL_GROUP_EXIT)
		return sig->group_exit_code;
	return task_proc(p)->exit_status;
}

/*
 * Tell @leader's parent its process is dead; tasklist_lock held. Return: true when the
 * parent does not want zombies (the caller releases the task).
 */
static bool do_notify_parent(struct task_struct *leader, kernel_siginfo_t *info,
			     struct task_struct **signal_to)
{
	struct task_struct *parent = leader->real_parent;
	struct sighand_struct *psh;
	int status = task_wait_status(leader);
	bool autoreap = false;

	*signal_to = NULL;
	if (!parent || !task_proc(parent))
		return true;
	psh = task_sighand(parent);
	memset(info, 0, sizeof(*info));
	info->si_signo = leader->exit_signal;
	info->si_pid = leader->tgid;
	info->si_uid = task_cred(leader)->uid;
	info->si_utime = leader->utime;
	info->si_stime = leader->stime;
	if ((status & 0x7f) == 0) {
		info->si_code = CLD_EXITED;
		info->si_status = status >> 8;
	} else {
		info->si_code = status & 0x80 ? CLD_DUMPED : CLD_KILLED;
		info->si_status = status & 0x7f;
	}
	if (leader->exit_signal == SIGCHLD &&
	    (psh->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN ||
	     (psh->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (psh->action[SIGCHLD - 1].sa.sa_handler == SIG_IGN)
			leader->exit_signal = -1;
	}
	if (valid_signal(leader->exit_signal) && leader->exit_signal > 0) {
		get_task_struct(parent);
		*signal_to = parent;
	}
	wake_up_interruptible_all(&task_signal(parent)->wait_chldexit);
	return autoreap;
}

/* Give @tsk's children to init; tasklist_lock held. Return: init if a zombie moved to it. */
static struct task_struct *forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *reaper = proc_child_reaper(), *child, *n;
	bool zombie = false;

	if (!reaper || reaper == tsk)
		return NULL;
	list_for_each_entry_safe(child, n, &tsk->children, sibling) {
		child->real_parent = child->parent = reaper;
		list_move_tail(&child->sibling, &reaper->children);
		if (task_proc(child) && task_proc(child)->exit_state == EXIT_ZOMBIE)
			zombie = true;
	}
	return zombie ? reaper : NULL;
}

#define PDEATH_BATCH	16

/*
 * PR_SET_PDEATHSIG: Linux signals a child when the thread that forked it dies, not when the
 * whole parent process does. Take up to PDEATH_BATCH such children of @tsk's process into
 * @out (referenced), forgetting that @tsk forked them; tasklist_lock held.
 */
static int collect_pdeath_children(struct task_struct *tsk, struct task_struct **out)
{
	struct task_struct *leader = task_proc(tsk)->group_leader, *child;
	int n = 0;

	list_for_each_entry(child, &leader->children, sibling) {
		struct task_proc *ctp = task_proc(child);

		if (!ctp || ctp->parent_tid != tsk->pid)
			continue;
		if (n == PDEATH_BATCH)
			break;
		ctp->parent_tid = 0;
		if (!ctp->pdeath_signal || ctp->exit_state)
			continue;
		get_task_struct(child);
		out[n++] = child;
	}
	return n;
}

/* Send each collected child its pdeath_signal, outside tasklist_lock. */
static void send_pdeath_signals(struct task_struct **kids, int n)
{
	for (int i = 0; i < n; i++) {
		do_send_sig_info(task_proc(kids[i])->pdeath_signal, SEND_SIG_NOINFO, kids[i], true);
		put_task_struct(kids[i]);
	}
}

static void exit_pdeath(struct task_struct *tsk)
{
	struct task_struct *kids[PDEATH_BATCH];
	unsigned long flags;
	int n;

	do {
		spin_lock_irqsave(&tasklist_lock, flags);
		n = collect_pdeath_children(tsk, kids);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		send_pdeath_signals(kids, n);
	} while (n == PDEATH_BATCH);
}

static bool pgrp_has_stopped_jobs(struct task_struct *p, long pgrp)
{
	return task_signal(p)->pgrp == pgrp && (task_signal(p)->flags & SIGNAL_STOP_STOPPED);
}

static bool match_pgrp_member(pid_t pgrp)
{
	struct task_struct *p;
	bool any = false;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_tasks, tasks) {
		if (task_proc(p) && !task_proc(p)->exit_state && pgrp_has_stopped_jobs(p, pgrp)) {
			any = true;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return any;
}

/* POSIX: a process group orphaned by this exit with stopped members gets SIGHUP, SIGCONT. */
static void kill_orphaned_pgrp(pid_t pgrp)
{
	if (pgrp <= 0 || !is_pgrp_orphaned(pgrp) || !match_pgrp_member(pgrp))
		return;
	kill_pgrp(pgrp, SIGHUP, 1);
	kill_pgrp(pgrp, SIGCONT, 1);
}

static void exit_notify(struct task_struct *tsk, bool group_dead)
{
	struct task_proc *tp = task_proc(tsk);
	struct task_struct *leader = tp->group_leader, *signal_to = NULL, *reaper = NULL;
	bool release_self = false, release_leader = false;
	kernel_siginfo_t info;
	unsigned long flags;
	pid_t pgrp = task_signal(tsk)->pgrp;

	exit_pdeath(tsk);
	spin_lock_irqsave(&tasklist_lock, flags);
	if (group_dead)
		reaper = forget_original_parent(leader);
	if (leader != tsk) {
		/* A thread: nobody waits for it. */
		tp->exit_state = EXIT_DEAD;
		release_self = true;
		if (group_dead && task_proc(leader)->exit_state == EXIT_ZOMBIE &&
		    do_notify_parent(leader, &info, &signal_to))
			release_leader = true;
	} else {
		tp->exit_state = EXIT_ZOMBIE;
		if (group_dead && do_notify_parent(tsk, &info, &signal_to)) {
			tp->exit_state = EXIT_DEAD;
			release_self = true;
		}
	}
	if (reaper)
		get_task_struct(reaper);
	spin_unlock_irqrestore(&tasklist_lock, flags);

	if (signal_to) {
		do_send_sig_info(info.si_signo, &info, signal_to, true);
		put_task_struct(signal_to);
	}
	if (reaper) {
		/* kernel_init has no signal state to wait with until it runs /init */
		if (task_signal(reaper))
			wake_up_interruptible_all(&task_signal(reaper)->wait_chldexit);
		put_task_struct(reaper);
	}
	if (group_dead)
		kill_orphaned_pgrp(pgrp);
	if (release_leader)
		release_task(leader);
	if (release_self)
		release_task(tsk);
}

/**
 * exit_process() - the process half of do_exit() for a task with process state
 * @code: the wait status word
 *
 * Idempotent; called by do_exit() before the scheduler lets the task go.
 */
void exit_process(long code)
{
	struct task_struct *tsk = current;
	struct task_proc *tp = task_proc(tsk);
	struct signal_struct *sig;
	struct sighand_struct *sh;
	unsigned long flags;
	bool group_dead;

	if (!tp || tp->exited)
		return;
	tp->exited = true;
	tp->exit_status = (int)code;
	sig = task_signal(tsk);
	sh = task_sighand(tsk);

	if (tsk->mm) {
		exit_robust_list(tsk);
		if (tp->clear_child_tid) {
			int __user *ctid = tp->clear_child_tid;

			tp->clear_child_tid = NULL;
			if (!put_user(0, ctid))
				futex_wake_addr((u32 __user *)ctid, 1);
		}
	}
	complete_vfork_done(tsk);
	if (tsk->mm)
		exit_mm();
	trace_sched_process_exit(tsk);
	if (tsk->files)
		exit_files(tsk);
	if (tsk->fs)
		exit_fs(tsk);

	spin_lock_irqsave(&sh->siglock, flags);
	list_del_init(&tp->thread_node);
	group_dead = --sig->nr_threads == 0;
	if (tp->jobctl_stop && sig->group_stop_count > 0) {
		tp->jobctl_stop = 0;
		sig->group_stop_count--;
	}
	flush_sigqueue(&tp->pending);
	spin_unlock_irqrestore(&sh->siglock, flags);
	if (group_dead)
		exit_itimers(sig);

	exit_notify(tsk, group_dead);
}

/**
 * do_group_exit() - end every thread of current's process
 * @exit_code: the wait status word
 */
void __noreturn do_group_exit(int exit_code)
{
	struct signal_struct *sig = task_signal(current);
	struct sighand_struct *sh = task_sighand(current);
	unsigned long flags;

	if (sig) {
		spin_lock_irqsave(&sh->siglock, flags);
		if (sig->flags & SIGNAL_GROUP_EXIT) {
			exit_code = sig->group_exit_code;
		} else if (sig->group_exit_task && sig->group_exit_task != current) {
			/* de_thread() is ending the other threads: exit alone. */
		} else if (sig->nr_threads > 1) {
			sig->group_exit_code = exit_code;
			sig->flags = SIGNAL_GROUP_EXIT;
			zap_other_threads(current);
		}
		spin_unlock_irqrestore(&sh->siglock, flags);
	}
	do_exit(exit_code);
}

/**
 * zap_other_threads() - SIGKILL every other thread of @p's process; siglock held
 * @p: the thread that stays to exit on its own
 */
void zap_other_threads(struct task_struct *p)
{
	struct task_proc *tp;

	task_signal(p)->group_stop_count = 0;
	for_each_thread_proc(task_signal(p), tp) {
		if (tp->task == p || tp->exited)
			continue;
		sigaddset(&tp->pending.signal, SIGKILL);
		tp->jobctl_stop = 0;
		signal_wake_up(tp->task, true);
	}
}

/**
 * de_thread() - exec in a multi-threaded process: end the other threads and take over
 * @tsk: current, about to replace its program
 *
 * The other threads get SIGKILL and exit as single threads; if @tsk is not the group
 * leader it takes the leader's pid, parent and children, and the old leader is released.
 * Return: 0, or -EAGAIN when the process is already exiting, -EINTR on a fatal signal.
 */
int de_thread(struct task_struct *tsk)
{
	struct task_proc *tp = task_proc(tsk), *leader_tp;
	struct signal_struct *sig = task_signal(tsk);
	struct sighand_struct *sh = task_sighand(tsk);
	struct task_struct *leader, *child, *n;
	unsigned long flags;

	if (!tp)
		return 0;
	if (sig->nr_threads == 1 && thread_group_leader(tsk))
		return 0;
	spin_lock_irqsave(&sh->siglock, flags);
	if (sig->flags & SIGNAL_GROUP_EXIT || sig->group_exit_task) {
		spin_unlock_irqrestore(&sh->siglock, flags);
		return -EAGAIN;
	}
	sig->group_exit_task = tsk;
	zap_other_threads(tsk);
	spin_unlock_irqrestore(&sh->siglock, flags);

	leader = tp->group_leader;
	leader_tp = task_proc(leader);
	for (;;) {
		bool alone = READ_ONCE(sig->nr_threads) == 1 &&
			     (leader == tsk || READ_ONCE(leader_tp->exit_state) == EXIT_ZOMBIE);

		if (alone)
			break;
		if (READ_ONCE(sig->flags) & SIGNAL_GROUP_EXIT) {
			sig->group_exit_task = NULL;
			return -EINTR;
		}
		schedule_timeout_uninterruptible(1);
	}

	if (leader != tsk) {
		/* Become the leader: its pid, its parent, its children. */
		detach_pid(tsk);
		detach_pid(leader);
		spin_lock_irqsave(&tasklist_lock, flags);
		tsk->pid = leader->pid;
		tsk->real_parent = leader->real_parent;
		tsk->parent = leader->parent;
		tsk->exit_signal = leader->exit_signal;
		list_for_each_entry_safe(child, n, &leader->children, sibling) {
			child->real_parent = child->parent = tsk;
			list_move_tail(&child->sibling, &tsk->children);
		}
		tp->group_leader = tsk;
		INIT_LIST_HEAD(&tsk->sibling);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		attach_pid(tsk);
		release_task(leader);
	}
	spin_lock_irqsave(&sh->siglock, flags);
	sig->group_exit_task = NULL;
	sigdelset(&tp->pending.signal, SIGKILL);
	recalc_sigpending_tsk(tsk);
	spin_unlock_irqrestore(&sh->siglock, flags);
	return 0;
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* ---- wait ------------------------------------------------------------------------------ */

struct wait_opts {
	int		type;		/* P_ALL, P_PID, P_PGID */
	pid_t		pid;
	int		options;
};

struct wait_result {
	pid_t		pid;
	uid_t		uid;
	int		status;		/* wait4 status word */
	int		code;		/* CLD_* for waitid */
	int		cld_status;
	unsigned long	utime, stime;
	struct task_struct *reap;	/* a zombie to release, with a reference */
};

static bool eligible_child(struct task_struct *p, const struct wait_opts *wo)
{
	if (!task_proc(p) || task_proc(p)->exit_state == EXIT_DEAD)
		return false;
	if (wo->type == P_PID && p->pid != wo->pid)
		return false;
	if (wo->type == P_PGID && task_signal(p)->pgrp != wo->pid)
		return false;
	if (wo->options & __WALL)
		return true;
	return (p->exit_signal != SIGCHLD) == !!(wo->options & __WCLONE);
}

/* Is there something to report about @p? Fill @r; tasklist_lock held. */
static bool wait_consider_task(struct task_struct *p, const struct wait_opts *wo,
			       struct wait_result *r)
{
	struct task_proc *tp = task_proc(p);
	struct signal_struct *sig = task_signal(p);
	struct sighand_struct *sh = task_sighand(p);
	bool found = false;

	r->pid = p->tgid;
	r->uid = task_cred(p)->uid;
	r->utime = p->utime + sig->cutime;
	r->stime = p->stime + sig->cstime;
	if (tp->exit_state == EXIT_ZOMBIE && !sig->nr_threads) {
		if (!(wo->options & WEXITED))
			return false;
		r->status = task_wait_status(p);
		if ((r->status & 0x7f) == 0) {
			r->code = CLD_EXITED;
			r->cld_status = r->status >> 8;
		} else {
			r->code = r->status & 0x80 ? CLD_DUMPED : CLD_KILLED;
			r->cld_status = r->status & 0x7f;
		}
		if (!(wo->options & WNOWAIT)) {
			tp->exit_state = EXIT_DEAD;
			get_task_struct(p);
			r->reap = p;
		}
		return true;
	}
	if (tp->exit_state)
		return false;
	spin_lock(&sh->siglock);
	if ((wo->options & WSTOPPED) && (sig->flags & SIGNAL_STOP_STOPPED) &&
	    !(sig->flags & SIGNAL_STOP_REPORTED) && sig->group_exit_code) {
		r->status = wstatus_stopped(sig->group_exit_code);
		r->code = CLD_STOPPED;
		r->cld_status = sig->group_exit_code;
		if (!(wo->options & WNOWAIT))
			sig->flags |= SIGNAL_STOP_REPORTED;
		found = true;
	} else if ((wo->options & WCONTINUED) && (sig->flags & SIGNAL_STOP_CONTINUED)) {
		r->status = WSTATUS_CONTINUED;
		r->code = CLD_CONTINUED;
		r->cld_status = SIGCONT;
		if (!(wo->options & WNOWAIT))
			sig->flags &= ~SIGNAL_STOP_CONTINUED;
		found = true;
	}
	spin_unlock(&sh->siglock);
	return found;
}

/* Return: > 0 pid reported (in @r), 0 (WNOHANG, nothing yet), -ECHILD, -ERESTARTSYS. */
static long do_wait(const struct wait_opts *wo, struct wait_result *r)
{
	struct task_struct *leader = task_proc(current)->group_leader, *p;
	struct signal_struct *mysig = task_signal(current);
	struct wait_queue_entry wait;
	unsigned long flags;
	long ret;

	init_wait_entry(&wait, 0);
	for (;;) {
		bool any = false, found = false;

		prepare_to_wait(&mysig->wait_chldexit, &wait, TASK_INTERRUPTIBLE);
		spin_lock_irqsave(&tasklist_lock, flags);
		list_for_each_entry(p, &leader->children, sibling) {
			if (!eligible_child(p, wo))
				continue;
			any = true;
			if (wait_consider_task(p, wo, r)) {
				found = true;
				break;
			}
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (found) {
			ret = r->pid;
			break;
		}
		if (!any) {
			ret = -ECHILD;
			break;
		}
		if (wo->options & WNOHANG) {
			ret = 0;
			break;
		}
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	finish_wait(&mysig->wait_chldexit, &wait);
	if (r->reap) {
		struct task_struct *z = r->reap;
		struct signal_struct *zsig = task_signal(z);

		spin_lock_irqsave(&task_sighand(current)->siglock, flags);
		mysig->cutime += z->utime + zsig->cutime;
		mysig->cstime += z->stime + zsig->cstime;
		mysig->cnvcsw += z->nvcsw + zsig->cnvcsw;
		mysig->cnivcsw += z->nivcsw + zsig->cnivcsw;
		spin_unlock_irqrestore(&task_sighand(current)->siglock, flags);
		/* Our reference first: release_task() frees the task now if it is off the CPU. */
		put_task_struct(z);
		release_task(z);
	}
	return ret;
}

struct rusage {
	long	ru_utime_sec, ru_utime_usec;
	long	ru_stime_sec, ru_stime_usec;
	long	ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long	ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

static void ticks_to_tv(unsigned long ticks, long *sec, long *usec)
{
	u64 us = (u64)jiffies_to_usecs(ticks);

	*sec = us / 1000000;
	*usec = us % 1000000;
}

static int put_rusage(struct rusage __user *ru, const struct wait_result *r)
{
	struct rusage k;

	memset(&k, 0, sizeof(k));
	ticks_to_tv(r->utime, &k.ru_utime_sec, &k.ru_utime_usec);
	ticks_to_tv(r->stime, &k.ru_stime_sec, &k.ru_stime_usec);
	return copy_to_user(ru, &k, sizeof(k)) ? -EFAULT : 0;
}

/**
 * kernel_wait4() - wait4() for kernel callers and the system call
 * @upid: > 0 that child, 0 current's process group, -1 any child, < -1 process group -upid
 * @stat_addr: user pointer for the status word, or NULL
 * @options: WNOHANG, WUNTRACED, WCONTINUED, __WCLONE, __WALL, __WNOTHREAD
 * @ru: user pointer for a struct rusage, or NULL
 *
 * Return: the child's pid, 0 (WNOHANG), -ECHILD, -EINVAL, -EFAULT or -ERESTARTSYS.
 */
static long __wait4(pid_t upid, int options, struct wait_result *r)
{
	struct wait_opts wo = { .options = options | WEXITED };

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (upid == INT32_MIN)
		return -ESRCH;
	if (!task_proc(current))
		return -ECHILD;
	if (upid == -1) {
		wo.type = P_ALL;
	} else if (upid < 0) {
		wo.type = P_PGID;
		wo.pid = -upid;
	} else if (upid == 0) {
		wo.type = P_PGID;
		wo.pid = task_pgrp_nr(current);
	} else {
		wo.type = P_PID;
		wo.pid = upid;
	}
	return do_wait(&wo, r);
}

long kernel_wait4(pid_t upid, int __user *stat_addr, int options, void __user *ru)
{
	struct wait_result r = { 0 };
	long ret = __wait4(upid, options, &r);

	if (ret > 0) {
		if (stat_addr && put_user(r.status, stat_addr))
			return -EFAULT;
		if (ru && put_rusage(ru, &r))
			return -EFAULT;
	}
	return ret;
}

/**
 * kernel_wait() - wait4() for kernel code, with the status word in kernel memory
 * @pid: as for wait4()
 * @status: receives the status word (may be NULL)
 * @options: as for wait4()
 *
 * Return: as kernel_wait4().
 */
long kernel_wait(pid_t pid, int *status, int options)
{
	struct wait_result r = { 0 };
	long ret = __wait4(pid, options, &r);

	if (ret > 0 && status)
		*status = r.status;
	return ret;
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options,
		void __user *, ru)
{
	return kernel_wait4(upid, stat_addr, options, ru);
}

SYSCALL_DEFINE5(waitid, int, which, pid_t, upid, siginfo_t __user *, infop, int, options,
		void __user *, ru)
{
	struct wait_opts wo = { .options = options };
	struct wait_result r = { 0 };
	kernel_siginfo_t info;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		wo.type = P_ALL;
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		wo.type = P_PID;
		wo.pid = upid;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		wo.type = P_PGID;
		wo.pid = upid ? upid : task_pgrp_nr(current);
		break;
	default:
		return -EINVAL;
	}
	if (!task_proc(current))
		return -ECHILD;
	ret = do_wait(&wo, &r);
	if (ret < 0)
		return ret;
	memset(&info, 0, sizeof(info));
	if (ret > 0) {
		info.si_signo = SIGCHLD;
		info.si_code = r.code;
		info.si_pid = r.pid;
		info.si_uid = r.uid;
		info.si_status = r.cld_status;
	}
	if (infop && copy_to_user(infop, &info, sizeof(info)))
		return -EFAULT;
	if (ru && ret > 0 && put_rusage(ru, &r))
		return -EFAULT;
	return 0;
}

/* ---- /proc helpers --------------------------------------------------------------------- */

bool task_is_zombie(struct task_struct *p)
{
	struct task_proc *tp = task_proc(p);

	return tp && tp->exit_state == EXIT_ZOMBIE;
}

bool task_is_stopped(struct task_struct *p)
{
	return READ_ONCE(p->state) & __TASK_STOPPED;
}

int get_nr_threads(struct task_struct *p)
{
	struct signal_struct *sig = task_signal(p);

	return sig ? sig->nr_threads : 1;
}
