// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/PID/stat and /proc/PID/status, in Linux 6.1's formats and field order. stat is one
 * line of 52 space-separated fields (proc(5)); times are in USER_HZ (100) clock ticks since
 * boot, memory in bytes (vsize) and pages (rss). status is "Name:\tvalue" lines; the Vm*
 * lines are "%8lu kB" and appear only for processes with an address space.
 *
 * Fields Starling does not track (fault counts, real-time priority and policy, delay
 * accounting, guest time) read as Linux shows them for a task that never had any.
 */
#include <starling/fs.h>
#include <starling/seq_file.h>
#include <starling/fdtable.h>
#include <starling/mm_user.h>
#include <starling/signal.h>
#include <starling/cred.h>
#include <starling/tty.h>
#include <starling/jiffies.h>
#include <starling/smp.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include "internal.h"

#define USER_HZ		100

static unsigned long long ticks_to_clock_t(unsigned long long ticks)
{
	return ticks * USER_HZ / HZ;
}

static const char *const task_state_names[] = {
	"R (running)", "S (sleeping)", "D (disk sleep)", "T (stopped)", "t (tracing stop)",
	"X (dead)", "Z (zombie)", "P (parked)", "I (idle)",
};

static const char *task_state(struct task_struct *task)
{
	unsigned int state = READ_ONCE(task->state);

	if (task == current)
		return task_state_names[0];
	if (task->signal && task_is_zombie(task))
		return task_state_names[6];
	if (task->signal && task_is_stopped(task))
		return task_state_names[3];
	if (state & (EXIT_DEAD | TASK_DEAD))
		return task_state_names[5];
	if (state & TASK_PARKED)
		return task_state_names[7];
	if ((state & TASK_IDLE) == TASK_IDLE)
		return task_state_names[8];
	if (state & TASK_UNINTERRUPTIBLE)
		return task_state_names[2];
	if (state & TASK_INTERRUPTIBLE)
		return task_state_names[1];
	if (state & __TASK_STOPPED)
		return task_state_names[3];
	return task_state_names[0];
}

struct vm_sizes {
	unsigned long	total, data, stack, exec;	/* in pages */
};

static void count_vma(struct vm_area_struct *vma, void *arg)
{
	struct vm_sizes *s = arg;
	unsigned long pages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;

	s->total += pages;
	if (vma->vm_flags & VM_GROWSDOWN)
		s->stack += pages;
	else if ((vma->vm_flags & (VM_EXEC | VM_WRITE)) == VM_EXEC)
		s->exec += pages;
	else if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		s->data += pages;
}

static struct mm_struct *get_mm(struct task_struct *task)
{
	struct mm_struct *mm;

	if (task->flags & (PF_KTHREAD | PF_EXITING))
		return NULL;
	mm = READ_ONCE(task->mm);
	if (mm)
		mmget(mm);
	return mm;
}

/**
 * proc_pid_stat() - /proc/PID/stat.
 * @m: the seq_file
 * @task: the process
 *
 * Return: 0.
 */
