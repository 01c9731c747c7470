// SPDX-License-Identifier: GPL-2.0-only
/*
 * struct file lifetime and the per-process descriptor tables (files_struct) and fs_struct.
 * A descriptor slot owns one reference on its file; fget() takes another for the duration
 * of a system call, so a close() racing with a read() frees the file only when the read
 * is done. files->file_lock guards the table; fs->lock guards root, pwd and umask.
 */
#include <starling/fs.h>
#include <starling/file.h>
#include <starling/fdtable.h>
#include <starling/sched.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include <starling/resource.h>
#include "internal.h"

#define BITS_PER_LONG	64

/* Guards task->files and task->fs against exit while another task looks (procfs). */
static DEFINE_SPINLOCK(task_fs_lock);

struct files_struct init_files = {
	.count		= ATOMIC_INIT(1),
	.file_lock	= __SPIN_LOCK_UNLOCKED(init_files.file_lock),
};

struct fs_struct init_fs = {
	.users		= 1,
	.lock		= __SPIN_LOCK_UNLOCKED(init_fs.lock),
	.umask		= 0022,
};

/* ---- struct file ---------------------------------------------------------------------- */

struct file *alloc_empty_file(int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	atomic_long_set(&f->f_count, 1);
	spin_lock_init(&f->f_lock);
	mutex_init(&f->f_pos_lock);
	f->f_flags = (unsigned int)flags;
	return f;
}

void file_free(struct file *f)
{
	kfree(f);
}

/**
 * get_file() - take another reference on a file
 * @f: the file
 *
 * Return: @f.
 */
struct file *get_file(struct file *f)
{
	atomic_long_inc(&f->f_count);
	return f;
}

/**
 * fput() - drop a file reference; the last one releases the file
 * @file: the file
 */
void fput(struct file *file)
{
	struct inode *inode;

	if (!atomic_long_dec_and_test(&file->f_count))
		return;
	inode = file->f_inode;
	if (file->f_op && file->f_op->release && !(file->f_mode & FMODE_PATH))
		file->f_op->release(inode, file);
	if (file->f_path.dentry)
		path_put(&file->f_path);
	else if (inode)
		iput(inode);
	file_free(file);
}

/* ---- descriptor tables ------------------------------------------------------------------ */

struct files_struct *current_files(void)
{
	struct files_struct *files = current->files;

	return files ? files : &init_files;
}

struct fs_struct *current_fs(void)
{
	struct fs_struct *fs = current->fs;

	return fs ? fs : &init_fs;
}

static bool test_bit_ul(unsigned int nr, const unsigned long *map)
{
	return map[nr / BITS_PER_LONG] & (1UL << (nr % BITS_PER_LONG));
}

