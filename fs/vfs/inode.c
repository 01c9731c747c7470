// SPDX-License-Identifier: GPL-2.0-only
/*
 * Inodes: allocation, reference counting, link counts, timestamps, permission checks and
 * attribute changes (chmod, chown, truncate, utimes). There is no inode cache: an inode
 * lives while a dentry or an open file references it, which is all an in-memory file
 * system needs (the dentry tree keeps ramfs inodes alive).
 *
 * Permission checks follow Linux's generic_permission(): owner, then group, then other
 * bits; then the capability overrides (CAP_DAC_OVERRIDE: anything but executing a file
 * with no x bit; CAP_DAC_READ_SEARCH: read anything, search directories).
 */
#include <starling/fs.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include <starling/sched.h>
#include <starling/cred.h>
#include "internal.h"

/* ---- credentials ---------------------------------------------------------------------- */

/*
 * The credentials the VFS checks against. The process code owns struct cred; these
 * accessors are the VFS's only contact with it.
 */
uid_t vfs_fsuid(void)
{
	return current_fsuid();
}

gid_t vfs_fsgid(void)
{
	return current_fsgid();
}

bool vfs_in_group_p(gid_t gid)
{
	return in_group_p(gid);
}

bool vfs_capable(int cap)
{
	return capable(cap);
}

/* ---- allocation and references -------------------------------------------------------- */

static atomic_t last_ino = ATOMIC_INIT(1);

/**
 * get_next_ino() - a fresh inode number for in-memory file systems
 *
 * Return: a number not handed out before (until it wraps).
 */
unsigned int get_next_ino(void)
{
	unsigned int ino = (unsigned int)atomic_inc_return(&last_ino);

	return ino ? ino : (unsigned int)atomic_inc_return(&last_ino);
}

/**
 * new_inode() - allocate an inode for @sb
 * @sb: the superblock (its ->alloc_inode may embed the inode in a larger object)
 *
 * The inode has one reference, i_nlink 1, uid/gid 0, and the current time.
 * Return: the inode, or NULL.
 */
struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode;

	if (sb->s_op && sb->s_op->alloc_inode)
		inode = sb->s_op->alloc_inode(sb);
	else
		inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	if (!inode)
		return NULL;
	inode->i_sb = sb;
	atomic_set(&inode->i_count, 1);
	inode->i_nlink = 1;
	mutex_init(&inode->i_rwsem);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	INIT_LIST_HEAD(&inode->i_sb_list);
	spin_lock(&sb->s_inode_list_lock);
	list_add(&inode->i_sb_list, &sb->s_inodes);
	spin_unlock(&sb->s_inode_list_lock);
	return inode;
}

/**
 * inode_init_owner() - owner and mode of a new inode made by the current task in @dir
 * @inode: the new inode
 * @dir: its directory, or NULL
 * @mode: the mode, file type included
 *
 * The group comes from @dir when it is set-group-ID (and new directories inherit S_ISGID).
 */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = vfs_fsuid();
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
	} else {
		inode->i_gid = vfs_fsgid();
	}
	inode->i_mode = mode;
}

/**
 * init_special_inode() - set up a device, FIFO or socket inode
 * @inode: the inode
 * @mode: its mode (the type decides the file operations)
 * @rdev: the device number for character and block devices
 */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	}
}

/**
 * ihold() - take another reference on an inode the caller already references
 * @inode: the inode
 */
void ihold(struct inode *inode)
{
	atomic_inc(&inode->i_count);
}

/**
 * igrab() - take a reference
 * @inode: the inode
 *
 * Return: @inode.
 */
struct inode *igrab(struct inode *inode)
{
	ihold(inode);
	return inode;
}

/**
 * iput() - drop a reference; the last one frees the inode
 * @inode: the inode, or NULL
 */
