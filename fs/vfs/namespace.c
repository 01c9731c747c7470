// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mounts. There is one mount namespace: mount_list holds every attached mount in the order
 * they were made, the root file system ("rootfs", a ramfs) first. A mount is attached on a
 * (parent mount, dentry) pair; the path walk crosses into it with follow_down_one() and
 * back out with follow_up(). Mounting on a path that is already a mount point stacks the new
 * mount on the top one, since the walk to the path ends on the top one.
 *
 * References: an attached mount holds one on itself, one on its parent mount and one on its
 * mount point dentry; open files, working directories and walks hold the others. umount
 * refuses (-EBUSY) a mount with children or with references beyond its own and the
 * caller's, unless MNT_DETACH.
 *
 * mount_list, mnt_count, mnt_parent and mnt_mountpoint are under dcache_lock.
 */
#include <starling/fs.h>
#include <starling/namei.h>
#include <starling/fdtable.h>
#include <starling/seq_file.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/mm.h>
#include <uapi/linux/mount.h>
#include "internal.h"

LIST_HEAD(mount_list);
struct vfsmount *rootfs_mnt;
static int next_mnt_id = 1;		/* dcache_lock */
static DEFINE_MUTEX(namespace_mutex);	/* serialises mount and umount */

static struct vfsmount *alloc_vfsmnt(const char *name)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);

	if (!mnt)
		return NULL;
	mnt->mnt_devname = kstrdup(name ? name : "none", GFP_KERNEL);
	if (!mnt->mnt_devname) {
		kfree(mnt);
		return NULL;
	}
	INIT_LIST_HEAD(&mnt->mnt_list);
	mnt->mnt_count = 1;
	mnt->mnt_parent = mnt;
	spin_lock(&dcache_lock);
	mnt->mnt_id = next_mnt_id++;
	spin_unlock(&dcache_lock);
	return mnt;
}

static void free_vfsmnt(struct vfsmount *mnt)
{
	kfree(mnt->mnt_devname);
	kfree(mnt);
}

void __mntget(struct vfsmount *mnt)
{
	lockdep_assert_held(&dcache_lock);
	mnt->mnt_count++;
}

/**
 * mntget() - reference a mount
 * @mnt: the mount, or NULL
 *
 * Return: @mnt.
 */
struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt) {
		spin_lock(&dcache_lock);
		mnt->mnt_count++;
		spin_unlock(&dcache_lock);
	}
	return mnt;
}

/**
 * mntput() - drop a mount reference; a detached mount is freed with its last one
 * @mnt: the mount, or NULL
 */
void mntput(struct vfsmount *mnt)
{
	bool last;

	if (!mnt)
		return;
	spin_lock(&dcache_lock);
	WARN_ON_ONCE(mnt->mnt_count <= 0);
	last = --mnt->mnt_count == 0;
	spin_unlock(&dcache_lock);
	if (!last)
		return;
	dput(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	free_vfsmnt(mnt);
}

/**
 * vfs_kern_mount() - make a detached mount of a new or existing instance of @type
 * @type: the file system type
 * @flags: MS_* / SB_* flags
 * @name: the device name shown in /proc/mounts
 * @data: the option string (kernel memory)
 *
 * Return: the mount with one reference, or ERR_PTR.
 */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags, const char *name,
				void *data)
{
	struct vfsmount *mnt;
	struct dentry *root;

	if (!type)
		return ERR_PTR(-ENODEV);
	mnt = alloc_vfsmnt(name);
	if (!mnt)
		return ERR_PTR(-ENOMEM);
	root = type->mount(type, flags, name, data);
	if (IS_ERR(root)) {
		free_vfsmnt(mnt);
		return ERR_PTR(PTR_ERR(root));
	}
	mnt->mnt_root = root;
	mnt->mnt_sb = root->d_sb;
	mnt->mnt_mountpoint = root;
	if (flags & MS_RDONLY)
		mnt->mnt_flags |= MNT_READONLY;
	if (flags & MS_NOSUID)
		mnt->mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mnt->mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mnt->mnt_flags |= MNT_NOEXEC;
	return mnt;
}

/**
 * kern_mount() - an internal mount of @type, not attached anywhere (pipefs, procfs' own)
 * @type: the file system type
 *
 * Return: the mount, or ERR_PTR.
 */
struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct vfsmount *mnt = vfs_kern_mount(type, SB_KERNMOUNT, type->name, NULL);

	if (!IS_ERR(mnt))
		mnt->mnt_flags |= MNT_INTERNAL;
	return mnt;
}

/**
 * kern_unmount() - drop a kern_mount()
 * @mnt: the mount
 */
void kern_unmount(struct vfsmount *mnt)
{
	mntput(mnt);
}