static void assign_bit_ul(unsigned int nr, unsigned long *map, bool v)
{
	if (v)
		map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
	else
		map[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

/* Grow @files so that descriptor @nr fits. Drops and retakes file_lock. */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fdtable *fdt = &files->fdt;
	unsigned int new_max, words, old_words;
	struct file **fd;
	unsigned long *cloexec, *open;

	if (nr < fdt->max_fds)
		return 0;
	if (nr >= NR_OPEN_MAX)
		return -EMFILE;
	new_max = ALIGN(nr + 1, NR_OPEN_DEFAULT);
	if (new_max < 2 * fdt->max_fds)
		new_max = min_t(unsigned int, 2 * fdt->max_fds, NR_OPEN_MAX);
	words = new_max / BITS_PER_LONG;
	spin_unlock(&files->file_lock);
	fd = kcalloc(new_max, sizeof(*fd), GFP_KERNEL);
	cloexec = kcalloc(words, sizeof(long), GFP_KERNEL);
	open = kcalloc(words, sizeof(long), GFP_KERNEL);
	spin_lock(&files->file_lock);
	if (!fd || !cloexec || !open) {
		kfree(fd);
		kfree(cloexec);
		kfree(open);
		return -ENOMEM;
	}
	if (fdt->max_fds >= new_max) {	/* somebody else grew it meanwhile */
		kfree(fd);
		kfree(cloexec);
		kfree(open);
		return 0;
	}
	old_words = fdt->max_fds / BITS_PER_LONG;
	if (fdt->max_fds) {
		memcpy(fd, fdt->fd, fdt->max_fds * sizeof(*fd));
		memcpy(cloexec, fdt->close_on_exec, old_words * sizeof(long));
		memcpy(open, fdt->open_fds, old_words * sizeof(long));
	}
	kfree(fdt->fd);
	kfree(fdt->close_on_exec);
	kfree(fdt->open_fds);
	fdt->fd = fd;
	fdt->close_on_exec = cloexec;
	fdt->open_fds = open;
	fdt->max_fds = new_max;
	return 0;
}

/* The lowest free descriptor in [@start, @end): Linux's alloc_fd(), @end from RLIMIT_NOFILE. */
static int alloc_fd(struct files_struct *files, unsigned int start, unsigned long end,
		    unsigned int flags)
{
	unsigned int fd;
	int ret;

	spin_lock(&files->file_lock);
	fd = max(start, files->next_fd);
	for (;;) {
		while (fd < files->fdt.max_fds && test_bit_ul(fd, files->fdt.open_fds))
			fd++;
		ret = -EMFILE;
		if (fd >= end)
			goto out;
		if (fd < files->fdt.max_fds)
			break;
		ret = expand_files(files, fd);
		if (ret)
			goto out;
	}
	assign_bit_ul(fd, files->fdt.open_fds, true);
	assign_bit_ul(fd, files->fdt.close_on_exec, flags & O_CLOEXEC);
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	ret = (int)fd;
out:
	spin_unlock(&files->file_lock);
	return ret;
}

/**
 * get_unused_fd_flags() - reserve the lowest free descriptor
 * @flags: O_CLOEXEC sets close-on-exec
 *
 * Return: the descriptor, or -EMFILE / -ENOMEM.
 */
int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(current_files(), 0, rlimit(RLIMIT_NOFILE), flags);
}

static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	assign_bit_ul(fd, files->fdt.open_fds, false);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

/**
 * put_unused_fd() - give back a reserved descriptor that was never installed
 * @fd: the descriptor
 */
void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current_files();

	spin_lock(&files->file_lock);
	__put_unused_fd(files, fd);
	spin_unlock(&files->file_lock);
}

/**
 * fd_install() - put @file in the reserved slot @fd
 * @fd: from get_unused_fd_flags()
 * @file: the file; the table takes over the caller's reference
 */
void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current_files();

	spin_lock(&files->file_lock);
	WARN_ON_ONCE(files->fdt.fd[fd]);
	files->fdt.fd[fd] = file;
	spin_unlock(&files->file_lock);
}

static struct file *__fget_files(struct files_struct *files, unsigned int fd, fmode_t mask)
{
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds) {
		file = files->fdt.fd[fd];
		if (file && (file->f_mode & mask))
			file = NULL;
		if (file)
			get_file(file);
	}
	spin_unlock(&files->file_lock);
	return file;
}

/**
 * fget() - the open file behind @fd, referenced; O_PATH descriptors do not count
 * @fd: the descriptor
 *
 * Return: the file, or NULL (the caller returns -EBADF).
 */
struct file *fget(unsigned int fd)
{
	return __fget_files(current_files(), fd, FMODE_PATH);
}

/**
 * fget_raw() - as fget(), O_PATH descriptors included
 * @fd: the descriptor
 *
 * Return: the file or NULL.
 */
struct file *fget_raw(unsigned int fd)
{
	return __fget_files(current_files(), fd, 0);
}

/**
 * fget_task() - an open file of another task (for /proc/PID/fd)
 * @task: the task
 * @fd: the descriptor
 *
 * Return: the file referenced, or NULL.
 */
struct file *fget_task(struct task_struct *task, unsigned int fd)
{
	struct files_struct *files = get_files_struct(task);
	struct file *file;

	if (!files)
		return NULL;
	file = __fget_files(files, fd, 0);
	put_files_struct(files);
	return file;
}

/* Take @fd out of @files; returns the file whose reference the caller now owns. */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *file = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds) {
		file = files->fdt.fd[fd];
		if (file) {
			files->fdt.fd[fd] = NULL;
			__put_unused_fd(files, fd);
		}
	}
	spin_unlock(&files->file_lock);
	return file;
}

/**
 * filp_close() - what close() does to a file besides dropping the reference
 * @filp: the file
 * @id: the owner (the files_struct)
 *
 * Return: the ->flush() result, 0 usually.
 */
