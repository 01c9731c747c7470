// SPDX-License-Identifier: GPL-2.0-only
/*
 * Pipes and FIFOs. A pipe is a 64 KiB ring buffer with counts of readers and writers; reads
 * block while it is empty and a writer exists, writes block while it is full and a reader
 * exists. Writes of at most PIPE_BUF bytes are atomic. Writing with no reader left raises
 * SIGPIPE and fails with -EPIPE. O_NONBLOCK turns the waits into -EAGAIN.
 *
 * pipe->mutex guards everything in struct pipe_inode_info; waiters sleep on rd_wait/wr_wait
 * without it.
 */
#include <starling/fs.h>
#include <starling/file.h>
#include <starling/poll.h>
#include <starling/sched.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/slab.h>
#include <starling/mm.h>
#include <starling/string.h>
#include <starling/signal_nr.h>
#include <starling/kernel.h>
#include <uapi/linux/magic.h>

#define PIPE_SIZE	(16 * PAGE_SIZE)

struct pipe_inode_info {
	struct mutex		mutex;
	wait_queue_head_t	rd_wait, wr_wait;
	char			*buf;		/* PIPE_SIZE bytes */
	size_t			head, len;	/* first unread byte, bytes unread */
	unsigned int		readers, writers;
	unsigned int		r_counter, w_counter;	/* opens so far (FIFO rendezvous) */
};

/* The process code's signal sender; absent until signals exist. */
int send_sig(int sig, struct task_struct *p, int priv) __attribute__((weak));

static struct vfsmount *pipe_mnt;

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->buf = kmalloc(PIPE_SIZE, GFP_KERNEL);
	if (!pipe->buf) {
		kfree(pipe);
		return NULL;
	}
	mutex_init(&pipe->mutex);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

void free_pipe_info(struct pipe_inode_info *pipe)
{
	kfree(pipe->buf);
	kfree(pipe);
}

static ssize_t pipe_read(struct file *filp, char __user *ubuf, size_t total, loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	ssize_t ret = 0;

	if (!total)
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		if (pipe->len) {
			size_t n = min(total, pipe->len);
			size_t first = min(n, PIPE_SIZE - pipe->head);

			if (copy_to_user(ubuf, pipe->buf + pipe->head, first) ||
			    copy_to_user(ubuf + first, pipe->buf, n - first)) {
				ret = -EFAULT;
				break;
			}
			pipe->head = (pipe->head + n) % PIPE_SIZE;
			pipe->len -= n;
			ret = (ssize_t)n;
			break;
		}
		if (!pipe->writers)
			break;
		if (filp->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->rd_wait,
					     READ_ONCE(pipe->len) || !READ_ONCE(pipe->writers)))
			return -ERESTARTSYS;
		mutex_lock(&pipe->mutex);
	}
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		wake_up_interruptible_all(&pipe->wr_wait);
	return ret;
}

