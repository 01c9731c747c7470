// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading and writing: the iov_iter cursor over user or kernel memory, vfs_read/vfs_write
 * and their system calls (read, write, pread64, pwrite64, readv, writev, preadv, pwritev,
 * lseek, sendfile), kernel_read/kernel_write for exec and the initramfs, and getdents64.
 *
 * A driver provides ->read/->write (user buffers) or ->read_iter/->write_iter (any
 * memory); vfs_read() prefers ->read, kernel_read() needs ->read_iter. Files opened with
 * FMODE_ATOMIC_POS (regular files, directories) serialise f_pos updates with f_pos_lock,
 * so two threads sharing a descriptor never read the same bytes.
 */
#include <starling/fs.h>
#include <starling/file.h>
#include <starling/fdtable.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include <starling/mm.h>
#include "internal.h"

#define MAX_RW_COUNT	(0x7ffff000L)	/* INT_MAX rounded down to a page, as Linux */
#define UIO_MAXIOV	1024

/* ---- iov_iter ---------------------------------------------------------------------------- */

void iov_iter_init(struct iov_iter *i, unsigned int direction, const struct iovec *iov,
		   unsigned long nr_segs, size_t count)
{
	i->kernel = false;
	i->data_source = (unsigned char)direction;
	i->iov = iov;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

void iov_iter_kvec(struct iov_iter *i, unsigned int direction, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count)
{
	i->kernel = true;
	i->data_source = (unsigned char)direction;
	i->kvec = kvec;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

/* Copy between @buf and the iterator, @to_iter says which way; stops at a fault. */
static size_t iter_copy(void *buf, size_t bytes, struct iov_iter *i, bool to_iter, bool zero)
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes && i->nr_segs) {
		size_t seg_len = i->kernel ? i->kvec->iov_len : i->iov->iov_len;
		char *base = i->kernel ? (char *)i->kvec->iov_base : (char *)i->iov->iov_base;
		size_t n = min(seg_len - i->iov_offset, bytes - done);
		size_t left = 0;

		if (n) {
			char *p = base + i->iov_offset, *b = (char *)buf + done;

			if (i->kernel) {
				if (zero)
					memset(p, 0, n);
				else if (to_iter)
					memcpy(p, b, n);
				else
					memcpy(b, p, n);
			} else if (zero) {
				left = clear_user(p, n);
			} else if (to_iter) {
				left = copy_to_user(p, b, n);
			} else {
				left = copy_from_user(b, p, n);
			}
		}
		n -= left;
		done += n;
		i->count -= n;
		i->iov_offset += n;
		if (left)
			break;
		if (i->iov_offset == seg_len) {
			i->iov_offset = 0;
			i->nr_segs--;
			if (i->kernel)
				i->kvec++;
			else
				i->iov++;
		}
	}
	return done;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	return iter_copy((void *)addr, bytes, i, true, false);
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	return iter_copy(addr, bytes, i, false, false);
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	return iter_copy(NULL, bytes, i, true, true);
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	bytes = min(bytes, i->count);
	while (bytes && i->nr_segs) {
		size_t seg_len = i->kernel ? i->kvec->iov_len : i->iov->iov_len;
		size_t n = min(seg_len - i->iov_offset, bytes);

		bytes -= n;
		i->count -= n;
		i->iov_offset += n;
		if (i->iov_offset == seg_len) {
			i->iov_offset = 0;
			i->nr_segs--;
			if (i->kernel)
				i->kvec++;
			else
				i->iov++;
		}
	}
}

/* ---- seeking ----------------------------------------------------------------------------- */

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize,
				loff_t eof)
{
	switch (whence) {
	case SEEK_SET:
		break;
	case SEEK_CUR:
		if (offset == 0)
			return file->f_pos;
		offset += file->f_pos;
		break;
	case SEEK_END:
		offset += eof;
		break;
	case SEEK_DATA:
		if (offset < 0 || offset >= eof)
			return -ENXIO;
		break;
	case SEEK_HOLE:
		if (offset < 0 || offset >= eof)
			return -ENXIO;
		offset = eof;
		break;
	default:
		return -EINVAL;
	}
	if (offset < 0 || offset > maxsize)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);

	return generic_file_llseek_size(file, offset, whence, inode->i_sb->s_maxbytes,
					i_size_read(inode));
}

loff_t default_llseek(struct file *file, loff_t offset, int whence)
{
	return generic_file_llseek(file, offset, whence);
}

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

