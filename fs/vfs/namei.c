// SPDX-License-Identifier: GPL-2.0-only
/*
 * Path name lookup and the directory-changing operations (create, mkdir, mknod, symlink,
 * link, unlink, rmdir, rename) with their system calls.
 *
 * A walk (struct nameidata) keeps a referenced current position and the process's root:
 *
 *   path_init()        start at root ("/..."), the cwd, or the directory behind dfd
 *   link_path_walk()   every component but the last: search permission on the directory,
 *                      look the name up (dcache first, then ->lookup with the directory's
 *                      i_rwsem held), cross mounts, follow symlinks (always, here)
 *   walk_last()        the last component, following a trailing symlink only when asked;
 *                      a trailing symlink is followed in a loop, not recursively, so a
 *                      chain of 40 links costs no stack; links met inside a link body
 *                      recurse, bounded by the same MAXSYMLINKS count
 *
 * ".." never goes above the process's root and climbs out of mounts through follow_up().
 * Operations that change a directory find the parent, take its i_rwsem, look up the last
 * name under it (__lookup_hash) and call the file system, as Linux does.
 */
#include <starling/fs.h>
#include <starling/namei.h>
#include <starling/file.h>
#include <starling/fdtable.h>
#include <starling/syscalls.h>
#include <starling/uaccess.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include "internal.h"

struct nameidata {
	struct path	path;		/* where the walk is; referenced */
	struct path	root;		/* the process's root; referenced */
	struct qstr	last;		/* the last component (not NUL-terminated) */
	int		last_type;	/* LAST_* */
	unsigned int	flags;		/* LOOKUP_* */
	int		total_link_count;
};

static DEFINE_MUTEX(rename_mutex);	/* one cross-directory rename at a time */

/* ---- names from user space ------------------------------------------------------------ */

static struct filename *alloc_filename(void)
{
	struct filename *f = kmalloc(sizeof(*f) + PATH_MAX, GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	f->refcnt = 1;
	f->name = f->iname;
	return f;
}

/**
 * getname_flags() - copy a path name from user space
 * @filename: the user pointer
 * @flags: LOOKUP_EMPTY to accept ""
 *
 * Return: the name (putname() it), or ERR_PTR(-EFAULT/-ENAMETOOLONG/-ENOENT).
 */
struct filename *getname_flags(const char __user *filename, int flags)
{
	struct filename *f = alloc_filename();
	long len;

	if (IS_ERR(f))
		return f;
	len = strncpy_from_user(f->iname, filename, PATH_MAX);
	if (len < 0) {
		putname(f);
		return ERR_PTR(len);
	}
	if (len == PATH_MAX) {
		putname(f);
		return ERR_PTR(-ENAMETOOLONG);
	}
	if (!len && !(flags & LOOKUP_EMPTY)) {
		putname(f);
		return ERR_PTR(-ENOENT);
	}
	return f;
}

struct filename *getname(const char __user *filename)
{
	return getname_flags(filename, 0);
}

/**
 * getname_kernel() - a struct filename from a kernel string
 * @filename: the name
 *
 * Return: the name, or ERR_PTR(-ENAMETOOLONG / -ENOMEM).
 */
struct filename *getname_kernel(const char *filename)
{
	struct filename *f;
	size_t len = strlen(filename);

