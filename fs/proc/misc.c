// SPDX-License-Identifier: GPL-2.0-only
/*
 * The files at the top of /proc, in Linux 6.1's formats: cmdline, cpuinfo (the arch's
 * blocks), filesystems ("nodev\tNAME"), interrupts, kallsyms ("%016lx %c %s", zero addresses
 * without CAP_SYSLOG), loadavg, meminfo ("%-16s%8lu kB" lines), mounts (-> self/mounts),
 * stat (cpu lines, intr, ctxt, btime, processes, procs_running, procs_blocked), uptime,
 * version (linux_banner), and /proc/sys/kernel/{osrelease,ostype,version,pid_max}.
 */
#include <starling/fs.h>
#include <starling/seq_file.h>
#include <starling/kallsyms.h>
#include <starling/interrupt.h>
#include <starling/cpuinfo.h>
#include <starling/version.h>
#include <starling/init.h>
#include <starling/mm.h>
#include <starling/smp.h>
#include <starling/time.h>
#include <starling/cred.h>
#include <starling/utsname.h>
#include <starling/uaccess.h>
#include <starling/jiffies.h>
#include <starling/slab.h>
#include <starling/meminfo.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/profile.h>
#include "internal.h"

#define USER_HZ		100
#define NR_IRQS_SHOWN	256

static int cmdline_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", boot_command_line);
	return 0;
}

static int version_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", linux_banner);
	return 0;
}

static int filesystems_one(struct file_system_type *fs, void *arg)
{
	seq_printf(arg, "%s\t%s\n", fs->fs_flags & FS_REQUIRES_DEV ? "" : "nodev", fs->name);
	return 0;
}

static int filesystems_show(struct seq_file *m, void *v)
{
	iterate_filesystems(filesystems_one, m);
	return 0;
}

static void meminfo_line(struct seq_file *m, const char *name, unsigned long kb)
{
	char label[24];

	snprintf(label, sizeof(label), "%s:", name);
	seq_printf(m, "%-16s%8lu kB\n", label, kb);
}

static int meminfo_show(struct seq_file *m, void *v)
{
	unsigned long total = totalram_pages() << (PAGE_SHIFT - 10);
	/* Empty slab pages kept for reuse are free memory too (<starling/meminfo.h>). */
	unsigned long free = (nr_free_pages() + kmalloc_cached_pages()) << (PAGE_SHIFT - 10);
	static const char *const zeros[] = {
		"Buffers", "Cached", "SwapCached", "Active", "Inactive", "Active(anon)",
		"Inactive(anon)", "Active(file)", "Inactive(file)", "Unevictable", "Mlocked",
		"SwapTotal", "SwapFree", "Dirty", "Writeback", "AnonPages", "Mapped", "Shmem",
		"KReclaimable", "Slab", "SReclaimable", "SUnreclaim", "KernelStack", "PageTables",
		"NFS_Unstable", "Bounce", "WritebackTmp",
	};

	if (free > total)
		free = total;
	meminfo_line(m, "MemTotal", total);
	meminfo_line(m, "MemFree", free);
	meminfo_line(m, "MemAvailable", free);
	for (size_t i = 0; i < ARRAY_SIZE(zeros); i++)
		meminfo_line(m, zeros[i], 0);
	meminfo_line(m, "CommitLimit", total / 2);
	meminfo_line(m, "Committed_AS", total - free);
	meminfo_line(m, "VmallocTotal", 34359738367UL);
	meminfo_line(m, "VmallocUsed", 0);
	meminfo_line(m, "VmallocChunk", 0);
	meminfo_line(m, "Percpu", 0);
	seq_printf(m, "HardwareCorrupted: %5lu kB\n", 0UL);
	meminfo_line(m, "AnonHugePages", 0);
	meminfo_line(m, "ShmemHugePages", 0);
	meminfo_line(m, "ShmemPmdMapped", 0);
	meminfo_line(m, "FileHugePages", 0);
	meminfo_line(m, "FilePmdMapped", 0);
	seq_printf(m, "HugePages_Total:   %5lu\nHugePages_Free:    %5lu\n"
		   "HugePages_Rsvd:    %5lu\nHugePages_Surp:    %5lu\n", 0UL, 0UL, 0UL, 0UL);
	meminfo_line(m, "Hugepagesize", 2048);
	meminfo_line(m, "Hugetlb", 0);
	meminfo_line(m, "DirectMap4k", 0);
	meminfo_line(m, "DirectMap2M", total);
	meminfo_line(m, "DirectMap1G", 0);
	return 0;
}