int stream_open(struct inode *inode, struct file *file)
{
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_ATOMIC_POS);
	file->f_mode |= FMODE_STREAM;
	return 0;
}

int nonseekable_open(struct inode *inode, struct file *file)
{
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

int simple_open(struct inode *inode, struct file *file)
{
	if (inode->i_private)
		file->private_data = inode->i_private;
	return 0;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	if (file->f_op && file->f_op->llseek)
		return file->f_op->llseek(file, offset, whence);
	if (S_ISFIFO(file_inode(file)->i_mode))
		return -ESPIPE;
	if (S_ISCHR(file_inode(file)->i_mode))
		return noop_llseek(file, offset, whence);
	return default_llseek(file, offset, whence);
}

/* ---- the core ------------------------------------------------------------------------ */

static int rw_verify_area(struct file *file, const loff_t *ppos, size_t count)
{
	if (ppos && *ppos < 0 && !(file->f_mode & FMODE_STREAM) &&
	    !S_ISCHR(file_inode(file)->i_mode))
		return -EINVAL;
	return 0;
}

static ssize_t new_sync_read(struct file *filp, struct iov_iter *iter, loff_t *ppos)
{
	struct kiocb kiocb = { .ki_filp = filp, .ki_pos = ppos ? *ppos : 0 };
	ssize_t ret;

	if (filp->f_flags & O_NONBLOCK)
		kiocb.ki_flags |= IOCB_NOWAIT;
	ret = filp->f_op->read_iter(&kiocb, iter);
	if (ppos)
		*ppos = kiocb.ki_pos;
	return ret;
}

static ssize_t new_sync_write(struct file *filp, struct iov_iter *iter, loff_t *ppos)
{
	struct kiocb kiocb = { .ki_filp = filp, .ki_pos = ppos ? *ppos : 0 };
	ssize_t ret;

	if (filp->f_flags & O_NONBLOCK)
		kiocb.ki_flags |= IOCB_NOWAIT;
	if (filp->f_flags & O_APPEND)
		kiocb.ki_flags |= IOCB_APPEND;
	ret = filp->f_op->write_iter(&kiocb, iter);
	if (ppos)
		*ppos = kiocb.ki_pos;
	return ret;
}

/**
 * vfs_read() - read from an open file into user memory
 * @file: the file
 * @buf: the user buffer
 * @count: bytes wanted
 * @pos: the file position to use and advance (NULL for streams)
 *
 * Return: bytes read (0 at end of file) or -errno.
 */
noinline ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	ssize_t ret;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op || (!file->f_op->read && !file->f_op->read_iter))
		return S_ISDIR(file_inode(file)->i_mode) ? -EISDIR : -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	ret = rw_verify_area(file, pos, count);
	if (ret)
		return ret;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (file->f_op->read) {
		ret = file->f_op->read(file, buf, count, pos);
	} else {
		struct iovec iov = { .iov_base = buf, .iov_len = count };
		struct iov_iter iter;

		iov_iter_init(&iter, ITER_DEST, &iov, 1, count);
		ret = new_sync_read(file, &iter, pos);
	}
	if (ret > 0 && file->f_path.dentry)
		touch_atime(&file->f_path);
	return ret;
}

/**
 * vfs_write() - write user memory to an open file
 * @file: the file
 * @buf: the user buffer
 * @count: bytes to write
 * @pos: the file position to use and advance (NULL for streams)
 *
 * Return: bytes written or -errno.
 */
noinline ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	ssize_t ret;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || (!file->f_op->write && !file->f_op->write_iter))
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	ret = rw_verify_area(file, pos, count);
	if (ret)
		return ret;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (file->f_op->write) {
		ret = file->f_op->write(file, buf, count, pos);
	} else {
		struct iovec iov = { .iov_base = (void __user *)buf, .iov_len = count };
		struct iov_iter iter;

		iov_iter_init(&iter, ITER_SOURCE, &iov, 1, count);
		ret = new_sync_write(file, &iter, pos);
	}
	return ret;
}

