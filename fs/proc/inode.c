// SPDX-License-Identifier: GPL-2.0-only
/*
 * procfs: the file system type "proc", its inodes, and the directory machinery every /proc
 * directory shares. A directory is a table of struct proc_entry; lookup builds an inode for
 * the matching entry, readdir lists the table after "." and "..". The root adds the
 * numeric directories of the live processes and the "self"/"thread-self" links:
 *
 *   /proc             proc_root_table (misc.c) + self, thread-self + one directory per tgid
 *   /proc/PID         the pid table (base.c); every inode carries the pid
 *   /proc/PID/fd      generated: one symlink per open descriptor (base.c)
 *
 * Nothing is cached: dentries die at their last dput() (always_delete_dentry), so lookups
 * always see the current processes and descriptors.
 */
#include <starling/fs.h>
#include <starling/seq_file.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/init.h>
#include <starling/signal.h>
#include <starling/cred.h>
#include <starling/uaccess.h>
#include <uapi/linux/magic.h>
#include "internal.h"

#define PROC_PID_POS	0x10000		/* readdir positions of pids: PROC_PID_POS + pid */

static struct inode *proc_alloc_inode(struct super_block *sb)
{
	struct proc_inode *pi = kzalloc(sizeof(*pi), GFP_KERNEL);

	return pi ? &pi->vfs_inode : NULL;
}

static void proc_destroy_inode(struct inode *inode)
{
	kfree(PROC_I(inode));
}

static const struct super_operations proc_sops = {
	.alloc_inode	= proc_alloc_inode,
	.destroy_inode	= proc_destroy_inode,
	.statfs		= simple_statfs,
};

static const struct dentry_operations proc_dops = {
	.d_delete	= always_delete_dentry,
};

/**
 * proc_get_task() - the task an inode of /proc/PID/... is about.
 * @inode: a procfs inode
 *
 * Return: the task with a reference (put_task_struct() it), or NULL if it is gone.
 */
struct task_struct *proc_get_task(struct inode *inode)
{
	pid_t pid = PROC_I(inode)->pid;

	return pid ? find_get_task_by_pid(pid) : NULL;
}

/**
 * proc_make_inode() - a fresh inode for a table entry.
 * @sb: the procfs superblock
 * @pe: the entry
 * @pid: the process it is about, or 0
 * @fd: the descriptor it is about, or -1
 *
 * Files of a process belong to the process's effective user, as on Linux.
 * Return: the inode, or NULL.
 */
struct inode *proc_make_inode(struct super_block *sb, const struct proc_entry *pe, pid_t pid,
			      int fd)
{
	struct inode *inode = new_inode(sb);
	struct proc_inode *pi;

	if (!inode)
		return NULL;
	pi = PROC_I(inode);
	pi->pe = pe;
	pi->pid = pid;
	pi->fd = fd;
	inode->i_ino = get_next_ino();
	inode->i_mode = pe->mode;
	if (pid) {
		struct task_struct *task = find_get_task_by_pid(pid);

		if (task) {
			const struct cred *cred = task_cred(task);

			inode->i_uid = cred->euid;
			inode->i_gid = cred->egid;
			put_task_struct(task);
		}
	}
	switch (pe->mode & S_IFMT) {
	case S_IFDIR:
		set_nlink(inode, 2);
		inode->i_op = pe->iops ? pe->iops : &proc_dir_iops;
		inode->i_fop = pe->fops ? pe->fops : &proc_dir_fops;
		break;
	case S_IFLNK:
		inode->i_op = pe->iops ? pe->iops : &proc_link_iops;
		break;
	default:
		inode->i_op = pe->iops ? pe->iops : &proc_file_iops;
		inode->i_fop = pe->fops ? pe->fops : &proc_seq_fops;
		break;
	}
	return inode;
}

static const struct proc_entry *table_find(const struct proc_entry *table, const char *name)
{
	for (; table && table->name; table++)
		if (!strcmp(table->name, name) && (!table->present || table->present()))
			return table;
	return NULL;
}

/**
 * proc_table_lookup() - ->lookup in a directory made of a table.
 * @dir: the directory
 * @dentry: the name looked up; made positive or negative
 * @table: the directory's entries
 * @pid: the process the directory is about, or 0
 *
 * Return: NULL (the dentry is d_add()ed), or ERR_PTR(-ENOMEM).
 */
struct dentry *proc_table_lookup(struct inode *dir, struct dentry *dentry,
				 const struct proc_entry *table, pid_t pid)
{
	const struct proc_entry *pe = table_find(table, dentry->d_name.name);
	struct inode *inode = NULL;

	if (pe) {
		inode = proc_make_inode(dir->i_sb, pe, pid, -1);
		if (!inode)
			return ERR_PTR(-ENOMEM);
	}
	d_add(dentry, inode);
	return NULL;
}

