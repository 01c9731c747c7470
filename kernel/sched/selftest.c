// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scheduler's boot self-test, run by kernel_init when the command line says
 * starling.selftest=sched. Each check prints one line on failure; the summary line is
 * "selftest sched: N passed, M failed", which the boot test harness greps.
 *
 *   concurrency     one spinning thread per CPU: every CPU's counter advances at once
 *   preemption      two threads that never yield share one CPU: both advance
 *   wait/wake       wait_event, wake_up, wait_event_timeout, completions
 *   mutex           threads on every CPU increment a counter under a mutex
 *   msleep          msleep(100) never returns before 100 ms
 *   smp_call        smp_call_function, _single and on_each_cpu reach the right CPUs
 *   stop_machine    while fn runs, no other CPU runs threads or takes timer ticks
 *   kthread_stop    returns the thread function's result; pids are found and freed
 */
#include <starling/sched.h>
#include <starling/kthread.h>
#include <starling/wait.h>
#include <starling/completion.h>
#include <starling/mutex.h>
#include <starling/timer.h>
#include <starling/delay.h>
#include <starling/smp_arch.h>
#include <starling/time.h>
#include <starling/printk.h>
#include <starling/kernel.h>
#include <asm/processor.h>
#include "sched.h"

static int passed, failed;

static void __printf(3, 4) check(bool ok, const char *name, const char *fmt, ...)
{
	char buf[128];
	va_list args;

	if (ok) {
		passed++;
		return;
	}
	failed++;
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_ERR "selftest sched: FAIL %s: %s\n", name, buf);
}

/* ---- spinning threads ------------------------------------------------------------------ */

static volatile unsigned long spin_count[NR_CPUS * 2];
static volatile int spin_stop;

static int spin_thread(void *arg)
{
	volatile unsigned long *cnt = arg;

	while (!READ_ONCE(spin_stop))
		(*cnt)++;
	return 0;
}

static struct task_struct *start_spinner(unsigned int cpu, unsigned int slot)
{
	struct task_struct *p = kthread_create_on_cpu(spin_thread, (void *)&spin_count[slot], cpu,
						      "sched_spin/%u");

	if (IS_ERR(p))
		return NULL;
	get_task_struct(p);
	wake_up_process(p);
	return p;
}

static void stop_spinners(struct task_struct **t, unsigned int n)
{
	WRITE_ONCE(spin_stop, 1);
	for (unsigned int i = 0; i < n; i++) {
		if (t[i]) {
			kthread_stop(t[i]);
			put_task_struct(t[i]);
		}
	}
	WRITE_ONCE(spin_stop, 0);
}

/*
 * Every CPU runs its own spinner: each counter starts, then advances again. The emulator's
 * CPUs are host threads that the host may not run for a while, so wait up to 2 s per step
 * rather than assume a time window.
 */
static bool all_advanced(const unsigned long *since, unsigned long *now)
{
	unsigned int cpu;
	bool all = true;

	for_each_online_cpu(cpu) {
		now[cpu] = spin_count[cpu];
		all &= now[cpu] > since[cpu];
	}
	return all;
}

static void test_concurrency(void)
{
	struct task_struct *t[NR_CPUS] = { NULL };
	unsigned long a[NR_CPUS] = { 0 }, b[NR_CPUS] = { 0 };
	unsigned int cpu, moving = 0, n = 0;
	int waited = 0;

	for_each_online_cpu(cpu) {
		spin_count[cpu] = 0;
		t[cpu] = start_spinner(cpu, cpu);
		n++;
	}
	while (!all_advanced(b, a) && waited < 2000) {
		msleep(20);
		waited += 20;
	}
	for (waited = 0; !all_advanced(a, b) && waited < 2000; waited += 20)
		msleep(20);
	for_each_online_cpu(cpu)
		if (a[cpu] && b[cpu] > a[cpu] && task_cpu(t[cpu]) == cpu)
			moving++;
	stop_spinners(t, NR_CPUS);
	check(moving == n, "concurrency", "%u of %u CPUs ran their thread", moving, n);
}

static void test_preemption(void)
{
	unsigned int cpu = num_online_cpus() - 1;
	struct task_struct *t[2];
	unsigned long a0, a1;

	spin_count[NR_CPUS] = spin_count[NR_CPUS + 1] = 0;
	t[0] = start_spinner(cpu, NR_CPUS);
	t[1] = start_spinner(cpu, NR_CPUS + 1);
	msleep(100);
	a0 = spin_count[NR_CPUS];
	a1 = spin_count[NR_CPUS + 1];
	stop_spinners(t, 2);
	check(a0 && a1, "preemption", "two spinners on one CPU counted %lu and %lu", a0, a1);
}

