// SPDX-License-Identifier: GPL-2.0-only
/*
 * The idle loop and the end of boot. Each CPU's boot context becomes its idle task (pid 0,
 * "swapper/N"): CPU 0's in sched_init(), the others' in sched_init_secondary(). The idle
 * loop pulls waiting work from busier CPUs, and otherwise halts until the next interrupt
 * (the tick, or a reschedule IPI from a wakeup).
 *
 * rest_init() starts kernel_init (pid 1) and kthreadd (pid 2), then CPU 0 idles for good.
 * kernel_init hands over to kernel_init_run(), provided by the boot code (boot self-tests,
 * then the exec of /init).
 */
#include <starling/sched.h>
#include <starling/kthread.h>
#include <starling/boot.h>
#include <starling/printk.h>
#include <asm/irqflags.h>
#include "sched.h"

/* Boot code: the work of pid 1 (self-tests, then exec /init). Never returns on success. */
int kernel_init_run(void) __attribute__((weak));

static void do_idle(void)
{
	while (!need_resched()) {
		if (idle_balance())
			break;
		arch_local_irq_disable();
		if (need_resched()) {
			arch_local_irq_enable();
			break;
		}
		arch_cpu_idle();	/* sti; hlt: returns after an interrupt, IRQs on */
	}
	schedule();
}

/**
 * cpu_startup_entry() - the idle loop of this CPU, run by its idle task
 */
void __noreturn cpu_startup_entry(void)
{
	arch_local_irq_enable();
	for (;;)
		do_idle();
}

static int kernel_init(void *unused)
{
	int ret;

	if (!kernel_init_run)
		panic("No working init found.  Try passing init= option to kernel. "
		      "See Linux Documentation/admin-guide/init.rst for guidance.");
	ret = kernel_init_run();
	panic("kernel_init_run() returned %d", ret);
}

/**
 * rest_init() - start pid 1 and pid 2, then become CPU 0's idle task
 */
void __noreturn rest_init(void)
{
	struct task_struct *init, *kthreadd_p;

	WRITE_ONCE(scheduler_running, true);
	init = __kernel_thread(kernel_init, NULL, "kernel_init", 1);
	if (IS_ERR(init))
		panic("rest_init: cannot create kernel_init: %ld", PTR_ERR(init));
	kthreadd_p = __kernel_thread(kthreadd, NULL, "kthreadd", 2);
	if (IS_ERR(kthreadd_p))
		panic("rest_init: cannot create kthreadd: %ld", PTR_ERR(kthreadd_p));
	kthreadd_task = kthreadd_p;
	wake_up_new_task(kthreadd_p);
	wake_up_new_task(init);
	cpu_startup_entry();
}
