// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers for in-memory file systems (ramfs, devtmpfs) and pseudo file systems (procfs,
 * sysfs, tracefs, debugfs): directory listing from the dentry tree, link counting, empty
 * checks, and the simple_create_*() API that builds a tree of files with given file
 * operations. Dentries created by that API or by ramfs carry DCACHE_PINNED and one extra
 * reference, so the tree keeps them; unlink/remove drops it.
 */
#include <starling/fs.h>
#include <starling/namei.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/uaccess.h>
#include <starling/printk.h>
#include <uapi/linux/magic.h>
#include "internal.h"

/* ---- listing ------------------------------------------------------------------------ */

bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, dentry->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct dentry *parent = dget_parent(dentry);
		unsigned long ino = parent->d_inode->i_ino;

		dput(parent);
		if (!dir_emit(ctx, "..", 2, ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

/**
 * dcache_readdir() - list "." and "..", then the positive children of the directory
 * @file: the open directory
 * @ctx: position and callback; positions are the children's d_offset cookies
 *
 * Return: 0.
 */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *d;

	if (!dir_emit_dots(file, ctx))
		return 0;
	for (;;) {
		char name[NAME_MAX + 1];
		unsigned int len;
		unsigned long ino;
		unsigned char type;
		loff_t off;
		bool found = false;

		spin_lock(&dcache_lock);
		list_for_each_entry(d, &dir->d_subdirs, d_child) {
			if (d->d_offset < ctx->pos || (d->d_flags & DCACHE_UNHASHED) || !d->d_inode)
				continue;
			len = d->d_name.len;
			memcpy(name, d->d_name.name, len);
			ino = d->d_inode->i_ino;
			type = fs_umode_to_dtype(d->d_inode->i_mode);
			off = d->d_offset;
			found = true;
			break;
		}
		spin_unlock(&dcache_lock);
		if (!found)
			return 0;
		ctx->pos = off;
		if (!dir_emit(ctx, name, (int)len, ino, type))
			return 0;
		ctx->pos = off + 1;
	}
}

int dcache_dir_open(struct inode *inode, struct file *file)
{
	return 0;
}

int dcache_dir_close(struct inode *inode, struct file *file)
{
	return 0;
}

loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		/* fall through */
	case SEEK_SET:
		if (offset >= 0)
			break;
		/* fall through */
	default:
		return -EINVAL;
	}
	file->f_pos = offset;
	return offset;
}

ssize_t generic_read_dir(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return -EISDIR;
}

const struct file_operations simple_dir_operations = {
	.open		= dcache_dir_open,
	.release	= dcache_dir_close,
	.llseek		= dcache_dir_lseek,
	.read		= generic_read_dir,
	.iterate_shared	= dcache_readdir,
};

struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	d_add(dentry, NULL);
	return NULL;
}

const struct inode_operations simple_dir_inode_operations = {
	.lookup		= simple_lookup,
};

const char *simple_get_link(struct dentry *dentry, struct inode *inode,
			    struct delayed_call *done)
{
	return inode->i_link;
}

const struct inode_operations simple_symlink_inode_operations = {
	.get_link	= simple_get_link,
};

const struct dentry_operations simple_dentry_operations = {
	.d_delete	= always_delete_dentry,
};

int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = (long)dentry->d_sb->s_magic;
	buf->f_bsize = 4096;
	buf->f_namelen = NAME_MAX;
	return 0;
}

const struct super_operations simple_super_operations = {
	.statfs		= simple_statfs,
};

/* ---- ramfs-style directory operations ------------------------------------------------- */

static void d_pin(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	dentry->d_count++;
	dentry->d_flags |= DCACHE_PINNED;
	spin_unlock(&dcache_lock);
}

static void d_unpin(struct dentry *dentry)
{
	bool pinned;

	spin_lock(&dcache_lock);
	pinned = dentry->d_flags & DCACHE_PINNED;
	dentry->d_flags &= ~DCACHE_PINNED;
	spin_unlock(&dcache_lock);
	if (pinned)
		dput(dentry);
}

int simple_empty(struct dentry *dentry)
{
	struct dentry *child;
	int ret = 1;

	spin_lock(&dcache_lock);
	list_for_each_entry(child, &dentry->d_subdirs, d_child) {
		if (child->d_inode && !(child->d_flags & DCACHE_UNHASHED)) {
			ret = 0;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return ret;
}

int simple_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old_dentry->d_inode;

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	inc_nlink(inode);
	ihold(inode);
	d_instantiate(dentry, inode);
	d_pin(dentry);
	return 0;
}

int simple_unlink(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	inode->i_ctime = dir->i_ctime = dir->i_mtime = current_time(inode);
	drop_nlink(inode);
	d_unpin(dentry);
	return 0;
}

int simple_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode);
	simple_unlink(dir, dentry);
	drop_nlink(dir);
	clear_nlink(dentry->d_inode);
	return 0;
}