void iput(struct inode *inode)
{
	struct super_block *sb;

	if (!inode || !atomic_dec_and_test(&inode->i_count))
		return;
	sb = inode->i_sb;
	inode->i_state |= I_FREEING;
	if (inode->i_pipe)
		free_pipe_info(inode->i_pipe);
	if (sb->s_op && sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	spin_lock(&sb->s_inode_list_lock);
	list_del_init(&inode->i_sb_list);
	spin_unlock(&sb->s_inode_list_lock);
	if (sb->s_op && sb->s_op->destroy_inode)
		sb->s_op->destroy_inode(inode);
	else
		kfree(inode);
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->i_nlink = nlink;
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	if (!WARN_ON_ONCE(inode->i_nlink == 0))
		inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

/**
 * current_time() - the time to stamp on @inode now
 * @inode: the inode (its granularity is 1 ns)
 *
 * Return: CLOCK_REALTIME.
 */
struct timespec64 current_time(struct inode *inode)
{
	struct timespec64 now;

	ktime_get_real_ts64(&now);
	return now;
}

/**
 * touch_atime() - note a read access: atime is updated relatime-style
 * @path: the file
 *
 * As with Linux's relatime, atime moves only when it is older than mtime or ctime.
 */
void touch_atime(const struct path *path)
{
	struct inode *inode = path->dentry->d_inode;

	if (timespec64_to_ns(&inode->i_atime) <= timespec64_to_ns(&inode->i_mtime) ||
	    timespec64_to_ns(&inode->i_atime) <= timespec64_to_ns(&inode->i_ctime))
		inode->i_atime = current_time(inode);
}

/**
 * file_update_time() - set mtime and ctime after a write
 * @file: the file written
 */
void file_update_time(struct file *file)
{
	struct inode *inode = file_inode(file);

	inode->i_mtime = inode->i_ctime = current_time(inode);
}

/* ---- permissions ------------------------------------------------------------------------ */

static int acl_permission_check(struct inode *inode, int mask)
{
	unsigned int mode = inode->i_mode;

	if (vfs_fsuid() == inode->i_uid)
		mode >>= 6;
	else if (vfs_in_group_p(inode->i_gid))
		mode >>= 3;
	return (mask & ~mode & (MAY_READ | MAY_WRITE | MAY_EXEC)) ? -EACCES : 0;
}

/**
 * generic_permission() - Linux's POSIX permission check with capability overrides
 * @inode: the inode
 * @mask: MAY_READ, MAY_WRITE and/or MAY_EXEC
 *
 * Return: 0 or -EACCES.
 */
int generic_permission(struct inode *inode, int mask)
{
	int ret = acl_permission_check(inode, mask);

	if (ret != -EACCES)
		return ret;
	if (S_ISDIR(inode->i_mode)) {
		if (!(mask & MAY_WRITE) && vfs_capable(CAP_DAC_READ_SEARCH))
			return 0;
		if (vfs_capable(CAP_DAC_OVERRIDE))
			return 0;
		return -EACCES;
	}
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (mask == MAY_READ && vfs_capable(CAP_DAC_READ_SEARCH))
		return 0;
	if (!(mask & MAY_EXEC) || (inode->i_mode & S_IXUGO))
		if (vfs_capable(CAP_DAC_OVERRIDE))
			return 0;
	return -EACCES;
}

/**
 * inode_permission() - may the current task access @inode as @mask asks?
 * @inode: the inode
 * @mask: MAY_* bits
 *
 * Return: 0, -EACCES, or the file system's ->permission() answer.
 */
int inode_permission(struct inode *inode, int mask)
{
	if (inode->i_op && inode->i_op->permission)
		return inode->i_op->permission(inode, mask);
	return generic_permission(inode, mask);
}

/* ---- attributes ----------------------------------------------------------------------- */

static bool inode_owner_or_capable(const struct inode *inode)
{
	return vfs_fsuid() == inode->i_uid || vfs_capable(CAP_FOWNER);
}

/**
 * setattr_prepare() - check that the current task may make the change @attr describes
 * @dentry: the file
 * @attr: the change; ATTR_FORCE skips the checks
 *
 * Return: 0, -EPERM or -EACCES.
 */
int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_FORCE)
		return 0;
	if ((valid & ATTR_UID) && (vfs_fsuid() != inode->i_uid || attr->ia_uid != inode->i_uid) &&
	    !vfs_capable(CAP_CHOWN))
		return -EPERM;
	if ((valid & ATTR_GID) &&
	    (vfs_fsuid() != inode->i_uid ||
	     (!vfs_in_group_p(attr->ia_gid) && attr->ia_gid != inode->i_gid)) &&
	    !vfs_capable(CAP_CHOWN))
		return -EPERM;
	if (valid & ATTR_MODE) {
		if (!inode_owner_or_capable(inode))
			return -EPERM;
		/* A non-member may not leave S_ISGID set on a file of another group. */
		if (!vfs_in_group_p((valid & ATTR_GID) ? attr->ia_gid : inode->i_gid) &&
		    !vfs_capable(CAP_FSETID))
			attr->ia_mode &= ~S_ISGID;
	}
	if (valid & (ATTR_MTIME_SET | ATTR_ATIME_SET)) {
		if (!inode_owner_or_capable(inode))
			return -EPERM;
	} else if (valid & ATTR_TOUCH) {
		/* utimensat(NULL): the owner, or anybody who may write the file. */
		if (!inode_owner_or_capable(inode) && inode_permission(inode, MAY_WRITE))
			return -EACCES;
	}
	return 0;
}