/* ---- wait queues and completions ------------------------------------------------------- */

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static int wq_flag;
static DECLARE_COMPLETION(woke);

static int waiter_thread(void *arg)
{
	wait_event(test_wq, READ_ONCE(wq_flag));
	complete(&woke);
	return 7;
}

static void test_wait(void)
{
	struct task_struct *p;
	unsigned long left;
	long r;

	WRITE_ONCE(wq_flag, 0);
	reinit_completion(&woke);
	p = kthread_run(waiter_thread, NULL, "sched_wait");
	if (IS_ERR(p)) {
		check(false, "wait", "kthread_run: %ld", PTR_ERR(p));
		return;
	}
	get_task_struct(p);
	msleep(20);
	check(!completion_done(&woke), "wait", "waiter did not sleep");
	WRITE_ONCE(wq_flag, 1);
	wake_up(&test_wq);
	left = wait_for_completion_timeout(&woke, HZ);
	check(left > 0, "wait", "waiter not woken within a second");
	r = kthread_stop(p);
	put_task_struct(p);
	check(r == 7, "kthread_stop", "returned %ld, expected 7", r);

	r = wait_event_timeout(test_wq, false, 5);
	check(r == 0, "wait_event_timeout", "returned %ld on timeout", r);
	r = wait_event_timeout(test_wq, true, 5);
	check(r >= 1, "wait_event_timeout", "returned %ld when true", r);
	check(!try_wait_for_completion(&woke), "completion", "consumed twice");
}

/* ---- mutex contention ------------------------------------------------------------------ */

#define MUTEX_LOOPS	2000

static DEFINE_MUTEX(test_mutex);
static volatile long mutex_counter;
static atomic_t mutex_inside;
static atomic_t mutex_overlap;
static DECLARE_COMPLETION(mutex_done);

static int mutex_thread(void *arg)
{
	for (int i = 0; i < MUTEX_LOOPS; i++) {
		mutex_lock(&test_mutex);
		if (atomic_inc_return(&mutex_inside) != 1)
			atomic_inc(&mutex_overlap);
		mutex_counter = mutex_counter + 1;
		for (int j = 0; j < 20; j++)
			cpu_relax();
		atomic_dec(&mutex_inside);
		mutex_unlock(&test_mutex);
		if (!(i & 63))
			yield();
	}
	complete(&mutex_done);
	return 0;
}

static void test_mutex_contention(void)
{
	unsigned int cpu, n = 0;

	mutex_counter = 0;
	atomic_set(&mutex_overlap, 0);
	reinit_completion(&mutex_done);
	for_each_online_cpu(cpu) {
		for (int k = 0; k < 2; k++) {
			struct task_struct *p = kthread_create_on_cpu(mutex_thread, NULL, cpu,
								      "sched_mutex/%u");

			if (!IS_ERR(p)) {
				wake_up_process(p);
				n++;
			}
		}
	}
	for (unsigned int i = 0; i < n; i++)
		wait_for_completion(&mutex_done);
	check(mutex_counter == (long)n * MUTEX_LOOPS, "mutex", "counter %ld, expected %ld",
	      mutex_counter, (long)n * MUTEX_LOOPS);
	check(!atomic_read(&mutex_overlap), "mutex", "%d overlapping owners",
	      atomic_read(&mutex_overlap));
	check(mutex_trylock(&test_mutex) == 1, "mutex", "trylock of a free mutex failed");
	check(mutex_trylock(&test_mutex) == 0, "mutex", "trylock of a held mutex worked");
	mutex_unlock(&test_mutex);
}

/* ---- sleeping -------------------------------------------------------------------------- */

static void test_msleep(void)
{
	unsigned long j0 = jiffies, ms;
	u64 t0 = ktime_get_ns(), ns;

	msleep(100);
	ms = jiffies_to_msecs(jiffies - j0);
	ns = ktime_get_ns() - t0;
	/* Never early; how late depends on the host running the emulator, so no upper bound. */
	check(ms >= 100, "msleep", "msleep(100) took %lu ms of jiffies", ms);
	check(ns >= 95 * NSEC_PER_MSEC, "msleep", "msleep(100) took %ld us of ktime",
	      (long)(ns / 1000));
}

/* ---- cross-CPU calls ------------------------------------------------------------------- */

static atomic_t call_hits[NR_CPUS];
static atomic_t call_bad_ctx;

static void count_call(void *info)
{
	if (!arch_irqs_disabled())
		atomic_inc(&call_bad_ctx);
	atomic_inc(&call_hits[smp_processor_id()]);
}

