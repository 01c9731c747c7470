// SPDX-License-Identifier: GPL-2.0-only
/*
 * Path name lookup (fs/vfs/namei.c). A walk starts at the process's root for an absolute
 * name and at the directory @dfd (AT_FDCWD: the current directory) otherwise, follows
 * mounts, handles "." and ".." (never above the process's root), follows symbolic links
 * (at most MAXSYMLINKS = 40 per lookup, then -ELOOP) and checks search permission on every
 * directory it passes.
 */
#ifndef _STARLING_NAMEI_H
#define _STARLING_NAMEI_H

#include <starling/fs.h>

#define LOOKUP_FOLLOW		0x0001	/* follow a trailing symlink */
#define LOOKUP_DIRECTORY	0x0002	/* the result must be a directory */
#define LOOKUP_AUTOMOUNT	0x0004
#define LOOKUP_EMPTY		0x4000	/* accept "" (AT_EMPTY_PATH) */
#define LOOKUP_DOWN		0x8000
#define LOOKUP_REVAL		0x0020
#define LOOKUP_OPEN		0x0100
#define LOOKUP_CREATE		0x0200
#define LOOKUP_EXCL		0x0400
#define LOOKUP_RENAME_TARGET	0x0800
#define LOOKUP_PARENT		0x0010
#define LOOKUP_NO_SYMLINKS	0x010000
#define LOOKUP_BENEATH		0x080000
#define LOOKUP_IN_ROOT		0x100000

/* The kind of the last component, for callers of the parent lookups. */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path);
int filename_lookup(int dfd, struct filename *name, unsigned int flags, struct path *path,
		    struct path *root);
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt, const char *name,
		    unsigned int flags, struct path *path);
/* Look @name up in @base; the caller holds base's i_rwsem. Returns a dentry, maybe negative. */
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len);
struct dentry *lookup_one_unlocked(const char *name, struct dentry *base, int len);
/*
 * Walk to the parent of @name's last component, lock the parent and look the last component
 * up. On success *path is the parent (referenced) and the returned dentry (referenced,
 * maybe negative) is in it; done_path_create() undoes all of that.
 */
struct dentry *kern_path_create(int dfd, const char *pathname, struct path *path,
				unsigned int lookup_flags);
struct dentry *filename_create(int dfd, struct filename *name, struct path *path,
			       unsigned int lookup_flags);
void done_path_create(struct path *path, struct dentry *dentry);
/* 0 or -errno: may the current credentials create/delete in directory @dir? */
int may_create_in(struct inode *dir);

#endif /* _STARLING_NAMEI_H */