/**
 * setattr_copy() - apply a checked change to the in-memory inode
 * @inode: the inode
 * @attr: the change
 */
void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	if (valid & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & S_IALLUGO);
}

/**
 * notify_change() - change a file's attributes (chmod, chown, truncate, utimes)
 * @dentry: the file
 * @attr: the change; ctime is set here
 *
 * The caller holds the inode's i_rwsem.
 * Return: 0 or -errno.
 */
int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	struct timespec64 now = current_time(inode);
	int ret;

	mutex_assert_held(&inode->i_rwsem);
	attr->ia_ctime = now;
	attr->ia_valid |= ATTR_CTIME;
	if ((attr->ia_valid & ATTR_ATIME) && !(attr->ia_valid & ATTR_ATIME_SET))
		attr->ia_atime = now;
	if ((attr->ia_valid & ATTR_MTIME) && !(attr->ia_valid & ATTR_MTIME_SET))
		attr->ia_mtime = now;
	/* chown by anybody clears the set-user-ID bit, as Linux does for non-directories. */
	if ((attr->ia_valid & (ATTR_UID | ATTR_GID)) && !S_ISDIR(inode->i_mode) &&
	    !(attr->ia_valid & ATTR_MODE) && (inode->i_mode & (S_ISUID | S_ISGID))) {
		attr->ia_mode = inode->i_mode & ~S_ISUID;
		if (inode->i_mode & S_IXGRP)
			attr->ia_mode &= ~S_ISGID;
		attr->ia_valid |= ATTR_MODE | ATTR_FORCE;
	}
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	if (attr->ia_valid & ATTR_SIZE)
		return -EPERM;
	ret = setattr_prepare(dentry, attr);
	if (ret)
		return ret;
	setattr_copy(inode, attr);
	return 0;
}

/**
 * generic_fillattr() - fill a kstat from an inode
 * @inode: the inode
 * @stat: the result
 */
void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->dev = inode->i_sb->s_dev;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = i_size_read(inode);
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = 1u << (inode->i_sb->s_blocksize_bits ? inode->i_sb->s_blocksize_bits : 12);
	stat->blocks = inode->i_blocks;
	stat->result_mask = STATX_BASIC_STATS;
}

/**
 * vfs_getattr() - the attributes of a file, as stat(2) reports them
 * @path: the file
 * @stat: the result
 * @request_mask: STATX_* wanted
 * @query_flags: AT_STATX_*
 *
 * Return: 0 or -errno.
 */
int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int query_flags)
{
	struct inode *inode = path->dentry->d_inode;
	int ret = 0;

	memset(stat, 0, sizeof(*stat));
	if (inode->i_op && inode->i_op->getattr)
		ret = inode->i_op->getattr(path, stat, request_mask, query_flags);
	else
		generic_fillattr(inode, stat);
	stat->mnt_id = path->mnt->mnt_id;
	stat->result_mask |= STATX_MNT_ID;
	return ret;
}

/**
 * vfs_statfs() - statfs(2) for the file system of @path
 * @path: any file on it
 * @buf: the result
 *
 * Return: 0 or -ENOSYS when the file system does not say.
 */
int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_sb;
	int ret;

	memset(buf, 0, sizeof(*buf));
	if (!sb->s_op || !sb->s_op->statfs)
		return -ENOSYS;
	ret = sb->s_op->statfs(path->dentry, buf);
	if (!ret && !buf->f_frsize)
		buf->f_frsize = buf->f_bsize;
	buf->f_flags = 0x20;	/* ST_RELATIME */
	if (path->mnt->mnt_flags & MNT_READONLY)
		buf->f_flags |= 1;
	return ret;
}