int filp_close(struct file *filp, fl_owner_t id)
{
	int ret = 0;

	if (filp->f_op && filp->f_op->flush && !(filp->f_mode & FMODE_PATH))
		ret = filp->f_op->flush(filp, id);
	fput(filp);
	return ret;
}

/**
 * close_fd() - close a descriptor of the current process
 * @fd: the descriptor
 *
 * Return: 0 or -EBADF.
 */
int close_fd(unsigned int fd)
{
	struct files_struct *files = current_files();
	struct file *file = pick_file(files, fd);

	if (!file)
		return -EBADF;
	return filp_close(file, files);
}

int ksys_close(unsigned int fd)
{
	int ret = close_fd(fd);

	/* Linux: an interrupted flush still closed the descriptor. */
	if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR || ret == -ERESTARTNOHAND ||
	    ret == -ERESTART_RESTARTBLOCK)
		ret = -EINTR;
	return ret;
}

/**
 * replace_fd() - install @file at @fd, closing what was there (dup2)
 * @fd: the descriptor
 * @file: the file (a new reference is taken)
 * @flags: O_CLOEXEC
 *
 * Return: @fd or -errno.
 */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current_files();
	struct file *old;
	int ret;

	spin_lock(&files->file_lock);
	ret = expand_files(files, fd);
	if (ret) {
		spin_unlock(&files->file_lock);
		return ret == -EMFILE ? -EBADF : ret;
	}
	old = files->fdt.fd[fd];
	files->fdt.fd[fd] = get_file(file);
	assign_bit_ul(fd, files->fdt.open_fds, true);
	assign_bit_ul(fd, files->fdt.close_on_exec, flags & O_CLOEXEC);
	spin_unlock(&files->file_lock);
	if (old)
		filp_close(old, files);
	return (int)fd;
}

/**
 * receive_fd() - install a referenced @file at the lowest free descriptor
 * @file: the file (a new reference is taken)
 * @o_flags: O_CLOEXEC
 *
 * Return: the descriptor or -errno.
 */
int receive_fd(struct file *file, unsigned int o_flags)
{
	int fd = get_unused_fd_flags(o_flags);

	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

void set_close_on_exec(unsigned int fd, int flag)
{
	struct files_struct *files = current_files();

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds)
		assign_bit_ul(fd, files->fdt.close_on_exec, flag);
	spin_unlock(&files->file_lock);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current_files();
	bool ret = false;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds)
		ret = test_bit_ul(fd, files->fdt.close_on_exec);
	spin_unlock(&files->file_lock);
	return ret;
}

int ksys_dup(unsigned int fildes)
{
	struct file *file = fget_raw(fildes);
	int ret;

	if (!file)
		return -EBADF;
	ret = get_unused_fd_flags(0);
	if (ret >= 0)
		fd_install(ret, file);
	else
		fput(file);
	return ret;
}

int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *file;
	int ret;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= NR_OPEN_MAX || newfd >= rlimit(RLIMIT_NOFILE))
		return -EBADF;
	file = fget_raw(oldfd);
	if (!file)
		return -EBADF;
	ret = replace_fd(newfd, file, flags);
	fput(file);
	return ret;
}

/* F_DUPFD: lowest free descriptor >= @from. */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	unsigned long nofile = rlimit(RLIMIT_NOFILE);
	int fd;

	if (from >= NR_OPEN_MAX || from >= nofile)
		return -EINVAL;
	fd = alloc_fd(current_files(), from, nofile, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

/**
 * dup_fd() - copy a descriptor table for fork
 * @oldf: the parent's table
 * @errorp: the error when NULL is returned
 *
 * Return: a new table with every open file referenced again, or NULL.
 */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp)
{
	struct files_struct *newf = kzalloc(sizeof(*newf), GFP_KERNEL);
	unsigned int i;
	int ret;

	*errorp = -ENOMEM;
	if (!newf)
		return NULL;
	atomic_set(&newf->count, 1);
	spin_lock_init(&newf->file_lock);
	spin_lock(&newf->file_lock);
	spin_lock(&oldf->file_lock);
	while (newf->fdt.max_fds < oldf->fdt.max_fds) {
		unsigned int want = oldf->fdt.max_fds;

		spin_unlock(&oldf->file_lock);
		ret = expand_files(newf, want - 1);
		spin_lock(&oldf->file_lock);
		if (ret) {
			spin_unlock(&oldf->file_lock);
			spin_unlock(&newf->file_lock);
			put_files_struct(newf);
			*errorp = ret;
			return NULL;
		}
	}
	for (i = 0; i < oldf->fdt.max_fds; i++) {
		struct file *f = oldf->fdt.fd[i];

		if (f) {
			newf->fdt.fd[i] = get_file(f);
			assign_bit_ul(i, newf->fdt.open_fds, true);
			assign_bit_ul(i, newf->fdt.close_on_exec,
				      test_bit_ul(i, oldf->fdt.close_on_exec));
		}
	}
	newf->next_fd = 0;
	spin_unlock(&oldf->file_lock);
	spin_unlock(&newf->file_lock);
	*errorp = 0;
	return newf;
}

