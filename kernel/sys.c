// SPDX-License-Identifier: GPL-2.0-only
/*
 * Process attributes: pids, user and group ids (with Linux's permission rules: root may set
 * anything, others only ids they already hold), supplementary groups, process groups and
 * sessions, prctl(PR_SET_NAME...), nice values (getpriority/setpriority), CPU affinity,
 * sched_yield and resource limits.
 *
 * Process groups and sessions live in signal_struct.pgrp/session under tasklist_lock.
 */
#include <starling/signal.h>
#include <starling/cred.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/errno.h>
#include "process/internal.h"

/* ---- pids ------------------------------------------------------------------------------ */

pid_t task_pgrp_nr(struct task_struct *p)
{
	struct signal_struct *sig = task_signal(p);

	return sig ? READ_ONCE(sig->pgrp) : 0;
}

pid_t task_session_nr(struct task_struct *p)
{
	struct signal_struct *sig = task_signal(p);

	return sig ? READ_ONCE(sig->session) : 0;
}

pid_t task_ppid_nr(struct task_struct *p)
{
	struct task_proc *tp = task_proc(p);
	struct task_struct *leader = tp ? tp->group_leader : p, *parent;
	unsigned long flags;
	pid_t ppid = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	parent = leader->real_parent;
	if (parent)
		ppid = parent->tgid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ppid;
}

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return task_ppid_nr(current);
}

/* ---- ids ------------------------------------------------------------------------------- */

SYSCALL_DEFINE0(getuid)
{
	return current_uid();
}

SYSCALL_DEFINE0(geteuid)
{
	return current_euid();
}

SYSCALL_DEFINE0(getgid)
{
	return current_gid();
}

SYSCALL_DEFINE0(getegid)
{
	return current_egid();
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp, uid_t __user *, suidp)
{
	const struct cred *c = current_cred();

	if (put_user(c->uid, ruidp) || put_user(c->euid, euidp) || put_user(c->suid, suidp))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp, gid_t __user *, sgidp)
{
	const struct cred *c = current_cred();

	if (put_user(c->gid, rgidp) || put_user(c->egid, egidp) || put_user(c->sgid, sgidp))
		return -EFAULT;
	return 0;
}

#define NO_ID	((uid_t)-1)

/* May an unprivileged process take id @id, given its current real, effective, saved ids? */
static bool id_held(uid_t id, uid_t r, uid_t e, uid_t s)
{
	return id == r || id == e || id == s;
}

/**
 * __sys_setresuid() - setresuid with Linux's rules
 * @ruid: new real uid or -1
 * @euid: new effective uid or -1
 * @suid: new saved uid or -1
 *
 * Return: 0, -EPERM, or -ENOMEM.
 */
static long __sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!capable(CAP_SETUID)) {
		if ((ruid != NO_ID && !id_held(ruid, old->uid, old->euid, old->suid)) ||
		    (euid != NO_ID && !id_held(euid, old->uid, old->euid, old->suid)) ||
		    (suid != NO_ID && !id_held(suid, old->uid, old->euid, old->suid)))
			return -EPERM;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != NO_ID)
		new->uid = ruid;
	if (euid != NO_ID)
		new->euid = euid;
	if (suid != NO_ID)
		new->suid = suid;
	new->fsuid = new->euid;
	return commit_creds(new);
}

static long __sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!capable(CAP_SETGID)) {
		if ((rgid != NO_ID && !id_held(rgid, old->gid, old->egid, old->sgid)) ||
		    (egid != NO_ID && !id_held(egid, old->gid, old->egid, old->sgid)) ||
		    (sgid != NO_ID && !id_held(sgid, old->gid, old->egid, old->sgid)))
			return -EPERM;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != NO_ID)
		new->gid = rgid;
	if (egid != NO_ID)
		new->egid = egid;
	if (sgid != NO_ID)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return __sys_setresuid(ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return __sys_setresgid(rgid, egid, sgid);
}

SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (uid == NO_ID)
		return -EINVAL;
	if (!capable(CAP_SETUID) && uid != old->uid && uid != old->suid)
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETUID))
		new->uid = new->suid = uid;
	new->euid = new->fsuid = uid;
	return commit_creds(new);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (gid == NO_ID)
		return -EINVAL;
	if (!capable(CAP_SETGID) && gid != old->gid && gid != old->sgid)
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETGID))
		new->gid = new->sgid = gid;
	new->egid = new->fsgid = gid;
	return commit_creds(new);
}

SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	const struct cred *old = current_cred();
	struct cred *new;
	bool priv = capable(CAP_SETUID);

	if (!priv) {
		if (ruid != NO_ID && ruid != old->uid && ruid != old->euid)
			return -EPERM;
		if (euid != NO_ID && !id_held(euid, old->uid, old->euid, old->suid))
			return -EPERM;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != NO_ID)
		new->uid = ruid;
	if (euid != NO_ID)
		new->euid = euid;
	if (ruid != NO_ID || (euid != NO_ID && euid != old->uid))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return commit_creds(new);
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	const struct cred *old = current_cred();
	struct cred *new;
	bool priv = capable(CAP_SETGID);

	if (!priv) {
		if (rgid != NO_ID && rgid != old->gid && rgid != old->egid)
			return -EPERM;
		if (egid != NO_ID && !id_held(egid, old->gid, old->egid, old->sgid))
			return -EPERM;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != NO_ID)
		new->gid = rgid;
	if (egid != NO_ID)
		new->egid = egid;
	if (rgid != NO_ID || (egid != NO_ID && egid != old->gid))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	const struct cred *old = current_cred();
	uid_t prev = old->fsuid;
	struct cred *new;

	if (uid == NO_ID)
		return prev;
	if (!id_held(uid, old->uid, old->euid, old->suid) && uid != old->fsuid &&
	    !capable(CAP_SETUID))
		return prev;
	new = prepare_creds();
	if (!new)
		return prev;
	new->fsuid = uid;
	commit_creds(new);
	return prev;
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	const struct cred *old = current_cred();
	gid_t prev = old->fsgid;
	struct cred *new;

	if (gid == NO_ID)
		return prev;
	if (!id_held(gid, old->gid, old->egid, old->sgid) && gid != old->fsgid &&
	    !capable(CAP_SETGID))
		return prev;
	new = prepare_creds();
	if (!new)
		return prev;
	new->fsgid = gid;
	commit_creds(new);
	return prev;
}

SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;
	int n = gi->ngroups;

	if (gidsetsize < 0)
		return -EINVAL;
	if (!gidsetsize)
		return n;
	if (gidsetsize < n)
		return -EINVAL;
	if (copy_to_user(grouplist, gi->gid, n * sizeof(gid_t)))
		return -EFAULT;
	return n;
}

SYSCALL_DEFINE2(setgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	struct group_info *gi;
	struct cred *new;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = groups_alloc(gidsetsize);
	if (!gi)
		return -ENOMEM;
	if (gidsetsize && copy_from_user(gi->gid, grouplist, gidsetsize * sizeof(gid_t))) {
		put_group_info(gi);
		return -EFAULT;
	}
	groups_sort(gi);
	new = prepare_creds();
	if (!new) {
		put_group_info(gi);
		return -ENOMEM;
	}
	put_group_info(new->group_info);
	new->group_info = gi;
	return commit_creds(new);
}

/* ---- process groups and sessions ------------------------------------------------------- */

/* A live process (leader) with process group @pgrp in session @sid? tasklist_lock held. */
static bool pgrp_exists_in_session(pid_t pgrp, pid_t sid)
{
	struct task_struct *p;

	list_for_each_entry(p, &init_tasks, tasks) {
		struct signal_struct *sig = task_signal(p);

		if (sig && task_proc(p) && task_proc(p)->exit_state != EXIT_DEAD &&
		    sig->pgrp == pgrp && sig->session == sid)
			return true;
	}
	return false;
}

/**
 * is_pgrp_orphaned() - does no member of @pgrp have a parent in another process group of
 * the same session?
 * @pgrp: the process group
 *
 * Return: true if orphaned (or empty).
 */
