// SPDX-License-Identifier: GPL-2.0-only
/*
 * The "starling.selftest=proc" boot test of the process layer, run before any program
 * exists: kernel-side clones (kernel_clone with a function) get full process state, so
 * fork/exit/wait, signals with their default actions, job-control stop and continue,
 * kill permissions, reparenting to init and futex wait/wake between threads can all be
 * checked from the kernel. A "manager" child runs the cases so that pid 1 keeps no process
 * state of its own; each case prints one line and the failures are counted.
 */
#include <starling/signal.h>
#include <starling/cred.h>
#include <starling/completion.h>
#include <starling/delay.h>
#include <starling/printk.h>
#include <starling/string.h>
#include <starling/syscalls.h>
#include <asm/syscall.h>
#include <starling/kernel.h>
#include <asm/ptrace.h>
#include "internal.h"

long __ARCH_SYS(_kill)(const struct pt_regs *regs);
long kernel_wait(pid_t pid, int *status, int options);

static int failures;

#define CHECK(cond, fmt, ...) do {						\
	if (!(cond)) {								\
		failures++;							\
		printk(KERN_ERR "proc selftest: FAIL %s:%d: " fmt "\n", __func__,	\
		       __LINE__, ##__VA_ARGS__);				\
	}									\
} while (0)

static pid_t spawn(int (*fn)(void *), void *arg, u64 flags)
{
	struct kernel_clone_args args = {
		.flags = flags,
		.exit_signal = (flags & CLONE_THREAD) ? 0 : SIGCHLD,
		.fn = fn,
		.fn_arg = arg,
	};

	return kernel_clone(&args);
}

/* Run default actions and handlers as the way back to user mode would: forever. */
static int child_signal_loop(void *arg)
{
	struct ksignal ksig;

	if (arg) {
		/* Own process group in the manager's session: terminal stops are not orphaned. */
		unsigned long flags;

		spin_lock_irqsave(&tasklist_lock, flags);
		task_signal(current)->pgrp = current->pid;
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!signal_pending(current)) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		if (get_signal(&ksig))
			do_exit(wstatus_exited(100 + ksig.sig));	/* "handled" */
	}
	return 0;
}

static int child_exit_code(void *arg)
{
	do_exit(wstatus_exited((long)arg));
}

/* Wait for one SIGUSR1 with dequeue_signal() and report it in the exit code. */
static int child_dequeue(void *arg)
{
	kernel_siginfo_t info;
	sigset_t mask;
	int sig;

	/* A (never run) handler, so that SIGUSR1 is queued rather than fatal. */
	task_sighand(current)->action[SIGUSR1 - 1].sa.sa_handler = (__sighandler_t)0x1000;
	complete((struct completion *)arg);
	sigfillset(&mask);
	sigdelset(&mask, SIGUSR1);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	sig = dequeue_signal(&mask, &info);
	do_exit(wstatus_exited(sig == SIGUSR1 && info.si_code == SI_USER ? 42 : 1));
}

static void test_exit_and_wait(void)
{
	int status = -1;
	pid_t pid = spawn(child_exit_code, (void *)3L, 0);

	CHECK(pid > 0, "kernel_clone: %d", pid);
	CHECK(kernel_wait(pid, &status, 0) == pid, "wait");
	CHECK(status == 0x300, "status %#x", status);
	CHECK(kernel_wait(-1, &status, 0) == -ECHILD, "ECHILD with no children");
}

static void test_signal_delivery(void)
{
	DECLARE_COMPLETION(ready);
	int status = -1;
	pid_t pid = spawn(child_dequeue, &ready, 0);

	wait_for_completion(&ready);
	CHECK(kernel_wait(pid, &status, WNOHANG) == 0, "WNOHANG while running");
	CHECK(kill_pid(pid, SIGUSR1, 0) == 0, "kill_pid");
	CHECK(kernel_wait(pid, &status, 0) == pid && status == wstatus_exited(42),
	      "SIGUSR1 dequeued: status %#x", status);
}

static void test_default_actions(void)
{
	int status = -1;
	pid_t pid;

	pid = spawn(child_signal_loop, NULL, 0);
	msleep(5);
	kill_pid(pid, SIGTERM, 0);
	CHECK(kernel_wait(pid, &status, 0) == pid && status == SIGTERM,
	      "SIGTERM: status %#x", status);

	pid = spawn(child_signal_loop, NULL, 0);
	msleep(5);
	kill_pid(pid, SIGQUIT, 0);
	CHECK(kernel_wait(pid, &status, 0) == pid && status == (SIGQUIT | 0x80),
	      "SIGQUIT (core): status %#x", status);

	pid = spawn(child_signal_loop, NULL, 0);
	msleep(5);
	kill_pid(pid, SIGCHLD, 0);		/* ignored by default */
	kill_pid(pid, SIGKILL, 0);
	CHECK(kernel_wait(pid, &status, 0) == pid && status == SIGKILL,
	      "SIGKILL: status %#x", status);
}