/**
 * get_files_struct() - reference @task's table
 * @task: the task
 *
 * Return: the table or NULL (kernel threads, exited tasks).
 */
struct files_struct *get_files_struct(struct task_struct *task)
{
	struct files_struct *files;

	spin_lock(&task_fs_lock);
	files = task->files;
	if (files)
		atomic_inc(&files->count);
	spin_unlock(&task_fs_lock);
	return files;
}

/**
 * put_files_struct() - drop a table reference; the last one closes every file
 * @files: the table
 */
void put_files_struct(struct files_struct *files)
{
	unsigned int i;

	if (!atomic_dec_and_test(&files->count) || files == &init_files)
		return;
	for (i = 0; i < files->fdt.max_fds; i++) {
		struct file *f = files->fdt.fd[i];

		if (f) {
			files->fdt.fd[i] = NULL;
			filp_close(f, files);
		}
	}
	kfree(files->fdt.fd);
	kfree(files->fdt.close_on_exec);
	kfree(files->fdt.open_fds);
	kfree(files);
}

/**
 * exit_files() - detach and drop @task's descriptor table (exit)
 * @task: the task
 */
void exit_files(struct task_struct *task)
{
	struct files_struct *files;

	spin_lock(&task_fs_lock);
	files = task->files;
	task->files = NULL;
	spin_unlock(&task_fs_lock);
	if (files)
		put_files_struct(files);
}

/**
 * copy_files() - fork: share (CLONE_FILES) or copy the current table into @task
 * @clone_flags: CLONE_* flags
 * @task: the new task
 *
 * Return: 0 or -ENOMEM.
 */
int copy_files(unsigned long clone_flags, struct task_struct *task)
{
	struct files_struct *oldf = current->files, *newf;
	int err;

	if (!oldf) {
		task->files = NULL;
		return 0;
	}
	if (clone_flags & 0x00000400) {		/* CLONE_FILES */
		atomic_inc(&oldf->count);
		task->files = oldf;
		return 0;
	}
	newf = dup_fd(oldf, &err);
	if (!newf)
		return err;
	task->files = newf;
	return 0;
}

/**
 * unshare_files() - give current a private copy of a shared table (before exec)
 *
 * Return: 0 or -ENOMEM.
 */
int unshare_files(void)
{
	struct files_struct *old = current->files, *copy;
	int err;

	if (!old || atomic_read(&old->count) == 1)
		return 0;
	copy = dup_fd(old, &err);
	if (!copy)
		return err;
	spin_lock(&task_fs_lock);
	current->files = copy;
	spin_unlock(&task_fs_lock);
	put_files_struct(old);
	return 0;
}

/**
 * do_close_on_exec() - close every descriptor marked close-on-exec
 * @files: the table of the task that is exec'ing
 */
void do_close_on_exec(struct files_struct *files)
{
	unsigned int i;

	for (i = 0; ; i++) {
		struct file *f;

		spin_lock(&files->file_lock);
		if (i >= files->fdt.max_fds) {
			spin_unlock(&files->file_lock);
			break;
		}
		if (!test_bit_ul(i, files->fdt.close_on_exec) || !files->fdt.fd[i]) {
			spin_unlock(&files->file_lock);
			continue;
		}
		f = files->fdt.fd[i];
		files->fdt.fd[i] = NULL;
		assign_bit_ul(i, files->fdt.close_on_exec, false);
		__put_unused_fd(files, i);
		spin_unlock(&files->file_lock);
		filp_close(f, files);
	}
}