	if (len >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	f = alloc_filename();
	if (!IS_ERR(f))
		memcpy(f->iname, filename, len + 1);
	return f;
}

void putname(struct filename *name)
{
	if (!IS_ERR_OR_NULL(name) && --name->refcnt == 0)
		kfree(name);
}

/* ---- permission helpers ---------------------------------------------------------------- */

int may_create(struct inode *dir, struct dentry *child)
{
	if (child->d_inode)
		return -EEXIST;
	if (!dir->i_nlink)
		return -ENOENT;		/* the directory was removed */
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

int may_create_in(struct inode *dir)
{
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = victim->d_inode;
	uid_t fsuid = vfs_fsuid();
	int ret;

	if (!inode)
		return -ENOENT;
	ret = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (ret)
		return ret;
	if ((dir->i_mode & S_ISVTX) && fsuid != inode->i_uid && fsuid != dir->i_uid &&
	    !vfs_capable(CAP_FOWNER))
		return -EPERM;
	if (isdir && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (!isdir && S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (IS_ROOT(victim))
		return -EBUSY;
	return 0;
}

int may_open(const struct path *path, int acc_mode, int flag)
{
	struct inode *inode = path->dentry->d_inode;

	if (!inode)
		return -ENOENT;
	switch (inode->i_mode & S_IFMT) {
	case S_IFLNK:
		return -ELOOP;
	case S_IFDIR:
		if (acc_mode & MAY_WRITE)
			return -EISDIR;
		break;
	case S_IFBLK:
	case S_IFCHR:
		if (path->mnt->mnt_flags & MNT_NODEV)
			return -EACCES;
		/* fall through */
	case S_IFIFO:
	case S_IFSOCK:
		acc_mode &= ~MAY_EXEC;
		break;
	default:
		if ((acc_mode & MAY_EXEC) && (path->mnt->mnt_flags & MNT_NOEXEC))
			return -EACCES;
	}
	if ((acc_mode & MAY_WRITE) && (path->mnt->mnt_flags & MNT_READONLY) &&
	    !S_ISCHR(inode->i_mode) && !S_ISFIFO(inode->i_mode))
		return -EROFS;
	return inode_permission(inode, acc_mode & (MAY_READ | MAY_WRITE | MAY_EXEC));
}

/* ---- the walk ----------------------------------------------------------------------- */

/*
 * Look @name up in @base, whose i_rwsem the caller holds.
 * Return: a referenced dentry, maybe negative, or ERR_PTR.
 */
static struct dentry *__lookup_hash(const struct qstr *name, struct dentry *base,
				    unsigned int flags)
{
	struct inode *dir = base->d_inode;
	struct dentry *dentry, *old;

	dentry = d_lookup(base, name);
	if (dentry)
		return dentry;
	if (!dir->i_nlink || d_unhashed(base))
		return ERR_PTR(-ENOENT);
	dentry = d_alloc(base, name);
	if (!dentry)
		return ERR_PTR(-ENOMEM);
	if (!dir->i_op || !dir->i_op->lookup) {
		d_add(dentry, NULL);
		return dentry;
	}
	old = dir->i_op->lookup(dir, dentry, flags);
	if (IS_ERR(old)) {
		dput(dentry);
		return old;
	}
	if (old) {
		dput(dentry);
		return old;
	}
	if (d_unhashed(dentry) && !dentry->d_inode)
		d_add(dentry, NULL);
	return dentry;
}

static bool d_revalidate_ok(struct dentry *dentry, unsigned int flags)
{
	if (dentry->d_op && dentry->d_op->d_revalidate &&
	    dentry->d_op->d_revalidate(dentry, flags) <= 0) {
		d_drop(dentry);
		return false;
	}
	return true;
}

/* Look @name up in @parent, taking the directory lock only on a cache miss. */
static struct dentry *lookup_slow(const struct qstr *name, struct dentry *parent,
				  unsigned int flags)
{
	struct inode *dir = parent->d_inode;
	struct dentry *dentry = d_lookup(parent, name);

	if (dentry) {
		if (d_revalidate_ok(dentry, flags))
			return dentry;
		dput(dentry);
	}
	inode_lock(dir);
	dentry = __lookup_hash(name, parent, flags);
	inode_unlock(dir);
	return dentry;
}

/**
 * lookup_one_len() - look up one name in a locked directory
 * @name: the name (@len bytes)
 * @base: the directory, i_rwsem held
 * @len: its length
 *
 * Return: a referenced dentry (maybe negative) or ERR_PTR.
 */
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len)
{
	struct qstr q = { .name = name, .len = (unsigned int)len };

	if (!len || len > NAME_MAX || memchr(name, '/', len))
		return ERR_PTR(-EACCES);
	return __lookup_hash(&q, base, 0);
}

/**
 * lookup_one_unlocked() - look up one name in a directory the caller has not locked
 * @name: the name
 * @base: the directory
 * @len: the name's length
 *
 * Return: a referenced dentry (maybe negative) or ERR_PTR.
 */
struct dentry *lookup_one_unlocked(const char *name, struct dentry *base, int len)
{
	struct qstr q = { .name = name, .len = (unsigned int)len };

	if (!len || len > NAME_MAX || memchr(name, '/', len))
		return ERR_PTR(-EACCES);
	return lookup_slow(&q, base, 0);
}

static void follow_mounts(struct path *path)
{
	while (follow_down_one(path))
		;
}

static int handle_dots(struct nameidata *nd, int type)
{
	if (type != LAST_DOTDOT)
		return 0;
	for (;;) {
		struct dentry *old = nd->path.dentry;

		if (path_equal(&nd->path, &nd->root))
			break;
		if (old == nd->path.mnt->mnt_root) {
			if (!follow_up(&nd->path))
				break;
			continue;
		}
		nd->path.dentry = dget_parent(old);
		dput(old);
		break;
	}
	follow_mounts(&nd->path);
	return 0;
}

static int path_init(struct nameidata *nd, int dfd, const char *name, unsigned int flags)
{
	nd->flags = flags;
	nd->total_link_count = 0;
	nd->last_type = LAST_ROOT;
	nd->last.name = NULL;
	nd->last.len = 0;
	get_fs_root(current_fs(), &nd->root);
	if (*name == '/') {
		nd->path = nd->root;
		path_get(&nd->path);
	} else if (dfd == AT_FDCWD) {
		get_fs_pwd(current_fs(), &nd->path);
	} else {
		struct file *f = fget_raw((unsigned int)dfd);

		if (!f) {
			nd->path.mnt = NULL;
			nd->path.dentry = NULL;
			return -EBADF;
		}
		if (*name && !S_ISDIR(file_inode(f)->i_mode)) {
			fput(f);
			nd->path.mnt = NULL;
			nd->path.dentry = NULL;
			return -ENOTDIR;
		}
		nd->path = f->f_path;
		path_get(&nd->path);
		fput(f);
	}
	return 0;
}

static void terminate_walk(struct nameidata *nd)
{
	if (nd->path.dentry)
		path_put(&nd->path);
	nd->path.dentry = NULL;
	nd->path.mnt = NULL;
	path_put(&nd->root);
}

static int may_lookup(struct nameidata *nd)
{
	struct inode *dir = nd->path.dentry->d_inode;

	if (!dir)
		return -ENOENT;
	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	return inode_permission(dir, MAY_EXEC);
}

/* Look the component up in nd->path's directory: a referenced path with mounts crossed. */
static int lookup_component(struct nameidata *nd, const struct qstr *name, struct path *next)
{
	struct dentry *dentry = lookup_slow(name, nd->path.dentry, nd->flags);

	if (IS_ERR(dentry))
		return PTR_ERR(dentry);
	next->mnt = mntget(nd->path.mnt);
	next->dentry = dentry;
	follow_mounts(next);
	return 0;
}

/*
 * Start following the symlink @link (referenced; consumed): read its body into @done's
 * care and move nd->path to where the body is relative to.
 * Return: the body, or ERR_PTR.
 */
static const char *pick_link(struct nameidata *nd, struct path *link, struct delayed_call *done)
{
	const char *body;

	if (nd->flags & LOOKUP_NO_SYMLINKS) {
		path_put(link);
		return ERR_PTR(-ELOOP);
	}
	if (++nd->total_link_count > MAXSYMLINKS) {
		path_put(link);
		return ERR_PTR(-ELOOP);
	}
	done->fn = NULL;
	body = vfs_get_link(link->dentry, done);
	path_put(link);
	if (IS_ERR(body))
		return body;
	if (!*body) {
		do_delayed_call(done);
		return ERR_PTR(-ENOENT);
	}
	if (*body == '/') {
		path_put(&nd->path);
		nd->path = nd->root;
		path_get(&nd->path);
	}
	return body;
}

static int link_path_walk(const char *name, struct nameidata *nd);
static int walk_last(struct nameidata *nd, bool follow);

/* A symlink in the middle of a path: resolve it completely (recursion bounded by 40). */
static int follow_mid_link(struct nameidata *nd, struct path *link)
{
	struct delayed_call done;
	unsigned int saved_flags = nd->flags;
	const char *body = pick_link(nd, link, &done);
	int ret;

	if (IS_ERR(body))
		return PTR_ERR(body);
	nd->flags &= ~LOOKUP_DIRECTORY;
	ret = link_path_walk(body, nd);
	if (!ret)
		ret = walk_last(nd, true);
	do_delayed_call(&done);
	nd->flags = saved_flags;
	return ret;
}

/* One component that is not the last: the result must be followed completely. */
static int walk_component(struct nameidata *nd, const struct qstr *name, int type)
{
	struct path next;
	int ret;

	if (type != LAST_NORM)
		return handle_dots(nd, type);
	ret = lookup_component(nd, name, &next);
	if (ret)
		return ret;
	if (!next.dentry->d_inode) {
		path_put(&next);
		return -ENOENT;
	}
	if (S_ISLNK(next.dentry->d_inode->i_mode))
		return follow_mid_link(nd, &next);
	path_put(&nd->path);
	nd->path = next;
	return 0;
}

/*
 * Walk every component of @name but the last, which is left in nd->last/last_type. A
 * trailing slash makes the last component LOOKUP_DIRECTORY | LOOKUP_FOLLOW.
 */
static int link_path_walk(const char *name, struct nameidata *nd)
{
	nd->last_type = LAST_ROOT;
	while (*name == '/')
		name++;
	if (!*name)
		return 0;
	for (;;) {
		unsigned int len;
		bool trailing;
		const char *comp = path_next_component(&name, &len, &trailing);
		struct qstr q = { .name = comp, .len = len };
		int type = path_component_type(comp, len), ret;

		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		ret = may_lookup(nd);
		if (ret)
			return ret;
		while (*name == '/')
			name++;
		if (!*name) {
			nd->last = q;
			nd->last_type = type;
			if (trailing)
				nd->flags |= LOOKUP_DIRECTORY | LOOKUP_FOLLOW;
			return 0;
		}
		ret = walk_component(nd, &q, type);
		if (ret)
			return ret;
		if (!d_is_dir(nd->path.dentry))
			return -ENOTDIR;
	}
}

/*
 * The last component: move nd->path onto it, following trailing symlinks when @follow.
 * Bodies of trailing links are walked in a loop; each body stays alive until its own last
 * component has been looked up.
 */
static int walk_last(struct nameidata *nd, bool follow)
{
	struct delayed_call prev = { };
	int ret;

	for (;;) {
		struct path next;
		const char *body;
		struct delayed_call done;

		if (nd->last_type != LAST_NORM) {
			ret = handle_dots(nd, nd->last_type);
			break;
		}
		ret = may_lookup(nd);
		if (!ret)
			ret = lookup_component(nd, &nd->last, &next);
		do_delayed_call(&prev);
		if (ret)
			break;
		if (!next.dentry->d_inode) {
			path_put(&next);
			ret = -ENOENT;
			break;
		}
		if (!S_ISLNK(next.dentry->d_inode->i_mode) || !follow) {
			path_put(&nd->path);
			nd->path = next;
			ret = 0;
			break;
		}
		body = pick_link(nd, &next, &done);
		if (IS_ERR(body)) {
			ret = PTR_ERR(body);
			break;
		}
		ret = link_path_walk(body, nd);
		prev = done;
		if (ret)
			break;
	}
	do_delayed_call(&prev);
	if (!ret && (nd->flags & LOOKUP_DIRECTORY) && !d_is_dir(nd->path.dentry))
		ret = -ENOTDIR;
	return ret;
}

static int path_lookupat(struct nameidata *nd, int dfd, const char *name, unsigned int flags,
			 struct path *path)
{
	int ret = path_init(nd, dfd, name, flags);

	if (!ret && !*name && !(flags & LOOKUP_EMPTY))
		ret = -ENOENT;
	if (!ret)
		ret = link_path_walk(name, nd);
	if (!ret)
		ret = walk_last(nd, nd->flags & LOOKUP_FOLLOW);
	if (!ret) {
		*path = nd->path;
		nd->path.dentry = NULL;
		nd->path.mnt = NULL;
	}
	terminate_walk(nd);
	return ret;
}

/**
 * filename_lookup() - resolve a whole path name
 * @dfd: AT_FDCWD or a directory descriptor for relative names
 * @name: the name (not consumed)
 * @flags: LOOKUP_FOLLOW, LOOKUP_DIRECTORY, LOOKUP_EMPTY
 * @path: the result, referenced
 * @root: NULL (the process's root)
 *
 * Return: 0 or -errno (-ENOENT, -ENOTDIR, -ELOOP, -EACCES, -ENAMETOOLONG).
 */
int filename_lookup(int dfd, struct filename *name, unsigned int flags, struct path *path,
		    struct path *root)
{
	struct nameidata nd;

	if (IS_ERR(name))
		return PTR_ERR(name);
	return path_lookupat(&nd, dfd, name->name, flags, path);
}

/**
 * kern_path() - resolve a kernel path name from the current root and cwd
 * @name: the name
 * @flags: LOOKUP_*
 * @path: the result, referenced
 *
 * Return: 0 or -errno.
 */
int kern_path(const char *name, unsigned int flags, struct path *path)
{
	struct filename *f = getname_kernel(name);
	int ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = filename_lookup(AT_FDCWD, f, flags, path, NULL);
	putname(f);
	return ret;
}

/**
 * user_path_at() - resolve a user path name relative to @dfd
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: the user pointer
 * @flags: LOOKUP_*
 * @path: the result, referenced
 *
 * Return: 0 or -errno.
 */
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path)
{
	struct filename *f = getname_flags(name, (int)flags);
	int ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = filename_lookup(dfd, f, flags, path, NULL);
	putname(f);
	return ret;
}

/**
 * vfs_path_lookup() - resolve @name relative to a given directory
 * @dentry: the directory
 * @mnt: its mount
 * @name: the name (absolute names still start at the process root)
 * @flags: LOOKUP_*
 * @path: the result, referenced
 *
 * Return: 0 or -errno.
 */
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt, const char *name,
		    unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int ret;

	nd.flags = flags;
	nd.total_link_count = 0;
	get_fs_root(current_fs(), &nd.root);
	if (*name == '/') {
		nd.path = nd.root;
	} else {
		nd.path.mnt = mnt;
		nd.path.dentry = dentry;
	}
	path_get(&nd.path);
	ret = link_path_walk(name, &nd);
	if (!ret)
		ret = walk_last(&nd, flags & LOOKUP_FOLLOW);
	if (!ret) {
		*path = nd.path;
		nd.path.dentry = NULL;
	}
	terminate_walk(&nd);
	return ret;
}

/* Walk to the parent of the last component. On success nd->path is the parent. */
static int filename_parentat(struct nameidata *nd, int dfd, struct filename *name,
			     unsigned int flags)
{
	int ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = path_init(nd, dfd, name->name, flags);
	if (!ret && !*name->name)
		ret = -ENOENT;
	if (!ret)
		ret = link_path_walk(name->name, nd);
	if (!ret && nd->last_type == LAST_NORM)
		ret = may_lookup(nd);
	if (ret)
		terminate_walk(nd);
	return ret;
}

/* ---- symlink bodies --------------------------------------------------------------------- */

void kfree_link(void *p)
{
	kfree(p);
}

/**
 * vfs_get_link() - the body of a symlink
 * @dentry: the symlink
 * @done: released by the caller with do_delayed_call()
 *
 * Return: the body, or ERR_PTR(-EINVAL) when it is not a symlink.
 */
const char *vfs_get_link(struct dentry *dentry, struct delayed_call *done)
{
	struct inode *inode = dentry->d_inode;

	done->fn = NULL;
	if (!inode || !S_ISLNK(inode->i_mode))
		return ERR_PTR(-EINVAL);
	if (inode->i_link)
		return inode->i_link;
	if (!inode->i_op || !inode->i_op->get_link)
		return ERR_PTR(-EINVAL);
	return inode->i_op->get_link(dentry, inode, done);
}

/**
 * vfs_readlink() - readlink(2): copy a symlink body to user space, not NUL-terminated
 * @dentry: the symlink
 * @buffer: the user buffer
 * @buflen: its size
 *
 * Return: bytes copied, or -EINVAL / -EFAULT.
 */
int vfs_readlink(struct dentry *dentry, char __user *buffer, int buflen)
{
	struct inode *inode = dentry->d_inode;
	struct delayed_call done;
	const char *body;
	int len;

	if (inode->i_op && inode->i_op->readlink)
		return inode->i_op->readlink(dentry, buffer, buflen);
	body = vfs_get_link(dentry, &done);
	if (IS_ERR(body))
		return (int)PTR_ERR(body);
	len = (int)strlen(body);
	if (len > buflen)
		len = buflen;
	if (copy_to_user(buffer, body, len))
		len = -EFAULT;
	do_delayed_call(&done);
	return len;
}

/* ---- directory operations -------------------------------------------------------------- */

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool want_excl)
{
	int ret = may_create(dir, dentry);

	if (ret)
		return ret;
	if (!dir->i_op || !dir->i_op->create)
		return -EACCES;
	mode = (mode & S_IALLUGO) | S_IFREG;
	return dir->i_op->create(dir, dentry, mode, want_excl);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int ret = may_create(dir, dentry);

	if (ret)
		return ret;
	if (!dir->i_op || !dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode & (S_IRWXUGO | S_ISVTX));
}

int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int ret = may_create(dir, dentry);

