// SPDX-License-Identifier: GPL-2.0-only
/*
 * tracefs: the file system the tracing core publishes its files in (mount -t tracefs nodev
 * /sys/kernel/tracing). There is one superblock, made at boot with kern_mount() so that the
 * tracing code can create its files before anyone mounts it; every later mount shares it.
 *
 * Old scripts use /sys/kernel/debug/tracing instead. Linux reaches the same tracefs there
 * through an automount; Starling mirrors it: every node is created twice, in tracefs and in
 * debugfs's tracing/ directory, with the same file operations and the same private data, so
 * both paths show the same files with the same state. A struct tracefs_node holds the pair.
 *
 * Modes (tracing ABI section 1): the root 0700, directories 0750, files as their creator
 * asks (0640 control, 0440 read-only, 0220 trace_marker), owner root. The mount option
 * gid=N gives every inode that group.
 *
 * Locking: tracefs_lock (a mutex) serialises node creation and removal and the gid walk.
 */
#include <starling/types.h>
#include <starling/errno.h>
#include <starling/kernel.h>
#include <starling/string.h>
#include <starling/slab.h>
#include <starling/mutex.h>
#include <starling/init.h>
#include <starling/printk.h>
#include <starling/fs.h>
#include <starling/trace_events.h>
#include <uapi/linux/magic.h>
#include "../../kernel/trace/trace_internal.h"

struct tracefs_node {
	struct dentry	*t;	/* in tracefs */
	struct dentry	*d;	/* the mirror in debugfs/tracing, or NULL */
};

static DEFINE_MUTEX(tracefs_lock);
static struct vfsmount *tracefs_mnt;
static gid_t tracefs_gid;			/* tracefs_lock */

/* debugfs/tracing: fs/debugfs/inode.c hands it over; NULL without debugfs. */
struct dentry *debugfs_tracing_dir(void);

static void set_gid(struct dentry *dentry, gid_t gid)
{
	struct dentry *child;

	if (d_inode(dentry))
		d_inode(dentry)->i_gid = gid;
	list_for_each_entry(child, &dentry->d_subdirs, d_child)
		set_gid(child, gid);
}

static int parse_options(char *data, gid_t *gid)
{
	char *p = data, *opt;
	unsigned int v;

	while (p && (opt = strsep(&p, ",")) != NULL) {
		if (!*opt)
			continue;
		if (!strncmp(opt, "gid=", 4)) {
			if (kstrtouint(opt + 4, 10, &v))
				return -EINVAL;
			*gid = v;
		}
		/* uid=, mode= and others: accepted and ignored */
	}
	return 0;
}

static int tracefs_fill_super(struct super_block *sb, void *data, int silent)
{
	return simple_fill_super_root(sb, TRACEFS_MAGIC, 0700);
}

static struct dentry *tracefs_mount(struct file_system_type *fs_type, int flags,
				    const char *dev_name, void *data)
{
	struct dentry *root = mount_single(fs_type, flags, data, tracefs_fill_super);
	gid_t gid = 0;

	if (IS_ERR(root) || !data)
		return root;
	if (parse_options(data, &gid) == 0 && gid) {
		mutex_lock(&tracefs_lock);
		tracefs_gid = gid;
		spin_lock(&dcache_lock);
		set_gid(root, gid);
		spin_unlock(&dcache_lock);
		mutex_unlock(&tracefs_lock);
	}
	return root;
}

static struct file_system_type tracefs_type = {
	.name		= "tracefs",
	.mount		= tracefs_mount,
	.kill_sb	= kill_litter_super,
};

static struct dentry *parent_dentry(struct tracefs_node *parent, bool mirror)
{
	if (parent)
		return mirror ? parent->d : parent->t;
	if (mirror)
		return debugfs_tracing_dir();
	return tracefs_mnt ? tracefs_mnt->mnt_root : NULL;
}

static void own(struct dentry *dentry)
{
	if (!IS_ERR_OR_NULL(dentry) && d_inode(dentry) && tracefs_gid)
		d_inode(dentry)->i_gid = tracefs_gid;
}

/*
 * Opening a file with O_TRUNC ("echo 1 > enable") truncates it after ->open; the files
 * have no contents, so that only sets the size, as Linux's simple_setattr() default does.
 */
static const struct inode_operations tracefs_file_inode_ops = {
	.setattr	= simple_setattr,
};

