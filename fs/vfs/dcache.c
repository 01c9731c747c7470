// SPDX-License-Identifier: GPL-2.0-only
/*
 * The dentry cache: the tree of names. Every dentry holds a reference on its parent, so a
 * dentry with d_count 0 has no children and can be freed. Names are found by a linear scan
 * of the parent's children (directories here are small and the scan is under a spinlock).
 *
 * Life of a dentry:
 *   d_alloc()      in the parent's list but unhashed: lookups do not see it yet
 *   d_add()        hashed, positive or negative (the result of ->lookup or a creation)
 *   d_delete()     unhashed again (unlink, rmdir, rename over it); freed at the last dput()
 *   dput() to 0    freed if unhashed, negative, or the file system's d_delete says so
 *                  (procfs); otherwise kept (ramfs pins its dentries anyway)
 *
 * readdir cookies: each dentry gets d_offset from a global counter when it enters a
 * directory, so a directory's children are in increasing d_offset order and a cookie stays
 * valid while entries before it are removed (rm -r deletes while it reads).
 *
 * All fields listed as such in <starling/fs.h> are under dcache_lock.
 */
#include <starling/fs.h>
#include <starling/fdtable.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include "internal.h"

DEFINE_SPINLOCK(dcache_lock);
static loff_t next_d_offset = 2;	/* 0 and 1 are "." and ".."; dcache_lock */

static void d_free(struct dentry *dentry)
{
	if (dentry->d_op && dentry->d_op->d_release)
		dentry->d_op->d_release(dentry);
	if (dentry->d_name.name != (const char *)dentry->d_iname)
		kfree(dentry->d_name.name);
	kfree(dentry);
}

/* A copy of @name for a dentry: inline when short. */
static const char *d_name_copy(struct dentry *dentry, const struct qstr *name)
{
	char *s;

	if (name->len < DNAME_INLINE_LEN) {
		s = (char *)dentry->d_iname;
	} else {
		s = kmalloc(name->len + 1, GFP_KERNEL);
		if (!s)
			return NULL;
	}
	memcpy(s, name->name, name->len);
	s[name->len] = '\0';
	return s;
}

/**
 * d_alloc() - allocate a child dentry of @parent named @name
 * @parent: the directory's dentry, or NULL for a root
 * @name: the name, which is copied
 *
 * The new dentry is negative, unhashed, and holds a reference on @parent.
 * Return: the dentry with one reference, or NULL when out of memory.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = kzalloc(sizeof(*dentry), GFP_KERNEL);

	if (!dentry)
		return NULL;
	dentry->d_name.name = d_name_copy(dentry, name);
	if (!dentry->d_name.name) {
		kfree(dentry);
		return NULL;
	}
	dentry->d_name.len = name->len;
	dentry->d_count = 1;
	dentry->d_flags = DCACHE_UNHASHED;
	INIT_LIST_HEAD(&dentry->d_subdirs);
	INIT_LIST_HEAD(&dentry->d_child);
	if (!parent) {
		dentry->d_parent = dentry;
		return dentry;
	}
	dentry->d_sb = parent->d_sb;
	dentry->d_op = parent->d_sb ? parent->d_sb->s_d_op : NULL;
	spin_lock(&dcache_lock);
	parent->d_count++;
	dentry->d_parent = parent;
	dentry->d_offset = next_d_offset++;
	list_add_tail(&dentry->d_child, &parent->d_subdirs);
	spin_unlock(&dcache_lock);
	return dentry;
}

/**
 * d_alloc_name() - d_alloc() with a C string
 * @parent: the directory's dentry
 * @name: the name
 *
 * Return: the new dentry, or NULL.
 */
struct dentry *d_alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q = { .name = name, .len = strlen(name) };

	return d_alloc(parent, &q);
}

/**
 * d_instantiate() - attach @inode to a negative dentry, making it positive and hashed
 * @dentry: the dentry
 * @inode: the inode, whose reference the dentry takes over (may be NULL)
 */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	spin_lock(&dcache_lock);
	dentry->d_inode = inode;
	dentry->d_flags &= ~DCACHE_UNHASHED;
	spin_unlock(&dcache_lock);
}

/**
 * d_add() - make a looked-up dentry visible, positive (@inode) or negative (NULL)
 * @dentry: the dentry from d_alloc()
 * @inode: the inode (reference taken over) or NULL
 */
void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
}

/**
 * d_make_root() - allocate the root dentry of a superblock
 * @root_inode: the root inode, whose reference is taken over (put on failure)
 *
 * Return: the root dentry, or NULL.
 */
struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr slash = { .name = "/", .len = 1 };
	struct dentry *root;

	if (!root_inode)
		return NULL;
	root = d_alloc(NULL, &slash);
	if (!root) {
		iput(root_inode);
		return NULL;
	}
	root->d_sb = root_inode->i_sb;
	root->d_op = root->d_sb->s_d_op;
	root->d_inode = root_inode;
	root->d_flags &= ~DCACHE_UNHASHED;
	return root;
}

struct dentry *__dget(struct dentry *dentry)
{
	lockdep_assert_held(&dcache_lock);
	dentry->d_count++;
	return dentry;
}