struct vfsmount *__lookup_mnt(struct vfsmount *parent, struct dentry *mountpoint)
{
	struct vfsmount *m, *found = NULL;

	lockdep_assert_held(&dcache_lock);
	list_for_each_entry(m, &mount_list, mnt_list)
		if (m->mnt_parent == parent && m->mnt_mountpoint == mountpoint && m != parent)
			found = m;
	return found;
}

/**
 * follow_down_one() - cross into the mount attached at @path, if any
 * @path: in/out; its references are moved to the new path
 *
 * Return: 1 if it moved, 0 otherwise.
 */
int follow_down_one(struct path *path)
{
	struct vfsmount *child;
	struct path old = *path;

	if (!READ_ONCE(path->dentry->d_mounted))
		return 0;
	spin_lock(&dcache_lock);
	child = __lookup_mnt(path->mnt, path->dentry);
	if (child) {
		__mntget(child);
		__dget(child->mnt_root);
		path->mnt = child;
		path->dentry = child->mnt_root;
	}
	spin_unlock(&dcache_lock);
	if (!child)
		return 0;
	path_put(&old);
	return 1;
}

/**
 * follow_up() - from the root of a mount to its mount point in the parent
 * @path: in/out; its references are moved
 *
 * Return: 1 if it moved, 0 at the top.
 */
int follow_up(struct path *path)
{
	struct vfsmount *parent;
	struct dentry *mountpoint;
	struct path old = *path;

	spin_lock(&dcache_lock);
	parent = path->mnt->mnt_parent;
	if (parent == path->mnt) {
		spin_unlock(&dcache_lock);
		return 0;
	}
	__mntget(parent);
	mountpoint = __dget(path->mnt->mnt_mountpoint);
	spin_unlock(&dcache_lock);
	path->mnt = parent;
	path->dentry = mountpoint;
	path_put(&old);
	return 1;
}

int vfs_mountpoint_busy(struct dentry *dentry)
{
	return READ_ONCE(dentry->d_mounted) ? -EBUSY : 0;
}

/**
 * do_add_mount() - attach a detached mount at @mountpoint
 * @mnt: the mount (the caller's reference becomes the attachment's)
 * @mountpoint: where; must be a directory
 *
 * Return: 0, -ENOTDIR or -ENOENT.
 */
int do_add_mount(struct vfsmount *mnt, const struct path *mountpoint)
{
	struct dentry *d = mountpoint->dentry;

	if (!d->d_inode)
		return -ENOENT;
	if (S_ISDIR(d->d_inode->i_mode) != S_ISDIR(mnt->mnt_root->d_inode->i_mode))
		return -ENOTDIR;
	spin_lock(&dcache_lock);
	if (d->d_flags & DCACHE_UNHASHED) {
		spin_unlock(&dcache_lock);
		return -ENOENT;
	}
	__mntget(mountpoint->mnt);
	__dget(d);
	mnt->mnt_parent = mountpoint->mnt;
	mnt->mnt_mountpoint = d;
	d->d_mounted++;
	d->d_flags |= DCACHE_MOUNTED;
	list_add_tail(&mnt->mnt_list, &mount_list);
	spin_unlock(&dcache_lock);
	return 0;
}

/* Detach @mnt; the caller drops the attachment reference afterwards. dcache_lock held. */
static void umount_one(struct vfsmount *mnt, struct path *old)
{
	lockdep_assert_held(&dcache_lock);
	list_del_init(&mnt->mnt_list);
	old->mnt = mnt->mnt_parent;
	old->dentry = mnt->mnt_mountpoint;
	if (--old->dentry->d_mounted == 0)
		old->dentry->d_flags &= ~DCACHE_MOUNTED;
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = mnt->mnt_root;
}

/**
 * path_umount() - unmount the mount whose root is @path
 * @path: the mount's root, referenced by the caller (dropped here)
 * @flags: MNT_DETACH, MNT_FORCE
 *
 * Return: 0, -EINVAL (not a mount point, or the root), -EBUSY (in use).
 */
int path_umount(struct path *path, int flags)
{
	struct vfsmount *mnt = path->mnt, *m;
	struct path old = { };
	int ret = 0;

	if (!vfs_capable(CAP_SYS_ADMIN)) {
		ret = -EPERM;
		goto out;
	}
	if (path->dentry != mnt->mnt_root || mnt->mnt_parent == mnt) {
		ret = -EINVAL;
		goto out;
	}
	mutex_lock(&namespace_mutex);
	spin_lock(&dcache_lock);
	list_for_each_entry(m, &mount_list, mnt_list) {
		if (m->mnt_parent == mnt && m != mnt) {
			ret = -EBUSY;
			break;
		}
	}
	/* Our attachment, the caller's path: anything else is an open file or a cwd. */
	if (!ret && !(flags & MNT_DETACH) && mnt->mnt_count > 2)
		ret = -EBUSY;
	if (!ret)
		umount_one(mnt, &old);
	spin_unlock(&dcache_lock);
	mutex_unlock(&namespace_mutex);
	if (!ret) {
		path_put(&old);
		mntput(mnt);
	}
out:
	path_put(path);
	return ret;
}