/* CPU time of all tasks, in USER_HZ ticks, split by the CPU they last ran on. */
struct cpu_times {
	unsigned long long	user[NR_CPUS], system[NR_CPUS];
	unsigned int		tasks, running, blocked;
	pid_t			last_pid;
	unsigned long		ctxt;
};

static void gather_cpu_times(struct cpu_times *t)
{
	struct task_struct *p;
	unsigned long flags;

	memset(t, 0, sizeof(*t));
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_tasks, tasks) {
		unsigned int cpu = task_cpu(p) < NR_CPUS ? task_cpu(p) : 0;
		unsigned int state = READ_ONCE(p->state);

		t->user[cpu] += p->utime * USER_HZ / HZ;
		t->system[cpu] += p->stime * USER_HZ / HZ;
		t->ctxt += p->nvcsw + p->nivcsw;
		t->tasks++;
		if (state == TASK_RUNNING)
			t->running++;
		else if ((state & TASK_UNINTERRUPTIBLE) && !(state & TASK_NOLOAD))
			t->blocked++;
		if (p->pid > t->last_pid)
			t->last_pid = p->pid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static unsigned long long uptime_clock_t(void)
{
	return ktime_get_boot_ns() / (NSEC_PER_SEC / USER_HZ);
}

static unsigned long long idle_of(const struct cpu_times *t, unsigned int cpu)
{
	unsigned long long up = uptime_clock_t(), busy = t->user[cpu] + t->system[cpu];

	return up > busy ? up - busy : 0;
}

static int stat_show(struct seq_file *m, void *v)
{
	struct cpu_times *t = kmalloc(sizeof(*t), GFP_KERNEL);
	unsigned long long user = 0, system = 0, idle = 0, irqs = 0;
	unsigned int cpu;

	if (!t)
		return -ENOMEM;
	gather_cpu_times(t);
	for_each_online_cpu(cpu) {
		user += t->user[cpu];
		system += t->system[cpu];
		idle += idle_of(t, cpu);
	}
	seq_printf(m, "cpu  %llu 0 %llu %llu 0 0 0 0 0 0\n", user, system, idle);
	for_each_online_cpu(cpu)
		seq_printf(m, "cpu%u %llu 0 %llu %llu 0 0 0 0 0 0\n", cpu, t->user[cpu],
			   t->system[cpu], idle_of(t, cpu));
	for (unsigned int irq = 0; irq < NR_IRQS_SHOWN; irq++)
		for_each_online_cpu(cpu)
			irqs += irq_count(irq, cpu);
	seq_printf(m, "intr %llu", irqs);
	for (unsigned int irq = 0; irq < NR_IRQS_SHOWN; irq++) {
		unsigned long n = 0;

		for_each_online_cpu(cpu)
			n += irq_count(irq, cpu);
		seq_printf(m, " %lu", n);
	}
	seq_printf(m, "\nctxt %lu\nbtime %llu\nprocesses %d\nprocs_running %u\n"
		   "procs_blocked %u\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n",
		   t->ctxt, (ktime_get_real_ns() - ktime_get_boot_ns()) / NSEC_PER_SEC,
		   t->last_pid, t->running ? t->running : 1, t->blocked);
	kfree(t);
	return 0;
}

static int uptime_show(struct seq_file *m, void *v)
{
	u64 up_cs = ktime_get_boot_ns() / (NSEC_PER_SEC / 100);
	struct cpu_times *t = kmalloc(sizeof(*t), GFP_KERNEL);
	unsigned long long idle = 0;
	unsigned int cpu;

	if (!t)
		return -ENOMEM;
	gather_cpu_times(t);
	for_each_online_cpu(cpu)
		idle += idle_of(t, cpu);
	kfree(t);
	seq_printf(m, "%llu.%02llu %llu.%02llu\n", (unsigned long long)up_cs / 100,
		   (unsigned long long)up_cs % 100, idle / USER_HZ, idle % USER_HZ);
	return 0;
}

static int loadavg_show(struct seq_file *m, void *v)
{
	struct cpu_times *t = kmalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	gather_cpu_times(t);
	seq_printf(m, "0.00 0.00 0.00 %u/%u %d\n", t->running ? t->running : 1, t->tasks,
		   t->last_pid);
	kfree(t);
	return 0;
}

static int interrupts_show(struct seq_file *m, void *v)
{
	unsigned int cpu;

	seq_printf(m, "%*s", 3 + 8 - 6, "");
	for_each_online_cpu(cpu)
		seq_printf(m, "CPU%-8u", cpu);
	seq_putc(m, '\n');
	for (unsigned int irq = 0; irq < NR_IRQS_SHOWN; irq++) {
		const char *name = irq_name(irq);

		if (!name)
			continue;
		seq_printf(m, "%3u: ", irq);
		for_each_online_cpu(cpu)
			seq_printf(m, "%10lu ", irq_count(irq, cpu));
		seq_printf(m, "  IO-APIC %5u-edge      %s\n", irq, name);
	}
	return 0;
}

/* ---- cpuinfo: one record per online CPU ------------------------------------------------ */

static void *cpuinfo_start(struct seq_file *m, loff_t *pos)
{
	while (*pos < nr_cpu_ids && !cpu_online(*pos))
		++*pos;
	return *pos < nr_cpu_ids ? (void *)(unsigned long)(*pos + 1) : NULL;
}

static void *cpuinfo_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return cpuinfo_start(m, pos);
}