int proc_pid_stat(struct seq_file *m, struct task_struct *task)
{
	struct signal_struct *sig = task_signal(task);
	struct mm_struct *mm = get_mm(task);
	u64 pnd = 0, shd = 0, blk = 0, ign = 0, cgt = 0;
	unsigned long vsize = 0, rss = 0, rsslim = RLIM_INFINITY;
	unsigned long cutime = 0, cstime = 0;
	int tty_nr = 0, tpgid = -1;
	char comm[TASK_COMM_LEN];

	if (sig) {
		struct tty_struct *tty = READ_ONCE(sig->tty);

		if (tty) {
			tty_nr = (int)new_encode_dev(tty->dev);
			tpgid = tty_get_pgrp(tty);
		}
		cutime = sig->cutime;
		cstime = sig->cstime;
		rsslim = sig->rlim[RLIMIT_RSS].rlim_cur;
		task_sig_masks(task, &pnd, &shd, &blk, &ign, &cgt);
	}
	if (mm) {
		vsize = mm->total_vm << PAGE_SHIFT;
		rss = atomic_long_read(&mm->rss);
	}
	seq_printf(m, "%d (%s) %c", task->pid, get_task_comm(comm, task), task_state(task)[0]);
	seq_printf(m, " %d %d %d %d %d %u",
		   sig ? task_ppid_nr(task) : (task->real_parent ? task->real_parent->tgid : 0),
		   sig ? task_pgrp_nr(task) : 0, sig ? task_session_nr(task) : 0,
		   tty_nr, tpgid, task->flags);
	seq_puts(m, " 0 0 0 0");			/* minflt cminflt majflt cmajflt */
	seq_printf(m, " %llu %llu %llu %llu",
		   ticks_to_clock_t(task->utime), ticks_to_clock_t(task->stime),
		   ticks_to_clock_t(cutime), ticks_to_clock_t(cstime));
	seq_printf(m, " %d %d %d 0", task_prio(task), task_nice(task),	/* priority nice */
		   get_nr_threads(task));			/* threads, itrealvalue */
	seq_printf(m, " %llu %lu %lu %lu",
		   ticks_to_clock_t(task->start_jiffies - INITIAL_JIFFIES), vsize, rss, rsslim);
	seq_printf(m, " %lu %lu %lu 0 0",		/* startcode endcode startstack esp eip */
		   mm ? mm->start_code : 0, mm ? mm->end_code : 0, mm ? mm->start_stack : 0);
	seq_printf(m, " %llu %llu %llu %llu",
		   (unsigned long long)(pnd & 0x7fffffff), (unsigned long long)(blk & 0x7fffffff),
		   (unsigned long long)(ign & 0x7fffffff), (unsigned long long)(cgt & 0x7fffffff));
	seq_printf(m, " %d 0 0 %d %u 0 0 0 0 0",	/* wchan nswap cnswap ... cguest */
		   task != current && READ_ONCE(task->state) != TASK_RUNNING,
		   task->exit_signal, task_cpu(task));
	seq_printf(m, " %lu %lu %lu %lu %lu %lu %lu %d\n",
		   mm ? mm->start_data : 0, mm ? mm->end_data : 0, mm ? mm->start_brk : 0,
		   mm ? mm->arg_start : 0, mm ? mm->arg_end : 0, mm ? mm->env_start : 0,
		   mm ? mm->env_end : 0, task->exit_code);
	if (mm)
		mmput(mm);
	return 0;
}

/* A CPU mask as Linux's %*pb: hex, 32-bit groups separated by commas. */
static void show_cpumask(struct seq_file *m, unsigned long mask)
{
	unsigned int bits = nr_cpu_ids, groups = DIV_ROUND_UP(bits, 32);

	if (bits < 64)
		mask &= (1UL << bits) - 1;
	for (int g = groups - 1; g >= 0; g--) {
		unsigned int chunk = (unsigned int)(mask >> (32 * g));
		unsigned int width = g == (int)groups - 1 ? DIV_ROUND_UP(bits - 32 * g, 4) : 8;

		seq_printf(m, "%0*x%s", width, chunk, g ? "," : "");
	}
}

/* As Linux's %*pbl: ranges such as "0-3,5". */
static void show_cpulist(struct seq_file *m, unsigned long mask)
{
	bool first = true;

	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
		unsigned int end = cpu;

		if (!(mask & (1UL << cpu)))
			continue;
		while (end + 1 < nr_cpu_ids && (mask & (1UL << (end + 1))))
			end++;
		seq_printf(m, first ? "%u" : ",%u", cpu);
		if (end > cpu)
			seq_printf(m, "-%u", end);
		first = false;
		cpu = end;
	}
}