static void test_smp_call(void)
{
	unsigned int cpu, me, good = 0, n = num_online_cpus();

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		atomic_set(&call_hits[cpu], 0);
	atomic_set(&call_bad_ctx, 0);
	preempt_disable();
	me = smp_processor_id();
	smp_call_function(count_call, NULL, true);
	for_each_online_cpu(cpu)
		if (atomic_read(&call_hits[cpu]) == (cpu == me ? 0 : 1))
			good++;
	preempt_enable();
	check(good == n, "smp_call_function", "%u of %u CPUs right", good, n);

	for_each_online_cpu(cpu)
		smp_call_function_single(cpu, count_call, NULL, true);
	on_each_cpu(count_call, NULL, true);
	good = 0;
	for_each_online_cpu(cpu)
		if (atomic_read(&call_hits[cpu]) == (cpu == me ? 2 : 3))
			good++;
	check(good == n, "smp_call_function_single", "%u of %u CPUs right", good, n);
	check(!atomic_read(&call_bad_ctx), "smp_call_function", "%d calls with IRQs on",
	      atomic_read(&call_bad_ctx));
	check(smp_call_function_single(NR_CPUS - 1 + (n == NR_CPUS), count_call, NULL, true) ==
	      -ENXIO, "smp_call_function_single", "offline CPU not refused");
}

/* ---- stop_machine ---------------------------------------------------------------------- */

struct stop_probe {
	unsigned int	cpu;
	unsigned long	moved;		/* other CPUs whose thread or tick advanced during fn */
	bool		irqs_off;
};

static int stop_fn(void *arg)
{
	struct stop_probe *sp = arg;
	unsigned long cnt[NR_CPUS], ticks[NR_CPUS];
	unsigned int cpu;
	u64 t0;

	sp->cpu = smp_processor_id();
	sp->irqs_off = arch_irqs_disabled();
	for_each_online_cpu(cpu) {
		cnt[cpu] = spin_count[cpu];
		ticks[cpu] = sched_cpu_ticks(cpu);
	}
	t0 = ktime_get_ns();
	while (ktime_get_ns() - t0 < 20 * NSEC_PER_MSEC)	/* five ticks */
		cpu_relax();
	for_each_online_cpu(cpu)
		if (cpu != sp->cpu && (spin_count[cpu] != cnt[cpu] ||
				       sched_cpu_ticks(cpu) != ticks[cpu]))
			sp->moved |= 1UL << cpu;
	return 42;
}

static void test_stop_machine(void)
{
	struct task_struct *t[NR_CPUS] = { NULL };
	struct stop_probe sp = { 0 };
	unsigned int cpu;
	int ret;

	for_each_online_cpu(cpu)
		t[cpu] = start_spinner(cpu, cpu);
	msleep(20);
	ret = stop_machine(stop_fn, &sp);
	stop_spinners(t, NR_CPUS);
	check(ret == 42, "stop_machine", "returned %d, expected 42", ret);
	check(sp.irqs_off, "stop_machine", "fn ran with IRQs on");
	check(!sp.moved, "stop_machine", "CPUs %#lx ran while stopped", sp.moved);
}

/* ---- tasks ----------------------------------------------------------------------------- */

static int exit_thread(void *arg)
{
	return 3;
}

static void test_tasks(void)
{
	struct task_struct *p = kthread_create(exit_thread, NULL, "sched_exit");
	struct task_struct *q;
	pid_t pid;

	if (IS_ERR(p)) {
		check(false, "tasks", "kthread_create: %ld", PTR_ERR(p));
		return;
	}
	pid = p->pid;
	q = find_get_task_by_pid(pid);
	check(q == p && pid > 2, "tasks", "find_get_task_by_pid(%d) failed", pid);
	if (q)
		put_task_struct(q);
	check(kthread_stop(p) == -EINTR, "tasks", "stop before start did not give -EINTR");
	check(!find_get_task_by_pid(pid), "tasks", "pid %d still found after exit", pid);
	q = find_get_task_by_pid(1);
	check(q && q == current, "tasks", "pid 1 is not kernel_init");
	if (q)
		put_task_struct(q);
}

/**
 * sched_selftest() - run the scheduler's boot self-test
 *
 * Return: the number of failed checks (0 when all passed).
 */
int sched_selftest(void)
{
	passed = failed = 0;
	printk(KERN_INFO "selftest sched: %u CPUs online\n", num_online_cpus());
	test_tasks();
	test_concurrency();
	test_preemption();
	test_wait();
	test_mutex_contention();
	test_msleep();
	test_smp_call();
	test_stop_machine();
	printk(KERN_INFO "selftest sched: %d passed, %d failed\n", passed, failed);
	return failed;
}