static void cpuinfo_stop(struct seq_file *m, void *v)
{
}

static int cpuinfo_show(struct seq_file *m, void *v)
{
	arch_show_cpuinfo(m, (unsigned long)v - 1);
	return 0;
}

static const struct seq_operations cpuinfo_sops = {
	.start = cpuinfo_start, .next = cpuinfo_next, .stop = cpuinfo_stop, .show = cpuinfo_show,
};

static int cpuinfo_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &cpuinfo_sops);
}

static const struct file_operations cpuinfo_fops = {
	.open = cpuinfo_open, .read = seq_read, .read_iter = seq_read_iter,
	.llseek = seq_lseek, .release = seq_release,
};

/* ---- kallsyms: one record per symbol; the private word says whether to show addresses - */

static void *kallsyms_start(struct seq_file *m, loff_t *pos)
{
	return *pos < (loff_t)kallsyms_nr() ? (void *)(unsigned long)(*pos + 1) : NULL;
}

static void *kallsyms_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return kallsyms_start(m, pos);
}

static int kallsyms_show(struct seq_file *m, void *v)
{
	unsigned long addr;
	const char *name;
	char type;

	if (!kallsyms_get((unsigned long)v - 1, &addr, &type, &name))
		return 0;
	seq_printf(m, "%016lx %c %s\n", m->private ? addr : 0UL, type, name);
	return 0;
}

static const struct seq_operations kallsyms_sops = {
	.start = kallsyms_start, .next = kallsyms_next, .stop = cpuinfo_stop,
	.show = kallsyms_show,
};

static int kallsyms_open(struct inode *inode, struct file *file)
{
	int ret = seq_open(file, &kallsyms_sops);

	if (!ret)
		((struct seq_file *)file->private_data)->private =
			capable(CAP_SYSLOG) ? (void *)1 : NULL;
	return ret;
}

static const struct file_operations kallsyms_fops = {
	.open = kallsyms_open, .read = seq_read, .read_iter = seq_read_iter,
	.llseek = seq_lseek, .release = seq_release,
};

/* ---- links and /proc/sys --------------------------------------------------------------- */

static const char *mounts_link(struct task_struct *task, char *buf, int len, int fd)
{
	return "self/mounts";
}

static int osrelease_show(struct seq_file *m, void *v)
{
	seq_puts(m, UTS_RELEASE "\n");
	return 0;
}

static int ostype_show(struct seq_file *m, void *v)
{
	seq_puts(m, UTS_SYSNAME "\n");
	return 0;
}

static int kversion_show(struct seq_file *m, void *v)
{
	seq_puts(m, UTS_VERSION "\n");
	return 0;
}

static int pid_max_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%d\n", PID_MAX_DEFAULT);
	return 0;
}

/*
 * hostname and domainname, read and written as Linux's proc_dostring() does: a write at
 * offset 0 replaces the name, one further on continues it; either stops at a newline or
 * NUL, and bytes past the 64-character limit are dropped.
 */
static int hostname_show(struct seq_file *m, void *v)
{
	char name[__NEW_UTS_LEN + 1];

	uts_get_nodename(name, sizeof(name));
	seq_printf(m, "%s\n", name);
	return 0;
}