	if (ret)
		return ret;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !vfs_capable(CAP_MKNOD))
		return -EPERM;
	if (!dir->i_op || !dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname)
{
	int ret = may_create(dir, dentry);

	if (ret)
		return ret;
	if (!dir->i_op || !dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, oldname);
}

int vfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry)
{
	struct inode *inode = old_dentry->d_inode;
	int ret;

	if (!inode)
		return -ENOENT;
	ret = may_create(dir, new_dentry);
	if (ret)
		return ret;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (S_ISDIR(inode->i_mode))
		return -EPERM;
	if (!dir->i_op || !dir->i_op->link)
		return -EPERM;
	if (!inode->i_nlink)
		return -ENOENT;
	return dir->i_op->link(old_dentry, dir, new_dentry);
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int ret = may_delete(dir, dentry, true);

	if (ret)
		return ret;
	if (!dir->i_op || !dir->i_op->rmdir)
		return -EPERM;
	inode_lock(dentry->d_inode);
	if (vfs_mountpoint_busy(dentry))
		ret = -EBUSY;
	else
		ret = dir->i_op->rmdir(dir, dentry);
	inode_unlock(dentry->d_inode);
	if (!ret)
		d_delete(dentry);
	return ret;
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int ret = may_delete(dir, dentry, false);

	if (ret)
		return ret;
	if (!dir->i_op || !dir->i_op->unlink)
		return -EPERM;
	if (vfs_mountpoint_busy(dentry))
		return -EBUSY;
	ret = dir->i_op->unlink(dir, dentry);
	if (!ret)
		d_delete(dentry);
	return ret;
}

