// SPDX-License-Identifier: GPL-2.0-only
/*
 * Character devices and devtmpfs. register_chrdev_node() records dev_t -> fops in a small
 * table (chrdevs_lock) and creates /dev/NAME in the one devtmpfs instance, a ramfs that
 * the kernel fills and that "mount -t devtmpfs" shows at /dev. Opening any character
 * special inode (on devtmpfs or in the initramfs) goes through chrdev_open(), which swaps
 * in the registered fops. Also the memory devices: null, zero, full, random, urandom, kmsg.
 */
#include <starling/fs.h>
#include <starling/namei.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/uaccess.h>
#include <starling/time.h>
#include <starling/mm.h>
#include <starling/mm_user.h>
#include <starling/pagecache.h>
#include <starling/printk.h>
#include <starling/printk_log.h>
#include <starling/kernel.h>

void super_get_active(struct super_block *sb);	/* fs/vfs/super.c */

#define MAX_CHRDEVS	64

struct char_device {
	dev_t				dev;
	const struct file_operations	*fops;
};

static struct char_device chrdevs[MAX_CHRDEVS];	/* chrdevs_lock */
static unsigned int nr_chrdevs;
static DEFINE_SPINLOCK(chrdevs_lock);
static struct vfsmount *devtmpfs_mnt;

static const struct file_operations *chrdev_lookup(dev_t dev)
{
	const struct file_operations *fops = NULL;
	unsigned int i;

	spin_lock(&chrdevs_lock);
	for (i = 0; i < nr_chrdevs; i++)
		if (chrdevs[i].dev == dev)
			fops = chrdevs[i].fops;
	spin_unlock(&chrdevs_lock);
	return fops;
}

int chrdev_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *fops = chrdev_lookup(inode->i_rdev);

	if (!fops)
		return -ENXIO;
	filp->f_op = fops;
	return fops->open ? fops->open(inode, filp) : 0;
}

const struct file_operations def_chr_fops = {
	.open	= chrdev_open,
	.llseek	= noop_llseek,
};

/* Create the directories of @name ("a/b/node") under @dir's root; returns the last dir. */
static struct dentry *devtmpfs_mkdirs(const char *name, const char **last)
{
	struct dentry *dir = dget(devtmpfs_mnt->mnt_root);
	const char *p = name, *slash;

	while ((slash = strchr(p, '/'))) {
		struct dentry *d;

		inode_lock(dir->d_inode);
		d = lookup_one_len(p, dir, (int)(slash - p));
		if (!IS_ERR(d) && !d->d_inode) {
			int ret = vfs_mkdir(dir->d_inode, d, 0755);

			if (ret) {
				dput(d);
				d = ERR_PTR(ret);
			}
		}
		inode_unlock(dir->d_inode);
		dput(dir);
		if (IS_ERR(d))
			return d;
		dir = d;
		p = slash + 1;
	}
	*last = p;
	return dir;
}

/**
 * devtmpfs_create_node() - make /dev/NAME
 * @name: the name below /dev
 * @mode: type and permissions
 * @uid: owner
 * @gid: group
 * @dev: device number
 *
 * Return: 0 or -errno (-EEXIST if present).
 */
int devtmpfs_create_node(const char *name, umode_t mode, uid_t uid, gid_t gid, dev_t dev)
{
	struct dentry *dir, *d;
	const char *last;
	int ret;

	if (!devtmpfs_mnt)
		return -ENODEV;
	dir = devtmpfs_mkdirs(name, &last);
	if (IS_ERR(dir))
		return (int)PTR_ERR(dir);
	inode_lock(dir->d_inode);
	d = lookup_one_len(last, dir, (int)strlen(last));
	ret = (int)PTR_ERR(d);
	if (!IS_ERR(d)) {
		ret = dir->d_inode->i_op->mknod(dir->d_inode, d, mode, dev);
		if (!ret && d->d_inode) {
			d->d_inode->i_uid = uid;
			d->d_inode->i_gid = gid;
			d->d_inode->i_mode = mode;
		}
		if (d->d_inode && ret == 0)
			ret = 0;
		dput(d);
	}
	inode_unlock(dir->d_inode);
	dput(dir);
	return ret;
}

