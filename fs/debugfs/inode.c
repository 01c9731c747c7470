// SPDX-License-Identifier: GPL-2.0-only
/*
 * debugfs (mount -t debugfs nodev /sys/kernel/debug): one superblock made at boot and
 * shared by every mount, holding
 *   tracing/   the tracefs files, mirrored by fs/tracefs (same fops and state)
 *   kprobes/   list, enabled, blacklist (added by the kprobe_events code)
 * Modes follow Linux: the root 0700, directories 0700, files as created.
 *
 * debugfs must be up before tracefs creates its files, so it initialises at core level
 * when the VFS is ready, or lazily on the first debugfs_tracing_dir() call.
 *
 * Locking: debugfs_lock guards creation and removal.
 */
#include <starling/types.h>
#include <starling/errno.h>
#include <starling/kernel.h>
#include <starling/slab.h>
#include <starling/mutex.h>
#include <starling/init.h>
#include <starling/printk.h>
#include <starling/fs.h>
#include <starling/trace_events.h>
#include <uapi/linux/magic.h>

/* O_TRUNC opens of the files only set the size (see fs/tracefs). */
static const struct inode_operations debugfs_file_inode_ops = {
	.setattr	= simple_setattr,
};

static DEFINE_MUTEX(debugfs_lock);
static struct vfsmount *debugfs_mnt;
static struct dentry *tracing_dir;

static int debugfs_fill_super(struct super_block *sb, void *data, int silent)
{
	return simple_fill_super_root(sb, DEBUGFS_MAGIC, 0700);
}

static struct dentry *debugfs_mount(struct file_system_type *fs_type, int flags,
				    const char *dev_name, void *data)
{
	return mount_single(fs_type, flags, data, debugfs_fill_super);
}

static struct file_system_type debugfs_type = {
	.name		= "debugfs",
	.mount		= debugfs_mount,
	.kill_sb	= kill_litter_super,
};

static int debugfs_setup(void)
{
	int ret;

	if (debugfs_mnt)
		return 0;
	ret = register_filesystem(&debugfs_type);
	if (ret)
		return ret;
	debugfs_mnt = kern_mount(&debugfs_type);
	if (IS_ERR(debugfs_mnt)) {
		ret = PTR_ERR(debugfs_mnt);
		debugfs_mnt = NULL;
		pr_err("debugfs: cannot make the superblock (%d)\n", ret);
		return ret;
	}
	tracing_dir = simple_create_dir(debugfs_mnt->mnt_root, "tracing", 0700, NULL, NULL,
					NULL);
	if (IS_ERR(tracing_dir))
		tracing_dir = NULL;
	return 0;
}

/* For fs/tracefs: where the mirror of the tracefs root goes, or NULL. */
struct dentry *debugfs_tracing_dir(void);
struct dentry *debugfs_tracing_dir(void)
{
	mutex_lock(&debugfs_lock);
	debugfs_setup();
	mutex_unlock(&debugfs_lock);
	return tracing_dir;
}

/**
 * debugfs_create_dir() - a directory (mode 0700) in debugfs.
 * @name: its name
 * @parent: its parent, NULL for the root
 *
 * Return: the dentry, or an ERR_PTR().
 */
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent)
{
	struct dentry *d;

	mutex_lock(&debugfs_lock);
	debugfs_setup();
	if (!parent)
		parent = debugfs_mnt ? debugfs_mnt->mnt_root : NULL;
	d = parent ? simple_create_dir(parent, name, 0700, NULL, NULL, NULL) : ERR_PTR(-ENODEV);
	mutex_unlock(&debugfs_lock);
	return d;
}

/**
 * debugfs_create_file() - a file in debugfs.
 * @name: its name
 * @mode: permission bits (S_IFREG implied)
 * @parent: its directory, NULL for the root
 * @data: i_private
 * @fops: file operations
 *
 * Return: the dentry, or an ERR_PTR().
 */
struct dentry *debugfs_create_file(const char *name, unsigned short mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops)
{
	struct dentry *d;

	mutex_lock(&debugfs_lock);
	debugfs_setup();
	if (!parent)
		parent = debugfs_mnt ? debugfs_mnt->mnt_root : NULL;
	d = parent ? simple_create_file(parent, name, S_IFREG | (mode & 07777), data, fops)
		   : ERR_PTR(-ENODEV);
	if (!IS_ERR(d) && d_inode(d))
		d_inode(d)->i_op = &debugfs_file_inode_ops;
	mutex_unlock(&debugfs_lock);
	return d;
}

/**
 * debugfs_remove() - remove a file or a directory tree.
 * @dentry: what, or NULL/ERR_PTR (ignored)
 */
void debugfs_remove(struct dentry *dentry)
{
	if (IS_ERR_OR_NULL(dentry))
		return;
	mutex_lock(&debugfs_lock);
	simple_recursive_removal(dentry);
	mutex_unlock(&debugfs_lock);
}

static int debugfs_init(void)
{
	int ret;

	mutex_lock(&debugfs_lock);
	ret = debugfs_setup();
	mutex_unlock(&debugfs_lock);
	return ret;
}
core_initcall(debugfs_init);
