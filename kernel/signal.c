// SPDX-License-Identifier: GPL-2.0-only
/*
 * Signals: sending (kill, tkill, tgkill, kernel senders such as the TTY and faults),
 * pending queues, job control, choosing a signal on the way back to user mode, and the
 * generic system calls (rt_sigaction, rt_sigprocmask, rt_sigpending, rt_sigsuspend, pause,
 * sigaltstack), and system call restart around a handler. The arch builds and tears down the
 * signal frame (arch/<arch>/kernel/signal.c).
 *
 * A signal's life:
 *
 *   send:     prepare_signal() applies SIGCONT/stop side effects and drops ignored signals;
 *             the signal is queued on the thread (tkill, faults) or on the process
 *             (shared_pending); complete_signal() picks a thread that does not block it and
 *             wakes it (a fatal signal with the default action starts a group exit at once)
 *   deliver:  exit_to_user_mode() -> arch_do_signal_or_restart() -> get_signal(), which
 *             dequeues the lowest unblocked signal (faults first) and runs default actions
 *             (ignore, stop, terminate) itself; a handler returns to the arch for a frame
 *
 * Job control: a stop signal's default action stops every thread of the process
 * (group_stop_count counts those still running); the last one to stop sets
 * SIGNAL_STOP_STOPPED and notifies the parent (CLD_STOPPED, unless SA_NOCLDSTOP). SIGCONT,
 * when sent, removes pending stop signals, clears the stop, wakes the threads and notifies
 * the parent (CLD_CONTINUED). wait4() reports both through WUNTRACED and WCONTINUED.
 *
 * Lock order: tasklist_lock -> sighand->siglock -> p->pi_lock / rq->lock.
 */
#include <starling/signal.h>
#include <starling/cred.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include <starling/kernel.h>
#include <starling/entry.h>
#include <starling/errno.h>
#include <starling/time.h>
#include <asm/irqflags.h>
#include <asm/syscall.h>
#include "process/internal.h"

/* ---- pending sets ---------------------------------------------------------------------- */

void init_sigpending(struct sigpending *sig)
{
	sigemptyset(&sig->signal);
	INIT_LIST_HEAD(&sig->list);
}

void flush_sigqueue(struct sigpending *pending)
{
	struct sigqueue *q, *n;

	sigemptyset(&pending->signal);
	list_for_each_entry_safe(q, n, &pending->list, list) {
		list_del(&q->list);
		kfree(q);
	}
}

/* Remove the signals in @mask from @s and free their queue entries. */
static void flush_sigqueue_mask(const sigset_t *mask, struct sigpending *s)
{
	struct sigqueue *q, *n;
	sigset_t m;

	sigandsets(&m, mask, &s->signal);
	if (sigisemptyset(&m))
		return;
	sigandnsets(&s->signal, &s->signal, mask);
	list_for_each_entry_safe(q, n, &s->list, list) {
		if (sigismember(mask, q->info.si_signo)) {
			list_del(&q->list);
			kfree(q);
		}
	}
}

/* Remove @mask from the process's and every thread's pending set; siglock held. */
static void flush_signal_mask_all(struct signal_struct *sig, unsigned long mask)
{
	struct task_proc *tp;
	sigset_t m = { { mask } };

	flush_sigqueue_mask(&m, &sig->shared_pending);
	for_each_thread_proc(sig, tp)
		flush_sigqueue_mask(&m, &tp->pending);
}

/**
 * recalc_sigpending_tsk() - recompute t->sigpending from its pending sets and state
 * @t: a task with process state; its siglock held
 */
void recalc_sigpending_tsk(struct task_struct *t)
{
	struct task_proc *tp = task_proc(t);
	struct signal_struct *sig = task_signal(t);
	unsigned long blocked = tp->blocked.sig[0];
	bool pend;

	pend = (tp->pending.signal.sig[0] & ~blocked) ||
	       (sig->shared_pending.signal.sig[0] & ~blocked) ||
	       tp->jobctl_stop || (sig->flags & SIGNAL_GROUP_EXIT);
	WRITE_ONCE(t->sigpending, pend);
}

void recalc_sigpending(void)
{
	struct sighand_struct *sh = task_sighand(current);
	unsigned long flags;

	if (!sh)
		return;
	spin_lock_irqsave(&sh->siglock, flags);
	recalc_sigpending_tsk(current);
	spin_unlock_irqrestore(&sh->siglock, flags);
}

/**
 * signal_wake_up() - tell @t it has a signal to look at
 * @t: the task; its siglock held
 * @fatal: also wake killable and job-control-stopped sleeps
 */
void signal_wake_up(struct task_struct *t, bool fatal)
{
	unsigned int state = TASK_INTERRUPTIBLE;

	WRITE_ONCE(t->sigpending, 1);
	if (fatal)
		state |= TASK_WAKEKILL | TASK_JOBSTOP;
	if (!wake_up_state(t, state))
		kick_process(t);
}

bool fatal_signal_pending(struct task_struct *p)
{
	struct task_proc *tp = task_proc(p);
	struct signal_struct *sig = task_signal(p);

	if (!tp || !signal_pending(p))
		return false;
	return sigismember(&tp->pending.signal, SIGKILL) || (sig->flags & SIGNAL_GROUP_EXIT);
}

/* ---- sending --------------------------------------------------------------------------- */

/**
 * unhandled_signal() - whether @t has no handler of its own for @sig
 * @t: the task
 * @sig: the signal
 *
 * Linux prints a user fault's "segfault at" line only then (and always for init).
 * Return: true for SIG_DFL or SIG_IGN, or when @t is init.
 */
bool unhandled_signal(struct task_struct *t, int sig)
{
	__sighandler_t handler = task_sighand(t)->action[sig - 1].sa.sa_handler;

	return t->tgid == 1 || handler == SIG_DFL || handler == SIG_IGN;
}

