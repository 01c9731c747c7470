// SPDX-License-Identifier: GPL-2.0-only
/*
 * Opening and closing files, and the system calls that change an inode's attributes or the
 * process's view of the tree: open, openat, openat2, creat, close, truncate, ftruncate,
 * faccessat, chdir, fchdir, chroot, fchmodat, fchownat, umask, getcwd.
 */
#include <starling/fs.h>
#include <starling/namei.h>
#include <starling/file.h>
#include <starling/fdtable.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include "internal.h"

#define VALID_OPEN_FLAGS (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | \
			  O_NONBLOCK | O_DSYNC | FASYNC | O_DIRECT | O_LARGEFILE | \
			  O_DIRECTORY | O_NOFOLLOW | O_NOATIME | O_CLOEXEC | __O_SYNC | \
			  O_PATH | __O_TMPFILE)

int do_dentry_open(struct file *f, struct inode *inode,
		   int (*open)(struct inode *inode, struct file *file))
{
	int ret;

	f->f_inode = inode;
	if (f->f_flags & O_PATH) {
		f->f_mode = FMODE_PATH;
		f->f_op = NULL;
		return 0;
	}
	f->f_mode = ((f->f_flags + 1) & O_ACCMODE) | FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode))
		f->f_mode |= FMODE_ATOMIC_POS;
	f->f_op = inode->i_fop;
	if (!f->f_op) {
		f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
		return -ENXIO;
	}
	if (!open)
		open = f->f_op->open;
	if (open) {
		ret = open(inode, f);
		if (ret)
			return ret;
	}
	f->f_flags &= ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
	return 0;
}

/**
 * vfs_open() - open the file at @path into @file
 * @path: the file (the file takes its own reference)
 * @file: an empty file with f_flags set
 *
 * Return: 0 or the driver's ->open() error.
 */
noinline int vfs_open(const struct path *path, struct file *file)
{
	int ret;

	file->f_path = *path;
	path_get(&file->f_path);
	ret = do_dentry_open(file, path->dentry->d_inode, NULL);
	if (ret) {
		path_put(&file->f_path);
		file->f_path.dentry = NULL;
		file->f_path.mnt = NULL;
	}
	return ret;
}

/**
 * dentry_open() - open a resolved path
 * @path: the file
 * @flags: O_* flags
 *
 * Return: the file or ERR_PTR.
 */
struct file *dentry_open(const struct path *path, int flags)
{
	struct file *f = alloc_empty_file(flags);
	int ret;

	if (IS_ERR(f))
		return f;
	ret = vfs_open(path, f);
	if (ret) {
		file_free(f);
		return ERR_PTR(ret);
	}
	return f;
}

/**
 * build_open_flags() - check and translate open flags (Linux's rules)
 * @how: flags, mode, resolve
 * @op: the result
 *
 * Return: 0 or -EINVAL.
 */
