// SPDX-License-Identifier: GPL-2.0-only
/*
 * File system types and superblocks. register_filesystem() adds a type to a singly linked
 * list (as /proc/filesystems shows them, in registration order); a mount asks the type's
 * ->mount() for a root dentry, which allocates a superblock with alloc_super() or reuses
 * the single instance (mount_single). A superblock counts the mounts using it in s_active;
 * the last unmount calls the type's ->kill_sb().
 *
 * Locks: file_systems_lock guards the type list; sb_lock guards the superblock lists and
 * s_active.
 */
#include <starling/fs.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include "internal.h"

static struct file_system_type *file_systems;	/* file_systems_lock */
static DEFINE_SPINLOCK(file_systems_lock);
static DEFINE_SPINLOCK(sb_lock);
static LIST_HEAD(super_blocks);			/* sb_lock */
static unsigned int next_anon_minor = 1;	/* sb_lock */

void d_free_root(struct dentry *root);

/**
 * register_filesystem() - make a file system type mountable by name
 * @fs: the type (static; ->name, ->mount and ->kill_sb set)
 *
 * Return: 0, or -EBUSY if the name is taken.
 */
int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int ret = 0;

	INIT_LIST_HEAD(&fs->fs_supers);
	spin_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next) {
		if (!strcmp((*p)->name, fs->name)) {
			ret = -EBUSY;
			goto out;
		}
	}
	fs->next = NULL;
	*p = fs;
out:
	spin_unlock(&file_systems_lock);
	return ret;
}

/**
 * unregister_filesystem() - remove a type registered before
 * @fs: the type
 *
 * Return: 0 or -EINVAL.
 */
int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int ret = -EINVAL;

	spin_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next) {
		if (*p == fs) {
			*p = fs->next;
			fs->next = NULL;
			ret = 0;
			break;
		}
	}
	spin_unlock(&file_systems_lock);
	return ret;
}

/**
 * get_fs_type() - find a file system type by name
 * @name: the name, e.g. "tmpfs"
 *
 * Return: the type, or NULL.
 */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *p;

	spin_lock(&file_systems_lock);
	for (p = file_systems; p; p = p->next)
		if (!strcmp(p->name, name))
			break;
	spin_unlock(&file_systems_lock);
	return p;
}

/**
 * iterate_filesystems() - call @fn for each registered type, in registration order
 * @fn: the callback; a non-zero return stops the walk and is returned
 * @arg: passed to @fn
 *
 * Return: 0 or @fn's non-zero value. Types are never freed, so @fn may sleep.
 */
int iterate_filesystems(int (*fn)(struct file_system_type *fs, void *arg), void *arg)
{
	struct file_system_type *p;
	int ret = 0;

	spin_lock(&file_systems_lock);
	p = file_systems;
	spin_unlock(&file_systems_lock);
	for (; p && !ret; p = READ_ONCE(p->next))
		ret = fn(p, arg);
	return ret;
}

struct super_block *alloc_super(struct file_system_type *type, int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->s_type = type;
	sb->s_flags = (unsigned long)flags;
	sb->s_blocksize = 4096;
	sb->s_blocksize_bits = 12;
	sb->s_maxbytes = 0x7fffffffffffffffL;
	sb->s_active = 1;
	spin_lock_init(&sb->s_inode_list_lock);
	INIT_LIST_HEAD(&sb->s_inodes);
	strlcpy(sb->s_id, type->name, sizeof(sb->s_id));
	spin_lock(&sb_lock);
	sb->s_dev = MKDEV(0, next_anon_minor++);
	list_add_tail(&sb->s_list, &super_blocks);
	if (!type->fs_supers.next)	/* kern_mount() of a type never registered (pipefs) */
		INIT_LIST_HEAD(&type->fs_supers);
	list_add_tail(&sb->s_instances, &type->fs_supers);
	spin_unlock(&sb_lock);
	return sb;
}

/**
 * sget_fc_nodev() - a new superblock of @type, not backed by a device
 * @type: the file system type
 * @flags: SB_* flags
 *
 * Return: the superblock (s_active 1) or NULL.
 */
struct super_block *sget_fc_nodev(struct file_system_type *type, int flags)
{
	return alloc_super(type, flags);
}

