// SPDX-License-Identifier: GPL-2.0-only
/*
 * Job control on terminals, as Linux's tty_jobctrl.c: the controlling tty of a session
 * (signal_struct->tty on the process side, tty->session and tty->pgrp on the tty side), the
 * foreground process group, and the checks that stop background processes:
 *
 *   read by a background process           SIGTTIN to its group (-EIO if SIGTTIN is
 *                                          ignored or blocked, or the group is orphaned)
 *   write with TOSTOP, TCSETS*, TIOCSPGRP,  SIGTTOU to its group (allowed if SIGTTOU is
 *   TCFLSH... by a background process      ignored or blocked; -EIO if orphaned)
 *
 * Both return -ERESTARTSYS after signalling, so the call is redone once the group is
 * continued in the foreground.
 *
 * Locking: process groups and sessions are read under tasklist_lock, tty->pgrp/session
 * under tty->lock; the two are never nested here.
 */
#include <starling/tty.h>
#include <starling/fs.h>
#include <starling/signal.h>
#include <starling/cred.h>
#include <starling/sched.h>
#include <starling/uaccess.h>
#include <starling/errno.h>
#include <uapi/asm-generic/ioctls.h>
#include "tty_internal.h"

static struct signal_struct *cur_signal(void)
{
	return task_signal(current);
}

/**
 * get_current_tty() - current's controlling terminal.
 *
 * Return: the tty, or NULL (kernel threads, processes without one).
 */
struct tty_struct *get_current_tty(void)
{
	struct signal_struct *sig = cur_signal();

	return sig ? READ_ONCE(sig->tty) : NULL;
}

/**
 * tty_check_change() - may current act on @tty as a foreground process?
 * @tty: the terminal
 * @sig: SIGTTIN for reads, SIGTTOU for output and attribute changes
 *
 * Return: 0 to go ahead, -EIO, or -ERESTARTSYS once current's group has been sent @sig.
 */
