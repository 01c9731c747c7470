// SPDX-License-Identifier: GPL-2.0-only
/*
 * Boot self-tests, selected with starling.selftest=NAME[,NAME...] on the command line and
 * run by kernel_init before the first program. Each prints "selftest NAME: ok" or
 * "selftest NAME: FAILED (...)"; tests/boot/run.sh reads those lines. The machine powers off
 * afterwards (or panics, for the deliberate fault).
 *
 *   kallsyms  the embedded symbol table resolves known functions both ways
 *   cpus      every CPU the firmware listed came online
 *   cmdline   print init's arguments and environment as parsed from the command line
 *   irq       the console's interrupt line is routed to a CPU (transmitter-empty interrupt)
 *   fault     a NULL dereference in selftest_fault(): the oops must name it in RIP and in
 *             a symbolized call trace, then panic
 *   sched     the scheduler's own tests (kernel/sched/selftest.c)
 *   proc      fork/exit/wait, signals, job control, futexes (kernel/process/selftest.c)
 */
#include <starling/printk.h>
#include <starling/kernel.h>
#include <starling/kallsyms.h>
#include <starling/params.h>
#include <starling/string.h>
#include <starling/smp.h>
#include <starling/selftest.h>
#include <starling/signal.h>
#include <starling/trace_kprobe.h>
#include <starling/reboot.h>
#include <starling/mm_user.h>
#include <starling/interrupt.h>
#include <starling/console.h>
#include <starling/delay.h>

int vfs_selftest(void);	/* fs/vfs/selftest.c: failures */

static int failures;

static void report(const char *name, bool ok, const char *why)
{
	if (ok) {
		printk(KERN_INFO "selftest %s: ok\n", name);
	} else {
		printk(KERN_ERR "selftest %s: FAILED (%s)\n", name, why);
		failures++;
	}
}

static void selftest_kallsyms(void)
{
	unsigned long addr = kallsyms_lookup_name("start_kernel"), size, off;
	const char *name = kallsyms_lookup(addr + 1, &size, &off);
	char buf[128];

	report("kallsyms", addr == (unsigned long)start_kernel && name &&
	       !strcmp(name, "start_kernel") && off == 1 && size > 1 &&
	       kallsyms_lookup_name("no_such_symbol_anywhere") == 0, "lookup mismatch");
	snprintf(buf, sizeof(buf), "%pS", (void *)((unsigned long)printk + 4));
	report("kallsyms_pS", !strncmp(buf, "printk+0x4/0x", 13), buf);
}

static void selftest_cpus(void)
{
	char why[64];

	snprintf(why, sizeof(why), "%u of %u online", num_online_cpus(), arch_boot_cpus());
	report("cpus", num_online_cpus() == min_t(unsigned int, arch_boot_cpus(), NR_CPUS), why);
}

static unsigned long test_irq_hits;

static void test_irq_handler(unsigned int irq, void *dev)
{
	test_irq_hits++;
	arch_console_tx_irq(false);	/* level stays asserted otherwise */
}

/* The console's interrupt line reaches a CPU through the interrupt controllers. */
static void selftest_irq(void)
{
	unsigned int irq = arch_console_irq(), cpu;
	unsigned long before = 0, after = 0;
	char why[64];

	if (!irq_name(irq) && request_irq(irq, test_irq_handler, "selftest", NULL)) {
		report("irq", false, "request_irq failed");
		return;
	}
	for_each_online_cpu(cpu)
		before += irq_count(irq, cpu);
	arch_console_tx_irq(true);
	msleep(20);
	arch_console_tx_irq(false);
	for_each_online_cpu(cpu)
		after += irq_count(irq, cpu);
	snprintf(why, sizeof(why), "%lu interrupts on line %u", after - before, irq);
	report("irq", after > before, why);
}

/*
 * How the command line reached init, for the boot test to compare with what it passed:
 * "selftest cmdline: argv=[init,a,b] envp=[HOME=/,TERM=linux,x=y] rdinit=/init".
 */
static void selftest_cmdline(void)
{
	char buf[256];
	size_t n = 0;

	n += scnprintf(buf + n, sizeof(buf) - n, "argv=[");
	for (int i = 1; init_argv[i]; i++)
		n += scnprintf(buf + n, sizeof(buf) - n, "%s%s", i > 1 ? "," : "", init_argv[i]);
	n += scnprintf(buf + n, sizeof(buf) - n, "] envp=[");
	for (int i = 0; init_envp[i]; i++)
		n += scnprintf(buf + n, sizeof(buf) - n, "%s%s", i ? "," : "", init_envp[i]);
	scnprintf(buf + n, sizeof(buf) - n, "] rdinit=%s", ramdisk_execute_command);
	printk(KERN_INFO "selftest cmdline: %s\n", buf);
}

/* Not static and never inlined: the oops must show this name. */
noinline int selftest_fault(volatile int *p)
{
	return *p + 1;
}

static bool selected(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; (p = strstr(p, name)); p += n)
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == ' ' || !p[n]))
			return true;
	return false;
}

/**
 * run_boot_selftests() - run the tests named by starling.selftest=.
 *
 * Return: false when the command line names no test; otherwise it does not return.
 */
bool run_boot_selftests(void)
{
	const char *list;

	if (!cmdline_find("starling.selftest", &list))
		return false;
	if (selected(list, "kallsyms"))
		selftest_kallsyms();
	if (selected(list, "cpus"))
		selftest_cpus();
	if (selected(list, "irq"))
		selftest_irq();
	if (selected(list, "cmdline"))
		selftest_cmdline();
	if (selected(list, "sched"))
		report("sched", sched_selftest() == 0, "see above");
	if (selected(list, "vfs"))
		report("vfs", vfs_selftest() == 0, "see above");
	if (IS_ENABLED(CONFIG_USERSPACE) && selected(list, "proc"))
		report("proc", proc_selftest() == 0, "see above");
	if (IS_ENABLED(CONFIG_USERSPACE) && selected(list, "exec"))
		report("exec", exec_selftest() == 0, "see above");
	if (IS_ENABLED(CONFIG_KPROBES) && selected(list, "kprobes"))
		report("kprobes", kprobes_selftest() == 0, "see above");
	if (IS_ENABLED(CONFIG_KPROBES) && selected(list, "kprobe_events"))
		report("kprobe_events", trace_kprobe_selftest() == 0, "see above");
	if (selected(list, "fault")) {
		printk(KERN_INFO "selftest fault: dereferencing NULL in selftest_fault()\n");
		selftest_fault(NULL);
		report("fault", false, "the NULL dereference did not fault");
	}
	printk(KERN_INFO "selftests: %d failed\n", failures);
	kernel_power_off();
}
