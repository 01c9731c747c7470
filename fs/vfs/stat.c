// SPDX-License-Identifier: GPL-2.0-only
/*
 * stat(2) and friends (stat, lstat, fstat, newfstatat, statx), readlink, utimensat,
 * statfs/fstatfs and sync: copying inode attributes out to Linux's x86_64 layouts.
 */
#include <starling/fs.h>
#include <starling/namei.h>
#include <starling/file.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/string.h>
#include <uapi/linux/time_types.h>
#include "internal.h"

/* Linux names these entries after the "new" struct stat layout: __x64_sys_newstat, ... */
#define __NR_newstat		__NR_stat
#define __NR_newlstat		__NR_lstat
#define __NR_newfstat		__NR_fstat

int vfs_fstat(int fd, struct kstat *stat)
{
	struct file *f = fget_raw((unsigned int)fd);
	int ret;

	if (!f)
		return -EBADF;
	ret = vfs_getattr(&f->f_path, stat, STATX_BASIC_STATS, 0);
	fput(f);
	return ret;
}

static int vfs_statx(int dfd, const char __user *filename, int flags, struct kstat *stat,
		     u32 request_mask)
{
	unsigned int lookup_flags = 0;
	struct path path;
	int ret;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if (!(flags & AT_SYMLINK_NOFOLLOW))
		lookup_flags |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	ret = user_path_at(dfd, filename, lookup_flags, &path);
	if (ret)
		return ret;
	ret = vfs_getattr(&path, stat, request_mask, (unsigned int)flags);
	path_put(&path);
	return ret;
}

int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat, int flags)
{
	return vfs_statx(dfd, filename, flags, stat, STATX_BASIC_STATS);
}