/* Is @sig ignored by @t's handler (SIG_IGN, or SIG_DFL with an ignoring default)? */
bool sig_task_ignored(struct task_struct *t, int sig)
{
	__sighandler_t handler = task_sighand(t)->action[sig - 1].sa.sa_handler;

	if (handler == SIG_IGN)
		return true;
	if (handler != SIG_DFL)
		return false;
	if (sig_kernel_ignore(sig))
		return true;
	/* init gets only the signals it has handlers for (Linux's SIGNAL_UNKILLABLE). */
	return t->tgid == 1;
}

bool sig_ignored_by(struct task_struct *p, int sig)
{
	if (!task_sighand(p))
		return true;
	return sig_task_ignored(p, sig);
}

static bool sig_ignored(struct task_struct *t, int sig)
{
	/* A blocked signal is kept: the handler may change before it is unblocked. */
	if (sigismember(&task_proc(t)->blocked, sig))
		return false;
	return sig_task_ignored(t, sig);
}

/*
 * Side effects of sending @sig to @p's process, before queueing it; siglock held.
 * Return: whether to queue it. *@notify: a CLD_* code to report to the parent afterwards.
 */
static bool prepare_signal(int sig, struct task_struct *p, int *notify)
{
	struct signal_struct *signal = task_signal(p);
	struct task_proc *tp;

	if (signal->flags & SIGNAL_GROUP_EXIT)
		return sig == SIGKILL;
	if (sig_kernel_stop(sig)) {
		flush_signal_mask_all(signal, sigmask(SIGCONT));
	} else if (sig == SIGCONT) {
		flush_signal_mask_all(signal, SIG_KERNEL_STOP_MASK);
		for_each_thread_proc(signal, tp) {
			tp->jobctl_stop = 0;
			wake_up_state(tp->task, TASK_JOBSTOP);
		}
		if (signal->flags & SIGNAL_STOP_STOPPED) {
			signal->flags = SIGNAL_STOP_CONTINUED;
			signal->group_exit_code = 0;
			*notify = CLD_CONTINUED;
		} else if (signal->group_stop_count) {
			/* A stop in progress is cancelled; the parent hears of neither. */
			signal->group_stop_count = 0;
		}
		for_each_thread_proc(signal, tp)
			recalc_sigpending_tsk(tp->task);
	}
	return !sig_ignored(p, sig);
}

static bool wants_signal(int sig, struct task_struct *t)
{
	struct task_proc *tp = task_proc(t);

	if (sigismember(&tp->blocked, sig) || tp->exited)
		return false;
	if (sig == SIGKILL)
		return true;
	if (READ_ONCE(t->state) & TASK_JOBSTOP)
		return false;
	return true;
}

/* Find a thread to take @sig and wake it; siglock held. */
static void complete_signal(int sig, struct task_struct *p, bool group)
{
	struct signal_struct *signal = task_signal(p);
	struct task_struct *t = NULL;
	struct task_proc *tp;

	if (wants_signal(sig, p)) {
		t = p;
	} else if (group) {
		for_each_thread_proc(signal, tp) {
			if (wants_signal(sig, tp->task)) {
				t = tp->task;
				break;
			}
		}
	}
	if (!t)
		return;		/* blocked everywhere: stays pending */

	if (!(signal->flags & SIGNAL_GROUP_EXIT) && !sig_kernel_coredump(sig) &&
	    task_sighand(t)->action[sig - 1].sa.sa_handler == SIG_DFL &&
	    (sig == SIGKILL || sig_default_action(sig) == SIG_DFL_TERM) &&
	    (group || sig == SIGKILL) && !(t->tgid == 1 && sig != SIGKILL) &&
	    (sig == SIGKILL || !sigismember(&task_proc(t)->real_blocked, sig))) {
		/* Fatal: take the whole process down now. */
		signal->flags = SIGNAL_GROUP_EXIT;
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		for_each_thread_proc(signal, tp) {
			sigaddset(&tp->pending.signal, SIGKILL);
			tp->jobctl_stop = 0;
			signal_wake_up(tp->task, true);
		}
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

static void fill_siginfo(kernel_siginfo_t *dst, int sig, const kernel_siginfo_t *info)
{
	if (info == SEND_SIG_NOINFO) {
		memset(dst, 0, sizeof(*dst));
		dst->si_signo = sig;
		dst->si_code = SI_USER;
		dst->si_pid = current->tgid;
		dst->si_uid = current_uid();
	} else if (info == SEND_SIG_PRIV) {
		memset(dst, 0, sizeof(*dst));
		dst->si_signo = sig;
		dst->si_code = SI_KERNEL;
	} else {
		*dst = *info;
	}
}

static int __send_signal_locked(int sig, kernel_siginfo_t *info, struct task_struct *t,
				bool group, int *notify)
{
	struct task_proc *tp = task_proc(t);
	struct sigpending *pending;
	struct sigqueue *q;

	if (!prepare_signal(sig, t, notify))
		return 0;
	pending = group ? &task_signal(t)->shared_pending : &tp->pending;
	/* Standard signals do not queue: one pending instance at most. */
	if (sig < SIGRTMIN && sigismember(&pending->signal, sig))
		return 0;
	q = kmalloc(sizeof(*q), GFP_ATOMIC);
	if (q) {
		fill_siginfo(&q->info, sig, info);
		list_add_tail(&q->list, &pending->list);
	} else if (sig >= SIGRTMIN && info != SEND_SIG_PRIV) {
		return -EAGAIN;
	}
	sigaddset(&pending->signal, sig);
	complete_signal(sig, t, group);
	return 0;
}

/**
 * do_send_sig_info() - queue @sig for @p and wake a thread to take it
 * @sig: the signal (1.._NSIG); 0 does nothing
 * @info: siginfo, SEND_SIG_NOINFO or SEND_SIG_PRIV
 * @p: the target
 * @group: to the process (shared pending) rather than to thread @p
 *
 * No permission checks. Kernel threads without process state ignore signals.
 * Return: 0, -EINVAL for a bad number, -EAGAIN when a real-time signal cannot be queued.
 */
int do_send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p, bool group)
{
	struct sighand_struct *sh = task_sighand(p);
	unsigned long flags;
	int notify = 0, ret;

	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	if (!sig || !sh || !task_proc(p))
		return 0;
	spin_lock_irqsave(&sh->siglock, flags);
	ret = __send_signal_locked(sig, info, p, group, &notify);
	spin_unlock_irqrestore(&sh->siglock, flags);
	if (notify)
		do_notify_parent_cldstop(p, notify);
	return ret;
}

int send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p)
{
	return do_send_sig_info(sig, info, p, true);
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	return do_send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, p, true);
}