static bool is_ancestor(struct dentry *ancestor, struct dentry *d)
{
	bool ret = false;

	spin_lock(&dcache_lock);
	for (;;) {
		if (d == ancestor) {
			ret = true;
			break;
		}
		if (IS_ROOT(d))
			break;
		d = d->d_parent;
	}
	spin_unlock(&dcache_lock);
	return ret;
}

int vfs_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
	       struct dentry *new_dentry, unsigned int flags)
{
	struct inode *source = old_dentry->d_inode, *target = new_dentry->d_inode;
	bool is_dir = S_ISDIR(source->i_mode);
	int ret;

	if (source == target)
		return 0;
	ret = may_delete(old_dir, old_dentry, is_dir);
	if (ret)
		return ret;
	if (!target)
		ret = may_create(new_dir, new_dentry);
	else
		ret = may_delete(new_dir, new_dentry, (flags & RENAME_EXCHANGE) ?
				 S_ISDIR(target->i_mode) : is_dir);
	if (ret)
		return ret;
	if (!old_dir->i_op || !old_dir->i_op->rename)
		return -EPERM;
	/* Moving a directory into itself or below. */
	if (is_dir && is_ancestor(old_dentry, new_dentry->d_parent))
		return -EINVAL;
	if (target && S_ISDIR(target->i_mode) && is_ancestor(new_dentry, old_dentry->d_parent))
		return (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
	if (vfs_mountpoint_busy(old_dentry) || vfs_mountpoint_busy(new_dentry))
		return -EBUSY;
	/* A directory moved to another parent has its ".." changed: needs write access. */
	if (is_dir && new_dir != old_dir) {
		ret = inode_permission(source, MAY_WRITE);
		if (ret)
			return ret;
	}
	ret = old_dir->i_op->rename(old_dir, old_dentry, new_dir, new_dentry, flags);
	if (ret)
		return ret;
	if (flags & RENAME_EXCHANGE)
		d_exchange(old_dentry, new_dentry);
	else
		d_move(old_dentry, new_dentry);
	return 0;
}

/**
 * filename_create() - find a free name for a new object and lock its directory
 * @dfd: AT_FDCWD or a directory descriptor
 * @name: the name (not consumed)
 * @path: the parent directory, referenced, i_rwsem held
 * @lookup_flags: LOOKUP_DIRECTORY allows a trailing slash (mkdir)
 *
 * Return: the negative dentry, or ERR_PTR (-EEXIST when taken).
 */
struct dentry *filename_create(int dfd, struct filename *name, struct path *path,
			       unsigned int lookup_flags)
{
	struct nameidata nd;
	struct dentry *dentry;
	bool trailing;
	int ret = filename_parentat(&nd, dfd, name, 0);

	if (ret)
		return ERR_PTR(ret);
	if (nd.last_type != LAST_NORM) {
		terminate_walk(&nd);
		return ERR_PTR(-EEXIST);
	}
	trailing = nd.flags & LOOKUP_DIRECTORY;
	inode_lock(nd.path.dentry->d_inode);
	dentry = __lookup_hash(&nd.last, nd.path.dentry, LOOKUP_CREATE | LOOKUP_EXCL);
	if (IS_ERR(dentry))
		goto fail;
	if (dentry->d_inode) {
		dput(dentry);
		dentry = ERR_PTR(-EEXIST);
		goto fail;
	}
	if (trailing && !(lookup_flags & LOOKUP_DIRECTORY)) {
		dput(dentry);
		dentry = ERR_PTR(-ENOENT);
		goto fail;
	}
	*path = nd.path;
	nd.path.dentry = NULL;
	terminate_walk(&nd);
	return dentry;
fail:
	inode_unlock(nd.path.dentry->d_inode);
	terminate_walk(&nd);
	return dentry;
}

struct dentry *kern_path_create(int dfd, const char *pathname, struct path *path,
				unsigned int lookup_flags)
{
	struct filename *f = getname_kernel(pathname);
	struct dentry *d;

	if (IS_ERR(f))
		return ERR_PTR(PTR_ERR(f));
	d = filename_create(dfd, f, path, lookup_flags);
	putname(f);
	return d;
}

void done_path_create(struct path *path, struct dentry *dentry)
{
	dput(dentry);
	inode_unlock(path->dentry->d_inode);
	path_put(path);
}

int do_mkdirat(int dfd, struct filename *name, umode_t mode)
{
	struct path path;
	struct dentry *dentry = filename_create(dfd, name, &path, LOOKUP_DIRECTORY);
	int ret;

	if (IS_ERR(dentry)) {
		ret = PTR_ERR(dentry);
		goto out;
	}
	ret = vfs_mkdir(path.dentry->d_inode, dentry, mode & ~current_umask());
	done_path_create(&path, dentry);
out:
	putname(name);
	return ret;
}

int do_mknodat(int dfd, struct filename *name, umode_t mode, unsigned int dev)
{
	struct path path;
	struct dentry *dentry;
	int ret;

	if (S_ISDIR(mode)) {
		ret = -EPERM;
		goto out;
	}
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	switch (mode & S_IFMT) {
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	default:
		ret = -EINVAL;
		goto out;
	}
	dentry = filename_create(dfd, name, &path, 0);
	if (IS_ERR(dentry)) {
		ret = PTR_ERR(dentry);
		goto out;
	}
	mode = (mode & S_IFMT) | (mode & ~S_IFMT & ~current_umask());
	if (S_ISREG(mode))
		ret = vfs_create(path.dentry->d_inode, dentry, mode, true);
	else
		ret = vfs_mknod(path.dentry->d_inode, dentry, mode, new_decode_dev(dev));
	done_path_create(&path, dentry);
out:
	putname(name);
	return ret;
}

int do_symlinkat(struct filename *from, int newdfd, struct filename *to)
{
	struct path path;
	struct dentry *dentry;
	int ret;

	if (IS_ERR(from)) {
		ret = PTR_ERR(from);
		goto out;
	}
	dentry = filename_create(newdfd, to, &path, 0);
	if (IS_ERR(dentry)) {
		ret = PTR_ERR(dentry);
		goto out;
	}
	ret = vfs_symlink(path.dentry->d_inode, dentry, from->name);
	done_path_create(&path, dentry);
out:
	putname(to);
	putname(from);
	return ret;
}

int do_linkat(int olddfd, struct filename *old, int newdfd, struct filename *new, int flags)
{
	struct path old_path, new_path;
	struct dentry *dentry;
	unsigned int how = 0;
	int ret;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) {
		ret = -EINVAL;
		goto out;
	}
	if (flags & AT_SYMLINK_FOLLOW)
		how |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		how |= LOOKUP_EMPTY;
	ret = filename_lookup(olddfd, old, how, &old_path, NULL);
	if (ret)
		goto out;
	dentry = filename_create(newdfd, new, &new_path, 0);
	if (IS_ERR(dentry)) {
		ret = PTR_ERR(dentry);
		goto out_put;
	}
	ret = -EXDEV;
	if (old_path.mnt == new_path.mnt)
		ret = vfs_link(old_path.dentry, new_path.dentry->d_inode, dentry);
	done_path_create(&new_path, dentry);
out_put:
	path_put(&old_path);
out:
	putname(old);
	putname(new);
	return ret;
}