/**
 * iterate_fd() - call @fn for each open descriptor from @n on
 * @files: the table
 * @n: the first descriptor
 * @fn: the callback; non-zero stops the walk
 * @arg: for @fn
 *
 * @fn runs with file_lock held: it must not sleep.
 * Return: @fn's non-zero value, or 0.
 */
int iterate_fd(struct files_struct *files, unsigned int n,
	       int (*fn)(const void *arg, struct file *file, unsigned int fd), const void *arg)
{
	int ret = 0;

	spin_lock(&files->file_lock);
	for (; n < files->fdt.max_fds && !ret; n++)
		if (files->fdt.fd[n])
			ret = fn(arg, files->fdt.fd[n], n);
	spin_unlock(&files->file_lock);
	return ret;
}

/* ---- fs_struct ------------------------------------------------------------------------ */

void set_fs_root(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->root;
	fs->root = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void set_fs_pwd(struct fs_struct *fs, const struct path *path)
{
	struct path old;

	path_get(path);
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = *path;
	spin_unlock(&fs->lock);
	if (old.dentry)
		path_put(&old);
}

void get_fs_root(struct fs_struct *fs, struct path *root)
{
	spin_lock(&fs->lock);
	*root = fs->root;
	path_get(root);
	spin_unlock(&fs->lock);
}

void get_fs_pwd(struct fs_struct *fs, struct path *pwd)
{
	spin_lock(&fs->lock);
	*pwd = fs->pwd;
	path_get(pwd);
	spin_unlock(&fs->lock);
}

int current_umask(void)
{
	return current_fs()->umask;
}

static struct fs_struct *get_task_fs(struct task_struct *task)
{
	struct fs_struct *fs;

	spin_lock(&task_fs_lock);
	fs = task->fs;
	if (fs) {
		spin_lock(&fs->lock);
		fs->users++;
		spin_unlock(&fs->lock);
	}
	spin_unlock(&task_fs_lock);
	return fs;
}

static void put_fs(struct fs_struct *fs)
{
	bool last;

	spin_lock(&fs->lock);
	last = --fs->users == 0;
	spin_unlock(&fs->lock);
	if (last && fs != &init_fs)
		free_fs_struct(fs);
}

int get_task_root(struct task_struct *task, struct path *root)
{
	struct fs_struct *fs = get_task_fs(task);

	if (!fs)
		return -ENOENT;
	get_fs_root(fs, root);
	put_fs(fs);
	return 0;
}

int get_task_pwd(struct task_struct *task, struct path *pwd)
{
	struct fs_struct *fs = get_task_fs(task);

	if (!fs)
		return -ENOENT;
	get_fs_pwd(fs, pwd);
	put_fs(fs);
	return 0;
}

/**
 * copy_fs_struct() - a copy of @old (root, cwd, umask) for fork
 * @old: the parent's
 *
 * Return: the copy, or NULL.
 */
struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock);
	spin_lock(&old->lock);
	fs->umask = old->umask;
	fs->root = old->root;
	fs->pwd = old->pwd;
	path_get(&fs->root);
	path_get(&fs->pwd);
	spin_unlock(&old->lock);
	return fs;
}

void free_fs_struct(struct fs_struct *fs)
{
	path_put(&fs->root);
	path_put(&fs->pwd);
	kfree(fs);
}

/**
 * copy_fs() - fork: share (CLONE_FS) or copy the current fs_struct into @task
 * @clone_flags: CLONE_* flags
 * @task: the new task
 *
 * Return: 0 or -ENOMEM.
 */
int copy_fs(unsigned long clone_flags, struct task_struct *task)
{
	struct fs_struct *fs = current_fs();

	if (clone_flags & 0x00000200) {		/* CLONE_FS */
		spin_lock(&fs->lock);
		fs->users++;
		spin_unlock(&fs->lock);
		task->fs = fs;
		return 0;
	}
	task->fs = copy_fs_struct(fs);
	return task->fs ? 0 : -ENOMEM;
}

/**
 * exit_fs() - detach and drop @task's fs_struct
 * @task: the task
 */
void exit_fs(struct task_struct *task)
{
	struct fs_struct *fs;

	spin_lock(&task_fs_lock);
	fs = task->fs;
	task->fs = NULL;
	spin_unlock(&task_fs_lock);
	if (fs)
		put_fs(fs);
}
