// SPDX-License-Identifier: GPL-2.0-only
/*
 * panic(), warnings, and the orderly ways out (power off, restart). A panic prints its
 * message and a backtrace, stops the other CPUs, and ends the machine with a non-zero exit
 * status (panic=-1 semantics: there is nobody to read a hung console under test). panic=0
 * instead halts forever, as Linux does with that setting.
 */
#include <starling/printk.h>
#include <starling/printk_log.h>
#include <starling/kernel.h>
#include <starling/reboot.h>
#include <starling/init.h>
#include <starling/preempt.h>
#include <starling/smp.h>
#include <starling/stacktrace.h>
#include <starling/atomic.h>
#include <asm/processor.h>

static int panic_timeout = -1;	/* set by panic=; 0 halts, anything else exits */
static int panic_cpu = -1;

void __noreturn panic(const char *fmt, ...)
{
	char buf[256];
	va_list args;
	int me;

	arch_local_irq_disable();
	me = raw_smp_processor_id();
	if (__atomic_load_n(&panic_cpu, __ATOMIC_RELAXED) != me &&
	    cmpxchg(&panic_cpu, -1, me) != -1) {
		for (;;)	/* another CPU is panicking: let it print */
			__noreturn_halt();
	}
	oops_in_progress = true;
	va_start(args, fmt);
	vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	arch_stop_other_cpus();
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (panic_timeout == 0)
		for (;;)
			__noreturn_halt();
	arch_panic_exit();
}

void __warn(const char *file, int line, const char *cond)
{
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	printk(KERN_WARNING "WARNING: CPU: %u at %s:%d: %s\n", raw_smp_processor_id(), file, line,
	       cond);
	dump_stack();
	printk(KERN_WARNING "---[ end trace ]---\n");
}

void __noreturn kernel_power_off(void)
{
	printk(KERN_EMERG "reboot: Power down\n");
	arch_stop_other_cpus();
	arch_poweroff();
}

void __noreturn kernel_restart(void)
{
	printk(KERN_EMERG "reboot: Restarting system\n");
	arch_stop_other_cpus();
	arch_restart();
}

static int __init panic_setup(const char *val)
{
	return kstrtoint(val, 0, &panic_timeout) ? -1 : 0;
}
__setup("panic", panic_setup);