/* Look up the last component of a parent walk with the parent locked. */
static struct dentry *lookup_last_locked(struct nameidata *nd)
{
	inode_lock(nd->path.dentry->d_inode);
	return __lookup_hash(&nd->last, nd->path.dentry, 0);
}

int do_rmdir(int dfd, struct filename *name)
{
	struct nameidata nd;
	struct dentry *dentry;
	int ret = filename_parentat(&nd, dfd, name, 0);

	if (ret)
		goto out;
	switch (nd.last_type) {
	case LAST_DOTDOT:
		ret = -ENOTEMPTY;
		goto out_walk;
	case LAST_DOT:
		ret = -EINVAL;
		goto out_walk;
	case LAST_ROOT:
		ret = -EBUSY;
		goto out_walk;
	}
	dentry = lookup_last_locked(&nd);
	if (IS_ERR(dentry)) {
		ret = PTR_ERR(dentry);
		goto out_unlock;
	}
	ret = -ENOENT;
	if (dentry->d_inode)
		ret = vfs_rmdir(nd.path.dentry->d_inode, dentry);
	dput(dentry);
out_unlock:
	inode_unlock(nd.path.dentry->d_inode);
out_walk:
	terminate_walk(&nd);
out:
	putname(name);
	return ret;
}

int do_unlinkat(int dfd, struct filename *name)
{
	struct nameidata nd;
	struct dentry *dentry;
	int ret = filename_parentat(&nd, dfd, name, 0);

	if (ret)
		goto out;
	if (nd.last_type != LAST_NORM) {
		ret = -EISDIR;
		goto out_walk;
	}
	dentry = lookup_last_locked(&nd);
	if (IS_ERR(dentry)) {
		ret = PTR_ERR(dentry);
		goto out_unlock;
	}
	if (!dentry->d_inode)
		ret = -ENOENT;
	else if ((nd.flags & LOOKUP_DIRECTORY) && !S_ISDIR(dentry->d_inode->i_mode))
		ret = -ENOTDIR;
	else
		ret = vfs_unlink(nd.path.dentry->d_inode, dentry);
	dput(dentry);
out_unlock:
	inode_unlock(nd.path.dentry->d_inode);
out_walk:
	terminate_walk(&nd);
out:
	putname(name);
	return ret;
}