/**
 * dget() - take a reference on a dentry
 * @dentry: the dentry, or NULL
 *
 * Return: @dentry.
 */
struct dentry *dget(struct dentry *dentry)
{
	if (dentry) {
		spin_lock(&dcache_lock);
		dentry->d_count++;
		spin_unlock(&dcache_lock);
	}
	return dentry;
}

/**
 * dget_parent() - reference the parent of @dentry (stable against rename)
 * @dentry: the dentry
 *
 * Return: the parent with a reference.
 */
struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *parent;

	spin_lock(&dcache_lock);
	parent = __dget(dentry->d_parent);
	spin_unlock(&dcache_lock);
	return parent;
}

/**
 * dput() - drop a reference; free the dentry when it was the last and it is not worth keeping
 * @dentry: the dentry, or NULL
 */
void dput(struct dentry *dentry)
{
	while (dentry) {
		struct dentry *parent;
		struct inode *inode;
		bool kill;

		spin_lock(&dcache_lock);
		if (WARN_ON_ONCE(dentry->d_count <= 0)) {
			spin_unlock(&dcache_lock);
			return;
		}
		if (--dentry->d_count > 0 || IS_ROOT(dentry)) {
			spin_unlock(&dcache_lock);
			return;
		}
		kill = (dentry->d_flags & DCACHE_UNHASHED) || !dentry->d_inode ||
		       (dentry->d_op && dentry->d_op->d_delete && dentry->d_op->d_delete(dentry));
		if (!kill || dentry->d_mounted) {
			spin_unlock(&dcache_lock);
			return;
		}
		list_del_init(&dentry->d_child);
		parent = dentry->d_parent;
		inode = dentry->d_inode;
		dentry->d_inode = NULL;
		spin_unlock(&dcache_lock);

		if (inode)
			iput(inode);
		d_free(dentry);
		dentry = parent;
	}
}

/* Free a root dentry (superblock shutdown); its children must be gone. */
void d_free_root(struct dentry *root);
void d_free_root(struct dentry *root)
{
	struct inode *inode = root->d_inode;

	root->d_inode = NULL;
	if (inode)
		iput(inode);
	d_free(root);
}

struct dentry *__d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d;

	lockdep_assert_held(&dcache_lock);
	list_for_each_entry(d, &parent->d_subdirs, d_child) {
		if (d->d_flags & DCACHE_UNHASHED)
			continue;
		if (d->d_name.len == name->len && !memcmp(d->d_name.name, name->name, name->len))
			return d;
	}
	return NULL;
}

/**
 * d_lookup() - find a hashed child of @parent by name
 * @parent: the directory's dentry
 * @name: the name
 *
 * Return: the child (positive or negative) with a reference, or NULL if not cached.
 */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d;

	spin_lock(&dcache_lock);
	d = __d_lookup(parent, name);
	if (d)
		__dget(d);
	spin_unlock(&dcache_lock);
	return d;
}

/**
 * d_delete() - remove a dentry from lookups after unlink/rmdir
 * @dentry: the dentry; it is freed at its last dput()
 */
void d_delete(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	dentry->d_flags |= DCACHE_UNHASHED;
	spin_unlock(&dcache_lock);
}

/**
 * d_drop() - unhash a dentry so that the next lookup asks the file system again
 * @dentry: the dentry
 */
void d_drop(struct dentry *dentry)
{
	d_delete(dentry);
}

/**
 * d_unhashed() - has the dentry been deleted or never made visible?
 * @dentry: the dentry
 *
 * Return: true if lookups do not find it.
 */
bool d_unhashed(const struct dentry *dentry)
{
	return READ_ONCE(dentry->d_flags) & DCACHE_UNHASHED;
}

/**
 * always_delete_dentry() - a d_delete for file systems that generate their names
 * @dentry: unused
 *
 * Return: 1.
 */
int always_delete_dentry(const struct dentry *dentry)
{
	return 1;
}

bool d_is_dir(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISDIR(dentry->d_inode->i_mode);
}

/**
 * d_move() - rename: move @dentry to @target's place and name
 * @dentry: the dentry being renamed
 * @target: the negative or already deleted dentry it replaces
 *
 * The caller holds both parents' i_rwsem (and the rename lock when they differ).
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	const char *name = NULL, *old_name = NULL;
	struct dentry *old_parent;

	if (target->d_name.len >= DNAME_INLINE_LEN) {
		name = kmemdup(target->d_name.name, target->d_name.len + 1, GFP_KERNEL);
		if (!name) {
			pr_warn("d_move: out of memory, keeping the old name\n");
			return;
		}
	}
	spin_lock(&dcache_lock);
	if (dentry->d_name.name != (const char *)dentry->d_iname)
		old_name = dentry->d_name.name;
	if (!name) {
		memcpy(dentry->d_iname, target->d_name.name, target->d_name.len + 1);
		name = (const char *)dentry->d_iname;
	}
	dentry->d_name.name = name;
	dentry->d_name.len = target->d_name.len;
	target->d_flags |= DCACHE_UNHASHED;
	old_parent = dentry->d_parent;
	list_del(&dentry->d_child);
	dentry->d_parent = __dget(target->d_parent);
	dentry->d_offset = next_d_offset++;
	list_add_tail(&dentry->d_child, &target->d_parent->d_subdirs);
	dentry->d_flags &= ~DCACHE_UNHASHED;
	spin_unlock(&dcache_lock);
	kfree(old_name);
	dput(old_parent);
}

/**
 * d_exchange() - RENAME_EXCHANGE: swap the names and places of two dentries
 * @a: one dentry
 * @b: the other
 */