int devtmpfs_delete_node(const char *name)
{
	struct dentry *dir, *d;
	const char *last;
	int ret;

	if (!devtmpfs_mnt)
		return -ENODEV;
	dir = devtmpfs_mkdirs(name, &last);
	if (IS_ERR(dir))
		return (int)PTR_ERR(dir);
	inode_lock(dir->d_inode);
	d = lookup_one_len(last, dir, (int)strlen(last));
	ret = (int)PTR_ERR(d);
	if (!IS_ERR(d)) {
		ret = d->d_inode ? simple_unlink(dir->d_inode, d) : -ENOENT;
		if (!ret)
			d_delete(d);
		dput(d);
	}
	inode_unlock(dir->d_inode);
	dput(dir);
	return ret;
}

/**
 * register_chrdev_node() - register a character device and create /dev/NAME
 * @name: the name below /dev
 * @mode: permission bits
 * @dev: the device number
 * @fops: its file operations
 *
 * Return: 0 or -errno.
 */
int register_chrdev_node(const char *name, umode_t mode, dev_t dev,
			 const struct file_operations *fops)
{
	int ret = 0;

	spin_lock(&chrdevs_lock);
	if (nr_chrdevs == MAX_CHRDEVS) {
		ret = -ENOSPC;
	} else {
		chrdevs[nr_chrdevs].dev = dev;
		chrdevs[nr_chrdevs].fops = fops;
		nr_chrdevs++;
	}
	spin_unlock(&chrdevs_lock);
	if (ret)
		return ret;
	ret = devtmpfs_create_node(name, S_IFCHR | (mode & 07777), 0, 0, dev);
	return ret == -EEXIST ? 0 : ret;
}

void unregister_chrdev_node(const char *name, dev_t dev)
{
	unsigned int i;

	spin_lock(&chrdevs_lock);
	for (i = 0; i < nr_chrdevs; i++) {
		if (chrdevs[i].dev == dev) {
			chrdevs[i] = chrdevs[--nr_chrdevs];
			break;
		}
	}
	spin_unlock(&chrdevs_lock);
	devtmpfs_delete_node(name);
}

/* ---- the memory devices ------------------------------------------------------------------ */

static ssize_t null_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	return 0;
}

static ssize_t null_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	size_t n = iov_iter_count(from);

	iov_iter_advance(from, n);
	return (ssize_t)n;
}

static ssize_t zero_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	size_t n = iov_iter_count(to), done = iov_iter_zero(n, to);

	return done ? (ssize_t)done : (n ? -EFAULT : 0);
}

static ssize_t full_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	return -ENOSPC;
}

static u64 rng_state[2];
static DEFINE_SPINLOCK(rng_lock);

static u64 rng_next(void)
{
	u64 s1, s0, r;

	spin_lock(&rng_lock);
	if (!rng_state[0] && !rng_state[1]) {
		rng_state[0] = ktime_get_ns() ^ 0x9e3779b97f4a7c15ULL;
		rng_state[1] = local_clock() * 0xbf58476d1ce4e5b9ULL + 1;
	}
	s1 = rng_state[0];
	s0 = rng_state[1];
	r = s0 + s1;
	rng_state[0] = s0;
	s1 ^= s1 << 23;
	rng_state[1] = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
	spin_unlock(&rng_lock);
	return r ^ ktime_get_ns();
}

static ssize_t random_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	ssize_t done = 0;

	while (iov_iter_count(to)) {
		u64 v[8];
		size_t n = min(sizeof(v), iov_iter_count(to)), got;
		unsigned int i;

		for (i = 0; i < ARRAY_SIZE(v); i++)
			v[i] = rng_next();
		got = copy_to_iter(v, n, to);
		done += (ssize_t)got;
		if (got < n)
			return done ? done : -EFAULT;
	}
	return done;
}

static ssize_t random_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	return null_write_iter(iocb, from);
}

/* /dev/kmsg: one record per read, "level,seq,usec,-;text\n", as Linux. */
static ssize_t kmsg_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	u64 *seq = iocb->ki_filp->private_data;
	struct printk_record *r = kmalloc(sizeof(*r), GFP_KERNEL);
	char *line;
	ssize_t ret;
	int n;

	if (!r)
		return -ENOMEM;
	line = kmalloc(LOG_LINE_MAX + 64, GFP_KERNEL);
	if (!line) {
		kfree(r);
		return -ENOMEM;
	}
	ret = printk_read_record(*seq, r);
	if (ret) {
		ret = (iocb->ki_filp->f_flags & O_NONBLOCK) ? -EAGAIN : 0;
		goto out;
	}
	n = snprintf(line, LOG_LINE_MAX + 64, "%u,%llu,%llu,-;%.*s\n", r->level,
		     (unsigned long long)r->seq, (unsigned long long)(r->ts_ns / 1000),
		     (int)r->len, r->text);
	if ((size_t)n > iov_iter_count(to)) {
		ret = -EINVAL;
		goto out;
	}
	ret = (ssize_t)copy_to_iter(line, (size_t)n, to);
	*seq = r->seq + 1;