int send_sig_thread(int sig, kernel_siginfo_t *info, struct task_struct *p)
{
	return do_send_sig_info(sig, info, p, false);
}

/*
 * A synchronous signal current must take: unblock it and reset an ignoring handler, so
 * that a fault in a program that blocks or ignores SIGSEGV still ends it.
 */
static void force_sig_info(int sig, kernel_siginfo_t *info)
{
	struct task_struct *t = current;
	struct sighand_struct *sh = task_sighand(t);
	struct k_sigaction *ka;
	unsigned long flags;
	int notify = 0;

	if (!sh)
		return;
	spin_lock_irqsave(&sh->siglock, flags);
	ka = &sh->action[sig - 1];
	if (ka->sa.sa_handler == SIG_IGN || sigismember(&task_proc(t)->blocked, sig)) {
		ka->sa.sa_handler = SIG_DFL;
		sigdelset(&task_proc(t)->blocked, sig);
	}
	__send_signal_locked(sig, info, t, false, &notify);
	recalc_sigpending_tsk(t);
	spin_unlock_irqrestore(&sh->siglock, flags);
}

/**
 * force_sig() - deliver @sig to current even if it blocks or ignores it
 * @sig: the signal
 */
void force_sig(int sig)
{
	force_sig_info(sig, SEND_SIG_PRIV);
}

/**
 * force_sig_fault() - a user-mode fault nothing handled: send @sig to current
 * @sig: SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP
 * @code: si_code (SEGV_MAPERR, ...)
 * @addr: the faulting address, for si_addr
 */
void force_sig_fault(int sig, int code, unsigned long addr)
{
	kernel_siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = (void __user *)addr;
	force_sig_info(sig, &info);
}

/* ---- permission checks and group sends ------------------------------------------------- */

static bool kill_ok_by_cred(struct task_struct *t)
{
	const struct cred *c = current_cred(), *tc = task_cred(t);

	return c->euid == tc->suid || c->euid == tc->uid || c->uid == tc->suid ||
	       c->uid == tc->uid || capable(CAP_KILL);
}

static int check_kill_permission(int sig, kernel_siginfo_t *info, struct task_struct *t)
{
	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	if (info == SEND_SIG_PRIV)
		return 0;
	if (t->tgid == current->tgid || kill_ok_by_cred(t))
		return 0;
	if (sig == SIGCONT && task_session_nr(t) == task_session_nr(current))
		return 0;
	return -EPERM;
}

/* Refs to every process leader matching @match, collected under tasklist_lock. */
static int collect_processes(bool (*match)(struct task_struct *p, long arg), long arg,
			     struct task_struct ***out)
{
	struct task_struct **arr = NULL, *p;
	unsigned long flags;
	int n = 0, cap = 0;

again:
	spin_lock_irqsave(&tasklist_lock, flags);
	n = 0;
	list_for_each_entry(p, &init_tasks, tasks) {
		if (!task_proc(p) || !thread_group_leader(p) || task_proc(p)->exit_state ||
		    !match(p, arg))
			continue;
		if (n < cap) {
			get_task_struct(p);
			arr[n] = p;
		}
		n++;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (n > cap) {
		for (int i = 0; i < cap; i++)
			put_task_struct(arr[i]);
		kfree(arr);
		cap = n + 8;
		arr = kmalloc(cap * sizeof(*arr), GFP_ATOMIC);	/* kill_pgrp() runs in IRQs */
		if (!arr)
			return -ENOMEM;
		goto again;
	}
	*out = arr;
	return n;
}

static bool match_pgrp(struct task_struct *p, long pgrp)
{
	return task_signal(p)->pgrp == pgrp;
}

static bool match_all_but_init_and_self(struct task_struct *p, long unused)
{
	return p->tgid > 1 && p->tgid != current->tgid;
}

/* Send to each collected process; Linux's result rules for kill(0/-pgrp/-1). */
static int send_to_collected(int sig, kernel_siginfo_t *info, struct task_struct **arr, int n,
			     bool check)
{
	int ret = -ESRCH, err;
	bool any_ok = false;

	for (int i = 0; i < n; i++) {
		err = check ? check_kill_permission(sig, info, arr[i]) : 0;
		if (!err)
			err = do_send_sig_info(sig, info, arr[i], true);
		if (!err)
			any_ok = true;
		else
			ret = err;
		put_task_struct(arr[i]);
	}
	kfree(arr);
	return any_ok ? 0 : ret;
}

static int __kill_pgrp_info(int sig, kernel_siginfo_t *info, pid_t pgrp, bool check)
{
	struct task_struct **arr;
	int n = collect_processes(match_pgrp, pgrp, &arr);

	if (n < 0)
		return n;
	if (!n) {
		kfree(arr);
		return -ESRCH;
	}
	return send_to_collected(sig, info, arr, n, check);
}

/**
 * kill_pgrp() - send @sig to every process in process group @pgrp (the TTY's ^C, ^Z, ^\)
 * @pgrp: the process group id
 * @sig: the signal
 * @priv: 1 for a kernel-originated signal (SI_KERNEL), 0 for SI_USER from current
 *
 * Return: 0 if any process got it, else -ESRCH.
 */
int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	return __kill_pgrp_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, pgrp, false);
}