static int cp_new_stat(const struct kstat *stat, struct stat __user *statbuf)
{
	struct stat tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.st_dev = new_encode_dev(stat->dev);
	tmp.st_ino = stat->ino;
	tmp.st_nlink = stat->nlink;
	tmp.st_mode = stat->mode;
	tmp.st_uid = stat->uid;
	tmp.st_gid = stat->gid;
	tmp.st_rdev = new_encode_dev(stat->rdev);
	tmp.st_size = stat->size;
	tmp.st_atime = (unsigned long)stat->atime.tv_sec;
	tmp.st_atime_nsec = (unsigned long)stat->atime.tv_nsec;
	tmp.st_mtime = (unsigned long)stat->mtime.tv_sec;
	tmp.st_mtime_nsec = (unsigned long)stat->mtime.tv_nsec;
	tmp.st_ctime = (unsigned long)stat->ctime.tv_sec;
	tmp.st_ctime_nsec = (unsigned long)stat->ctime.tv_nsec;
	tmp.st_blocks = (long)stat->blocks;
	tmp.st_blksize = stat->blksize;
	return copy_to_user(statbuf, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(newstat, const char __user *, filename, struct stat __user *, statbuf)
{
	struct kstat stat;
	int ret = vfs_fstatat(AT_FDCWD, filename, &stat, 0);

	return ret ? ret : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(newlstat, const char __user *, filename, struct stat __user *, statbuf)
{
	struct kstat stat;
	int ret = vfs_fstatat(AT_FDCWD, filename, &stat, AT_SYMLINK_NOFOLLOW);

	return ret ? ret : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct kstat stat;
	int ret = vfs_fstatat(dfd, filename, &stat, flag);

	return ret ? ret : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE2(newfstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct kstat stat;
	int ret = vfs_fstat((int)fd, &stat);

	return ret ? ret : cp_new_stat(&stat, statbuf);
}

static int cp_statx(const struct kstat *stat, struct statx __user *buffer)
{
	struct statx tmp;

	memset(&tmp, 0, sizeof(tmp));
	tmp.stx_mask = stat->result_mask;
	tmp.stx_blksize = stat->blksize;
	tmp.stx_attributes = stat->attributes;
	tmp.stx_nlink = stat->nlink;
	tmp.stx_uid = stat->uid;
	tmp.stx_gid = stat->gid;
	tmp.stx_mode = stat->mode;
	tmp.stx_ino = stat->ino;
	tmp.stx_size = (u64)stat->size;
	tmp.stx_blocks = stat->blocks;
	tmp.stx_attributes_mask = stat->attributes_mask;
	tmp.stx_atime.tv_sec = stat->atime.tv_sec;
	tmp.stx_atime.tv_nsec = (u32)stat->atime.tv_nsec;
	tmp.stx_btime.tv_sec = stat->btime.tv_sec;
	tmp.stx_btime.tv_nsec = (u32)stat->btime.tv_nsec;
	tmp.stx_ctime.tv_sec = stat->ctime.tv_sec;
	tmp.stx_ctime.tv_nsec = (u32)stat->ctime.tv_nsec;
	tmp.stx_mtime.tv_sec = stat->mtime.tv_sec;
	tmp.stx_mtime.tv_nsec = (u32)stat->mtime.tv_nsec;
	tmp.stx_rdev_major = MAJOR(stat->rdev);
	tmp.stx_rdev_minor = MINOR(stat->rdev);
	tmp.stx_dev_major = MAJOR(stat->dev);
	tmp.stx_dev_minor = MINOR(stat->dev);
	tmp.stx_mnt_id = stat->mnt_id;
	return copy_to_user(buffer, &tmp, sizeof(tmp)) ? -EFAULT : 0;
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct kstat stat;
	int ret;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	ret = vfs_statx(dfd, filename, (int)flags, &stat, mask);
	return ret ? ret : cp_statx(&stat, buffer);
}

static int do_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct path path;
	int ret;

	if (bufsiz <= 0)
		return -EINVAL;
	ret = user_path_at(dfd, pathname, LOOKUP_EMPTY, &path);
	if (ret)
		return ret;
	ret = -EINVAL;
	if (S_ISLNK(path.dentry->d_inode->i_mode)) {
		touch_atime(&path);
		ret = vfs_readlink(path.dentry, buf, bufsiz);
	}
	path_put(&path);
	return ret;
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf,
		int, bufsiz)
{
	return do_readlinkat(dfd, pathname, buf, bufsiz);
}

SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

/* ---- utimensat ------------------------------------------------------------------------ */

static int nsec_valid(long nsec)
{
	return nsec == UTIME_OMIT || nsec == UTIME_NOW || (nsec >= 0 && nsec <= 999999999);
}

static int utimes_common(const struct path *path, struct timespec64 *times)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { .ia_valid = ATTR_CTIME | ATTR_MTIME | ATTR_ATIME };
	int ret;

	if (path->mnt->mnt_flags & MNT_READONLY)
		return -EROFS;
	if (times) {
		if (times[0].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_ATIME;
		else if (times[0].tv_nsec != UTIME_NOW) {
			attr.ia_atime = times[0];
			attr.ia_valid |= ATTR_ATIME_SET;
		}
		if (times[1].tv_nsec == UTIME_OMIT)
			attr.ia_valid &= ~ATTR_MTIME;
		else if (times[1].tv_nsec != UTIME_NOW) {
			attr.ia_mtime = times[1];
			attr.ia_valid |= ATTR_MTIME_SET;
		}
		if (times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW)
			attr.ia_valid |= ATTR_TOUCH;
	} else {
		attr.ia_valid |= ATTR_TOUCH;
	}
	inode_lock(inode);
	ret = setattr_prepare(path->dentry, &attr);
	if (!ret) {
		attr.ia_valid |= ATTR_FORCE;
		ret = notify_change(path->dentry, &attr);
	}
	inode_unlock(inode);
	return ret;
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct __kernel_timespec kts[2];
	struct timespec64 t[2], *tp = NULL;
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int ret;

	if (utimes) {
		if (copy_from_user(kts, utimes, sizeof(kts)))
			return -EFAULT;
		t[0].tv_sec = kts[0].tv_sec;
		t[0].tv_nsec = (long)kts[0].tv_nsec;
		t[1].tv_sec = kts[1].tv_sec;
		t[1].tv_nsec = (long)kts[1].tv_nsec;
		if (!nsec_valid(t[0].tv_nsec) || !nsec_valid(t[1].tv_nsec))
			return -EINVAL;
		if (t[0].tv_nsec == UTIME_OMIT && t[1].tv_nsec == UTIME_OMIT)
			return 0;
		tp = t;
	}
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!filename) {
		struct file *f;

		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		f = fget_raw((unsigned int)dfd);
		if (!f)
			return -EBADF;
		ret = utimes_common(&f->f_path, tp);
		fput(f);
		return ret;
	}
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup_flags |= LOOKUP_EMPTY;
	ret = user_path_at(dfd, filename, lookup_flags, &path);
	if (ret)
		return ret;
	ret = utimes_common(&path, tp);
	path_put(&path);
	return ret;
}

/* ---- statfs, sync ----------------------------------------------------------------------- */

static int do_statfs_native(struct kstatfs *st, struct statfs __user *p)
{
	struct statfs buf;

	memset(&buf, 0, sizeof(buf));
	buf.f_type = st->f_type;
	buf.f_bsize = st->f_bsize;
	buf.f_blocks = st->f_blocks;
	buf.f_bfree = st->f_bfree;
	buf.f_bavail = st->f_bavail;
	buf.f_files = st->f_files;
	buf.f_ffree = st->f_ffree;
	buf.f_fsid.val[0] = (int)(u32)st->f_fsid;
	buf.f_fsid.val[1] = (int)(u32)(st->f_fsid >> 32);
	buf.f_namelen = st->f_namelen;
	buf.f_frsize = st->f_frsize;
	buf.f_flags = st->f_flags;
	return copy_to_user(p, &buf, sizeof(buf)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *, buf)
{
	struct kstatfs st;
	struct path path;
	int ret = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);

	if (ret)
		return ret;
	ret = vfs_statfs(&path, &st);
	path_put(&path);
	return ret ? ret : do_statfs_native(&st, buf);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct kstatfs st;
	struct file *f = fget_raw(fd);
	int ret;

	if (!f)
		return -EBADF;
	ret = vfs_statfs(&f->f_path, &st);
	fput(f);
	return ret ? ret : do_statfs_native(&st, buf);
}

int ksys_sync(void)
{
	return 0;	/* every file system is in memory */
}

void emergency_sync(void)
{
}

SYSCALL_DEFINE0(sync)
{
	ksys_sync();
	return 0;
}

SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *f = fget_raw((unsigned int)fd);

	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

int vfs_fsync(struct file *file, int datasync)
{
	if (file->f_op && file->f_op->fsync)
		return file->f_op->fsync(file, 0, 0x7fffffffffffffffL, datasync);
	return 0;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	struct file *f = fget(fd);
	int ret;

	if (!f)
		return -EBADF;
	ret = vfs_fsync(f, 0);
	fput(f);
	return ret;
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	struct file *f = fget(fd);
	int ret;

	if (!f)
		return -EBADF;
	ret = vfs_fsync(f, 1);
	fput(f);
	return ret;
}