static void show_kb(struct seq_file *m, const char *name, unsigned long pages)
{
	seq_printf(m, "%s:\t%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

/**
 * proc_pid_status() - /proc/PID/status.
 * @m: the seq_file
 * @task: the process
 *
 * Return: 0.
 */
int proc_pid_status(struct seq_file *m, struct task_struct *task)
{
	const struct cred *cred = task_cred(task);
	struct signal_struct *sig = task_signal(task);
	struct fs_struct *fs = task->fs;
	struct mm_struct *mm = get_mm(task);
	u64 pnd = 0, shd = 0, blk = 0, ign = 0, cgt = 0;
	struct files_struct *files;
	char comm[TASK_COMM_LEN];
	unsigned int fdsize = 0;
	unsigned long online, allowed;

	seq_printf(m, "Name:\t%s\n", get_task_comm(comm, task));
	if (fs)
		seq_printf(m, "Umask:\t%#04o\n", fs->umask);
	seq_printf(m, "State:\t%s\n", task_state(task));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\n", task->tgid, task->pid);
	seq_printf(m, "PPid:\t%d\nTracerPid:\t0\n",
		   sig ? task_ppid_nr(task) : (task->real_parent ? task->real_parent->tgid : 0));
	seq_printf(m, "Uid:\t%u\t%u\t%u\t%u\n", cred->uid, cred->euid, cred->suid, cred->fsuid);
	seq_printf(m, "Gid:\t%u\t%u\t%u\t%u\n", cred->gid, cred->egid, cred->sgid, cred->fsgid);
	files = get_files_struct(task);
	if (files) {
		fdsize = files->fdt.max_fds;
		put_files_struct(files);
	}
	seq_printf(m, "FDSize:\t%u\nGroups:\t", fdsize);
	for (int i = 0; cred->group_info && i < cred->group_info->ngroups; i++)
		seq_printf(m, "%u ", cred->group_info->gid[i]);
	seq_printf(m, "\nNStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n", task->tgid,
		   task->pid, sig ? task_pgrp_nr(task) : 0, sig ? task_session_nr(task) : 0);
	if (mm) {
		struct vm_sizes s = { 0 };
		unsigned long rss = atomic_long_read(&mm->rss);

		mm_for_each_vma(mm, count_vma, &s);
		show_kb(m, "VmPeak", s.total);
		show_kb(m, "VmSize", s.total);
		show_kb(m, "VmLck", 0);
		show_kb(m, "VmPin", 0);
		show_kb(m, "VmHWM", rss);
		show_kb(m, "VmRSS", rss);
		show_kb(m, "RssAnon", rss);
		show_kb(m, "RssFile", 0);
		show_kb(m, "RssShmem", 0);
		show_kb(m, "VmData", s.data);
		show_kb(m, "VmStk", s.stack);
		show_kb(m, "VmExe", s.exec);
		show_kb(m, "VmLib", 0);
		show_kb(m, "VmPTE", DIV_ROUND_UP(s.total, 512));
		show_kb(m, "VmSwap", 0);
		seq_puts(m, "HugetlbPages:\t       0 kB\n");
		mmput(mm);
	}
	seq_puts(m, "CoreDumping:\t0\nTHP_enabled:\t1\n");
	seq_printf(m, "Threads:\t%d\n", get_nr_threads(task));
	if (sig)
		task_sig_masks(task, &pnd, &shd, &blk, &ign, &cgt);
	seq_printf(m, "SigQ:\t0/%lu\n", sig ? sig->rlim[RLIMIT_SIGPENDING].rlim_cur : 0UL);
	seq_printf(m, "SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\n"
		   "SigIgn:\t%016llx\nSigCgt:\t%016llx\n",
		   (unsigned long long)pnd, (unsigned long long)shd, (unsigned long long)blk,
		   (unsigned long long)ign, (unsigned long long)cgt);
	seq_printf(m, "CapInh:\t%016llx\nCapPrm:\t%016llx\nCapEff:\t%016llx\n"
		   "CapBnd:\t%016llx\nCapAmb:\t%016llx\n", 0ULL,
		   (unsigned long long)cred->cap_effective,
		   (unsigned long long)cred->cap_effective, (unsigned long long)CAP_FULL_SET, 0ULL);
	seq_puts(m, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n"
		 "Speculation_Store_Bypass:\tthread vulnerable\n"
		 "SpeculationIndirectBranch:\tconditional enabled\n");
	/* As sched_getaffinity(): the CPUs that exist, not every bit of an unset mask. */
	online = __atomic_load_n(&cpu_online_mask, __ATOMIC_ACQUIRE);
	allowed = READ_ONCE(task->cpus_allowed) & (online ? online : 1UL);
	seq_puts(m, "Cpus_allowed:\t");
	show_cpumask(m, allowed);
	seq_puts(m, "\nCpus_allowed_list:\t");
	show_cpulist(m, allowed);
	seq_puts(m, "\nMems_allowed:\t1\nMems_allowed_list:\t0\n");
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n",
		   task->nvcsw, task->nivcsw);
	return 0;
}