/**
 * kill_pid() - send @sig to process @pid without permission checks
 * @pid: the pid
 * @sig: the signal
 * @priv: as for kill_pgrp()
 *
 * Return: 0, or -ESRCH.
 */
int kill_pid(pid_t pid, int sig, int priv)
{
	struct task_struct *p = find_get_task_by_pid(pid);
	int ret;

	if (!p)
		return -ESRCH;
	ret = do_send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, p, true);
	put_task_struct(p);
	return ret;
}

static int kill_proc_info(int sig, kernel_siginfo_t *info, pid_t pid)
{
	struct task_struct *p = find_get_task_by_pid(pid);
	int ret;

	if (!p || !task_proc(p)) {
		if (p)
			put_task_struct(p);
		return -ESRCH;
	}
	ret = check_kill_permission(sig, info, p);
	if (!ret && sig)
		ret = do_send_sig_info(sig, info, p, true);
	put_task_struct(p);
	return ret;
}

static int kill_something_info(int sig, kernel_siginfo_t *info, pid_t pid)
{
	struct task_struct **arr;
	int n;

	if (pid > 0)
		return kill_proc_info(sig, info, pid);
	if (pid == -1) {
		n = collect_processes(match_all_but_init_and_self, 0, &arr);
		if (n < 0)
			return n;
		if (!n) {
			kfree(arr);
			return -ESRCH;
		}
		return send_to_collected(sig, info, arr, n, true);
	}
	if (pid == INT32_MIN)
		return -ESRCH;
	return __kill_pgrp_info(sig, info, pid ? -pid : task_pgrp_nr(current), true);
}

SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	return kill_something_info(sig, SEND_SIG_NOINFO, pid);
}

static int do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct task_struct *p;
	kernel_siginfo_t info;
	int ret = -ESRCH;

	if (pid <= 0 || (tgid <= 0 && tgid != -1))
		return -EINVAL;
	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	p = find_get_task_by_pid(pid);
	if (!p)
		return -ESRCH;
	if (!task_proc(p) || (tgid > 0 && p->tgid != tgid))
		goto out_put;
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_TKILL;
	info.si_pid = current->tgid;
	info.si_uid = current_uid();
	ret = check_kill_permission(sig, &info, p);
	if (!ret && sig)
		ret = do_send_sig_info(sig, &info, p, false);
out_put:
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE2(tkill, pid_t, pid, int, sig)
{
	return do_tkill(-1, pid, sig);
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, pid, int, sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

/* ---- job control: stop and the parent's notification ----------------------------------- */

/**
 * do_notify_parent_cldstop() - tell @tsk's parent it stopped or continued
 * @tsk: a thread of the child process
 * @why: CLD_STOPPED or CLD_CONTINUED
 */
void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *leader = task_proc(tsk)->group_leader, *parent;
	struct sighand_struct *psh;
	kernel_siginfo_t info;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	parent = leader->real_parent;
	if (parent)
		get_task_struct(parent);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!parent)
		return;
	psh = task_sighand(parent);
	if (psh && task_proc(parent)) {
		memset(&info, 0, sizeof(info));
		info.si_signo = SIGCHLD;
		info.si_code = why;
		info.si_pid = tsk->tgid;
		info.si_uid = task_cred(tsk)->uid;
		info.si_status = why == CLD_CONTINUED ? SIGCONT : task_signal(tsk)->group_exit_code;
		info.si_utime = leader->utime;
		info.si_stime = leader->stime;
		if (!(psh->action[SIGCHLD - 1].sa.sa_flags & SA_NOCLDSTOP))
			do_send_sig_info(SIGCHLD, &info, parent, true);
		wake_up_interruptible_all(&task_signal(parent)->wait_chldexit);
	}
	put_task_struct(parent);
}

/*
 * Take part in a group stop for @signr (0: one already in progress); siglock held, with
 * IRQs off through spin_lock_irq(). Returns with the lock dropped, after sleeping.
 */
static void do_signal_stop(int signr)
{
	struct task_struct *me = current;
	struct task_proc *tp = task_proc(me), *t;
	struct sighand_struct *sh = task_sighand(me);
	struct signal_struct *signal = task_signal(me);
	int notify = 0;

	if (signr && !tp->jobctl_stop) {
		int count = 1;

		signal->group_exit_code = signr;
		signal->group_stop_sig = signr;
		for_each_thread_proc(signal, t) {
			if (t == tp || t->exited || t->jobctl_stop)
				continue;
			t->jobctl_stop = 1;
			count++;
			signal_wake_up(t->task, false);
		}
		signal->group_stop_count = count;
		tp->jobctl_stop = 1;
	}
	if (tp->jobctl_stop) {
		tp->jobctl_stop = 0;
		if (signal->group_stop_count > 0 && --signal->group_stop_count == 0) {
			signal->flags = SIGNAL_STOP_STOPPED | SIGNAL_CLD_STOPPED;
			notify = CLD_STOPPED;
		}
	}
	if (signal->flags & SIGNAL_STOP_STOPPED)
		set_current_state(TASK_JOBSTOP);
	recalc_sigpending_tsk(me);
	spin_unlock_irq(&sh->siglock);
	if (notify)
		do_notify_parent_cldstop(me, CLD_STOPPED);
	schedule();
	__set_current_state(TASK_RUNNING);
}

/* ---- delivery -------------------------------------------------------------------------- */