static void lock_rename(struct inode *a, struct inode *b)
{
	mutex_lock(&rename_mutex);
	if (a == b) {
		inode_lock(a);
	} else if (a < b) {
		inode_lock(a);
		inode_lock(b);
	} else {
		inode_lock(b);
		inode_lock(a);
	}
}

static void unlock_rename(struct inode *a, struct inode *b)
{
	inode_unlock(a);
	if (a != b)
		inode_unlock(b);
	mutex_unlock(&rename_mutex);
}

int do_renameat2(int olddfd, struct filename *from, int newdfd, struct filename *to,
		 unsigned int flags)
{
	struct nameidata old_nd, new_nd;
	struct dentry *old_dentry, *new_dentry;
	struct inode *old_dir, *new_dir;
	int ret;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) {
		ret = -EINVAL;
		goto out;
	}
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE)) {
		ret = -EINVAL;
		goto out;
	}
	if (flags & RENAME_WHITEOUT) {
		ret = -EPERM;
		goto out;
	}
	ret = filename_parentat(&old_nd, olddfd, from, 0);
	if (ret)
		goto out;
	ret = filename_parentat(&new_nd, newdfd, to, 0);
	if (ret)
		goto out_old;
	ret = -EXDEV;
	if (old_nd.path.mnt != new_nd.path.mnt)
		goto out_new;
	ret = -EBUSY;
	if (old_nd.last_type != LAST_NORM || new_nd.last_type != LAST_NORM)
		goto out_new;
	old_dir = old_nd.path.dentry->d_inode;
	new_dir = new_nd.path.dentry->d_inode;
	lock_rename(old_dir, new_dir);
	old_dentry = __lookup_hash(&old_nd.last, old_nd.path.dentry, 0);
	ret = PTR_ERR(old_dentry);
	if (IS_ERR(old_dentry))
		goto out_unlock;
	ret = -ENOENT;
	if (!old_dentry->d_inode)
		goto out_dput_old;
	new_dentry = __lookup_hash(&new_nd.last, new_nd.path.dentry, LOOKUP_RENAME_TARGET);
	ret = PTR_ERR(new_dentry);
	if (IS_ERR(new_dentry))
		goto out_dput_old;
	ret = -EEXIST;
	if ((flags & RENAME_NOREPLACE) && new_dentry->d_inode)
		goto out_dput_new;
	ret = -ENOENT;
	if ((flags & RENAME_EXCHANGE) && !new_dentry->d_inode)
		goto out_dput_new;
	ret = -ENOTDIR;
	if (!S_ISDIR(old_dentry->d_inode->i_mode) &&
	    ((old_nd.flags | new_nd.flags) & LOOKUP_DIRECTORY))
		goto out_dput_new;
	if (new_dentry->d_inode && !(flags & RENAME_EXCHANGE)) {
		bool odir = S_ISDIR(old_dentry->d_inode->i_mode);
		bool ndir = S_ISDIR(new_dentry->d_inode->i_mode);

		ret = odir ? -ENOTDIR : -EISDIR;
		if (odir != ndir)
			goto out_dput_new;
	}
	ret = vfs_rename(old_dir, old_dentry, new_dir, new_dentry, flags);
