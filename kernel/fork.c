// SPDX-License-Identifier: GPL-2.0-only
/*
 * Process creation: fork, vfork and clone through kernel_clone(). The child gets a new
 * task (kernel/sched/), its own or the parent's address space (U2's dup_mm/mmget), file
 * table and fs_struct (copy_files/copy_fs), signal handlers (CLONE_SIGHAND shares), process
 * state (CLONE_THREAD joins the caller's thread group), credentials and the parent's user
 * registers with rax = 0 (copy_thread). A kernel-side clone (args->fn) runs fn(arg) in the
 * kernel with full process state: the self-tests use it, and so could kernel_init.
 *
 * References: the scheduler drops a task's first reference after its last switch-out; the
 * process layer holds a second one from fork until release_task() (after wait4 reaped the
 * zombie, or at exit for threads and auto-reaped children).
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
#include <asm/syscall.h>
#include "process/internal.h"

void it_real_fn(struct timer_list *t);

/* ---- the shared objects ---------------------------------------------------------------- */

struct sighand_struct *sighand_alloc(void)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh), GFP_KERNEL);

	if (!sh)
		return NULL;
	atomic_set(&sh->count, 1);
	spin_lock_init(&sh->siglock);
	return sh;
}

void sighand_put(struct sighand_struct *sh)
{
	if (sh && atomic_dec_and_test(&sh->count))
		kfree(sh);
}

static void rlimits_init(struct rlimit *rlim)
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		rlim[i].rlim_cur = rlim[i].rlim_max = RLIM_INFINITY;
	rlim[RLIMIT_STACK].rlim_cur = _STK_LIM;
	rlim[RLIMIT_CORE].rlim_cur = 0;
	rlim[RLIMIT_NOFILE].rlim_cur = INR_OPEN_CUR;
	rlim[RLIMIT_NOFILE].rlim_max = INR_OPEN_MAX;
	rlim[RLIMIT_MEMLOCK].rlim_cur = rlim[RLIMIT_MEMLOCK].rlim_max = MLOCK_LIMIT;
	rlim[RLIMIT_NPROC].rlim_cur = rlim[RLIMIT_NPROC].rlim_max = 7823;
	rlim[RLIMIT_SIGPENDING].rlim_cur = rlim[RLIMIT_SIGPENDING].rlim_max = 7823;
	rlim[RLIMIT_MSGQUEUE].rlim_cur = rlim[RLIMIT_MSGQUEUE].rlim_max = 819200;
	rlim[RLIMIT_NICE].rlim_cur = rlim[RLIMIT_NICE].rlim_max = 0;
	rlim[RLIMIT_RTPRIO].rlim_cur = rlim[RLIMIT_RTPRIO].rlim_max = 0;
}

struct signal_struct *signal_alloc(void)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return NULL;
	atomic_set(&sig->sigcnt, 1);
	INIT_LIST_HEAD(&sig->thread_head);
	init_sigpending(&sig->shared_pending);
	init_waitqueue_head(&sig->wait_chldexit);
	rlimits_init(sig->rlim);
	timer_setup(&sig->real_timer, it_real_fn, 0);
	spin_lock_init(&sig->it_lock);
	return sig;
}

void signal_put(struct signal_struct *sig)
{
	if (sig && atomic_dec_and_test(&sig->sigcnt)) {
		flush_sigqueue(&sig->shared_pending);
		kfree(sig);
	}
}

static struct task_proc *task_proc_alloc(struct task_struct *p)
{
	struct task_proc *tp = kzalloc(sizeof(*tp), GFP_KERNEL);

	if (!tp)
		return NULL;
	tp->task = p;
	tp->group_leader = p;
	INIT_LIST_HEAD(&tp->thread_node);
	init_sigpending(&tp->pending);
	tp->sas_ss_flags = SS_DISABLE;
	return tp;
}

/**
 * proc_init_task() - give a task without process state (a kernel thread about to exec, such
 * as kernel_init) fresh state: default handlers, root credentials, its own process group
 * and session ids of 0 as Linux's init has, default rlimits
 * @p: the task (usually current)
 *
 * Return: 0, or -ENOMEM. A task that already has process state is left alone.
 */
int proc_init_task(struct task_struct *p)
{
	struct task_proc *tp;
	struct sighand_struct *sh;
	struct signal_struct *sig;

	if (task_proc(p))
		return 0;
	tp = task_proc_alloc(p);
	sh = sighand_alloc();
	sig = signal_alloc();
	if (!tp || !sh || !sig) {
		kfree(tp);
		kfree(sh);
		kfree(sig);
		return -ENOMEM;
	}
	tp->cred = get_cred(&init_cred);
	list_add_tail(&tp->thread_node, &sig->thread_head);
	sig->nr_threads = 1;
	p->sighand = sh;
	p->signal = sig;
	smp_wmb();
	p->process_private = tp;
	return 0;
}