static ssize_t pipe_write(struct file *filp, const char __user *ubuf, size_t total,
			  loff_t *ppos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	ssize_t ret = 0;

	if (!total)
		return 0;
	mutex_lock(&pipe->mutex);
	for (;;) {
		size_t room, n, tail, first;

		if (!pipe->readers) {
			if (send_sig)
				send_sig(SIGPIPE, current, 0);
			if (!ret)
				ret = -EPIPE;
			break;
		}
		room = PIPE_SIZE - pipe->len;
		/* Atomic writes of up to PIPE_BUF bytes need all their room at once. */
		if (room && !(total - (size_t)ret <= PIPE_BUF && room < total - (size_t)ret)) {
			n = min(room, total - (size_t)ret);
			tail = (pipe->head + pipe->len) % PIPE_SIZE;
			first = min(n, PIPE_SIZE - tail);
			if (copy_from_user(pipe->buf + tail, ubuf + ret, first) ||
			    copy_from_user(pipe->buf, ubuf + ret + first, n - first)) {
				if (!ret)
					ret = -EFAULT;
				break;
			}
			pipe->len += n;
			ret += (ssize_t)n;
			wake_up_interruptible_all(&pipe->rd_wait);
			if ((size_t)ret == total)
				break;
			continue;
		}
		if (filp->f_flags & O_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		mutex_unlock(&pipe->mutex);
		if (wait_event_interruptible(pipe->wr_wait,
				PIPE_SIZE - READ_ONCE(pipe->len) >=
					min_t(size_t, total - (size_t)ret, PIPE_BUF) ||
				!READ_ONCE(pipe->readers)))
			return ret ? ret : -ERESTARTSYS;
		mutex_lock(&pipe->mutex);
	}
	mutex_unlock(&pipe->mutex);
	if (ret > 0)
		file_update_time(filp);
	return ret;
}

static __poll_t pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = filp->private_data;
	__poll_t mask = 0;

	poll_wait(filp, &pipe->rd_wait, wait);
	poll_wait(filp, &pipe->wr_wait, wait);
	if (filp->f_mode & FMODE_READ) {
		if (READ_ONCE(pipe->len))
			mask |= EPOLLIN | EPOLLRDNORM;
		if (!READ_ONCE(pipe->writers) && filp->f_mode & FMODE_READ &&
		    READ_ONCE(pipe->w_counter))
			mask |= EPOLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (PIPE_SIZE - READ_ONCE(pipe->len) >= PIPE_BUF)
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!READ_ONCE(pipe->readers))
			mask |= EPOLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->private_data;

	if (cmd == 0x541B) {	/* FIONREAD */
		int n = (int)READ_ONCE(pipe->len);

		return put_user(n, (int __user *)arg);
	}
	return -ENOIOCTLCMD;
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	mutex_lock(&pipe->mutex);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	mutex_unlock(&pipe->mutex);
	wake_up_interruptible_all(&pipe->rd_wait);
	wake_up_interruptible_all(&pipe->wr_wait);
	return 0;
}

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (file->f_op != &pipefifo_fops)
		return -EBADF;
	if (cmd == 1024 + 8)		/* F_GETPIPE_SZ */
		return PIPE_SIZE;
	return arg <= PIPE_SIZE ? (long)PIPE_SIZE : -EPERM;
}

static int fifo_open(struct inode *inode, struct file *filp);

const struct file_operations pipefifo_fops = {
	.open		= fifo_open,
	.llseek		= no_llseek,
	.read		= pipe_read,
	.write		= pipe_write,
	.poll		= pipe_poll,
	.unlocked_ioctl	= pipe_ioctl,
	.release	= pipe_release,
};

/* FIFO opens meet: a reader waits for a writer and the other way round (not O_RDWR). */
static int fifo_open(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe;
	unsigned int cnt;
	int ret = 0;

	inode_lock(inode);
	pipe = inode->i_pipe;
	if (!pipe) {
		pipe = alloc_pipe_info();
		if (!pipe) {
			inode_unlock(inode);
			return -ENOMEM;
		}
		inode->i_pipe = pipe;
	}
	inode_unlock(inode);
	filp->private_data = pipe;
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_ATOMIC_POS);
	filp->f_mode |= FMODE_STREAM;

	mutex_lock(&pipe->mutex);
	switch (filp->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		pipe->r_counter++;
		pipe->readers++;
		wake_up_interruptible_all(&pipe->wr_wait);
		if (!pipe->writers && !(filp->f_flags & O_NONBLOCK)) {
			cnt = pipe->w_counter;
			mutex_unlock(&pipe->mutex);
			if (wait_event_interruptible(pipe->rd_wait, READ_ONCE(pipe->w_counter) != cnt))
				ret = -ERESTARTSYS;
			mutex_lock(&pipe->mutex);
			if (ret)
				pipe->readers--;
		}
		break;
	case FMODE_WRITE:
		if ((filp->f_flags & O_NONBLOCK) && !pipe->readers) {
			ret = -ENXIO;
			break;
		}
		pipe->w_counter++;
		pipe->writers++;
		wake_up_interruptible_all(&pipe->rd_wait);
		if (!pipe->readers) {
			cnt = pipe->r_counter;
			mutex_unlock(&pipe->mutex);
			if (wait_event_interruptible(pipe->wr_wait, READ_ONCE(pipe->r_counter) != cnt))
				ret = -ERESTARTSYS;
			mutex_lock(&pipe->mutex);
			if (ret)
				pipe->writers--;
		}
		break;
	default:
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		wake_up_interruptible_all(&pipe->rd_wait);
		wake_up_interruptible_all(&pipe->wr_wait);
	}
	mutex_unlock(&pipe->mutex);
	return ret;
}

