// SPDX-License-Identifier: GPL-2.0-only
/*
 * procfs internals. Nothing in /proc is stored: every directory is a static table of
 * struct proc_entry (or, for /proc and /proc/PID/fd, a table plus generated names), and
 * every lookup builds a fresh inode that remembers its entry, and the pid and fd it is
 * about, in a struct proc_inode. Dentries are dropped at their last dput(), so a process
 * that exits or a descriptor that is closed disappears at the next lookup.
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <starling/fs.h>
#include <starling/seq_file.h>
#include <starling/sched.h>
#include <uapi/linux/magic.h>

struct proc_entry {
	const char		*name;		/* NULL ends a table */
	umode_t			mode;		/* S_IF* and permissions */
	const struct file_operations *fops;	/* regular files, or directory fops */
	const struct inode_operations *iops;	/* symlinks and directories */
	const struct proc_entry	*children;	/* a directory's table */
	int (*show)(struct seq_file *m, void *v);			/* global files */
	int (*show_task)(struct seq_file *m, struct task_struct *task);	/* /proc/PID files */
	const char *(*link)(struct task_struct *task, char *buf, int len, int fd);
	bool (*present)(void);	/* NULL: always there; else whether the file exists now */
};

struct proc_inode {
	const struct proc_entry	*pe;
	pid_t			pid;		/* /proc/PID/...; 0 elsewhere */
	int			fd;		/* /proc/PID/fd/N; -1 elsewhere */
	struct inode		vfs_inode;
};

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

/* inode.c */
struct inode *proc_make_inode(struct super_block *sb, const struct proc_entry *pe, pid_t pid,
			      int fd);
struct dentry *proc_table_lookup(struct inode *dir, struct dentry *dentry,
				 const struct proc_entry *table, pid_t pid);
int proc_table_readdir(struct file *file, struct dir_context *ctx,
		       const struct proc_entry *table, pid_t pid);
extern const struct inode_operations proc_dir_iops;
extern const struct inode_operations proc_file_iops;
extern const struct file_operations proc_dir_fops;
extern const struct file_operations proc_seq_fops;
extern const struct inode_operations proc_link_iops;
struct task_struct *proc_get_task(struct inode *inode);	/* with a reference, or NULL */

/* base.c: /proc/PID */
extern const struct inode_operations proc_pid_iops;
extern const struct file_operations proc_pid_fops;
extern const struct proc_entry proc_pid_entry;
extern const struct proc_entry proc_self_entry, proc_thread_self_entry;

/* array.c */
int proc_pid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_status(struct seq_file *m, struct task_struct *task);

/* misc.c: the files at the top of /proc */
extern const struct proc_entry proc_root_table[];

#endif /* _FS_PROC_INTERNAL_H */