static int __dequeue_signal(struct sigpending *pending, const sigset_t *mask,
			    kernel_siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;
	sigset_t ready;
	int sig;

	sigandnsets(&ready, &pending->signal, mask);
	sig = next_signal_in(&ready);
	if (!sig)
		return 0;
	list_for_each_entry(q, &pending->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (!more)
		sigdelset(&pending->signal, sig);
	if (first) {
		list_del(&first->list);
		*info = first->info;
		kfree(first);
	} else {
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_USER;
	}
	return sig;
}

/* Thread-private signals first, then the process's; siglock held. */
static int dequeue_signal_locked(const sigset_t *mask, kernel_siginfo_t *info)
{
	struct task_proc *tp = task_proc(current);
	int sig = __dequeue_signal(&tp->pending, mask, info);

	if (!sig)
		sig = __dequeue_signal(&task_signal(current)->shared_pending, mask, info);
	recalc_sigpending_tsk(current);
	return sig;
}

/**
 * dequeue_signal() - take a pending signal not in @mask off current's queues
 * @mask: signals to leave alone
 * @info: receives its siginfo
 *
 * Return: the signal number, or 0 if none is pending.
 */
int dequeue_signal(const sigset_t *mask, kernel_siginfo_t *info)
{
	struct sighand_struct *sh = task_sighand(current);
	unsigned long flags;
	int sig;

	if (!sh)
		return 0;
	spin_lock_irqsave(&sh->siglock, flags);
	sig = dequeue_signal_locked(mask, info);
	spin_unlock_irqrestore(&sh->siglock, flags);
	return sig;
}

/**
 * get_signal() - choose the next signal for current to handle in user mode
 * @ksig: receives the signal, its siginfo and the action
 *
 * Runs default actions (ignore, stop, terminate) itself; the terminating ones do not
 * return. Called with IRQs on, on the way back to user mode.
 *
 * Return: true when @ksig holds a signal with a user handler.
 */
bool get_signal(struct ksignal *ksig)
{
	struct task_struct *me = current;
	struct task_proc *tp = task_proc(me);
	struct sighand_struct *sh = task_sighand(me);
	struct signal_struct *signal = task_signal(me);
	int signr;

relock:
	spin_lock_irq(&sh->siglock);
	for (;;) {
		struct k_sigaction *ka;
		enum sig_default act;

		if (signal->flags & SIGNAL_GROUP_EXIT) {
			int code = signal->group_exit_code;

			spin_unlock_irq(&sh->siglock);
			do_group_exit(code);
		}
		if (sigismember(&tp->pending.signal, SIGKILL)) {
			spin_unlock_irq(&sh->siglock);
			do_group_exit(SIGKILL);
		}
		if (tp->jobctl_stop || (signal->flags & SIGNAL_STOP_STOPPED)) {
			do_signal_stop(0);
			goto relock;
		}
		signr = dequeue_signal_locked(&tp->blocked, &ksig->info);
		if (!signr)
			break;
		ka = &sh->action[signr - 1];
		if (ka->sa.sa_handler == SIG_IGN)
			continue;
		if (ka->sa.sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			if (ka->sa.sa_flags & SA_RESETHAND)
				ka->sa.sa_handler = SIG_DFL;
			break;
		}
		act = sig_default_action(signr);
		if (act == SIG_DFL_IGN || act == SIG_DFL_CONT)
			continue;
		if (me->tgid == 1 && !sig_kernel_only(signr))
			continue;
		if (act == SIG_DFL_STOP) {
			if (signr != SIGSTOP) {
				/* Terminal stops of an orphaned process group are discarded. */
				spin_unlock_irq(&sh->siglock);
				if (is_pgrp_orphaned(task_pgrp_nr(me)))
					goto relock;
				spin_lock_irq(&sh->siglock);
			}
			do_signal_stop(signr);
			goto relock;
		}
		spin_unlock_irq(&sh->siglock);
		do_group_exit(wstatus_signaled(signr, act == SIG_DFL_CORE));
	}
	spin_unlock_irq(&sh->siglock);
	ksig->sig = signr;
	return signr > 0;
}

/**
 * signal_setup_done() - after the arch built (or failed to build) a handler frame
 * @failed: the frame could not be written: the process gets SIGSEGV
 * @ksig: the signal
 */
void signal_setup_done(int failed, struct ksignal *ksig)
{
	struct task_proc *tp = task_proc(current);
	sigset_t blocked;

	if (failed) {
		force_sig(SIGSEGV);
		return;
	}
	tp->restore_sigmask = false;
	sigorsets(&blocked, &tp->blocked, &ksig->ka.sa.sa_mask);
	if (!(ksig->ka.sa.sa_flags & SA_NODEFER))
		sigaddset(&blocked, ksig->sig);
	set_current_blocked(&blocked);
	if (tp->sas_ss_flags & SS_AUTODISARM) {
		tp->sas_ss_sp = 0;
		tp->sas_ss_size = 0;
	}
}

void restore_saved_sigmask(void)
{
	struct task_proc *tp = task_proc(current);

	if (tp && tp->restore_sigmask) {
		tp->restore_sigmask = false;
		set_current_blocked(&tp->saved_sigmask);
	}
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs, bool in_syscall)
{
	struct task_proc *tp = task_proc(current);
	const sigset_t *oldset;
	int failed;

	if (in_syscall && arch_syscall_restartable(regs)) {
		switch (syscall_get_return_value(current, regs)) {
		case -ERESTART_RESTARTBLOCK:
		case -ERESTARTNOHAND:
			syscall_set_return_value(current, regs, -EINTR, 0);
			break;
		case -ERESTARTSYS:
			if (!(ksig->ka.sa.sa_flags & SA_RESTART)) {
				syscall_set_return_value(current, regs, -EINTR, 0);
				break;
			}
			__attribute__((fallthrough));
		case -ERESTARTNOINTR:
			arch_syscall_restart(regs);
			break;
		}
	}
	oldset = tp->restore_sigmask ? &tp->saved_sigmask : &tp->blocked;
	failed = setup_rt_frame(ksig, oldset, regs) < 0;
	signal_setup_done(failed, ksig);
}

/**
 * arch_do_signal_or_restart() - deliver one pending signal to current, or restart its call
 * @regs: the user registers at the top of current's kernel stack
 * @in_syscall: @regs hold the result of a system call
 *
 * A call interrupted by a signal returns -ERESTARTSYS (restart if the handler has
 * SA_RESTART, else -EINTR), -ERESTARTNOINTR (always restart), -ERESTARTNOHAND (restart only
 * when no handler runs) or -ERESTART_RESTARTBLOCK (restart_syscall). The arch writes the
 * frame (setup_rt_frame()) and rewinds the registers (<asm/syscall.h>).
 */
void arch_do_signal_or_restart(struct pt_regs *regs, bool in_syscall)
{
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		handle_signal(&ksig, regs, in_syscall);
		return;
	}
	if (in_syscall && arch_syscall_restartable(regs)) {
		switch (syscall_get_return_value(current, regs)) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
			arch_syscall_restart(regs);
			break;
		case -ERESTART_RESTARTBLOCK:
			arch_syscall_restart_block(regs);
			break;
		}
	}
	restore_saved_sigmask();
}

