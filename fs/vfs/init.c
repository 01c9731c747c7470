// SPDX-License-Identifier: GPL-2.0-only
/*
 * Bring the VFS up: register ramfs/tmpfs, mount the root file system, start devtmpfs with
 * the memory devices, and register sysfs: a minimal instance whose only contents are the
 * /sys/kernel/tracing and /sys/kernel/debug mount points (and /sys/fs, /sys/class, ...
 * directories user space expects to exist).
 */
#include <starling/fs.h>
#include <starling/fdtable.h>
#include <starling/printk.h>
#include <uapi/linux/magic.h>
#include "internal.h"

void init_ramfs_fs(void);
void devtmpfs_init(void);

static int sysfs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct dentry *kernel;
	int ret = simple_fill_super_root(sb, SYSFS_MAGIC, 0555);

	if (ret)
		return ret;
	kernel = simple_create_dir(sb->s_root, "kernel", 0755, NULL, NULL, NULL);
	if (IS_ERR(kernel))
		return (int)PTR_ERR(kernel);
	simple_create_dir(kernel, "tracing", 0700, NULL, NULL, NULL);
	simple_create_dir(kernel, "debug", 0700, NULL, NULL, NULL);
	simple_create_dir(sb->s_root, "fs", 0755, NULL, NULL, NULL);
	simple_create_dir(sb->s_root, "class", 0755, NULL, NULL, NULL);
	simple_create_dir(sb->s_root, "devices", 0755, NULL, NULL, NULL);
	simple_create_dir(sb->s_root, "bus", 0755, NULL, NULL, NULL);
	return 0;
}

static struct dentry *sysfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_single(fs_type, flags, data, sysfs_fill_super);
}

static struct file_system_type sysfs_fs_type = {
	.name		= "sysfs",
	.mount		= sysfs_mount,
	.kill_sb	= kill_litter_super,
};

/**
 * vfs_caches_init() - set up the VFS and the root file system; call once at boot
 */
void vfs_caches_init(void)
{
	init_ramfs_fs();
	init_mount_tree();
	devtmpfs_init();
	register_filesystem(&sysfs_fs_type);
}