static int do_remount(struct path *path, int ms_flags, void *data)
{
	struct vfsmount *mnt = path->mnt;
	struct super_block *sb = mnt->mnt_sb;
	int flags = ms_flags, ret = 0;

	if (path->dentry != mnt->mnt_root)
		return -EINVAL;
	if (sb->s_op && sb->s_op->remount_fs)
		ret = sb->s_op->remount_fs(sb, &flags, data);
	if (ret)
		return ret;
	if (ms_flags & MS_RDONLY)
		mnt->mnt_flags |= MNT_READONLY;
	else
		mnt->mnt_flags &= ~MNT_READONLY;
	return 0;
}

static int do_bind_mount(struct path *path, const char *old_name)
{
	struct vfsmount *mnt;
	struct path old;
	int ret;

	if (!old_name || !*old_name)
		return -EINVAL;
	ret = kern_path(old_name, LOOKUP_FOLLOW, &old);
	if (ret)
		return ret;
	mnt = alloc_vfsmnt(old.mnt->mnt_devname);
	if (!mnt) {
		ret = -ENOMEM;
		goto out;
	}
	mnt->mnt_root = dget(old.dentry);
	mnt->mnt_sb = old.dentry->d_sb;
	mnt->mnt_mountpoint = mnt->mnt_root;
	super_get_active(mnt->mnt_sb);
	ret = do_add_mount(mnt, path);
	if (ret)
		mntput(mnt);
out:
	path_put(&old);
	return ret;
}

/**
 * path_mount() - mount(2) once the target is resolved
 * @dev_name: the source (device name, or the old path for MS_BIND)
 * @path: the target directory
 * @type_page: the file system type name
 * @flags: MS_* flags
 * @data_page: the option string, or NULL
 *
 * Return: 0 or -errno.
 */
int path_mount(const char *dev_name, struct path *path, const char *type_page,
	       unsigned long flags, void *data_page)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	int ret;

	if (!vfs_capable(CAP_SYS_ADMIN))
		return -EPERM;
	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & MS_REMOUNT)
		return do_remount(path, flags, data_page);
	if (flags & MS_BIND)
		return do_bind_mount(path, dev_name);
	if (flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE))
		return 0;	/* one namespace, no propagation */
	if (flags & MS_MOVE)
		return -EINVAL;
	if (!type_page || !*type_page)
		return -EINVAL;
	type = get_fs_type(type_page);
	if (!type)
		return -ENODEV;
	if (type->fs_flags & FS_REQUIRES_DEV)
		return -ENOTBLK;
	mutex_lock(&namespace_mutex);
	mnt = vfs_kern_mount(type, (int)flags, dev_name, data_page);
	if (IS_ERR(mnt)) {
		ret = PTR_ERR(mnt);
		goto out;
	}
	ret = do_add_mount(mnt, path);
	if (ret)
		mntput(mnt);
out:
	mutex_unlock(&namespace_mutex);
	return ret;
}

/**
 * do_mount() - mount(2) with the strings in kernel memory, the target a user path
 * @dev_name: the source
 * @dir_name: the target (user memory)
 * @type_page: the type name
 * @flags: MS_* flags
 * @data_page: options or NULL
 *
 * Return: 0 or -errno.
 */
long do_mount(const char *dev_name, const char __user *dir_name, const char *type_page,
	      unsigned long flags, void *data_page)
{
	struct path path;
	int ret = user_path_at(AT_FDCWD, dir_name, LOOKUP_FOLLOW, &path);

	if (ret)
		return ret;
	ret = path_mount(dev_name, &path, type_page, flags, data_page);
	path_put(&path);
	return ret;
}

static void mangle(struct seq_file *m, const char *s)
{
	seq_escape(m, s, " \t\n\\");
}

/**
 * show_mounts() - print the mount table as /proc/mounts does
 * @m: the seq_file
 *
 * "DEV MOUNTPOINT TYPE OPTIONS 0 0" per mount reachable from the current root.
 * Return: 0.
 */