static void destroy_super(struct super_block *sb)
{
	spin_lock(&sb_lock);
	list_del(&sb->s_list);
	list_del(&sb->s_instances);
	spin_unlock(&sb_lock);
	kfree(sb);
}

void super_get_active(struct super_block *sb)
{
	spin_lock(&sb_lock);
	sb->s_active++;
	spin_unlock(&sb_lock);
}

/* Drop a mount's hold on @sb; the last one shuts the file system down. */
void deactivate_super(struct super_block *sb)
{
	bool last;

	spin_lock(&sb_lock);
	last = --sb->s_active == 0;
	spin_unlock(&sb_lock);
	if (!last)
		return;
	if (sb->s_type->kill_sb)
		sb->s_type->kill_sb(sb);
	else
		kill_litter_super(sb);
	destroy_super(sb);
}

/**
 * mount_nodev() - ->mount() for file systems with a fresh instance per mount (tmpfs)
 * @fs_type: the type
 * @flags: SB_* flags
 * @data: the option string, for @fill_super
 * @fill_super: sets s_root and the rest
 *
 * Return: the root dentry with a reference, or ERR_PTR.
 */
struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
			   int (*fill_super)(struct super_block *sb, void *data, int silent))
{
	struct super_block *sb = alloc_super(fs_type, flags);
	int ret;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	ret = fill_super(sb, data, flags & 0x8000 ? 1 : 0);
	if (ret) {
		sb->s_active = 1;
		deactivate_super(sb);
		return ERR_PTR(ret);
	}
	sb->s_flags |= SB_ACTIVE;
	return dget(sb->s_root);
}

/**
 * mount_single() - ->mount() for file systems with one shared instance (sysfs, tracefs)
 * @fs_type: the type
 * @flags: SB_* flags
 * @data: the option string
 * @fill_super: called for the first mount only
 *
 * Return: the root dentry with a reference, or ERR_PTR.
 */
struct dentry *mount_single(struct file_system_type *fs_type, int flags, void *data,
			    int (*fill_super)(struct super_block *sb, void *data, int silent))
{
	struct super_block *sb = NULL;

	spin_lock(&sb_lock);
	if (!list_empty(&fs_type->fs_supers)) {
		sb = list_first_entry(&fs_type->fs_supers, struct super_block, s_instances);
		sb->s_active++;
	}
	spin_unlock(&sb_lock);
	if (sb)
		return dget(sb->s_root);
	return mount_nodev(fs_type, flags, data, fill_super);
}

/* Unpin and free every dentry below @dentry, deepest first. */
static void shrink_tree(struct dentry *dentry)
{
	struct dentry *child;

	for (;;) {
		spin_lock(&dcache_lock);
		child = NULL;
		list_for_each_entry(child, &dentry->d_subdirs, d_child) {
			if (child->d_flags & DCACHE_PINNED)
				break;
			if (!(child->d_flags & DCACHE_UNHASHED))
				break;
		}
		if (&child->d_child == &dentry->d_subdirs) {
			spin_unlock(&dcache_lock);
			return;
		}
		__dget(child);
		spin_unlock(&dcache_lock);
		shrink_tree(child);
		spin_lock(&dcache_lock);
		child->d_flags |= DCACHE_UNHASHED;
		if (child->d_flags & DCACHE_PINNED) {
			child->d_flags &= ~DCACHE_PINNED;
			child->d_count--;
		}
		spin_unlock(&dcache_lock);
		dput(child);
	}
}

/**
 * generic_shutdown_super() - free the dentry tree and root of a superblock
 * @sb: the superblock
 */
void generic_shutdown_super(struct super_block *sb)
{
	if (sb->s_root) {
		shrink_tree(sb->s_root);
		d_free_root(sb->s_root);
		sb->s_root = NULL;
	}
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
}

/**
 * kill_litter_super() - ->kill_sb() for ramfs-style file systems (pinned dentries)
 * @sb: the superblock
 */
void kill_litter_super(struct super_block *sb)
{
	generic_shutdown_super(sb);
}

/**
 * kill_anon_super() - ->kill_sb() for other in-memory file systems
 * @sb: the superblock
 */
void kill_anon_super(struct super_block *sb)
{
	generic_shutdown_super(sb);
}
