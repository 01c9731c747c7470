// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-process open file tables (fs/vfs/file.c) and the fs_struct (root, cwd, umask). A task
 * points at them through task->files and task->fs; CLONE_FILES / CLONE_FS share them (a
 * reference count), fork copies them (dup_fd, copy_fs_struct).
 *
 * The table grows in steps of BITS_PER_LONG descriptors up to RLIMIT_NOFILE's default
 * NR_OPEN_DEFAULT_MAX; close_on_exec and open_fds are bitmaps. file_lock guards all of it.
 */
#ifndef _STARLING_FDTABLE_H
#define _STARLING_FDTABLE_H

#include <starling/fs.h>

#define NR_OPEN_DEFAULT		64
#define NR_OPEN_MAX		1024	/* RLIMIT_NOFILE's default soft and hard limit */

struct fdtable {
	unsigned int	max_fds;
	struct file	**fd;		/* file_lock */
	unsigned long	*close_on_exec;
	unsigned long	*open_fds;
};

struct files_struct {
	atomic_t	count;
	spinlock_t	file_lock;
	unsigned int	next_fd;	/* lowest possibly free descriptor */
	struct fdtable	fdt;
};

struct fs_struct {
	int		users;		/* lock */
	spinlock_t	lock;
	int		umask;
	struct path	root, pwd;	/* lock */
};

extern struct files_struct init_files;
extern struct fs_struct init_fs;

/* task->files / task->fs of the current task; kernel threads share init_files / init_fs. */
struct files_struct *current_files(void);
struct fs_struct *current_fs(void);

struct files_struct *dup_fd(struct files_struct *oldf, int *errorp);
struct files_struct *get_files_struct(struct task_struct *task);
void put_files_struct(struct files_struct *files);
void exit_files(struct task_struct *task);
void do_close_on_exec(struct files_struct *files);
/* Give @task (a new process) its own table: shared (CLONE_FILES) or a copy. */
int copy_files(unsigned long clone_flags, struct task_struct *task);
/* Unshare current's table before exec. */
int unshare_files(void);

struct fs_struct *copy_fs_struct(struct fs_struct *old);
int copy_fs(unsigned long clone_flags, struct task_struct *task);
void exit_fs(struct task_struct *task);
void free_fs_struct(struct fs_struct *fs);
void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);
/* Root / cwd of any task with references (for /proc/PID/root, cwd); -ENOENT if none. */
int get_task_root(struct task_struct *task, struct path *root);
int get_task_pwd(struct task_struct *task, struct path *pwd);
int current_umask(void);

/* Open file of @task by number, with a reference (for /proc/PID/fd); NULL if none. */
struct file *fget_task(struct task_struct *task, unsigned int fd);
/* Call @fn for each open descriptor of @files in order; stops at a non-zero return. */
int iterate_fd(struct files_struct *files, unsigned int n,
	       int (*fn)(const void *arg, struct file *file, unsigned int fd), const void *arg);

#endif /* _STARLING_FDTABLE_H */