static void test_stop_continue(void)
{
	int status = -1;
	pid_t pid = spawn(child_signal_loop, (void *)1L, 0);

	msleep(5);
	kill_pid(pid, SIGSTOP, 0);
	CHECK(kernel_wait(pid, &status, WUNTRACED) == pid && status == wstatus_stopped(SIGSTOP),
	      "WUNTRACED: status %#x", status);
	CHECK(kernel_wait(pid, &status, WUNTRACED | WNOHANG) == 0, "stop reported twice");
	kill_pid(pid, SIGCONT, 0);
	CHECK(kernel_wait(pid, &status, WCONTINUED) == pid && status == WSTATUS_CONTINUED,
	      "WCONTINUED: status %#x", status);
	kill_pid(pid, SIGTSTP, 0);
	CHECK(kernel_wait(pid, &status, WUNTRACED) == pid && status == wstatus_stopped(SIGTSTP),
	      "SIGTSTP: status %#x", status);
	kill_pid(pid, SIGKILL, 0);		/* kills a stopped process */
	CHECK(kernel_wait(pid, &status, 0) == pid && status == SIGKILL,
	      "SIGKILL while stopped: status %#x", status);
}

static pid_t manager_pid;

static int child_unprivileged_kill(void *arg)
{
	struct cred *new = prepare_creds();
	struct pt_regs regs = { 0 };
	long r1, r2;

	new->uid = new->euid = new->suid = new->fsuid = 1000;
	commit_creds(new);
	syscall_set_arguments(current, &regs, (const unsigned long[6]){ manager_pid, 0 });
	r1 = __ARCH_SYS(_kill)(&regs);
	syscall_set_arguments(current, &regs, (const unsigned long[6]){ current->pid, 0 });
	r2 = __ARCH_SYS(_kill)(&regs);
	do_exit(wstatus_exited(r1 == -EPERM && r2 == 0 && !capable(CAP_KILL) ? 0 : 1));
}

static void test_kill_permission(void)
{
	int status = -1;
	pid_t pid = spawn(child_unprivileged_kill, NULL, 0);

	CHECK(kernel_wait(pid, &status, 0) == pid && status == 0,
	      "uid 1000 may not signal root: status %#x", status);
}

static pid_t grandchild;

static int child_orphan_maker(void *arg)
{
	grandchild = spawn(child_exit_code, (void *)7L, 0);
	do_exit(0);
}

static int child_sleep_then_exit(void *arg)
{
	msleep(50);
	do_exit(0);
}

static int child_fork_sleeper(void *arg)
{
	grandchild = spawn(child_sleep_then_exit, NULL, 0);
	do_exit(0);
}

static void test_reparent(void)
{
	struct task_struct *g;
	int status = -1;
	pid_t pid = spawn(child_fork_sleeper, NULL, 0);

	CHECK(kernel_wait(pid, &status, 0) == pid && status == 0, "orphan maker");
	g = find_get_task_by_pid(grandchild);
	CHECK(g != NULL, "grandchild %d gone early", grandchild);
	if (g) {
		CHECK(task_ppid_nr(g) == 1, "reparented to %d", task_ppid_nr(g));
		put_task_struct(g);
	}
	pid = spawn(child_orphan_maker, NULL, 0);
	CHECK(kernel_wait(pid, &status, 0) == pid, "second orphan maker");
	msleep(60);
}

struct futex_test {
	u32	word;
	int	result;
	int	done;
};

static int thread_futex_waiter(void *arg)
{
	struct futex_test *ft = arg;

	ft->result = futex_wait((u32 __user *)&ft->word, 0, MAX_SCHEDULE_TIMEOUT, ~0U);
	smp_store_release(&ft->done, 1);
	do_exit(0);
}

static void test_futex(void)
{
	struct futex_test ft = { 0 };
	pid_t tid;
	int woken = 0;

	CHECK(futex_wait((u32 __user *)&ft.word, 1, MAX_SCHEDULE_TIMEOUT, ~0U) == -EAGAIN,
	      "EAGAIN");
	CHECK(futex_wait((u32 __user *)&ft.word, 0, 2, ~0U) == -ETIMEDOUT, "ETIMEDOUT");
	tid = spawn(thread_futex_waiter, &ft, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD);
	CHECK(tid > 0, "thread: %d", tid);
	for (int i = 0; i < 100 && !woken; i++) {
		msleep(5);
		WRITE_ONCE(ft.word, 1);
		woken = futex_wake((u32 __user *)&ft.word, 1, ~0U);
	}
	CHECK(woken == 1, "futex_wake woke %d", woken);
	for (int i = 0; i < 100 && !smp_load_acquire(&ft.done); i++)
		msleep(5);
	CHECK(smp_load_acquire(&ft.done) && ft.result == 0, "waiter result %d", ft.result);
	CHECK(get_nr_threads(current) >= 1, "threads");
}

static DECLARE_COMPLETION(manager_done);

#define RUN(t) do { printk(KERN_INFO "proc selftest: " #t "\n"); t(); } while (0)

static int manager(void *arg)
{
	manager_pid = current->pid;
	CHECK(ksys_setsid() == current->pid, "setsid");
	RUN(test_exit_and_wait);
	RUN(test_signal_delivery);
	RUN(test_default_actions);
	RUN(test_stop_continue);
	RUN(test_kill_permission);
	RUN(test_reparent);
	RUN(test_futex);
	complete(&manager_done);
	do_exit(0);
}

/**
 * proc_selftest() - the process layer's boot test
 *
 * Return: the number of failed checks.
 */
int proc_selftest(void)
{
	pid_t pid;

	failures = 0;
	pid = spawn(manager, NULL, 0);
	if (pid < 0) {
		printk(KERN_ERR "proc selftest: cannot start the manager: %d\n", pid);
		return 1;
	}
	wait_for_completion(&manager_done);
	printk(KERN_INFO "proc selftest: %d failures\n", failures);
	return failures;
}