/* ---- kernel_clone ---------------------------------------------------------------------- */

static int copy_sighand(u64 flags, struct task_struct *p)
{
	struct sighand_struct *cur = task_sighand(current), *sh;
	unsigned long irqflags;

	if ((flags & CLONE_SIGHAND) && cur) {
		atomic_inc(&cur->count);
		p->sighand = cur;
		return 0;
	}
	sh = sighand_alloc();
	if (!sh)
		return -ENOMEM;
	if (cur) {
		spin_lock_irqsave(&cur->siglock, irqflags);
		memcpy(sh->action, cur->action, sizeof(sh->action));
		spin_unlock_irqrestore(&cur->siglock, irqflags);
	}
	p->sighand = sh;
	return 0;
}

static int copy_signal(u64 flags, struct task_struct *p)
{
	struct signal_struct *cur = task_signal(current), *sig;
	unsigned long irqflags;

	if ((flags & CLONE_THREAD) && cur) {
		atomic_inc(&cur->sigcnt);
		p->signal = cur;
		return 0;
	}
	sig = signal_alloc();
	if (!sig)
		return -ENOMEM;
	if (cur) {
		spin_lock_irqsave(&task_sighand(current)->siglock, irqflags);
		memcpy(sig->rlim, cur->rlim, sizeof(sig->rlim));
		spin_unlock_irqrestore(&task_sighand(current)->siglock, irqflags);
		spin_lock_irqsave(&tasklist_lock, irqflags);
		sig->pgrp = cur->pgrp;
		sig->session = cur->session;
		sig->tty = cur->tty;
		spin_unlock_irqrestore(&tasklist_lock, irqflags);
	}
	p->signal = sig;
	return 0;
}

static int copy_mm(u64 flags, struct task_struct *p, bool kernel_child)
{
	struct mm_struct *mm = current->mm, *new;

	p->mm = p->active_mm = NULL;
	if (kernel_child || !mm)
		return 0;
	if (flags & CLONE_VM) {
		mmget(mm);
		p->mm = p->active_mm = mm;
		return 0;
	}
	new = dup_mm(mm);
	if (IS_ERR(new))
		return PTR_ERR(new);
	p->mm = p->active_mm = new;
	return 0;
}

static int clone_check_flags(u64 flags)
{
	if (flags & (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC |
		     CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_PIDFD))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if ((flags & (CLONE_PARENT | CLONE_THREAD)) && current->tgid == 1 &&
	    !(flags & CLONE_THREAD))
		return -EINVAL;
	return 0;
}

/* Undo a half-built child; it never ran and nobody else knows it. */
static void free_unborn(struct task_struct *p)
{
	struct task_proc *tp = task_proc(p);

	if (p->mm)
		mmput(p->mm);
	if (p->files)
		exit_files(p);
	if (p->fs)
		exit_fs(p);
	sighand_put(task_sighand(p));
	signal_put(task_signal(p));
	if (tp) {
		exit_creds(p);
		kfree(tp);
	}
	p->process_private = p->signal = p->sighand = NULL;
	put_task_struct(p);
}

/**
 * kernel_clone() - create a process or thread (fork, vfork, clone)
 * @args: CLONE_* flags, exit signal, tid pointers, new stack and TLS; or a kernel function
 *
 * Return: the child's pid, or -EINVAL (bad flags), -ENOMEM, -EAGAIN (no pid).
 */