/* ---- pipe(2) ------------------------------------------------------------------------- */

static struct dentry *pipefs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data);

static struct file_system_type pipe_fs_type = {
	.name		= "pipefs",
	.mount		= pipefs_mount,
	.kill_sb	= kill_anon_super,
};

static char *pipefs_dname(struct dentry *dentry, char *buffer, int buflen)
{
	int n = snprintf(buffer, (size_t)buflen, "pipe:[%lu]", dentry->d_inode->i_ino);

	return n < buflen ? buffer : ERR_PTR(-ENAMETOOLONG);
}

static const struct dentry_operations pipefs_dentry_operations = {
	.d_dname	= pipefs_dname,
};

static int pipefs_fill_super(struct super_block *sb, void *data, int silent)
{
	int ret = simple_fill_super_root(sb, PIPEFS_MAGIC, 0700);

	sb->s_d_op = &pipefs_dentry_operations;
	return ret;
}

static struct dentry *pipefs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, pipefs_fill_super);
}

/**
 * create_pipe_files() - a new pipe's read end (res[0]) and write end (res[1])
 * @res: the two files
 * @flags: O_NONBLOCK and friends for both
 *
 * Return: 0 or -errno.
 */
int create_pipe_files(struct file **res, int flags)
{
	struct pipe_inode_info *pipe;
	struct inode *inode;
	struct file *f;

	if (!pipe_mnt) {
		struct vfsmount *m = kern_mount(&pipe_fs_type);

		if (IS_ERR(m))
			return (int)PTR_ERR(m);
		if (cmpxchg(&pipe_mnt, NULL, m))
			mntput(m);
	}
	inode = new_inode(pipe_mnt->mnt_sb);
	if (!inode)
		return -ENFILE;
	pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return -ENFILE;
	}
	inode->i_ino = get_next_ino();
	inode->i_pipe = pipe;
	inode->i_fop = &pipefifo_fops;
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_uid = vfs_fsuid();
	inode->i_gid = vfs_fsgid();
	pipe->readers = pipe->writers = 1;
	pipe->r_counter = pipe->w_counter = 1;

	f = alloc_file_pseudo(inode, pipe_mnt, "", O_WRONLY | (flags & (O_NONBLOCK | O_DIRECT)),
			      &pipefifo_fops);
	if (IS_ERR(f)) {
		iput(inode);
		return (int)PTR_ERR(f);
	}
	f->private_data = pipe;
	f->f_mode |= FMODE_STREAM;
	res[0] = alloc_file_pseudo(igrab(inode), pipe_mnt, "", O_RDONLY | (flags & O_NONBLOCK),
				   &pipefifo_fops);
	if (IS_ERR(res[0])) {
		iput(inode);
		fput(f);
		return (int)PTR_ERR(res[0]);
	}
	res[0]->private_data = pipe;
	res[0]->f_mode |= FMODE_STREAM;
	res[1] = f;
	return 0;
}

static int do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], ret;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	ret = create_pipe_files(files, flags);
	if (ret)
		return ret;
	fd[0] = get_unused_fd_flags((unsigned int)flags);
	if (fd[0] < 0) {
		ret = fd[0];
		goto out_files;
	}
	fd[1] = get_unused_fd_flags((unsigned int)flags);
	if (fd[1] < 0) {
		ret = fd[1];
		goto out_fd0;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		ret = -EFAULT;
		goto out_fd1;
	}
	fd_install((unsigned int)fd[0], files[0]);
	fd_install((unsigned int)fd[1], files[1]);
	return 0;
out_fd1:
	put_unused_fd((unsigned int)fd[1]);
out_fd0:
	put_unused_fd((unsigned int)fd[0]);
out_files:
	fput(files[0]);
	fput(files[1]);
	return ret;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}

SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return do_pipe2(fildes, 0);
}