void d_exchange(struct dentry *a, struct dentry *b)
{
	struct dentry *pa, *pb;
	struct qstr na, nb;
	unsigned char ia[DNAME_INLINE_LEN], ib[DNAME_INLINE_LEN];
	loff_t off;

	spin_lock(&dcache_lock);
	na = a->d_name;
	nb = b->d_name;
	memcpy(ia, a->d_iname, sizeof(ia));
	memcpy(ib, b->d_iname, sizeof(ib));
	memcpy(a->d_iname, ib, sizeof(ia));
	memcpy(b->d_iname, ia, sizeof(ib));
	a->d_name = nb.name == (const char *)b->d_iname ?
		    (struct qstr){ (const char *)a->d_iname, nb.len } : nb;
	b->d_name = na.name == (const char *)a->d_iname ?
		    (struct qstr){ (const char *)b->d_iname, na.len } : na;
	pa = a->d_parent;
	pb = b->d_parent;
	list_del(&a->d_child);
	list_del(&b->d_child);
	a->d_parent = pb;
	b->d_parent = pa;
	list_add_tail(&a->d_child, &pb->d_subdirs);
	list_add_tail(&b->d_child, &pa->d_subdirs);
	off = a->d_offset;
	a->d_offset = b->d_offset;
	b->d_offset = off;
	spin_unlock(&dcache_lock);
}

/* Prepend @s (@len bytes) before *@pos in a buffer that starts at @buf. */
static bool prepend(char *buf, char **pos, const char *s, size_t len)
{
	if ((size_t)(*pos - buf) < len)
		return false;
	*pos -= len;
	memcpy(*pos, s, len);
	return true;
}

/**
 * d_path() - the name of @path as seen from the current root
 * @path: the path
 * @buf: the buffer
 * @buflen: its size
 *
 * A deleted file gets " (deleted)" appended, as in Linux.
 * Return: a pointer into @buf, or ERR_PTR(-ENAMETOOLONG).
 */
char *d_path(const struct path *path, char *buf, int buflen)
{
	struct dentry *dentry = path->dentry;
	struct vfsmount *mnt = path->mnt;
	struct path root;
	char *pos = buf + buflen;
	bool ok = true;

	if (dentry->d_op && dentry->d_op->d_dname)
		return dentry->d_op->d_dname(dentry, buf, buflen);
	get_fs_root(current_fs(), &root);
	spin_lock(&dcache_lock);
	ok = prepend(buf, &pos, "", 1);
	if (ok && (dentry->d_flags & DCACHE_UNHASHED) && !IS_ROOT(dentry))
		ok = prepend(buf, &pos, " (deleted)", 10);
	while (ok) {
		if (dentry == root.dentry && mnt == root.mnt)
			break;
		if (dentry == mnt->mnt_root || IS_ROOT(dentry)) {
			if (mnt->mnt_parent == mnt || dentry != mnt->mnt_root)
				break;
			dentry = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		ok = prepend(buf, &pos, dentry->d_name.name, dentry->d_name.len) &&
		     prepend(buf, &pos, "/", 1);
		dentry = dentry->d_parent;
	}
	spin_unlock(&dcache_lock);
	path_put(&root);
	if (!ok)
		return ERR_PTR(-ENAMETOOLONG);
	if (*pos == '\0' || *pos == ' ') {
		if (!prepend(buf, &pos, "/", 1))
			return ERR_PTR(-ENAMETOOLONG);
	}
	return pos;
}

/**
 * dentry_path_raw() - the name of @dentry from the root of its file system
 * @dentry: the dentry
 * @buf: the buffer
 * @buflen: its size
 *
 * Return: a pointer into @buf, or ERR_PTR(-ENAMETOOLONG).
 */
char *dentry_path_raw(struct dentry *dentry, char *buf, int buflen)
{
	char *pos = buf + buflen;
	bool ok;

	spin_lock(&dcache_lock);
	ok = prepend(buf, &pos, "", 1);
	while (ok && !IS_ROOT(dentry)) {
		ok = prepend(buf, &pos, dentry->d_name.name, dentry->d_name.len) &&
		     prepend(buf, &pos, "/", 1);
		dentry = dentry->d_parent;
	}
	spin_unlock(&dcache_lock);
	if (ok && *pos == '\0')
		ok = prepend(buf, &pos, "/", 1);
	return ok ? pos : ERR_PTR(-ENAMETOOLONG);
}

/**
 * path_get() - reference both halves of a path
 * @path: the path
 */
void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}

/**
 * path_put() - drop both references of a path
 * @path: the path
 */
void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}