/* Read or write through an iterator: ->*_iter, or ->read/->write segment by segment. */
static ssize_t do_iter_rw(struct file *file, struct iov_iter *iter, loff_t *pos, bool write)
{
	ssize_t ret = 0;

	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		return -EBADF;
	if (!file->f_op)
		return -EINVAL;
	if (write ? file->f_op->write_iter != NULL : file->f_op->read_iter != NULL) {
		ret = rw_verify_area(file, pos, iov_iter_count(iter));
		if (ret)
			return ret;
		return write ? new_sync_write(file, iter, pos) : new_sync_read(file, iter, pos);
	}
	if (iter->kernel)
		return -EINVAL;
	while (iov_iter_count(iter)) {
		const struct iovec *v = iter->iov;
		char __user *base = (char __user *)v->iov_base + iter->iov_offset;
		size_t len = v->iov_len - iter->iov_offset;
		ssize_t n;

		if (!len) {
			iov_iter_advance(iter, 0);
			iter->iov++;
			iter->nr_segs--;
			continue;
		}
		n = write ? vfs_write(file, base, len, pos) : vfs_read(file, base, len, pos);
		if (n < 0) {
			if (!ret)
				ret = n;
			break;
		}
		ret += n;
		iov_iter_advance(iter, (size_t)n);
		if ((size_t)n < len)
			break;
	}
	return ret;
}

ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *ppos)
{
	return do_iter_rw(file, iter, ppos, false);
}

ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *ppos)
{
	return do_iter_rw(file, iter, ppos, true);
}

/**
 * kernel_read() - read into kernel memory (exec, the initramfs, self-tests)
 * @file: the file, whose driver has ->read_iter
 * @buf: the kernel buffer
 * @count: bytes wanted
 * @pos: position to use and advance
 *
 * Return: bytes read or -errno.
 */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct kvec kv = { .iov_base = buf, .iov_len = count };
	struct iov_iter iter;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op || !file->f_op->read_iter)
		return -EINVAL;
	iov_iter_kvec(&iter, ITER_DEST, &kv, 1, count);
	return new_sync_read(file, &iter, pos);
}

/**
 * kernel_write() - write kernel memory to a file
 * @file: the file, whose driver has ->write_iter
 * @buf: the kernel buffer
 * @count: bytes
 * @pos: position to use and advance
 *
 * Return: bytes written or -errno.
 */
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct kvec kv = { .iov_base = (void *)buf, .iov_len = count };
	struct iov_iter iter;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write_iter)
		return -EINVAL;
	iov_iter_kvec(&iter, ITER_SOURCE, &kv, 1, count);
	return new_sync_write(file, &iter, pos);
}

/* The position a read/write uses: f_pos under f_pos_lock, or none for streams. */
static loff_t *file_ppos(struct file *file)
{
	return (file->f_mode & FMODE_STREAM) ? NULL : &file->f_pos;
}

static void fdget_pos_lock(struct file *file)
{
	if (file->f_mode & FMODE_ATOMIC_POS)
		mutex_lock(&file->f_pos_lock);
}

static void fdput_pos_unlock(struct file *file)
{
	if (file->f_mode & FMODE_ATOMIC_POS)
		mutex_unlock(&file->f_pos_lock);
}

/*
 * read(2) and write(2) at the file position. Always inlined, so that ksys_read() and
 * ksys_write() each call vfs_read() or vfs_write() themselves: return probes on those show
 * the caller Linux has.
 */
static __always_inline ssize_t ksys_read_write(unsigned int fd, char __user *buf,
					       size_t count, bool write)
{
	struct file *f = fget(fd);
	ssize_t ret;
	loff_t pos, *ppos;

	if (!f)
		return -EBADF;
	fdget_pos_lock(f);
	ppos = file_ppos(f);
	if (ppos) {
		pos = *ppos;
		ppos = &pos;
	}
	ret = write ? vfs_write(f, buf, count, ppos) : vfs_read(f, buf, count, ppos);
	if (ret >= 0 && ppos)
		f->f_pos = pos;
	fdput_pos_unlock(f);
	fput(f);
	return ret;
}

/**
 * ksys_read() - read(2)
 * @fd: the descriptor
 * @buf: the user buffer
 * @count: bytes wanted
 *
 * Return: bytes read or -errno.
 */
noinline ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count)
{
	return ksys_read_write(fd, buf, count, false);
}

/**
 * ksys_write() - write(2)
 * @fd: the descriptor
 * @buf: the user buffer
 * @count: bytes to write
 *
 * Return: bytes written or -errno.
 */
noinline ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count)
{
	return ksys_read_write(fd, (char __user *)buf, count, true);
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	return ksys_read(fd, buf, count);
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	return ksys_write(fd, buf, count);
}