noinline pid_t kernel_clone(struct kernel_clone_args *args)
{
	u64 flags = args->flags;
	bool kernel_child = args->fn != NULL;
	struct task_struct *p, *leader, *parent;
	struct task_proc *tp, *ctp = task_proc(current);
	struct completion vfork;
	unsigned long irqflags;
	pid_t pid;
	int err;

	err = clone_check_flags(flags);
	if (err)
		return err;
	if (!kernel_child && (!ctp || !current->mm))
		return -EINVAL;
	proc_free_deferred();

	p = task_alloc();
	if (!p)
		return -ENOMEM;
	pid = alloc_pid();
	if (pid < 0) {
		put_task_struct(p);
		return pid;
	}
	p->pid = pid;
	p->tgid = (flags & CLONE_THREAD) && ctp ? current->tgid : pid;
	p->flags = kernel_child ? PF_KTHREAD : PF_FORKNOEXEC;
	p->cpus_allowed = current->cpus_allowed;
	p->static_prio = current->static_prio;	/* nice is inherited, and kept over exec */
	memcpy(p->comm, current->comm, TASK_COMM_LEN);

	err = -ENOMEM;
	tp = task_proc_alloc(p);
	if (!tp)
		goto out_free;
	p->process_private = tp;
	copy_creds(p);
	if (ctp) {
		tp->blocked = ctp->blocked;
		if ((flags & (CLONE_VM | CLONE_VFORK)) != CLONE_VM) {
			tp->sas_ss_sp = ctp->sas_ss_sp;
			tp->sas_ss_size = ctp->sas_ss_size;
			tp->sas_ss_flags = ctp->sas_ss_flags;
		}
	}
	if (flags & CLONE_THREAD)
		tp->group_leader = ctp->group_leader;
	if (!(flags & CLONE_THREAD))
		tp->parent_tid = current->pid;	/* PR_SET_PDEATHSIG fires when it dies */
	if (flags & CLONE_CHILD_SETTID)
		tp->set_child_tid = args->child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		tp->clear_child_tid = args->child_tid;

	err = copy_sighand(flags, p);
	if (err)
		goto out_free;
	err = copy_signal(flags, p);
	if (err)
		goto out_free;
	err = copy_files(flags, p);
	if (err)
		goto out_free;
	err = copy_fs(flags, p);
	if (err)
		goto out_free;
	err = copy_mm(flags, p, kernel_child);
	if (err)
		goto out_free;

	if (kernel_child)
		arch_setup_kthread(p, (unsigned long)p->stack + THREAD_SIZE, args->fn, args->fn_arg);
	else
		copy_thread(p, task_pt_regs(current), args->stack, flags & CLONE_SETTLS, args->tls);

	if ((flags & CLONE_PARENT_SETTID) && put_user(pid, args->parent_tid)) {
		err = -EFAULT;
		goto out_free;
	}
	if (flags & CLONE_VFORK) {
		init_completion(&vfork);
		tp->vfork_done = &vfork;
	}

	/* Parent: the caller's process, or its parent for CLONE_PARENT and threads. */
	leader = ctp ? ctp->group_leader : current;
	parent = (flags & (CLONE_PARENT | CLONE_THREAD)) ? leader->real_parent : leader;
	p->exit_signal = (flags & CLONE_THREAD) ? -1 : args->exit_signal;

	get_task_struct(p);		/* the process layer's reference, for release_task() */
	spin_lock_irqsave(&task_sighand(p)->siglock, irqflags);
	list_add_tail(&tp->thread_node, &task_signal(p)->thread_head);
	task_signal(p)->nr_threads++;
	if (task_signal(p)->flags & SIGNAL_GROUP_EXIT)
		sigaddset(&tp->pending.signal, SIGKILL);
	recalc_sigpending_tsk(p);
	spin_unlock_irqrestore(&task_sighand(p)->siglock, irqflags);

	if (flags & CLONE_THREAD) {
		/* Threads are not on their parent's children list. */
		p->real_parent = p->parent = NULL;
		attach_pid(p);
		WRITE_ONCE(p->real_parent, parent);
		p->parent = parent;
	} else {
		p->real_parent = p->parent = parent;
		attach_pid(p);
	}
	trace_sched_process_fork(current, p);
	wake_up_new_task(p);
	if (flags & CLONE_VFORK) {
		wait_for_completion(&vfork);
		/* the child exec'd or exited: its tp->vfork_done is cleared */
	}
	return pid;

out_free:
	free_unborn(p);
	return err;
}

/**
 * complete_vfork_done() - release a vfork() parent: the child exec'd or is exiting
 * @tsk: the child (current)
 */
void complete_vfork_done(struct task_struct *tsk)
{
	struct task_proc *tp = task_proc(tsk);
	struct completion *vfork;

	if (!tp)
		return;
	vfork = xchg(&tp->vfork_done, NULL);
	if (vfork)
		complete(vfork);
}

SYSCALL_DEFINE0(fork)
{
	struct kernel_clone_args args = {
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

SYSCALL_DEFINE0(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	return kernel_clone(&args);
}

/*
 * The argument order is the arch's, as in Linux: x86_64 passes flags, newsp, parent_tidptr,
 * child_tidptr, tls; CONFIG_CLONE_BACKWARDS arches (riscv64) swap the last two.
 */
#if CONFIG_CLONE_BACKWARDS
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, unsigned long, tls, int __user *, child_tidptr)
#else
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, int __user *, child_tidptr, unsigned long, tls)
#endif
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.pidfd = parent_tidptr,
		.child_tid = child_tidptr,
		.parent_tid = parent_tidptr,
		.exit_signal = clone_flags & CSIGNAL,
		.stack = newsp,
		.tls = tls,
	};

	if (!valid_signal(args.exit_signal))
		return -EINVAL;
	return kernel_clone(&args);
}

SYSCALL_DEFINE2(clone3, void __user *, uargs, size_t, size)
{
	return -ENOSYS;		/* glibc falls back to clone */
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	struct task_proc *tp = task_proc(current);

	if (tp)
		tp->clear_child_tid = tidptr;
	return current->pid;
}
