// SPDX-License-Identifier: GPL-2.0-only
/* Declarations shared by the files of fs/vfs/ and nothing else. */
#ifndef _FS_VFS_INTERNAL_H
#define _FS_VFS_INTERNAL_H

#include <starling/fs.h>
#include <starling/namei.h>
#include <starling/fdtable.h>

/* dcache.c */
struct dentry *__d_lookup(struct dentry *parent, const struct qstr *name);	/* dcache_lock */
struct dentry *__dget(struct dentry *dentry);					/* dcache_lock */
bool d_is_dir(const struct dentry *dentry);

/* namespace.c */
extern struct list_head mount_list;		/* dcache_lock */
struct vfsmount *__lookup_mnt(struct vfsmount *parent, struct dentry *mountpoint);
void __mntget(struct vfsmount *mnt);		/* dcache_lock */
int vfs_mountpoint_busy(struct dentry *dentry);
void init_mount_tree(void);

/* super.c */
struct super_block *alloc_super(struct file_system_type *type, int flags);
void deactivate_super(struct super_block *sb);
void super_get_active(struct super_block *sb);

/* file_table.c */
struct file *alloc_empty_file(int flags);
void file_free(struct file *f);

/* open.c */
int do_dentry_open(struct file *f, struct inode *inode,
		   int (*open)(struct inode *inode, struct file *file));

/* namei.c */
int may_delete(struct inode *dir, struct dentry *victim, bool isdir);
int may_create(struct inode *dir, struct dentry *child);
int may_open(const struct path *path, int acc_mode, int flag);

/* path.c: pure, host-tested */
/*
 * Split the next component off *@p: skip leading '/', return the component start and put
 * its length in *@len (0 at the end). *@p is left after the component; *@trailing_slash is
 * set when only slashes follow it.
 */
const char *path_next_component(const char **p, unsigned int *len, bool *trailing_slash);
int path_component_type(const char *name, unsigned int len);	/* LAST_NORM/DOT/DOTDOT */

/* select.c */
void poll_init_once(void);

#endif /* _FS_VFS_INTERNAL_H */