bool is_pgrp_orphaned(pid_t pgrp)
{
	struct task_struct *p;
	unsigned long flags;
	bool orphaned = true;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_tasks, tasks) {
		struct signal_struct *sig = task_signal(p), *psig;
		struct task_struct *parent;

		if (!sig || !task_proc(p) || task_proc(p)->exit_state || sig->pgrp != pgrp ||
		    !thread_group_leader(p))
			continue;
		parent = p->real_parent;
		if (!parent || parent->tgid == 1)
			continue;
		psig = task_signal(parent);
		if (psig && psig->pgrp != pgrp && psig->session == sig->session) {
			orphaned = false;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return orphaned;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p, *me = current;
	struct signal_struct *psig, *mysig = task_signal(me);
	unsigned long flags;
	long err;

	if (!mysig)
		return -EINVAL;
	if (!pid)
		pid = me->tgid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;

	spin_lock_irqsave(&tasklist_lock, flags);
	err = -ESRCH;
	p = find_task_by_pid(pid);
	if (!p || !task_proc(p) || task_proc(p)->exit_state)
		goto out_unlock;
	err = -EINVAL;
	if (!thread_group_leader(p))
		goto out_unlock;
	psig = task_signal(p);
	if (p->real_parent == task_proc(me)->group_leader) {
		/* A child of the caller: same session, and only until it execs. */
		err = -EPERM;
		if (psig->session != mysig->session)
			goto out_unlock;
		err = -EACCES;
		if (!(p->flags & PF_FORKNOEXEC))
			goto out_unlock;
	} else if (p->tgid != me->tgid) {
		err = -ESRCH;
		goto out_unlock;
	}
	err = -EPERM;
	if (psig->leader)
		goto out_unlock;
	if (pgid != pid && !pgrp_exists_in_session(pgid, mysig->session))
		goto out_unlock;
	psig->pgrp = pgid;
	err = 0;
out_unlock:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

static long do_getpgid(pid_t pid, bool session)
{
	struct task_struct *p;
	unsigned long flags;
	long ret = -ESRCH;

	if (!pid)
		return session ? task_session_nr(current) : task_pgrp_nr(current);
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(pid);
	if (p)
		ret = session ? task_session_nr(p) : task_pgrp_nr(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return do_getpgid(pid, false);
}

SYSCALL_DEFINE0(getpgrp)
{
	return task_pgrp_nr(current);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	return do_getpgid(pid, true);
}

/**
 * ksys_setsid() - make current's process a new session and process group leader
 *
 * Return: the new session id, or -EPERM if a process group with that id exists.
 */
long ksys_setsid(void)
{
	struct task_struct *me = current;
	struct signal_struct *sig = task_signal(me);
	pid_t sid = me->tgid;
	unsigned long flags;
	long err = -EPERM;

	if (!sig)
		return -EPERM;
	spin_lock_irqsave(&tasklist_lock, flags);
	{
		struct task_struct *p;
		bool used = false;

		list_for_each_entry(p, &init_tasks, tasks) {
			struct signal_struct *s = task_signal(p);

			if (s && task_proc(p) && task_proc(p)->exit_state != EXIT_DEAD &&
			    s->pgrp == sid) {
				used = true;
				break;
			}
		}
		if (!used) {
			sig->pgrp = sid;
			sig->session = sid;
			sig->leader = 1;
			sig->tty = NULL;
			err = sid;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

SYSCALL_DEFINE0(setsid)
{
	return ksys_setsid();
}

/* ---- prctl ----------------------------------------------------------------------------- */

#define PR_SET_PDEATHSIG	1
#define PR_GET_PDEATHSIG	2
#define PR_GET_DUMPABLE		3
#define PR_SET_DUMPABLE		4
#define PR_SET_NAME		15
#define PR_GET_NAME		16
#define PR_SET_NO_NEW_PRIVS	38
#define PR_GET_NO_NEW_PRIVS	39

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	struct task_proc *tp = task_proc(current);
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_NAME:
		memset(comm, 0, sizeof(comm));
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm) - 1) < 0)
			return -EFAULT;
		set_task_comm(current, comm);
		return 0;
	case PR_GET_NAME:
		get_task_comm(comm, current);
		if (copy_to_user((void __user *)arg2, comm, sizeof(comm)))
			return -EFAULT;
		return 0;
	case PR_SET_PDEATHSIG:
		if (!valid_signal(arg2))
			return -EINVAL;
		if (tp)
			tp->pdeath_signal = arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(tp ? tp->pdeath_signal : 0, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return 1;
	case PR_SET_DUMPABLE:
		return arg2 > 1 ? -EINVAL : 0;
	case PR_SET_NO_NEW_PRIVS:
		return arg2 == 1 && !arg3 && !arg4 && !arg5 ? 0 : -EINVAL;
	case PR_GET_NO_NEW_PRIVS:
		return 0;
	default:
		return -EINVAL;
	}
}

/* ---- scheduling ------------------------------------------------------------------------ */

/*
 * Nice values, with Linux's rules. A task may change the nice value of a task whose real or
 * effective uid is the caller's effective uid, or any with CAP_SYS_NICE (else EPERM). Going
 * below the current value needs CAP_SYS_NICE or an RLIMIT_NICE of the target of at least
 * 20 - nice (else EACCES; the default limit is 0). PRIO_PROCESS names one thread, PRIO_PGRP
 * every thread of a process group, PRIO_USER every thread whose real uid is @who; @who 0 is
 * the caller's own. setpriority() returns the last error met, or 0 if every task changed;
 * ESRCH when none matched.
 */
static bool set_one_prio_perm(struct task_struct *p)
{
	const struct cred *cred = current_cred(), *pcred = task_cred(p);

	return pcred->uid == cred->euid || pcred->euid == cred->euid || capable(CAP_SYS_NICE);
}

static bool can_nice(struct task_struct *p, int nice)
{
	struct signal_struct *sig = task_signal(p);
	unsigned long limit = sig ? READ_ONCE(sig->rlim[RLIMIT_NICE].rlim_cur) : 0;

	return (unsigned long)nice_to_rlimit(nice) <= limit || capable(CAP_SYS_NICE);
}

/* Set @p's nice value; @error is the result so far (-ESRCH when nothing matched yet). */
static long set_one_prio(struct task_struct *p, int nice, long error)
{
	if (!set_one_prio_perm(p))
		return -EPERM;
	if (nice < task_nice(p) && !can_nice(p, nice))
		return -EACCES;
	set_user_nice(p, nice);
	return error == -ESRCH ? 0 : error;
}

/* Does @p belong to the PRIO_PGRP or PRIO_USER set @who (already resolved from 0)? */
static bool prio_match(struct task_struct *p, int which, long who)
{
	if (which == PRIO_PGRP)
		return task_signal(p) && task_pgrp_nr(p) == who;
	return task_cred(p)->uid == (uid_t)who;
}

/* The @who that 0 stands for. */
static long prio_who(int which, int who)
{
	if (who)
		return which == PRIO_USER ? (long)(uid_t)who : who;
	return which == PRIO_PGRP ? task_pgrp_nr(current) : (long)current_uid();
}

SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	struct task_struct *p;
	unsigned long flags;
	long error = -ESRCH, id;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	if (niceval < MIN_NICE)
		niceval = MIN_NICE;
	if (niceval > MAX_NICE)
		niceval = MAX_NICE;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (which == PRIO_PROCESS) {
		p = who ? find_task_by_pid(who) : current;
		if (p)
			error = set_one_prio(p, niceval, error);
	} else {
		id = prio_who(which, who);
		list_for_each_entry(p, &init_tasks, tasks)
			if (prio_match(p, which, id))
				error = set_one_prio(p, niceval, error);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return error;
}

/* Return: 20 - the lowest nice value among the matching tasks (1..40), or -ESRCH. */
SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	struct task_struct *p;
	unsigned long flags;
	long ret = -ESRCH, id;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	if (which == PRIO_PROCESS) {
		p = who ? find_task_by_pid(who) : current;
		if (p)
			ret = nice_to_rlimit(task_nice(p));
	} else {
		id = prio_who(which, who);
		list_for_each_entry(p, &init_tasks, tasks)
			if (prio_match(p, which, id) && nice_to_rlimit(task_nice(p)) > ret)
				ret = nice_to_rlimit(task_nice(p));
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

static struct task_struct *find_process_or_self(pid_t pid)
{
	struct task_struct *p;

	if (!pid) {
		get_task_struct(current);
		return current;
	}
	p = find_get_task_by_pid(pid);
	return p;
}

SYSCALL_DEFINE3(sched_setaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask = 0;
	struct task_struct *p;
	long ret;

	if (len < sizeof(mask))
		return -EINVAL;
	if (copy_from_user(&mask, user_mask_ptr, sizeof(mask)))
		return -EFAULT;
	p = find_process_or_self(pid);
	if (!p)
		return -ESRCH;
	ret = -EPERM;
	if (p == current || capable(CAP_SYS_NICE) ||
	    task_cred(p)->uid == current_euid() || task_cred(p)->euid == current_euid())
		ret = set_cpus_allowed_ptr(p, &mask);
	put_task_struct(p);
	return ret;
}

SYSCALL_DEFINE3(sched_getaffinity, pid_t, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	unsigned long mask, online = __atomic_load_n(&cpu_online_mask, __ATOMIC_ACQUIRE);
	struct task_struct *p;

	if (len < sizeof(mask) || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	p = find_process_or_self(pid);
	if (!p)
		return -ESRCH;
	mask = READ_ONCE(p->cpus_allowed) & (online ? online : 1);
	put_task_struct(p);
	if (copy_to_user(user_mask_ptr, &mask, sizeof(mask)))
		return -EFAULT;
	return sizeof(mask);
}

/* ---- resource limits ------------------------------------------------------------------- */

/**
 * do_prlimit() - read and/or set a resource limit of process @p
 * @p: the process
 * @resource: RLIMIT_*
 * @new_rlim: new limit or NULL
 * @old_rlim: receives the old limit, or NULL
 *
 * Return: 0, -EINVAL, or -EPERM (raising a hard limit without CAP_SYS_RESOURCE).
 */
static long do_prlimit(struct task_struct *p, unsigned int resource,
		       const struct rlimit *new_rlim, struct rlimit *old_rlim)
{
	struct signal_struct *sig = task_signal(p);
	struct sighand_struct *sh = task_sighand(p);
	struct rlimit *rlim;
	unsigned long flags;
	long ret = 0;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > 1048576)
			return -EPERM;
	}
	if (!sig || !sh)
		return -ESRCH;
	rlim = &sig->rlim[resource];
	spin_lock_irqsave(&sh->siglock, flags);
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim) {
		if (new_rlim->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE))
			ret = -EPERM;
		else
			*rlim = *new_rlim;
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
	return ret;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;
	long ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;

	if (copy_from_user(&value, rlim, sizeof(value)))
		return -EFAULT;
	return do_prlimit(current, resource, &value, NULL);
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim, struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 n64, o64;
	struct rlimit n, o;
	struct task_struct *p;
	long ret;

	if (new_rlim) {
		if (copy_from_user(&n64, new_rlim, sizeof(n64)))
			return -EFAULT;
		n.rlim_cur = n64.rlim_cur;
		n.rlim_max = n64.rlim_max;
	}
	p = find_process_or_self(pid);
	if (!p)
		return -ESRCH;
	ret = -EPERM;
	if (p->tgid == current->tgid || capable(CAP_SYS_RESOURCE) ||
	    (task_cred(p)->uid == current_uid() && task_cred(p)->euid == current_uid()))
		ret = do_prlimit(p, resource, new_rlim ? &n : NULL, old_rlim ? &o : NULL);
	put_task_struct(p);
	if (ret)
		return ret;
	if (old_rlim) {
		o64.rlim_cur = o.rlim_cur;
		o64.rlim_max = o.rlim_max;
		if (copy_to_user(old_rlim, &o64, sizeof(o64)))
			return -EFAULT;
	}
	return 0;
}