int build_open_flags(const struct open_how *how, struct open_flags *op)
{
	u64 flags = how->flags;
	int acc_mode, lookup_flags = 0;

	if (flags & ~(u64)VALID_OPEN_FLAGS)
		flags &= VALID_OPEN_FLAGS;	/* open(2) ignores unknown flags */
	if (flags & (O_CREAT | __O_TMPFILE))
		op->mode = (umode_t)((how->mode & S_IALLUGO) | S_IFREG);
	else
		op->mode = 0;
	if (flags & __O_TMPFILE)
		return -EOPNOTSUPP;
	if (flags & O_PATH) {
		flags &= O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
		acc_mode = 0;
	} else {
		static const int acc[] = { MAY_READ, MAY_WRITE, MAY_READ | MAY_WRITE, 0 };

		acc_mode = acc[flags & O_ACCMODE];
		if (flags & O_TRUNC)
			acc_mode |= MAY_WRITE;
		if (flags & O_APPEND)
			acc_mode |= MAY_APPEND;
	}
	op->open_flag = (int)flags;
	op->acc_mode = acc_mode;
	op->intent = (flags & O_PATH) ? 0 : LOOKUP_OPEN;
	if (flags & O_CREAT) {
		op->intent |= LOOKUP_CREATE;
		if (flags & O_EXCL)
			op->intent |= LOOKUP_EXCL;
	}
	if (flags & O_DIRECTORY)
		lookup_flags |= LOOKUP_DIRECTORY;
	if (!(flags & O_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;
	if (how->resolve & RESOLVE_NO_SYMLINKS)
		lookup_flags |= LOOKUP_NO_SYMLINKS;
	op->lookup_flags = lookup_flags;
	return 0;
}

static struct file *do_file_open(int dfd, struct filename *name, const struct open_how *how)
{
	struct open_flags op;
	int ret;

	if (how->mode & (~(u64)S_IALLUGO))
		return ERR_PTR(-EINVAL);
	ret = build_open_flags(how, &op);
	if (ret)
		return ERR_PTR(ret);
	if (op.open_flag & O_CREAT)
		op.mode = (op.mode & S_IFMT) | (op.mode & ~S_IFMT & ~current_umask());
	return do_filp_open(dfd, name, &op);
}

/**
 * filp_open() - open a kernel path name (exec, the initramfs, self-tests)
 * @filename: the name
 * @flags: O_* flags
 * @mode: the mode for O_CREAT
 *
 * Return: the file or ERR_PTR.
 */
struct file *filp_open(const char *filename, int flags, umode_t mode)
{
	struct open_how how = { .flags = (u64)(unsigned int)flags, .mode = mode };
	struct filename *name = getname_kernel(filename);
	struct file *f;

	if (IS_ERR(name))
		return ERR_PTR(PTR_ERR(name));
	f = do_file_open(AT_FDCWD, name, &how);
	putname(name);
	return f;
}

/**
 * do_sys_openat2() - open(2), openat(2) and openat2(2)
 * @dfd: AT_FDCWD or a directory descriptor
 * @filename: the user path name
 * @how: flags, mode, resolve
 *
 * Return: the new descriptor or -errno.
 */
noinline long do_sys_openat2(int dfd, const char __user *filename, struct open_how *how)
{
	struct filename *tmp = getname(filename);
	struct file *f;
	int fd;

	if (IS_ERR(tmp))
		return PTR_ERR(tmp);
	fd = get_unused_fd_flags((unsigned int)how->flags);
	if (fd < 0)
		goto out;
	f = do_file_open(dfd, tmp, how);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		fd = (int)PTR_ERR(f);
	} else {
		fd_install(fd, f);
	}
out:
	putname(tmp);
	return fd;
}

long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
{
	struct open_how how = {
		.flags = (u64)(unsigned int)flags | O_LARGEFILE,
		.mode = (flags & (O_CREAT | __O_TMPFILE)) ? mode & S_IALLUGO : 0,
	};

	return do_sys_openat2(dfd, filename, &how);
}

SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

SYSCALL_DEFINE4(openat2, int, dfd, const char __user *, filename, struct open_how __user *, how,
		size_t, usize)
{
	struct open_how tmp;

	if (usize < sizeof(tmp))
		return -EINVAL;
	if (copy_from_user(&tmp, how, sizeof(tmp)))
		return -EFAULT;
	if (tmp.flags & ~(u64)VALID_OPEN_FLAGS)
		return -EINVAL;
	if (!(tmp.flags & (O_CREAT | __O_TMPFILE)) && tmp.mode)
		return -EINVAL;
	return do_sys_openat2(dfd, filename, &tmp);
}

SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return ksys_close(fd);
}

/* ---- truncate ------------------------------------------------------------------------- */

int do_truncate(struct dentry *dentry, loff_t length, unsigned int time_attrs,
		struct file *filp)
{
	struct inode *inode = dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_SIZE | time_attrs, .ia_size = length };
	int ret;

	if (length < 0)
		return -EINVAL;
	inode_lock(inode);
	ret = notify_change(dentry, &attr);
	inode_unlock(inode);
	return ret;
}

int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = path->dentry->d_inode;
	int ret;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	if (path->mnt->mnt_flags & MNT_READONLY)
		return -EROFS;
	ret = inode_permission(inode, MAY_WRITE);
	if (ret)
		return ret;
	return do_truncate(path->dentry, length, ATTR_MTIME | ATTR_CTIME, NULL);
}

SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct path p;
	int ret;

	if (length < 0)
		return -EINVAL;
	ret = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, &p);
	if (ret)
		return ret;
	ret = vfs_truncate(&p, length);
	path_put(&p);
	return ret;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	struct file *f;
	int ret;

	if ((long)length < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	ret = -EINVAL;
	if (S_ISREG(file_inode(f)->i_mode) && (f->f_mode & FMODE_WRITE))
		ret = do_truncate(f->f_path.dentry, (loff_t)length, ATTR_MTIME | ATTR_CTIME, f);
	else if (S_ISDIR(file_inode(f)->i_mode))
		ret = -EINVAL;
	fput(f);
	return ret;
}

/* ---- access, directories, root ------------------------------------------------------- */