static int domainname_show(struct seq_file *m, void *v)
{
	char name[__NEW_UTS_LEN + 1];

	uts_get_domainname(name, sizeof(name));
	seq_printf(m, "%s\n", name);
	return 0;
}

static ssize_t uts_string_write(struct file *file, const char __user *buf, size_t count,
				loff_t *ppos, bool host)
{
	char name[__NEW_UTS_LEN + 1], chunk[__NEW_UTS_LEN];
	size_t len = 0, n = min_t(size_t, count, sizeof(chunk)), i;
	int ret;

	if (copy_from_user(chunk, buf, n))
		return -EFAULT;
	if (*ppos) {
		if (host)
			uts_get_nodename(name, sizeof(name));
		else
			uts_get_domainname(name, sizeof(name));
		len = strlen(name);
		if (*ppos > (loff_t)len)
			return count;
		len = (size_t)*ppos;
	}
	for (i = 0; i < n && len < __NEW_UTS_LEN; i++) {
		if (chunk[i] == '\0' || chunk[i] == '\n')
			break;
		name[len++] = chunk[i];
	}
	ret = host ? uts_set_nodename(name, len) : uts_set_domainname(name, len);
	if (ret)
		return ret;
	*ppos += (loff_t)count;
	return count;
}

static ssize_t hostname_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *ppos)
{
	return uts_string_write(file, buf, count, ppos, true);
}

static ssize_t domainname_write(struct file *file, const char __user *buf, size_t count,
				loff_t *ppos)
{
	return uts_string_write(file, buf, count, ppos, false);
}

static int uts_string_open(struct inode *inode, struct file *file)
{
	return proc_seq_fops.open(inode, file);
}

static const struct file_operations hostname_fops = {
	.open = uts_string_open, .read = seq_read, .read_iter = seq_read_iter,
	.write = hostname_write, .llseek = seq_lseek, .release = single_release,
};

static const struct file_operations domainname_fops = {
	.open = uts_string_open, .read = seq_read, .read_iter = seq_read_iter,
	.write = domainname_write, .llseek = seq_lseek, .release = single_release,
};

static const struct proc_entry sys_kernel_table[] = {
	{ .name = "domainname", .mode = S_IFREG | 0644, .show = domainname_show,
	  .fops = &domainname_fops },
	{ .name = "hostname", .mode = S_IFREG | 0644, .show = hostname_show,
	  .fops = &hostname_fops },
	{ .name = "osrelease", .mode = S_IFREG | 0444, .show = osrelease_show },
	{ .name = "ostype", .mode = S_IFREG | 0444, .show = ostype_show },
	{ .name = "pid_max", .mode = S_IFREG | 0444, .show = pid_max_show },
	{ .name = "version", .mode = S_IFREG | 0444, .show = kversion_show },
	{ }
};

static const struct proc_entry sys_table[] = {
	{ .name = "kernel", .mode = S_IFDIR | 0555, .children = sys_kernel_table },
	{ }
};

const struct proc_entry proc_root_table[] = {
	{ .name = "cmdline", .mode = S_IFREG | 0444, .show = cmdline_show },
	{ .name = "cpuinfo", .mode = S_IFREG | 0444, .fops = &cpuinfo_fops },
	{ .name = "filesystems", .mode = S_IFREG | 0444, .show = filesystems_show },
	{ .name = "interrupts", .mode = S_IFREG | 0444, .show = interrupts_show },
	{ .name = "kallsyms", .mode = S_IFREG | 0444, .fops = &kallsyms_fops },
	{ .name = "loadavg", .mode = S_IFREG | 0444, .show = loadavg_show },
	{ .name = "meminfo", .mode = S_IFREG | 0444, .show = meminfo_show },
	{ .name = "mounts", .mode = S_IFLNK | 0777, .link = mounts_link },
	{ .name = "profile", .mode = S_IFREG | 0644, .fops = &proc_profile_operations,
	  .present = profile_enabled },
	{ .name = "stat", .mode = S_IFREG | 0444, .show = stat_show },
	{ .name = "sys", .mode = S_IFDIR | 0555, .children = sys_table },
	{ .name = "uptime", .mode = S_IFREG | 0444, .show = uptime_show },
	{ .name = "version", .mode = S_IFREG | 0444, .show = version_show },
	{ }
};