/* A new child's first return to user mode: CLONE_CHILD_SETTID, as Linux's schedule_tail. */
static void set_child_tid_once(void)
{
	struct task_proc *tp = task_proc(current);
	int __user *tidp;

	if (likely(!tp || !tp->set_child_tid))
		return;
	tidp = tp->set_child_tid;
	tp->set_child_tid = NULL;
	arch_local_irq_enable();
	(void)put_user(current->pid, tidp);
	arch_local_irq_disable();
}

/*
 * User mode runs with a preemption count of 0. A count left over here is a missing
 * preempt_enable() or spin_unlock() on the way out of the kernel; it would first show much
 * later, as "sleeping function called from invalid context" in some page fault. Say which
 * system call (or trap) leaked it, once, and drop it so the machine keeps running.
 */
static void check_preempt_count_at_exit(struct pt_regs *regs, bool in_syscall)
{
	static bool warned;
	unsigned int count = preempt_count();
	unsigned long nr = syscall_get_nr(current, regs);

	if (likely(!count))
		return;
	if (!__atomic_exchange_n(&warned, true, __ATOMIC_RELAXED)) {
		if (in_syscall)
			pr_err("BUG: system call %s (%lu) returned to user mode with preempt_count "
			       "%#x: %s/%d\n", syscall_name(nr) ?: "?", nr, count, current->comm,
			       current->pid);
		else
			pr_err("BUG: return to user mode from a trap or interrupt with "
			       "preempt_count %#x: %s/%d\n", count, current->comm, current->pid);
	}
	preempt_count_sub(count);
}

static void __exit_to_user_mode(struct pt_regs *regs, bool in_syscall)
{
	check_preempt_count_at_exit(regs, in_syscall);
	set_child_tid_once();
	for (;;) {
		bool resched = need_resched();
		bool sig = signal_pending(current) && task_sighand(current);

		if (!resched && !sig)
			break;
		arch_local_irq_enable();
		if (resched)
			schedule();
		if (sig) {
			arch_do_signal_or_restart(regs, in_syscall);
			in_syscall = false;
		}
		arch_local_irq_disable();
	}
}

/**
 * exit_to_user_mode() - last work before returning to user mode from a trap, an interrupt
 * or a new task's first entry (ret_from_fork, exec)
 * @regs: the user registers
 *
 * Delivers pending signals and reschedules; never restarts a system call (the system call
 * path uses syscall_exit_to_user_mode()). Called and returns with IRQs off.
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	__exit_to_user_mode(regs, false);
}

/**
 * syscall_exit_to_user_mode() - exit work of a system call
 * @regs: the user registers; ax holds the result
 *
 * As exit_to_user_mode(), and restarts or fails interrupted calls (-ERESTARTSYS,
 * -ERESTARTNOINTR, -ERESTARTNOHAND, -ERESTART_RESTARTBLOCK) as SA_RESTART says.
 */
void syscall_exit_to_user_mode(struct pt_regs *regs)
{
	__exit_to_user_mode(regs, true);
}

/* ---- masks ----------------------------------------------------------------------------- */

/**
 * set_current_blocked() - install current's blocked mask
 * @newset: the mask; SIGKILL and SIGSTOP are removed from it
 */
void set_current_blocked(sigset_t *newset)
{
	struct sighand_struct *sh = task_sighand(current);
	unsigned long flags;

	sigdelsetmask(newset, SIG_KERNEL_ONLY_MASK);
	if (!sh)
		return;
	spin_lock_irqsave(&sh->siglock, flags);
	task_proc(current)->blocked = *newset;
	recalc_sigpending_tsk(current);
	spin_unlock_irqrestore(&sh->siglock, flags);
}

/**
 * sigprocmask() - change current's blocked mask
 * @how: SIG_BLOCK, SIG_UNBLOCK or SIG_SETMASK
 * @set: the operand
 * @oldset: receives the old mask, or NULL
 *
 * Return: 0, or -EINVAL for a bad @how.
 */
int sigprocmask(int how, sigset_t *set, sigset_t *oldset)
{
	struct task_proc *tp = task_proc(current);
	sigset_t newset;

	if (!tp)
		return -EINVAL;
	if (oldset)
		*oldset = tp->blocked;
	switch (how) {
	case SIG_BLOCK:
		sigorsets(&newset, &tp->blocked, set);
		break;
	case SIG_UNBLOCK:
		sigandnsets(&newset, &tp->blocked, set);
		break;
	case SIG_SETMASK:
		newset = *set;
		break;
	default:
		return -EINVAL;
	}
	set_current_blocked(&newset);
	return 0;
}