int simple_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		  struct dentry *new_dentry, unsigned int flags)
{
	struct inode *inode = old_dentry->d_inode;
	int they_are_dirs = S_ISDIR(inode->i_mode);

	if (flags & RENAME_EXCHANGE) {
		struct inode *other = new_dentry->d_inode;

		if (old_dir != new_dir && S_ISDIR(inode->i_mode) != S_ISDIR(other->i_mode)) {
			if (S_ISDIR(inode->i_mode)) {
				drop_nlink(old_dir);
				inc_nlink(new_dir);
			} else {
				drop_nlink(new_dir);
				inc_nlink(old_dir);
			}
		}
		return 0;
	}
	if (new_dentry->d_inode) {
		if (they_are_dirs && !simple_empty(new_dentry))
			return -ENOTEMPTY;
		if (they_are_dirs) {
			drop_nlink(new_dentry->d_inode);
			drop_nlink(old_dir);
		}
		simple_unlink(new_dir, new_dentry);
	} else if (they_are_dirs) {
		drop_nlink(old_dir);
		inc_nlink(new_dir);
	}
	old_dir->i_ctime = old_dir->i_mtime = new_dir->i_ctime = new_dir->i_mtime =
		inode->i_ctime = current_time(old_dir);
	return 0;
}

int simple_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;
	int ret = setattr_prepare(dentry, iattr);

	if (ret)
		return ret;
	if (iattr->ia_valid & ATTR_SIZE)
		i_size_write(inode, iattr->ia_size);
	setattr_copy(inode, iattr);
	return 0;
}

int simple_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		   unsigned int query_flags)
{
	generic_fillattr(path->dentry->d_inode, stat);
	return 0;
}

/* Pin a new dentry in its directory: ramfs's creation helper. */
void simple_pin_new(struct dentry *dentry, struct inode *inode);
void simple_pin_new(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
	d_pin(dentry);
}

/* ---- read/write helpers ------------------------------------------------------------------ */

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from,
				size_t available)
{
	loff_t pos = *ppos;
	size_t ret;

	if (pos < 0)
		return -EINVAL;
	if ((size_t)pos >= available || !count)
		return 0;
	if (count > available - (size_t)pos)
		count = available - (size_t)pos;
	ret = copy_to_user(to, (const char *)from + pos, count);
	if (ret == count)
		return -EFAULT;
	count -= ret;
	*ppos = pos + (loff_t)count;
	return (ssize_t)count;
}

ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count)
{
	loff_t pos = *ppos;
	size_t res;

	if (pos < 0)
		return -EINVAL;
	if ((size_t)pos >= available || !count)
		return 0;
	if (count > available - (size_t)pos)
		count = available - (size_t)pos;
	res = copy_from_user((char *)to + pos, from, count);
	if (res == count)
		return -EFAULT;
	count -= res;
	*ppos = pos + (loff_t)count;
	return (ssize_t)count;
}

/* ---- pseudo file systems ------------------------------------------------------------------- */

/**
 * simple_new_inode() - an inode for a pseudo file system, owned by root
 * @sb: the superblock
 * @mode: type and permissions
 *
 * Return: the inode (one reference) or NULL.
 */
struct inode *simple_new_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode->i_mode = mode;
	if (S_ISDIR(mode)) {
		inode->i_op = &simple_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		set_nlink(inode, 2);
	} else if (S_ISLNK(mode)) {
		inode->i_op = &simple_symlink_inode_operations;
	} else if (S_ISCHR(mode) || S_ISFIFO(mode) || S_ISBLK(mode)) {
		init_special_inode(inode, mode, 0);
	}
	return inode;
}

/**
 * simple_fill_super_root() - give a new superblock a root directory
 * @sb: the superblock
 * @magic: statfs f_type
 * @root_mode: the root's permission bits
 *
 * Return: 0 or -ENOMEM.
 */
