// SPDX-License-Identifier: GPL-2.0-only
/* Descriptor system calls: dup, dup2, dup3, fcntl and ioctl (dispatch, FIONBIO, FIOCLEX). */
#include <starling/fs.h>
#include <starling/file.h>
#include <starling/fdtable.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <uapi/asm-generic/ioctls.h>
#include "internal.h"

#ifndef FIOQSIZE
#define FIOQSIZE	0x5460
#endif

int f_dupfd(unsigned int from, struct file *file, unsigned int flags);

#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NDELAY | O_DIRECT | O_NOATIME | FASYNC)

static int setfl(struct file *filp, unsigned long arg)
{
	if ((filp->f_flags & O_APPEND) && !(arg & O_APPEND) && 0)
		return -EPERM;
	spin_lock(&filp->f_lock);
	filp->f_flags = (filp->f_flags & ~SETFL_MASK) | ((unsigned int)arg & SETFL_MASK);
	spin_unlock(&filp->f_lock);
	return 0;
}

static long do_fcntl(int fd, unsigned int cmd, unsigned long arg, struct file *filp)
{
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd((unsigned int)arg, filp, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd((unsigned int)arg, filp, O_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec((unsigned int)fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec((unsigned int)fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return filp->f_flags;
	case F_SETFL:
		return setfl(filp, arg);
	case F_GETOWN:
	case F_SETOWN:
	case F_GETSIG:
	case F_SETSIG:
		return 0;
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
		return 0;	/* one system, no lock contention to model yet */
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		return pipe_fcntl(filp, cmd, arg);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget_raw(fd);
	long ret;

	if (!f)
		return -EBADF;
	if ((f->f_mode & FMODE_PATH) && cmd != F_DUPFD && cmd != F_DUPFD_CLOEXEC &&
	    cmd != F_GETFD && cmd != F_SETFD && cmd != F_GETFL)
		ret = -EBADF;
	else
		ret = do_fcntl((int)fd, cmd, arg, f);
	fput(f);
	return ret;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	return ksys_dup(fildes);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd) {
		struct file *f = fget_raw(oldfd);

		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return ksys_dup3(oldfd, newfd, 0);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

/**
 * vfs_ioctl() - pass an ioctl to the driver
 * @file: the file
 * @cmd: the command
 * @arg: its argument
 *
 * Return: the driver's result, -ENOTTY when it has none.
 */
long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long ret;

	if (!file->f_op || !file->f_op->unlocked_ioctl)
		return -ENOTTY;
	ret = file->f_op->unlocked_ioctl(file, cmd, arg);
	if (ret == -ENOIOCTLCMD)
		ret = -ENOTTY;
	return ret;
}

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *f = fget(fd);
	long ret = 0;
	int on;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, 1);
		break;
	case FIONCLEX:
		set_close_on_exec(fd, 0);
		break;
	case FIONBIO:
		ret = get_user(on, (int __user *)arg);
		if (!ret)
			ret = setfl(f, on ? (f->f_flags | O_NONBLOCK) : (f->f_flags & ~O_NONBLOCK));
		break;
	case FIOASYNC:
		break;
	case FIOQSIZE:
		if (S_ISDIR(file_inode(f)->i_mode) || S_ISREG(file_inode(f)->i_mode) ||
		    S_ISLNK(file_inode(f)->i_mode)) {
			loff_t size = i_size_read(file_inode(f));

			ret = copy_to_user((void __user *)arg, &size, sizeof(size)) ? -EFAULT : 0;
		} else {
			ret = -ENOTTY;
		}
		break;
	default:
		ret = vfs_ioctl(f, cmd, arg);
	}
	fput(f);
	return ret;
}