static void file_ops(struct dentry *dentry)
{
	if (!IS_ERR_OR_NULL(dentry) && d_inode(dentry))
		d_inode(dentry)->i_op = &tracefs_file_inode_ops;
}

static struct tracefs_node *create(const char *name, umode_t mode, struct tracefs_node *parent,
				   void *data, const struct file_operations *fops)
{
	struct tracefs_node *node = kzalloc(sizeof(*node), GFP_KERNEL);
	struct dentry *tp, *dp;

	if (!node)
		return ERR_PTR(-ENOMEM);
	mutex_lock(&tracefs_lock);
	tp = parent_dentry(parent, false);
	dp = parent_dentry(parent, true);
	if (!tp) {
		mutex_unlock(&tracefs_lock);
		kfree(node);
		return ERR_PTR(-ENODEV);
	}
	if (fops)
		node->t = simple_create_file(tp, name, S_IFREG | mode, data, fops);
	else
		node->t = simple_create_dir(tp, name, mode, NULL, NULL, NULL);
	if (IS_ERR(node->t)) {
		struct dentry *err = node->t;

		mutex_unlock(&tracefs_lock);
		kfree(node);
		return (struct tracefs_node *)err;
	}
	own(node->t);
	if (fops)
		file_ops(node->t);
	if (dp) {
		if (fops)
			node->d = simple_create_file(dp, name, S_IFREG | mode, data, fops);
		else
			node->d = simple_create_dir(dp, name, mode, NULL, NULL, NULL);
		if (IS_ERR(node->d))
			node->d = NULL;
		else if (fops)
			file_ops(node->d);
	}
	mutex_unlock(&tracefs_lock);
	return node;
}

/**
 * tracefs_create_file() - a file in tracefs and in debugfs/tracing.
 * @name: file name
 * @mode: permission bits (S_IFREG implied)
 * @parent: directory node, NULL for the root
 * @data: the inode's i_private
 * @fops: file operations
 *
 * Return: the node, or an ERR_PTR().
 */
struct tracefs_node *tracefs_create_file(const char *name, unsigned short mode,
					 struct tracefs_node *parent, void *data,
					 const struct file_operations *fops)
{
	return create(name, mode & 07777, parent, data, fops);
}

/**
 * tracefs_create_dir() - a directory (mode 0750) in tracefs and in debugfs/tracing.
 * @name: directory name
 * @parent: directory node, NULL for the root
 *
 * Return: the node, or an ERR_PTR().
 */
struct tracefs_node *tracefs_create_dir(const char *name, struct tracefs_node *parent)
{
	return create(name, 0750, parent, NULL, NULL);
}

/**
 * tracefs_set_private() - point a file's inodes, in tracefs and in debugfs/tracing, at @data
 * @node: the file's node
 * @data: the new i_private (NULL: the file is going away)
 *
 * The owner's ->open reads i_private under the same lock the owner holds here, so that an
 * open racing with the file's removal sees either the live data or NULL.
 */
void tracefs_set_private(struct tracefs_node *node, void *data)
{
	if (IS_ERR_OR_NULL(node))
		return;
	if (node->t && d_inode(node->t))
		d_inode(node->t)->i_private = data;
	if (node->d && d_inode(node->d))
		d_inode(node->d)->i_private = data;
}

/**
 * tracefs_remove() - remove a node (and everything below a directory) from both trees.
 * @node: the node, or NULL/ERR_PTR (ignored)
 */
void tracefs_remove(struct tracefs_node *node)
{
	if (IS_ERR_OR_NULL(node))
		return;
	mutex_lock(&tracefs_lock);
	if (node->d)
		simple_recursive_removal(node->d);
	if (node->t)
		simple_recursive_removal(node->t);
	mutex_unlock(&tracefs_lock);
	kfree(node);
}

static int tracefs_init(void)
{
	int ret = register_filesystem(&tracefs_type);

	if (ret)
		return ret;
	tracefs_mnt = kern_mount(&tracefs_type);
	if (IS_ERR(tracefs_mnt)) {
		ret = PTR_ERR(tracefs_mnt);
		tracefs_mnt = NULL;
		pr_err("tracefs: cannot make the superblock (%d)\n", ret);
		return ret;
	}
	trace_create_files();
	return 0;
}
fs_initcall(tracefs_init);