int simple_fill_super_root(struct super_block *sb, unsigned long magic, umode_t root_mode)
{
	struct inode *root;

	sb->s_magic = magic;
	if (!sb->s_op)
		sb->s_op = &simple_super_operations;
	root = simple_new_inode(sb, S_IFDIR | (root_mode & 07777));
	if (!root)
		return -ENOMEM;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *simple_create_node(struct dentry *parent, const char *name,
					 struct inode **inodep, umode_t mode)
{
	struct inode *dir = parent->d_inode, *inode;
	struct dentry *dentry;

	inode_lock(dir);
	dentry = lookup_one_len(name, parent, (int)strlen(name));
	if (IS_ERR(dentry))
		goto out;
	if (dentry->d_inode) {
		dput(dentry);
		dentry = ERR_PTR(-EEXIST);
		goto out;
	}
	inode = simple_new_inode(parent->d_sb, mode);
	if (!inode) {
		dput(dentry);
		dentry = ERR_PTR(-ENOMEM);
		goto out;
	}
	if (S_ISDIR(mode))
		inc_nlink(dir);
	*inodep = inode;
	simple_pin_new(dentry, inode);
	dput(dentry);	/* the pin keeps it */
out:
	inode_unlock(dir);
	return dentry;
}

/**
 * simple_create_file() - add a file with the given operations to a pseudo file system
 * @parent: the directory (e.g. sb->s_root)
 * @name: the name
 * @mode: type (S_IFREG if none) and permissions
 * @data: stored in inode->i_private (simple_open() copies it to file->private_data)
 * @fops: the file operations
 *
 * Return: the dentry (owned by the tree: do not dput) or ERR_PTR.
 */
struct dentry *simple_create_file(struct dentry *parent, const char *name, umode_t mode,
				  void *data, const struct file_operations *fops)
{
	struct inode *inode = NULL;
	struct dentry *d;

	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	d = simple_create_node(parent, name, &inode, mode);
	if (!IS_ERR(d)) {
		inode->i_private = data;
		inode->i_fop = fops;
	}
	return d;
}

/**
 * simple_create_dir() - add a directory to a pseudo file system
 * @parent: the parent directory
 * @name: the name
 * @mode: permissions (S_IFDIR implied)
 * @data: inode->i_private
 * @iops: directory inode operations, or NULL for a plain one
 * @fops: directory file operations, or NULL for a plain one
 *
 * Return: the dentry (owned by the tree) or ERR_PTR.
 */
struct dentry *simple_create_dir(struct dentry *parent, const char *name, umode_t mode,
				 void *data, const struct inode_operations *iops,
				 const struct file_operations *fops)
{
	struct inode *inode = NULL;
	struct dentry *d = simple_create_node(parent, name, &inode, S_IFDIR | (mode & 07777));

	if (!IS_ERR(d)) {
		inode->i_private = data;
		if (iops)
			inode->i_op = iops;
		if (fops)
			inode->i_fop = fops;
	}
	return d;
}

/**
 * simple_create_symlink() - add a symlink to a pseudo file system
 * @parent: the directory
 * @name: the name
 * @target: the body (copied)
 *
 * Return: the dentry (owned by the tree) or ERR_PTR.
 */
struct dentry *simple_create_symlink(struct dentry *parent, const char *name,
				     const char *target)
{
	char *body = kstrdup(target, GFP_KERNEL);
	struct inode *inode = NULL;
	struct dentry *d;

	if (!body)
		return ERR_PTR(-ENOMEM);
	d = simple_create_node(parent, name, &inode, S_IFLNK | 0777);
	if (IS_ERR(d)) {
		kfree(body);
		return d;
	}
	inode->i_link = body;
	inode->i_size = (loff_t)strlen(body);
	return d;
}

/**
 * simple_remove() - remove a file or empty directory made by simple_create_*()
 * @dentry: the dentry
 *
 * The dentry and its inode are freed here, or at the last dput() of whoever still holds
 * it open.
 */
void simple_remove(struct dentry *dentry)
{
	struct dentry *parent;
	struct inode *dir;

	if (IS_ERR_OR_NULL(dentry))
		return;
	/*
	 * Hold a reference across the unlink, as an unlink(2) caller does: the unlink drops the
	 * tree's pin while the dentry is still hashed, and dput() keeps a hashed dentry; only
	 * the dput() after d_delete() sees it unhashed and frees it with its inode.
	 */
	dget(dentry);
	parent = dget_parent(dentry);
	dir = parent->d_inode;
	inode_lock(dir);
	if (dentry->d_inode && !d_unhashed(dentry)) {
		if (S_ISDIR(dentry->d_inode->i_mode))
			simple_rmdir(dir, dentry);
		else
			simple_unlink(dir, dentry);
		d_delete(dentry);
	}
	inode_unlock(dir);
	dput(parent);
	dput(dentry);
}

/**
 * simple_recursive_removal() - remove a directory made by simple_create_dir() and all below
 * @dentry: the directory (or a file)
 */
void simple_recursive_removal(struct dentry *dentry)
{
	if (IS_ERR_OR_NULL(dentry))
		return;
	for (;;) {
		struct dentry *child, *found = NULL;

		spin_lock(&dcache_lock);
		list_for_each_entry(child, &dentry->d_subdirs, d_child) {
			if (child->d_inode && !(child->d_flags & DCACHE_UNHASHED)) {
				found = __dget(child);
				break;
			}
		}
		spin_unlock(&dcache_lock);
		if (!found)
			break;
		simple_recursive_removal(found);
		dput(found);
	}
	simple_remove(dentry);
}

/**
 * alloc_file_pseudo() - an open file on an inode with no name in the tree (pipes)
 * @inode: the inode (its reference is taken over)
 * @mnt: the internal mount it lives on
 * @name: the dentry name
 * @flags: O_* flags
 * @fops: the file operations
 *
 * Return: the file or ERR_PTR.
 */
struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt, const char *name,
			       int flags, const struct file_operations *fops)
{
	struct dentry *dentry = d_alloc_name(mnt->mnt_root, name);
	struct file *file;

	if (!dentry)
		return ERR_PTR(-ENOMEM);
	d_instantiate(dentry, inode);
	d_drop(dentry);		/* never found by name; freed with the last file */
	file = alloc_empty_file(flags);
	if (IS_ERR(file)) {
		dput(dentry);
		return file;
	}
	file->f_path.mnt = mntget(mnt);
	file->f_path.dentry = dentry;
	file->f_inode = inode;
	file->f_op = fops;
	file->f_mode = ((unsigned int)(flags + 1) & O_ACCMODE);
	return file;
}