out_dput_new:
	dput(new_dentry);
out_dput_old:
	dput(old_dentry);
out_unlock:
	unlock_rename(old_dir, new_dir);
out_new:
	terminate_walk(&new_nd);
out_old:
	terminate_walk(&old_nd);
out:
	putname(from);
	putname(to);
	return ret;
}

/* ---- opening ------------------------------------------------------------------------- */

static int handle_truncate(struct file *filp)
{
	struct inode *inode = file_inode(filp);
	int ret = inode_permission(inode, MAY_WRITE);

	if (!ret)
		ret = do_truncate(filp->f_path.dentry, 0, ATTR_MTIME | ATTR_CTIME, filp);
	return ret;
}

/*
 * The last component of an open: look it up or create it (O_CREAT), following trailing
 * symlinks unless O_NOFOLLOW. Leaves nd->path on the file; *created says we made it.
 */
static int open_last_lookups(struct nameidata *nd, const struct open_flags *op, bool *created)
{
	int open_flag = op->open_flag;
	bool follow = !(open_flag & O_NOFOLLOW) && !((open_flag & O_CREAT) && (open_flag & O_EXCL));
	struct delayed_call prev = { };
	int ret;

	*created = false;
	for (;;) {
		struct path next;
		struct dentry *dentry;
		struct inode *dir;
		struct delayed_call done;
		const char *body;

		if (nd->last_type != LAST_NORM) {
			do_delayed_call(&prev);
			if (open_flag & O_CREAT)
				return -EISDIR;
			return handle_dots(nd, nd->last_type);
		}
		ret = may_lookup(nd);
		if (ret)
			break;
		dir = nd->path.dentry->d_inode;
		if (open_flag & O_CREAT) {
			inode_lock(dir);
			dentry = __lookup_hash(&nd->last, nd->path.dentry, LOOKUP_OPEN | LOOKUP_CREATE);
			if (IS_ERR(dentry)) {
				inode_unlock(dir);
				ret = PTR_ERR(dentry);
				break;
			}
			if (!dentry->d_inode) {
				if (nd->flags & LOOKUP_DIRECTORY)
					ret = -EISDIR;
				else if (nd->path.mnt->mnt_flags & MNT_READONLY)
					ret = -EROFS;
				else
					ret = vfs_create(dir, dentry, op->mode, true);
				inode_unlock(dir);
				if (ret) {
					dput(dentry);
					break;
				}
				*created = true;
				dput(nd->path.dentry);	/* same mount: keep its reference */
				nd->path.dentry = dentry;
				ret = 0;
				break;
			}
			inode_unlock(dir);
			if (open_flag & O_EXCL) {
				dput(dentry);
				ret = -EEXIST;
				break;
			}
			next.mnt = mntget(nd->path.mnt);
			next.dentry = dentry;
			follow_mounts(&next);
		} else {
			ret = lookup_component(nd, &nd->last, &next);
			if (ret)
				break;
			if (!next.dentry->d_inode) {
				path_put(&next);
				ret = -ENOENT;
				break;
			}
		}
		do_delayed_call(&prev);
		if (!S_ISLNK(next.dentry->d_inode->i_mode) || !follow) {
			path_put(&nd->path);
			nd->path = next;
			ret = 0;
			break;
		}
		body = pick_link(nd, &next, &done);
		if (IS_ERR(body)) {
			ret = PTR_ERR(body);
			break;
		}
		ret = link_path_walk(body, nd);
		prev = done;
		if (ret)
			break;
	}
	do_delayed_call(&prev);
	return ret;
}