bool sig_blocked(int sig)
{
	struct task_proc *tp = task_proc(current);

	return tp && sigismember(&tp->blocked, sig);
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, sigset_t __user *, nset, sigset_t __user *, oset,
		size_t, sigsetsize)
{
	sigset_t old, new;
	int err;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (!task_proc(current))
		return -EINVAL;
	old = task_proc(current)->blocked;
	if (nset) {
		if (copy_from_user(&new, nset, sizeof(new)))
			return -EFAULT;
		err = sigprocmask(how, &new, NULL);
		if (err)
			return err;
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	struct task_proc *tp = task_proc(current);
	struct sighand_struct *sh = task_sighand(current);
	unsigned long flags;
	sigset_t set;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	if (!tp)
		return -EINVAL;
	spin_lock_irqsave(&sh->siglock, flags);
	sigorsets(&set, &tp->pending.signal, &task_signal(current)->shared_pending.signal);
	spin_unlock_irqrestore(&sh->siglock, flags);
	sigandsets(&set, &set, &tp->blocked);
	if (copy_to_user(uset, &set, sigsetsize))
		return -EFAULT;
	return 0;
}

/* ---- actions --------------------------------------------------------------------------- */

static int do_sigaction(int sig, const struct k_sigaction *act, struct k_sigaction *oact)
{
	struct sighand_struct *sh = task_sighand(current);
	struct k_sigaction *k;
	unsigned long flags;

	if (!valid_signal(sig) || sig < 1 || (act && sig_kernel_only(sig)))
		return -EINVAL;
	if (!sh)
		return -EINVAL;
	k = &sh->action[sig - 1];
	spin_lock_irqsave(&sh->siglock, flags);
	if (oact)
		*oact = *k;
	if (act) {
		*k = *act;
		sigdelsetmask(&k->sa.sa_mask, SIG_KERNEL_ONLY_MASK);
		/* POSIX: setting a signal to be ignored discards its pending instances. */
		if (sig_task_ignored(current, sig)) {
			struct task_proc *tp;

			flush_signal_mask_all(task_signal(current), sigmask(sig));
			for_each_thread_proc(task_signal(current), tp)
				recalc_sigpending_tsk(tp->task);
		}
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
	return 0;
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new, old;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (act && copy_from_user(&new.sa, act, sizeof(new.sa)))
		return -EFAULT;
	ret = do_sigaction(sig, act ? &new : NULL, oact ? &old : NULL);
	if (!ret && oact && copy_to_user(oact, &old.sa, sizeof(old.sa)))
		return -EFAULT;
	return ret;
}

/**
 * flush_signal_handlers() - exec: caught signals go back to SIG_DFL
 * @t: the task (current, after de_thread())
 * @force_default: reset ignored signals too
 *
 * Also clears the alternate signal stack, releases a vfork() parent and forgets the
 * tid addresses of the old image, as exec does in Linux; a kernel thread exec'ing its first
 * program (kernel_init) gets its process state here (proc_init_task()).
 */
void flush_signal_handlers(struct task_struct *t, int force_default)
{
	struct sighand_struct *sh;
	struct task_proc *tp;

	/* The first exec of a kernel thread (kernel_init): it becomes a process here. */
	if (!task_proc(t) && proc_init_task(t))
		return;
	sh = task_sighand(t);
	tp = task_proc(t);
	/* exec is past the point of no return: release a vfork parent (Linux's mm_release). */
	complete_vfork_done(t);
	tp->clear_child_tid = NULL;
	tp->robust_list = NULL;
	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &sh->action[i];

		if (force_default || ka->sa.sa_handler != SIG_IGN)
			ka->sa.sa_handler = SIG_DFL;
		ka->sa.sa_flags = 0;
		ka->sa.sa_restorer = NULL;
		sigemptyset(&ka->sa.sa_mask);
	}
	tp->sas_ss_sp = 0;
	tp->sas_ss_size = 0;
	tp->sas_ss_flags = SS_DISABLE;
}

/* ---- waiting for signals --------------------------------------------------------------- */

static long sleep_until_signal(void)
{
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return -ERESTARTNOHAND;
}

SYSCALL_DEFINE0(pause)
{
	if (!task_proc(current))
		return -EINVAL;
	return sleep_until_signal();
}

SYSCALL_DEFINE2(rt_sigsuspend, sigset_t __user *, unewset, size_t, sigsetsize)
{
	struct task_proc *tp = task_proc(current);
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	if (!tp)
		return -EINVAL;
	tp->saved_sigmask = tp->blocked;
	set_current_blocked(&newset);
	sleep_until_signal();
	tp->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

struct __kernel_timespec {
	s64	tv_sec;
	long	tv_nsec;
};

/* Wait for a signal of @these; the others keep their blocked state. */
static int do_sigtimedwait(const sigset_t *these, kernel_siginfo_t *info, long timeout)
{
	struct task_proc *tp = task_proc(current);
	struct sighand_struct *sh = task_sighand(current);
	sigset_t mask, blocked;
	unsigned long flags;
	int sig;

	mask.sig[0] = ~these->sig[0];
	sig = dequeue_signal(&mask, info);
	if (sig || !timeout)
		return sig ? sig : -EAGAIN;

	spin_lock_irqsave(&sh->siglock, flags);
	tp->real_blocked = tp->blocked;
	sigandnsets(&blocked, &tp->blocked, these);
	tp->blocked = blocked;
	recalc_sigpending_tsk(current);
	spin_unlock_irqrestore(&sh->siglock, flags);

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current) || !timeout)
			break;
		timeout = schedule_timeout(timeout);
	}
	__set_current_state(TASK_RUNNING);

	spin_lock_irqsave(&sh->siglock, flags);
	tp->blocked = tp->real_blocked;
	sigemptyset(&tp->real_blocked);
	recalc_sigpending_tsk(current);
	spin_unlock_irqrestore(&sh->siglock, flags);

	sig = dequeue_signal(&mask, info);
	if (sig)
		return sig;
	return timeout ? -EINTR : -EAGAIN;
}

SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese, siginfo_t __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t, sigsetsize)
{
	struct __kernel_timespec ts;
	kernel_siginfo_t info;
	long timeout = MAX_SCHEDULE_TIMEOUT;
	sigset_t these;
	int ret;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (!task_proc(current))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	sigdelsetmask(&these, SIG_KERNEL_ONLY_MASK);
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long)NSEC_PER_SEC)
			return -EINVAL;
		timeout = ts.tv_sec > 1000000000 ? MAX_SCHEDULE_TIMEOUT :
			  (long)nsecs_to_jiffies((u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec);
		if (timeout == 0 && (ts.tv_sec || ts.tv_nsec))
			timeout = 1;
	}
	ret = do_sigtimedwait(&these, &info, timeout);
	if (ret > 0 && uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return ret;
}

static int do_sigqueueinfo(pid_t tgid, pid_t pid, int sig, siginfo_t __user *uinfo)
{
	struct task_struct *p;
	kernel_siginfo_t info;
	int ret;

	if (copy_from_user(&info, uinfo, sizeof(info)))
		return -EFAULT;
	/* Only the kernel may claim SI_USER/SI_KERNEL, except towards oneself. */
	if ((info.si_code >= 0 || info.si_code == SI_TKILL) &&
	    (tgid > 0 ? tgid : pid) != current->tgid)
		return -EPERM;
	if (!valid_signal(sig) || sig < 0)
		return -EINVAL;
	info.si_signo = sig;
	p = find_get_task_by_pid(pid);
	if (!p)
		return -ESRCH;
	ret = -ESRCH;
	if (task_proc(p) && (tgid <= 0 || p->tgid == tgid)) {
		ret = check_kill_permission(sig, &info, p);
		if (!ret && sig)
			ret = do_send_sig_info(sig, &info, p, tgid <= 0);
	}
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, pid_t, pid, int, sig, siginfo_t __user *, uinfo)
{
	return do_sigqueueinfo(0, pid, sig, uinfo);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, pid_t, tgid, pid_t, pid, int, sig, siginfo_t __user *, uinfo)
{
	if (tgid <= 0 || pid <= 0)
		return -EINVAL;
	return do_sigqueueinfo(tgid, pid, sig, uinfo);
}

SYSCALL_DEFINE0(restart_syscall)
{
	return -EINTR;
}

/* ---- the alternate signal stack -------------------------------------------------------- */

bool on_sig_stack(unsigned long sp)
{
	struct task_proc *tp = task_proc(current);

	if (!tp->sas_ss_size)
		return false;
	return sp > tp->sas_ss_sp && sp - tp->sas_ss_sp <= tp->sas_ss_size;
}

int sas_ss_flags(unsigned long sp)
{
	struct task_proc *tp = task_proc(current);

	if (!tp->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

static int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_proc *tp = task_proc(current);

	if (oss) {
		memset(oss, 0, sizeof(*oss));
		oss->ss_sp = (void __user *)tp->sas_ss_sp;
		oss->ss_size = tp->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | (tp->sas_ss_flags & SS_FLAG_BITS);
	}
	if (ss) {
		unsigned long ss_sp = (unsigned long)ss->ss_sp;
		size_t ss_size = ss->ss_size;
		unsigned int ss_flags = ss->ss_flags;
		unsigned int ss_mode = ss_flags & ~SS_FLAG_BITS;

		if (on_sig_stack(sp))
			return -EPERM;
		if (ss_mode != SS_DISABLE && ss_mode != SS_ONSTACK && ss_mode != 0)
			return -EINVAL;
		if (ss_mode == SS_DISABLE) {
			ss_size = 0;
			ss_sp = 0;
		} else if (ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		tp->sas_ss_sp = ss_sp;
		tp->sas_ss_size = ss_size;
		tp->sas_ss_flags = ss_flags;
	}
	return 0;
}

/* rt_sigreturn: reinstate the stack settings saved in the frame; errors are ignored. */
int restore_altstack(const stack_t __user *uss, unsigned long sp)
{
	stack_t new;

	if (copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	(void)do_sigaltstack(&new, NULL, sp);
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t new, old;
	int err;

	if (!task_proc(current))
		return -EINVAL;
	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, uoss ? &old : NULL,
			     task_pt_regs(current)->sp);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(old)))
		err = -EFAULT;
	return err;
}

/* ---- /proc helpers --------------------------------------------------------------------- */

void task_sig_masks(struct task_struct *p, u64 *pnd, u64 *shdpnd, u64 *blk, u64 *ign,
		    u64 *cgt)
{
	struct sighand_struct *sh = task_sighand(p);
	struct task_proc *tp = task_proc(p);
	unsigned long flags;

	*pnd = *shdpnd = *blk = *ign = *cgt = 0;
	if (!sh || !tp)
		return;
	spin_lock_irqsave(&sh->siglock, flags);
	*pnd = tp->pending.signal.sig[0];
	*shdpnd = task_signal(p)->shared_pending.signal.sig[0];
	*blk = tp->blocked.sig[0];
	for (int i = 1; i <= _NSIG; i++) {
		__sighandler_t h = sh->action[i - 1].sa.sa_handler;

		if (h == SIG_IGN)
			*ign |= sigmask(i);
		else if (h != SIG_DFL)
			*cgt |= sigmask(i);
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
}