/**
 * proc_table_readdir() - list "." and "..", then a table's entries.
 * @file: the open directory
 * @ctx: the getdents cursor; positions 2.. are table indices
 * @table: the entries
 * @pid: unused (inode numbers are not stable in procfs)
 *
 * Return: 0.
 */
int proc_table_readdir(struct file *file, struct dir_context *ctx,
		       const struct proc_entry *table, pid_t pid)
{
	size_t n = 0;

	if (!dir_emit_dots(file, ctx))
		return 0;
	while (table && table[n].name)
		n++;
	for (loff_t i = ctx->pos - 2; i >= 0 && (size_t)i < n; i++) {
		const struct proc_entry *pe = &table[i];

		if ((!pe->present || pe->present()) &&
		    !dir_emit(ctx, pe->name, strlen(pe->name), 0x1000 + i,
			      fs_umode_to_dtype(pe->mode)))
			return 0;
		ctx->pos++;
	}
	return 0;
}

static struct dentry *proc_dir_lookup(struct inode *dir, struct dentry *dentry,
				      unsigned int flags)
{
	struct proc_inode *pi = PROC_I(dir);

	return proc_table_lookup(dir, dentry, pi->pe->children, pi->pid);
}

static int proc_dir_readdir(struct file *file, struct dir_context *ctx)
{
	struct proc_inode *pi = PROC_I(file_inode(file));

	return proc_table_readdir(file, ctx, pi->pe->children, pi->pid);
}

const struct inode_operations proc_dir_iops = {
	.lookup		= proc_dir_lookup,
};

const struct file_operations proc_dir_fops = {
	.read		= generic_read_dir,
	.iterate_shared	= proc_dir_readdir,
	.llseek		= default_llseek,
};

/* ---- files: seq_file around the entry's show function ---------------------------------- */

static int proc_single_show(struct seq_file *m, void *v)
{
	struct inode *inode = m->private;
	const struct proc_entry *pe = PROC_I(inode)->pe;
	struct task_struct *task;
	int ret;

	if (!pe->show_task)
		return pe->show(m, v);
	task = proc_get_task(inode);
	if (!task)
		return -ESRCH;
	ret = pe->show_task(m, task);
	put_task_struct(task);
	return ret;
}

static int proc_seq_open(struct inode *inode, struct file *file)
{
	if (PROC_I(inode)->pid) {
		struct task_struct *task = proc_get_task(inode);

		if (!task)
			return -ESRCH;
		put_task_struct(task);
	}
	return single_open(file, proc_single_show, inode);
}

const struct file_operations proc_seq_fops = {
	.open		= proc_seq_open,
	.read		= seq_read,
	.read_iter	= seq_read_iter,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/* ---- symlinks ------------------------------------------------------------------------- */

static const char *proc_get_link(struct dentry *dentry, struct inode *inode,
				 struct delayed_call *done)
{
	struct proc_inode *pi = PROC_I(inode);
	struct task_struct *task = NULL;
	const char *link;
	char *buf;

	if (pi->pid) {
		task = proc_get_task(inode);
		if (!task)
			return ERR_PTR(-ENOENT);
	}
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf) {
		link = ERR_PTR(-ENOMEM);
		goto out;
	}
	link = pi->pe->link(task, buf, PATH_MAX, pi->fd);
	if (IS_ERR(link))
		kfree(buf);
	else
		set_delayed_call(done, kfree_link, buf);
out:
	if (task)
		put_task_struct(task);
	return link;
}

static int proc_readlink(struct dentry *dentry, char __user *ubuf, int buflen)
{
	struct delayed_call done = { 0 };
	const char *link = proc_get_link(dentry, d_inode(dentry), &done);
	int len;

	if (IS_ERR(link))
		return PTR_ERR(link);
	len = min_t(int, strlen(link), buflen);
	if (copy_to_user(ubuf, link, len))
		len = -EFAULT;
	do_delayed_call(&done);
	return len;
}

/*
 * Regular files: a truncating open (the shell's "echo 1 > /proc/...") succeeds as on Linux,
 * whose proc files take size changes without touching their contents.
 */
const struct inode_operations proc_file_iops = {
	.setattr	= simple_setattr,
};

const struct inode_operations proc_link_iops = {
	.get_link	= proc_get_link,
	.readlink	= proc_readlink,
};

/* ---- the root directory --------------------------------------------------------------- */

static const struct proc_entry proc_root_entry;