static ssize_t ksys_pread_write(unsigned int fd, char __user *buf, size_t count, loff_t pos,
				bool write)
{
	struct file *f;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	ret = -ESPIPE;
	if (f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))
		ret = write ? vfs_write(f, buf, count, &pos) : vfs_read(f, buf, count, &pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	return ksys_pread_write(fd, buf, count, pos, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count,
		loff_t, pos)
{
	return ksys_pread_write(fd, (char __user *)buf, count, pos, true);
}

static ssize_t do_readv_writev(unsigned long fd, const struct iovec __user *vec,
			       unsigned long vlen, loff_t *upos, bool write)
{
	struct iovec *iov;
	struct iov_iter iter;
	struct file *f;
	size_t total = 0;
	loff_t pos, *ppos;
	unsigned long i;
	ssize_t ret;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	f = fget((unsigned int)fd);
	if (!f)
		return -EBADF;
	iov = kcalloc(vlen ? vlen : 1, sizeof(*iov), GFP_KERNEL);
	ret = -ENOMEM;
	if (!iov)
		goto out_put;
	ret = -EFAULT;
	if (copy_from_user(iov, vec, vlen * sizeof(*iov)))
		goto out_free;
	ret = -EINVAL;
	for (i = 0; i < vlen; i++) {
		if ((ssize_t)iov[i].iov_len < 0)
			goto out_free;
		if (iov[i].iov_len > (size_t)MAX_RW_COUNT - total)
			iov[i].iov_len = (size_t)MAX_RW_COUNT - total;
		total += iov[i].iov_len;
		if (!access_ok(iov[i].iov_base, iov[i].iov_len)) {
			ret = -EFAULT;
			goto out_free;
		}
	}
	iov_iter_init(&iter, write ? ITER_SOURCE : ITER_DEST, iov, vlen, total);
	if (upos) {
		ret = -ESPIPE;
		if (!(f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD)))
			goto out_free;
		ret = do_iter_rw(f, &iter, upos, write);
		goto out_free;
	}
	fdget_pos_lock(f);
	ppos = file_ppos(f);
	if (ppos) {
		pos = *ppos;
		ppos = &pos;
	}
	ret = do_iter_rw(f, &iter, ppos, write);
	if (ret >= 0 && ppos)
		f->f_pos = pos;
	fdput_pos_unlock(f);
out_free:
	kfree(iov);
out_put:
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, NULL, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_readv_writev(fd, vec, vlen, NULL, true);
}

SYSCALL_DEFINE5(preadv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen,
		unsigned long, pos_l, unsigned long, pos_h)
{
	loff_t pos = (loff_t)pos_l;

	if (pos < 0)
		return -EINVAL;
	return do_readv_writev(fd, vec, vlen, &pos, false);
}

SYSCALL_DEFINE5(pwritev, unsigned long, fd, const struct iovec __user *, vec,
		unsigned long, vlen, unsigned long, pos_l, unsigned long, pos_h)
{
	loff_t pos = (loff_t)pos_l;

	if (pos < 0)
		return -EINVAL;
	return do_readv_writev(fd, vec, vlen, &pos, true);
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, long, offset, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t ret;

	if (!f)
		return -EBADF;
	ret = -EINVAL;
	if (whence <= SEEK_MAX) {
		fdget_pos_lock(f);
		ret = vfs_llseek(f, offset, (int)whence);
		fdput_pos_unlock(f);
	}
	fput(f);
	return ret;
}

/* sendfile: through a kernel bounce buffer, a page at a time. */
static ssize_t do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count)
{
	struct file *in, *out;
	loff_t pos, opos;
	ssize_t ret = 0, n, w;
	char *buf;

	in = fget((unsigned int)in_fd);
	if (!in)
		return -EBADF;
	out = fget((unsigned int)out_fd);
	if (!out) {
		fput(in);
		return -EBADF;
	}
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE)) {
		ret = -EBADF;
		goto out_put;
	}
	if (!in->f_op || !in->f_op->read_iter || !out->f_op ||
	    (!out->f_op->write_iter && !out->f_op->write)) {
		ret = -EINVAL;
		goto out_put;
	}
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf) {
		ret = -ENOMEM;
		goto out_put;
	}
	pos = ppos ? *ppos : in->f_pos;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	while (count) {
		n = kernel_read(in, buf, min_t(size_t, count, PAGE_SIZE), &pos);
		if (n <= 0) {
			if (!ret)
				ret = n;
			break;
		}
		opos = out->f_pos;
		if (out->f_op->write_iter) {
			w = kernel_write(out, buf, (size_t)n, file_ppos(out) ? &opos : NULL);
		} else {
			w = -EINVAL;
		}
		if (w > 0 && file_ppos(out))
			out->f_pos = opos;
		if (w <= 0) {
			if (!ret)
				ret = w;
			pos -= n;
			break;
		}
		ret += w;
		count -= (size_t)w;
		if (w < n) {
			pos -= n - w;
			break;
		}
	}
	if (ppos)
		*ppos = pos;
	else
		in->f_pos = pos;
	kfree(buf);
