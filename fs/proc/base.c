// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/PID: one directory per process, built from pid_table:
 *
 *   stat status        array.c
 *   cmdline environ    the argument and environment areas of the process's memory
 *                      (mm->arg_start..arg_end, env_start..env_end), NUL-separated
 *   comm               the command name; writable by the process's own threads
 *   limits             the resource limits, in Linux's four-column table
 *   maps               one line per VMA in Linux's format, [heap] and [stack] named
 *   mounts             the mount table (a single namespace)
 *   exe cwd root       symlinks to the executable, working and root directories
 *   fd/N               symlinks to each open file ("pipe:[ino]" style names come from
 *                      the file's dentry)
 *
 * And /proc/self, /proc/thread-self: symlinks to the reader's own directory.
 */
#include <starling/fs.h>
#include <starling/seq_file.h>
#include <starling/fdtable.h>
#include <starling/mm_user.h>
#include <starling/signal.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/uaccess.h>
#include <starling/errno.h>
#include <starling/resource.h>
#include "internal.h"

/* The task's address space with a user reference, or NULL (kernel threads, exiting). */
static struct mm_struct *task_get_mm(struct task_struct *task)
{
	struct mm_struct *mm;

	if (task->flags & (PF_KTHREAD | PF_EXITING))
		return NULL;
	mm = READ_ONCE(task->mm);
	if (mm)
		mmget(mm);
	return mm;
}

/* Copy [start, end) of @mm's memory into the seq_file, a page at a time. */
static int show_user_area(struct seq_file *m, struct mm_struct *mm, unsigned long start,
			  unsigned long end)
{
	char *page;

	if (end <= start)
		return 0;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	while (start < end) {
		size_t n = min_t(unsigned long, end - start, PAGE_SIZE);

		if (access_remote_vm(mm, start, page, n, false))
			break;
		seq_write(m, page, n);
		start += n;
	}
	kfree(page);
	return 0;
}

static int proc_pid_cmdline(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task_get_mm(task);
	int ret;

	if (!mm)
		return 0;
	ret = show_user_area(m, mm, mm->arg_start, mm->arg_end);
	mmput(mm);
	return ret;
}

static int proc_pid_environ(struct seq_file *m, struct task_struct *task)
{
	struct mm_struct *mm = task_get_mm(task);
	int ret;

	if (!mm)
		return 0;
	ret = show_user_area(m, mm, mm->env_start, mm->env_end);
	mmput(mm);
	return ret;
}

static int proc_pid_comm_show(struct seq_file *m, struct task_struct *task)
{
	char comm[TASK_COMM_LEN];

	seq_printf(m, "%s\n", get_task_comm(comm, task));
	return 0;
}

static ssize_t proc_comm_write(struct file *file, const char __user *buf, size_t count,
			       loff_t *pos)
{
	struct task_struct *task;
	char comm[TASK_COMM_LEN] = { 0 };
	size_t n = min_t(size_t, count, sizeof(comm) - 1);
	ssize_t ret = count;

	if (copy_from_user(comm, buf, n))
		return -EFAULT;
	if (n && comm[n - 1] == '\n')
		comm[n - 1] = 0;
	task = proc_get_task(file_inode(file));
	if (!task)
		return -ESRCH;
	if (task->tgid == current->tgid)
		set_task_comm(task, comm);
	else
		ret = -EINVAL;
	put_task_struct(task);
	return ret;
}

static int proc_comm_open(struct inode *inode, struct file *file)
{
	return proc_seq_fops.open(inode, file);
}

static const struct file_operations proc_comm_fops = {
	.open		= proc_comm_open,
	.read		= seq_read,
	.read_iter	= seq_read_iter,
	.write		= proc_comm_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/* ---- maps ----------------------------------------------------------------------------- */

struct maps_walk {
	struct seq_file		*m;
	struct mm_struct	*mm;
	char			*pathbuf;
};

static void show_map_vma(struct vm_area_struct *vma, void *arg)
{
	struct maps_walk *w = arg;
	struct seq_file *m = w->m;
	struct mm_struct *mm = w->mm;
	unsigned long ino = 0, flags = vma->vm_flags;
	unsigned int major = 0, minor = 0;
	const char *name = NULL;
	char line[128];
	int len;

	if (vma->vm_file) {
		struct inode *inode = file_inode(vma->vm_file);

		major = MAJOR(inode->i_sb->s_dev);
		minor = MINOR(inode->i_sb->s_dev);
		ino = inode->i_ino;
		name = d_path(&vma->vm_file->f_path, w->pathbuf, PATH_MAX);
		if (IS_ERR(name))
			name = NULL;
	} else if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk &&
		   mm->brk != mm->start_brk) {
		name = "[heap]";
	} else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack) {
		name = "[stack]";
	}
	len = scnprintf(line, sizeof(line), "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ",
			vma->vm_start, vma->vm_end,
			flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
			flags & VM_EXEC ? 'x' : '-', flags & VM_SHARED ? 's' : 'p',
			vma->vm_file ? vma->vm_pgoff << PAGE_SHIFT : 0, major, minor, ino);
	seq_write(m, line, len);
	if (name) {
		/* Names start in column 73, as Linux pads them. */
		for (; len < 72; len++)
			seq_putc(m, ' ');
		seq_putc(m, ' ');
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
}

static int proc_pid_maps(struct seq_file *m, struct task_struct *task)
{
	struct maps_walk w = { .m = m };

	w.mm = task_get_mm(task);
	if (!w.mm)
		return 0;
	w.pathbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (w.pathbuf)
		mm_for_each_vma(w.mm, show_map_vma, &w);
	kfree(w.pathbuf);
	mmput(w.mm);
	return w.pathbuf ? 0 : -ENOMEM;
}

static int proc_pid_mounts(struct seq_file *m, struct task_struct *task)
{
	return show_mounts(m);
}

/* ---- symlinks ------------------------------------------------------------------------- */

static const char *path_link(const struct path *path, char *buf, int len)
{
	char *p = d_path(path, buf, len);

	return IS_ERR(p) ? (const char *)p : p;
}

static const char *proc_exe_link(struct task_struct *task, char *buf, int len, int fd)
{
	struct mm_struct *mm = task_get_mm(task);
	struct file *exe = NULL;
	const char *ret;

	if (mm) {
		exe = mm->exe_file;
		if (exe)
			get_file(exe);
		mmput(mm);
	}
	if (!exe)
		return ERR_PTR(-ENOENT);
	ret = path_link(&exe->f_path, buf, len);
	fput(exe);
	return ret;
}

static const char *proc_dir_link(struct task_struct *task, char *buf, int len, bool root)
{
	struct path path;
	const char *ret;
	int err = root ? get_task_root(task, &path) : get_task_pwd(task, &path);

	if (err)
		return ERR_PTR(err);
	ret = path_link(&path, buf, len);
	path_put(&path);
	return ret;
}

static const char *proc_cwd_link(struct task_struct *task, char *buf, int len, int fd)
{
	return proc_dir_link(task, buf, len, false);
}

static const char *proc_root_link(struct task_struct *task, char *buf, int len, int fd)
{
	return proc_dir_link(task, buf, len, true);
}

static const char *proc_fd_link(struct task_struct *task, char *buf, int len, int fd)
{
	struct file *file = fget_task(task, fd);
	const char *ret;

	if (!file)
		return ERR_PTR(-ENOENT);
	ret = path_link(&file->f_path, buf, len);
	fput(file);
	return ret;
}

static const char *proc_self_link(struct task_struct *task, char *buf, int len, int fd)
{
	snprintf(buf, len, "%d", current->tgid);
	return buf;
}

static const char *proc_thread_self_link(struct task_struct *task, char *buf, int len, int fd)
{
	snprintf(buf, len, "%d/task/%d", current->tgid, current->pid);
	return buf;
}

const struct proc_entry proc_self_entry = {
	.name = "self", .mode = S_IFLNK | 0777, .link = proc_self_link,
};

const struct proc_entry proc_thread_self_entry = {
	.name = "thread-self", .mode = S_IFLNK | 0777, .link = proc_thread_self_link,
};

/* ---- /proc/PID/fd --------------------------------------------------------------------- */

static const struct proc_entry proc_fd_link_entry = {
	.name = "fd", .mode = S_IFLNK | 0700, .link = proc_fd_link,
};

static struct dentry *proc_fd_lookup(struct inode *dir, struct dentry *dentry,
				     unsigned int flags)
{
	const char *name = dentry->d_name.name;
	struct task_struct *task = proc_get_task(dir);
	struct inode *inode = NULL;
	struct file *file = NULL;
	unsigned long fd = 0;
	bool valid = *name && (*name != '0' || !name[1]);

	for (const char *p = name; valid && *p; p++) {
		valid = *p >= '0' && *p <= '9' && fd < 0x10000000;
		fd = fd * 10 + (*p - '0');
	}
	if (task && valid)
		file = fget_task(task, fd);
	if (file) {
		fput(file);
		inode = proc_make_inode(dir->i_sb, &proc_fd_link_entry, PROC_I(dir)->pid, fd);
	}
	if (task)
		put_task_struct(task);
	d_add(dentry, inode);
	return NULL;
}

struct fd_collect {
	unsigned int	*fds;
	unsigned int	n, max;
};

static int collect_fd(const void *arg, struct file *file, unsigned int fd)
{
	struct fd_collect *c = (struct fd_collect *)arg;

	if (c->n == c->max)
		return 1;
	c->fds[c->n++] = fd;
	return 0;
}

static int proc_fd_readdir(struct file *file, struct dir_context *ctx)
{
	struct task_struct *task = proc_get_task(file_inode(file));
	struct fd_collect c = { .max = NR_OPEN_MAX };
	struct files_struct *files;

	if (!task)
		return -ENOENT;
	if (!dir_emit_dots(file, ctx))
		goto out;
	files = get_files_struct(task);
	if (!files)
		goto out;
	c.fds = kcalloc(c.max, sizeof(*c.fds), GFP_KERNEL);
	if (c.fds)
		iterate_fd(files, 0, collect_fd, &c);
	put_files_struct(files);
	for (unsigned int i = 0; i < c.n; i++) {
		char name[16];

		if (c.fds[i] + 2 < ctx->pos)
			continue;
		ctx->pos = c.fds[i] + 2;
		if (!dir_emit(ctx, name, snprintf(name, sizeof(name), "%u", c.fds[i]),
			      0x200000 + c.fds[i], DT_LNK))
			break;
		ctx->pos++;
	}
	kfree(c.fds);
out:
	put_task_struct(task);
	return 0;
}

static const struct inode_operations proc_fd_iops = {
	.lookup		= proc_fd_lookup,
};

static const struct file_operations proc_fd_fops = {
	.read		= generic_read_dir,
	.iterate_shared	= proc_fd_readdir,
	.llseek		= default_llseek,
};

/* ---- limits: the resource limits in Linux's table -------------------------------------- */

static const struct {
	const char *name, *unit;
} limit_names[RLIM_NLIMITS] = {
	[RLIMIT_CPU]		= { "Max cpu time", "seconds" },
	[RLIMIT_FSIZE]		= { "Max file size", "bytes" },
	[RLIMIT_DATA]		= { "Max data size", "bytes" },
	[RLIMIT_STACK]		= { "Max stack size", "bytes" },
	[RLIMIT_CORE]		= { "Max core file size", "bytes" },
	[RLIMIT_RSS]		= { "Max resident set", "bytes" },
	[RLIMIT_NPROC]		= { "Max processes", "processes" },
	[RLIMIT_NOFILE]		= { "Max open files", "files" },
	[RLIMIT_MEMLOCK]	= { "Max locked memory", "bytes" },
	[RLIMIT_AS]		= { "Max address space", "bytes" },
	[RLIMIT_LOCKS]		= { "Max file locks", "locks" },
	[RLIMIT_SIGPENDING]	= { "Max pending signals", "signals" },
	[RLIMIT_MSGQUEUE]	= { "Max msgqueue size", "bytes" },
	[RLIMIT_NICE]		= { "Max nice priority", NULL },
	[RLIMIT_RTPRIO]		= { "Max realtime priority", NULL },
	[RLIMIT_RTTIME]		= { "Max realtime timeout", "us" },
};

static void show_limit_value(struct seq_file *m, unsigned long v)
{
	if (v == RLIM_INFINITY)
		seq_printf(m, "%-20s ", "unlimited");
	else
		seq_printf(m, "%-20lu ", v);
}

static int proc_pid_limits(struct seq_file *m, struct task_struct *task)
{
	struct signal_struct *sig = task_signal(task);

	seq_printf(m, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit", "Hard Limit", "Units");
	for (unsigned int i = 0; i < RLIM_NLIMITS; i++) {
		unsigned long cur = RLIM_INFINITY, max = RLIM_INFINITY;

		if (sig) {
			cur = READ_ONCE(sig->rlim[i].rlim_cur);
			max = READ_ONCE(sig->rlim[i].rlim_max);
		}
		seq_printf(m, "%-25s ", limit_names[i].name);
		show_limit_value(m, cur);
		show_limit_value(m, max);
		if (limit_names[i].unit)
			seq_printf(m, "%-10s\n", limit_names[i].unit);
		else
			seq_putc(m, '\n');
	}
	return 0;
}

/* ---- the directory -------------------------------------------------------------------- */

static const struct proc_entry pid_table[] = {
	{ .name = "fd", .mode = S_IFDIR | 0500, .iops = &proc_fd_iops, .fops = &proc_fd_fops },
	{ .name = "environ", .mode = S_IFREG | 0400, .show_task = proc_pid_environ },
	{ .name = "status", .mode = S_IFREG | 0444, .show_task = proc_pid_status },
	{ .name = "stat", .mode = S_IFREG | 0444, .show_task = proc_pid_stat },
	{ .name = "cmdline", .mode = S_IFREG | 0444, .show_task = proc_pid_cmdline },
	{ .name = "comm", .mode = S_IFREG | 0644, .show_task = proc_pid_comm_show,
	  .fops = &proc_comm_fops },
	{ .name = "limits", .mode = S_IFREG | 0444, .show_task = proc_pid_limits },
	{ .name = "maps", .mode = S_IFREG | 0444, .show_task = proc_pid_maps },
	{ .name = "mounts", .mode = S_IFREG | 0444, .show_task = proc_pid_mounts },
	{ .name = "cwd", .mode = S_IFLNK | 0777, .link = proc_cwd_link },
	{ .name = "root", .mode = S_IFLNK | 0777, .link = proc_root_link },
	{ .name = "exe", .mode = S_IFLNK | 0777, .link = proc_exe_link },
	{ }
};

const struct proc_entry proc_pid_entry = {
	.name = "pid", .mode = S_IFDIR | 0555, .children = pid_table,
};