static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	struct inode *inode;
	int ret;

	if (mode & ~(F_OK | R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	/* The real ids are the ones checked; they equal fsuid unless setuid (not supported). */
	ret = user_path_at(dfd, filename, lookup_flags, &path);
	if (ret)
		return ret;
	inode = path.dentry->d_inode;
	if ((mode & X_OK) && S_ISREG(inode->i_mode) && (path.mnt->mnt_flags & MNT_NOEXEC))
		ret = -EACCES;
	else if (mode)
		ret = inode_permission(inode, mode);
	if (!ret && (mode & W_OK) && (path.mnt->mnt_flags & MNT_READONLY) &&
	    !S_ISCHR(inode->i_mode) && !S_ISFIFO(inode->i_mode))
		ret = -EROFS;
	path_put(&path);
	return ret;
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct path path;
	int ret = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (ret)
		return ret;
	ret = inode_permission(path.dentry->d_inode, MAY_EXEC | MAY_CHDIR);
	if (!ret)
		set_fs_pwd(current_fs(), &path);
	path_put(&path);
	return ret;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget_raw(fd);
	int ret;

	if (!f)
		return -EBADF;
	ret = -ENOTDIR;
	if (S_ISDIR(file_inode(f)->i_mode)) {
		ret = inode_permission(file_inode(f), MAY_EXEC | MAY_CHDIR);
		if (!ret)
			set_fs_pwd(current_fs(), &f->f_path);
	}
	fput(f);
	return ret;
}

SYSCALL_DEFINE1(chroot, const char __user *, filename)
{
	struct path path;
	int ret = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);

	if (ret)
		return ret;
	ret = inode_permission(path.dentry->d_inode, MAY_EXEC | MAY_CHDIR);
	if (!ret && !vfs_capable(18))	/* CAP_SYS_CHROOT */
		ret = -EPERM;
	if (!ret)
		set_fs_root(current_fs(), &path);
	path_put(&path);
	return ret;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current_fs();
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & S_IRWXUGO;
	spin_unlock(&fs->lock);
	return old;
}

SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	struct path pwd;
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	char *cwd;
	long len;

	if (!page)
		return -ENOMEM;
	get_fs_pwd(current_fs(), &pwd);
	if (d_unhashed(pwd.dentry) && !IS_ROOT(pwd.dentry)) {
		len = -ENOENT;
		goto out;
	}
	cwd = d_path(&pwd, page, PATH_MAX);
	if (IS_ERR(cwd)) {
		len = PTR_ERR(cwd);
		goto out;
	}
	len = (long)strlen(cwd) + 1;
	if ((unsigned long)len > size)
		len = -ERANGE;
	else if (copy_to_user(buf, cwd, len))
		len = -EFAULT;
out:
	path_put(&pwd);
	kfree(page);
	return len;
}

/* ---- chmod, chown ---------------------------------------------------------------------- */

static int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_MODE | ATTR_CTIME };
	int ret;

	if (path->mnt->mnt_flags & MNT_READONLY)
		return -EROFS;
	inode_lock(inode);
	attr.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO);
	ret = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return ret;
}

static int do_fchmodat(int dfd, const char __user *filename, umode_t mode)
{
	struct path path;
	int ret = user_path_at(dfd, filename, LOOKUP_FOLLOW, &path);

	if (ret)
		return ret;
	ret = chmod_common(&path, mode);
	path_put(&path);
	return ret;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(dfd, filename, mode);
}

SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return do_fchmodat(AT_FDCWD, filename, mode);
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *f = fget(fd);
	int ret;

	if (!f)
		return -EBADF;
	ret = chmod_common(&f->f_path, mode);
	fput(f);
	return ret;
}

static int chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_CTIME };
	int ret;

	if (path->mnt->mnt_flags & MNT_READONLY)
		return -EROFS;
	if (user != (uid_t)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = group;
	}
	inode_lock(inode);
	ret = setattr_prepare(path->dentry, &attr);
	if (!ret)
		ret = notify_change(path->dentry, &attr);
	inode_unlock(inode);
	return ret;
}

static int do_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag)
{
	unsigned int lookup_flags;
	struct path path;
	int ret;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	lookup_flags = (flag & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	if (flag & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	ret = user_path_at(dfd, filename, lookup_flags, &path);
	if (ret)
		return ret;
	ret = chown_common(&path, user, group);
	path_put(&path);
	return ret;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user, gid_t, group,
		int, flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	struct file *f = fget(fd);
	int ret;

	if (!f)
		return -EBADF;
	ret = chown_common(&f->f_path, user, group);
	fput(f);
	return ret;
}