out_put:
	fput(out);
	fput(in);
	return ret;
}

#define __NR_sendfile64		__NR_sendfile	/* Linux names the entry __x64_sys_sendfile64 */

SYSCALL_DEFINE4(sendfile64, int, out_fd, int, in_fd, loff_t __user *, offset, size_t, count)
{
	loff_t pos;
	ssize_t ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count);
	if (copy_from_user(&pos, offset, sizeof(pos)))
		return -EFAULT;
	if (pos < 0)
		return -EINVAL;
	ret = do_sendfile(out_fd, in_fd, &pos, count);
	if (put_user(pos, offset))
		return -EFAULT;
	return ret;
}

/* ---- directories ---------------------------------------------------------------------- */

/**
 * iterate_dir() - list a directory through @ctx, from and advancing file->f_pos
 * @file: the open directory
 * @ctx: the callback and position
 *
 * Return: 0 or -errno (-ENOTDIR when the file cannot be listed).
 */
int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int ret;

	if (!file->f_op || !file->f_op->iterate_shared)
		return -ENOTDIR;
	inode_lock(inode);
	ret = -ENOENT;
	if (inode->i_nlink || !S_ISDIR(inode->i_mode)) {
		ctx->pos = file->f_pos;
		ret = file->f_op->iterate_shared(file, ctx);
		file->f_pos = ctx->pos;
	}
	inode_unlock(inode);
	if (!ret && file->f_path.dentry)
		touch_atime(&file->f_path);
	return ret;
}

struct linux_dirent64 {
	u64		d_ino;
	s64		d_off;
	unsigned short	d_reclen;
	unsigned char	d_type;
	char		d_name[];
};

struct getdents_callback64 {
	struct dir_context	ctx;
	char __user		*current_dir;
	int			prev_reclen;
	int			count;
	int			error;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
		      u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *buf = container_of(ctx, struct getdents_callback64, ctx);
	int reclen = ALIGN((int)offsetof(struct linux_dirent64, d_name) + namlen + 1, 8);
	struct linux_dirent64 hdr;
	char __user *dirent;

	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* not even one entry fits */
		return false;
	}
	/* The previous record's d_off is the cookie of this one. */
	if (buf->prev_reclen) {
		s64 off = offset;

		if (copy_to_user(buf->current_dir - buf->prev_reclen +
				 offsetof(struct linux_dirent64, d_off), &off, sizeof(off)))
			goto efault;
	}
	dirent = buf->current_dir;
	hdr.d_ino = ino;
	hdr.d_off = 0;
	hdr.d_reclen = (unsigned short)reclen;
	hdr.d_type = (unsigned char)d_type;
	if (copy_to_user(dirent, &hdr, offsetof(struct linux_dirent64, d_name)) ||
	    copy_to_user(dirent + offsetof(struct linux_dirent64, d_name), name, namlen) ||
	    put_user((char)0, dirent + offsetof(struct linux_dirent64, d_name) + namlen))
		goto efault;
	buf->prev_reclen = reclen;
	buf->current_dir = dirent + reclen;
	buf->count -= reclen;
	return true;
efault:
	buf->error = -EFAULT;
	return false;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, struct linux_dirent64 __user *, dirent,
		unsigned int, count)
{
	struct getdents_callback64 buf = {
		.ctx.actor = filldir64,
		.count = (int)min_t(unsigned int, count, 0x7fffffff),
		.current_dir = (char __user *)dirent,
	};
	struct file *f;
	int ret;

	if (!access_ok(dirent, count))
		return -EFAULT;
	f = fget(fd);
	if (!f)
		return -EBADF;
	mutex_lock(&f->f_pos_lock);
	ret = iterate_dir(f, &buf.ctx);
	mutex_unlock(&f->f_pos_lock);
	if (buf.error == -EINVAL && buf.prev_reclen)
		buf.error = 0;		/* the buffer filled up: return what fits */
	if (ret >= 0)
		ret = buf.error;
	if (buf.prev_reclen) {
		s64 off = buf.ctx.pos;

		if (copy_to_user(buf.current_dir - buf.prev_reclen +
				 offsetof(struct linux_dirent64, d_off), &off, sizeof(off)))
			ret = -EFAULT;
		else
			ret = (int)(count - (unsigned int)buf.count);
	}
	fput(f);
	return ret;
}