int show_mounts(struct seq_file *m)
{
	struct vfsmount **mnts, *mnt;
	int n = 0, max = 0, i;
	char *buf;

	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	spin_lock(&dcache_lock);
	list_for_each_entry(mnt, &mount_list, mnt_list)
		max++;
	spin_unlock(&dcache_lock);
	mnts = kcalloc(max + 1, sizeof(*mnts), GFP_KERNEL);
	if (!mnts) {
		kfree(buf);
		return -ENOMEM;
	}
	spin_lock(&dcache_lock);
	list_for_each_entry(mnt, &mount_list, mnt_list) {
		if (n == max)
			break;
		__mntget(mnt);
		mnts[n++] = mnt;
	}
	spin_unlock(&dcache_lock);
	for (i = 0; i < n; i++) {
		struct path p = { .mnt = mnts[i], .dentry = mnts[i]->mnt_root };
		struct super_block *sb = mnts[i]->mnt_sb;
		char *name = d_path(&p, buf, PATH_MAX);
		int f = mnts[i]->mnt_flags;

		if (!IS_ERR(name)) {
			mangle(m, mnts[i]->mnt_devname);
			seq_putc(m, ' ');
			mangle(m, name);
			seq_putc(m, ' ');
			mangle(m, sb->s_type->name);
			seq_puts(m, (f & MNT_READONLY) ? " ro" : " rw");
			if (f & MNT_NOSUID)
				seq_puts(m, ",nosuid");
			if (f & MNT_NODEV)
				seq_puts(m, ",nodev");
			if (f & MNT_NOEXEC)
				seq_puts(m, ",noexec");
			if (mnts[i] != rootfs_mnt)
				seq_puts(m, ",relatime");
			if (sb->s_op && sb->s_op->show_options)
				sb->s_op->show_options(m, mnts[i]->mnt_root);
			seq_puts(m, " 0 0\n");
		}
		mntput(mnts[i]);
	}
	kfree(mnts);
	kfree(buf);
	return 0;
}

/* Copy a mount(2) string argument; NULL stays NULL. */
static char *copy_mount_string(const void __user *data)
{
	char *s;
	long n;

	if (!data)
		return NULL;
	s = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(s, data, PAGE_SIZE);
	if (n < 0) {
		kfree(s);
		return ERR_PTR(n);
	}
	if (n == PAGE_SIZE) {
		kfree(s);
		return ERR_PTR(-EINVAL);
	}
	return s;
}

SYSCALL_DEFINE5(mount, char __user *, dev_name, char __user *, dir_name,
		char __user *, type, unsigned long, flags, void __user *, data)
{
	char *kernel_type, *kernel_dev, *options;
	long ret;

	kernel_type = copy_mount_string(type);
	ret = PTR_ERR(kernel_type);
	if (IS_ERR(kernel_type))
		goto out_type;
	kernel_dev = copy_mount_string(dev_name);
	ret = PTR_ERR(kernel_dev);
	if (IS_ERR(kernel_dev))
		goto out_dev;
	options = copy_mount_string(data);
	ret = PTR_ERR(options);
	if (IS_ERR(options))
		goto out_data;
	ret = do_mount(kernel_dev, dir_name, kernel_type, flags, options);
	kfree(options);
out_data:
	kfree(kernel_dev);
out_dev:
	kfree(kernel_type);
out_type:
	return ret;
}

#define __NR_umount		__NR_umount2	/* Linux names the entry __x64_sys_umount */

SYSCALL_DEFINE2(umount, char __user *, name, int, flags)
{
	unsigned int lookup_flags = LOOKUP_FOLLOW;
	struct path path;
	int ret;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if (flags & UMOUNT_NOFOLLOW)
		lookup_flags &= ~LOOKUP_FOLLOW;
	ret = user_path_at(AT_FDCWD, name, lookup_flags, &path);
	if (ret)
		return ret;
	return path_umount(&path, flags);
}

/* ---- the root file system --------------------------------------------------------------- */

static struct dentry *rootfs_mount(struct file_system_type *fs_type, int flags,
				   const char *dev_name, void *data)
{
	struct file_system_type *ramfs = get_fs_type("ramfs");

	if (!ramfs)
		return ERR_PTR(-ENODEV);
	return ramfs->mount(fs_type, flags, dev_name, data);
}

static struct file_system_type rootfs_fs_type = {
	.name		= "rootfs",
	.mount		= rootfs_mount,
	.kill_sb	= kill_litter_super,
};

void init_mount_tree(void)
{
	struct vfsmount *mnt;
	struct path root;

	register_filesystem(&rootfs_fs_type);
	mnt = vfs_kern_mount(&rootfs_fs_type, 0, "rootfs", NULL);
	if (IS_ERR(mnt))
		panic("VFS: cannot create the root file system (%ld)", PTR_ERR(mnt));
	rootfs_mnt = mnt;
	spin_lock(&dcache_lock);
	list_add_tail(&mnt->mnt_list, &mount_list);
	mnt->mnt_count++;
	spin_unlock(&dcache_lock);
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	set_fs_root(&init_fs, &root);
	set_fs_pwd(&init_fs, &root);
}