/* A decimal pid with no sign or leading zero; 0 if @name is not one. */
static pid_t name_to_pid(const char *name)
{
	unsigned long v = 0;

	if (*name < '1' || *name > '9')
		return 0;
	for (; *name; name++) {
		if (*name < '0' || *name > '9')
			return 0;
		v = v * 10 + (*name - '0');
		if (v > PID_MAX_DEFAULT * 128UL)
			return 0;
	}
	return (pid_t)v;
}

static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	const char *name = dentry->d_name.name;
	const struct proc_entry *pe = NULL;
	struct inode *inode = NULL;
	pid_t pid = name_to_pid(name);

	if (pid) {
		struct task_struct *task = find_get_task_by_pid(pid);

		if (!task) {
			if (task)
				put_task_struct(task);
			d_add(dentry, NULL);
			return NULL;
		}
		put_task_struct(task);
		pe = &proc_pid_entry;
	} else if (!strcmp(name, "self")) {
		pe = &proc_self_entry;
	} else if (!strcmp(name, "thread-self")) {
		pe = &proc_thread_self_entry;
	} else {
		return proc_table_lookup(dir, dentry, proc_root_table, 0);
	}
	inode = proc_make_inode(dir->i_sb, pe, pid, -1);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	d_add(dentry, inode);
	return NULL;
}

static int cmp_pid(const void *a, const void *b)
{
	return *(const pid_t *)a - *(const pid_t *)b;
}

/* The tgids of all processes, sorted. Return: how many, or -ENOMEM. */
static int collect_tgids(pid_t **out)
{
	struct task_struct *p;
	unsigned long flags;
	int n = 0, max = 256;
	pid_t *pids;

again:
	pids = kcalloc(max, sizeof(*pids), GFP_KERNEL);
	if (!pids)
		return -ENOMEM;
	n = 0;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &init_tasks, tasks) {
		if (!thread_group_leader(p))
			continue;
		if (n == max) {
			spin_unlock_irqrestore(&tasklist_lock, flags);
			kfree(pids);
			max *= 2;
			goto again;
		}
		pids[n++] = p->pid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	sort(pids, n, sizeof(*pids), cmp_pid, NULL);
	*out = pids;
	return n;
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	static const char *const links[] = { "self", "thread-self" };
	size_t ntab = 0, nfixed;
	pid_t *pids;
	int n;

	while (proc_root_table[ntab].name)
		ntab++;
	nfixed = 2 + ntab + ARRAY_SIZE(links);
	if (ctx->pos < (loff_t)nfixed) {
		proc_table_readdir(file, ctx, proc_root_table, 0);
		while (ctx->pos >= (loff_t)(2 + ntab) && ctx->pos < (loff_t)nfixed) {
			const char *name = links[ctx->pos - 2 - ntab];

			if (!dir_emit(ctx, name, strlen(name), 0x2000 + ctx->pos, DT_LNK))
				return 0;
			ctx->pos++;
		}
		if (ctx->pos < (loff_t)nfixed)
			return 0;
		ctx->pos = PROC_PID_POS;
	}
	n = collect_tgids(&pids);
	if (n < 0)
		return n;
	for (int i = 0; i < n; i++) {
		char name[16];

		if (PROC_PID_POS + pids[i] < ctx->pos)
			continue;
		ctx->pos = PROC_PID_POS + pids[i];
		if (!dir_emit(ctx, name, snprintf(name, sizeof(name), "%d", pids[i]),
			      0x100000 + pids[i], DT_DIR))
			break;
		ctx->pos++;
	}
	kfree(pids);
	return 0;
}

static const struct inode_operations proc_root_iops = {
	.lookup		= proc_root_lookup,
};

static const struct file_operations proc_root_fops = {
	.read		= generic_read_dir,
	.iterate_shared	= proc_root_readdir,
	.llseek		= default_llseek,
};

static const struct proc_entry proc_root_entry = {
	.name = "/", .mode = S_IFDIR | 0555, .iops = &proc_root_iops, .fops = &proc_root_fops,
};

/* ---- the file system ------------------------------------------------------------------ */

static int proc_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root;

	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_blocksize = 1024;
	sb->s_blocksize_bits = 10;
	sb->s_op = &proc_sops;
	sb->s_d_op = &proc_dops;
	root = proc_make_inode(sb, &proc_root_entry, 0, -1);
	if (!root)
		return -ENOMEM;
	root->i_ino = 1;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *proc_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	return mount_single(fs_type, flags, data, proc_fill_super);
}

static struct file_system_type proc_fs_type = {
	.name		= "proc",
	.mount		= proc_mount,
	.kill_sb	= kill_anon_super,
};

static int proc_root_init(void)
{
	return register_filesystem(&proc_fs_type);
}
fs_initcall(proc_root_init);