int tty_check_change(struct tty_struct *tty, int sig)
{
	unsigned long flags;
	pid_t pgrp, tty_pgrp;

	if (get_current_tty() != tty)
		return 0;
	pgrp = task_pgrp_nr(current);
	spin_lock_irqsave(&tty->lock, flags);
	tty_pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (!tty_pgrp || pgrp == tty_pgrp)
		return 0;
	if (sig_blocked(sig) || sig_ignored_by(current, sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_pgrp_orphaned(pgrp))
		return -EIO;
	kill_pgrp(pgrp, sig, 1);
	return -ERESTARTSYS;
}

/* Make @tty the controlling tty of current's session, current's group the foreground. */
static void __proc_set_tty(struct tty_struct *tty)
{
	struct signal_struct *sig = cur_signal();
	unsigned long flags;

	spin_lock_irqsave(&tty->lock, flags);
	tty->session = task_session_nr(current);
	tty->pgrp = task_pgrp_nr(current);
	spin_unlock_irqrestore(&tty->lock, flags);
	WRITE_ONCE(sig->tty, tty);
}

/* Every process of session @sid loses its controlling tty. */
static void session_clear_tty(pid_t sid)
{
	struct task_struct *p;
	unsigned long flags;

	if (!sid)
		return;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_tasks, tasks) {
		struct signal_struct *sig = task_signal(p);

		if (sig && sig->session == sid)
			WRITE_ONCE(sig->tty, NULL);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * Does process group @pgrp exist, and in session @sid? Return: 0 if so, -ESRCH if there is
 * no such group, -EPERM if it belongs to another session.
 */
static int pgrp_in_session(pid_t pgrp, pid_t sid)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_tasks, tasks) {
		struct signal_struct *sig = task_signal(p);

		if (!sig || sig->pgrp != pgrp)
			continue;
		ret = sig->session == sid ? 0 : -EPERM;
		if (!ret)
			break;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/**
 * tty_open_proc_set_tty() - an open of @tty without O_NOCTTY: a session leader without a
 * controlling tty acquires it, if no other session has it and the file is readable.
 * @file: the new open file
 * @tty: the terminal
 */
void tty_open_proc_set_tty(struct file *file, struct tty_struct *tty)
{
	struct signal_struct *sig = cur_signal();
	unsigned long flags;
	pid_t owner;

	if (!sig || !sig->leader || READ_ONCE(sig->tty) || !(file->f_mode & FMODE_READ))
		return;
	spin_lock_irqsave(&tty->lock, flags);
	owner = tty->session;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (!owner)
		__proc_set_tty(tty);
}

/**
 * disassociate_ctty() - current's session gives up its controlling tty.
 * @on_exit: 1 when the session leader is exiting, 0 for TIOCNOTTY
 *
 * The foreground process group gets SIGHUP (and SIGCONT for TIOCNOTTY), every process of
 * the session loses the tty, and the tty is free for another session. Only the session
 * leader does this; for other processes nothing happens.
 */
void disassociate_ctty(int on_exit)
{
	struct signal_struct *sig = cur_signal();
	struct tty_struct *tty;
	unsigned long flags;
	pid_t pgrp, sid;

	if (!sig || !sig->leader)
		return;
	tty = READ_ONCE(sig->tty);
	if (!tty)
		return;
	spin_lock_irqsave(&tty->lock, flags);
	pgrp = tty->pgrp;
	sid = tty->session;
	if (sid == task_session_nr(current)) {
		tty->session = 0;
		tty->pgrp = 0;
	}
	spin_unlock_irqrestore(&tty->lock, flags);
	if (pgrp) {
		kill_pgrp(pgrp, SIGHUP, on_exit);
		if (on_exit || pgrp != task_pgrp_nr(current))
			kill_pgrp(pgrp, SIGCONT, on_exit);
	}
	session_clear_tty(task_session_nr(current));
	WRITE_ONCE(sig->tty, NULL);
}

/**
 * tty_get_pgrp() - the foreground process group of @tty.
 * @tty: the terminal
 *
 * Return: the group id, or 0 if there is none.
 */
pid_t tty_get_pgrp(struct tty_struct *tty)
{
	unsigned long flags;
	pid_t pgrp;

	spin_lock_irqsave(&tty->lock, flags);
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	return pgrp;
}

static long tiocsctty(struct tty_struct *tty, struct file *file, int arg)
{
	struct signal_struct *sig = cur_signal();
	unsigned long flags;
	pid_t owner;

	if (!sig)
		return -EPERM;
	spin_lock_irqsave(&tty->lock, flags);
	owner = tty->session;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (sig->leader && owner && owner == task_session_nr(current))
		return 0;	/* already ours */
	if (!sig->leader || READ_ONCE(sig->tty))
		return -EPERM;
	if (owner) {
		/* Another session has it: only root may steal it, and only when asked. */
		if (arg != 1 || !capable(CAP_SYS_ADMIN))
			return -EPERM;
		session_clear_tty(owner);
	}
	if (!(file->f_mode & FMODE_READ) && !capable(CAP_SYS_ADMIN))
		return -EPERM;
	__proc_set_tty(tty);
	return 0;
}

static long tiocspgrp(struct tty_struct *tty, pid_t __user *p)
{
	unsigned long flags;
	pid_t pgrp, sid;
	long ret;

	ret = tty_check_change(tty, SIGTTOU);
	if (ret)
		return ret;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	sid = task_session_nr(current);
	spin_lock_irqsave(&tty->lock, flags);
	ret = get_current_tty() != tty || tty->session != sid ? -ENOTTY : 0;
	spin_unlock_irqrestore(&tty->lock, flags);
	if (ret)
		return ret;
	ret = pgrp_in_session(pgrp, sid);
	if (ret)
		return ret;
	spin_lock_irqsave(&tty->lock, flags);
	tty->pgrp = pgrp;
	spin_unlock_irqrestore(&tty->lock, flags);
	return 0;
}

/**
 * tty_jobctrl_ioctl() - TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID.
 * @tty: the terminal
 * @file: the open file the ioctl came through
 * @cmd: the request
 * @arg: its argument
 *
 * Return: 0, a negative errno, or -ENOIOCTLCMD for other requests.
 */
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		       unsigned long arg)
{
	void __user *p = (void __user *)arg;
	unsigned long flags;
	pid_t val;

	switch (cmd) {
	case TIOCSCTTY:
		return tiocsctty(tty, file, (int)arg);
	case TIOCNOTTY:
		if (get_current_tty() != tty)
			return -ENOTTY;
		if (cur_signal()->leader)
			disassociate_ctty(0);
		else
			WRITE_ONCE(cur_signal()->tty, NULL);
		return 0;
	case TIOCGPGRP:
		if (get_current_tty() != tty)
			return -ENOTTY;
		return put_user(tty_get_pgrp(tty), (pid_t __user *)p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		if (get_current_tty() != tty)
			return -ENOTTY;
		spin_lock_irqsave(&tty->lock, flags);
		val = tty->session;
		spin_unlock_irqrestore(&tty->lock, flags);
		if (!val)
			return -ENOTTY;
		return put_user(val, (pid_t __user *)p);
	}
	return -ENOIOCTLCMD;
}