out:
	kfree(line);
	kfree(r);
	return ret;
}

static ssize_t kmsg_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	char buf[LOG_LINE_MAX];
	size_t n = min(iov_iter_count(from), sizeof(buf) - 1), len = iov_iter_count(from);

	if (copy_from_iter(buf, n, from) != n)
		return -EFAULT;
	buf[n] = '\0';
	printk("%s", buf);
	iov_iter_advance(from, len - n);
	return (ssize_t)len;
}

static int kmsg_open(struct inode *inode, struct file *file)
{
	file->private_data = kzalloc(sizeof(u64), GFP_KERNEL);
	return file->private_data ? 0 : -ENOMEM;
}

static int kmsg_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations null_fops = {
	.llseek = noop_llseek, .read_iter = null_read_iter, .write_iter = null_write_iter,
};
/*
 * A shared mapping of /dev/zero is shared anonymous memory, as Linux: an unlinked tmpfs
 * file takes the place of /dev/zero (shmem_zero_setup()). Private mappings never get here.
 */
static int zero_mmap(struct file *file, struct vm_area_struct *vma)
{
	return shmem_zero_setup(vma);
}

static const struct file_operations zero_fops = {
	.llseek = noop_llseek, .read_iter = zero_read_iter, .write_iter = null_write_iter,
	.mmap = zero_mmap,
};
static const struct file_operations full_fops = {
	.llseek = noop_llseek, .read_iter = zero_read_iter, .write_iter = full_write_iter,
};
static const struct file_operations random_fops = {
	.llseek = noop_llseek, .read_iter = random_read_iter, .write_iter = random_write_iter,
};
static const struct file_operations kmsg_fops = {
	.open = kmsg_open, .release = kmsg_release, .llseek = noop_llseek,
	.read_iter = kmsg_read_iter, .write_iter = kmsg_write_iter,
};

static struct dentry *devtmpfs_mount(struct file_system_type *fs_type, int flags,
				     const char *dev_name, void *data)
{
	if (!devtmpfs_mnt)
		return ERR_PTR(-ENODEV);
	super_get_active(devtmpfs_mnt->mnt_sb);
	return dget(devtmpfs_mnt->mnt_root);
}

static struct file_system_type devtmpfs_fs_type = {
	.name	= "devtmpfs",
	.mount	= devtmpfs_mount,
	.kill_sb = kill_litter_super,
};

/*
 * The internal instance is a tmpfs under a type of its own named "devtmpfs", so that
 * /proc/mounts shows "devtmpfs /dev devtmpfs ..." as on Linux, not the tmpfs it is made of.
 * Not registered: "mount -t devtmpfs" goes through devtmpfs_fs_type to this one instance.
 */
static struct file_system_type devtmpfs_internal_type = {
	.name	= "devtmpfs",
	.kill_sb = kill_litter_super,
};

/* Called from vfs_caches_init(): the internal instance and the memory devices. */
void devtmpfs_init(void);
void devtmpfs_init(void)
{
	struct file_system_type *tmpfs = get_fs_type("tmpfs");
	struct vfsmount *mnt;

	if (!tmpfs) {
		pr_err("devtmpfs: no tmpfs to build on\n");
		return;
	}
	devtmpfs_internal_type.mount = tmpfs->mount;
	mnt = vfs_kern_mount(&devtmpfs_internal_type, SB_KERNMOUNT, "devtmpfs", (void *)NULL);
	if (IS_ERR(mnt)) {
		pr_err("devtmpfs: cannot create (%ld)\n", PTR_ERR(mnt));
		return;
	}
	mnt->mnt_root->d_inode->i_mode = S_IFDIR | 0755;
	devtmpfs_mnt = mnt;
	register_filesystem(&devtmpfs_fs_type);
	register_chrdev_node("null", 0666, MKDEV(1, 3), &null_fops);
	register_chrdev_node("zero", 0666, MKDEV(1, 5), &zero_fops);
	register_chrdev_node("full", 0666, MKDEV(1, 7), &full_fops);
	register_chrdev_node("random", 0666, MKDEV(1, 8), &random_fops);
	register_chrdev_node("urandom", 0666, MKDEV(1, 9), &random_fops);
	register_chrdev_node("kmsg", 0644, MKDEV(1, 11), &kmsg_fops);
}