static struct file *path_openat(struct nameidata *nd, int dfd, struct filename *pathname,
				const struct open_flags *op)
{
	struct file *file;
	bool created = false;
	int ret;

	file = alloc_empty_file(op->open_flag);
	if (IS_ERR(file))
		return file;
	ret = path_init(nd, dfd, pathname->name, op->lookup_flags);
	if (!ret && !*pathname->name)
		ret = -ENOENT;
	if (!ret)
		ret = link_path_walk(pathname->name, nd);
	if (!ret)
		ret = open_last_lookups(nd, op, &created);
	if (ret)
		goto out;
	if ((nd->flags & LOOKUP_DIRECTORY) && !d_is_dir(nd->path.dentry)) {
		ret = -ENOTDIR;
		goto out;
	}
	if ((op->open_flag & O_DIRECTORY) && !d_is_dir(nd->path.dentry)) {
		ret = -ENOTDIR;
		goto out;
	}
	if ((op->open_flag & O_CREAT) && d_is_dir(nd->path.dentry)) {
		ret = -EISDIR;
		goto out;
	}
	if (!created && !(op->open_flag & O_PATH)) {
		ret = may_open(&nd->path, op->acc_mode, op->open_flag);
		if (ret)
			goto out;
	} else if (S_ISLNK(nd->path.dentry->d_inode->i_mode) && !(op->open_flag & O_PATH)) {
		ret = -ELOOP;
		goto out;
	}
	ret = vfs_open(&nd->path, file);
	if (ret)
		goto out;
	if (!created && (op->open_flag & O_TRUNC) && S_ISREG(file_inode(file)->i_mode) &&
	    (file->f_mode & FMODE_WRITE)) {
		ret = handle_truncate(file);
		if (ret) {
			terminate_walk(nd);
			fput(file);
			return ERR_PTR(ret);
		}
	}
	terminate_walk(nd);
	return file;
out:
	terminate_walk(nd);
	file_free(file);
	return ERR_PTR(ret);
}

/**
 * do_filp_open() - open a path name: walk, create if asked, check, open
 * @dfd: AT_FDCWD or a directory descriptor
 * @pathname: the name (not consumed)
 * @op: from build_open_flags()
 *
 * Return: the open file, or ERR_PTR.
 */
noinline struct file *do_filp_open(int dfd, struct filename *pathname,
				   const struct open_flags *op)
{
	struct nameidata nd;

	return path_openat(&nd, dfd, pathname, op);
}

/* ---- system calls -------------------------------------------------------------------- */

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(dfd, getname(pathname), mode);
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, getname(pathname), mode);
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, umode_t, mode,
		unsigned int, dev)
{
	return do_mknodat(dfd, getname(filename), mode, dev);
}

SYSCALL_DEFINE3(mknod, const char __user *, filename, umode_t, mode, unsigned int, dev)
{
	return do_mknodat(AT_FDCWD, getname(filename), mode, dev);
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_rmdir(AT_FDCWD, getname(pathname));
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	if (flag & AT_REMOVEDIR)
		return do_rmdir(dfd, getname(pathname));
	return do_unlinkat(dfd, getname(pathname));
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_unlinkat(AT_FDCWD, getname(pathname));
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_symlinkat(getname(oldname), newdfd, getname(newname));
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return do_symlinkat(getname(oldname), AT_FDCWD, getname(newname));
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	return do_linkat(olddfd, getname_flags(oldname, (flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0),
			 newdfd, getname(newname), flags);
}

SYSCALL_DEFINE2(link, const char __user *, oldname, const char __user *, newname)
{
	return do_linkat(AT_FDCWD, getname(oldname), AT_FDCWD, getname(newname), 0);
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, getname(oldname), newdfd, getname(newname), flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_renameat2(olddfd, getname(oldname), newdfd, getname(newname), 0);
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, getname(oldname), AT_FDCWD, getname(newname), 0);
}
