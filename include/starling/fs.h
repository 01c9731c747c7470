// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtual file system (fs/vfs/), in Linux's shape so that file systems and drivers read
 * like their Linux counterparts:
 *
 *   file_system_type --mount--> super_block --s_root--> dentry --d_inode--> inode
 *   vfsmount {sb, root dentry, parent mount, mount point}      file {path, f_op, f_pos}
 *
 * Dentries form the name tree (the dcache): each has its parent, its name and its children.
 * Dentries of ramfs-like file systems are pinned (an extra reference taken at creation and
 * dropped at unlink), so the tree *is* the file system; file systems that generate names on
 * the fly (procfs pid directories) implement ->lookup and ->iterate_shared and their
 * dentries go away on the last dput() when s_d_op->d_delete says so.
 *
 * Locking (lock order: rename_lock -> dir inode i_rwsem (parent before child) -> inode
 * i_rwsem -> dcache_lock):
 *   dcache_lock (spinlock) guards every dentry's d_count, d_parent, d_name, d_inode,
 *     d_subdirs/d_child, d_flags, and the mount table; nothing sleeps under it.
 *   inode->i_rwsem (a mutex) serialises directory changes in that directory, and writes
 *     and size changes of a regular file.
 *   Reference counts: inode i_count (atomic), file f_count (atomic).
 *
 * Errors are negative errno; functions returning pointers use ERR_PTR.
 */
#ifndef _STARLING_FS_H
#define _STARLING_FS_H

#include <starling/types.h>
#include <starling/compiler.h>
#include <starling/atomic.h>
#include <starling/list.h>
#include <starling/spinlock.h>
#include <starling/mutex.h>
#include <starling/wait.h>
#include <starling/time64.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>
#include <uapi/asm/stat.h>

typedef unsigned short umode_t;
typedef unsigned int fmode_t;
typedef unsigned int __poll_t;
typedef void *fl_owner_t;

struct inode;
struct dentry;
struct file;
struct super_block;
struct vfsmount;
struct seq_file;
struct poll_table_struct;
struct vm_area_struct;
struct kstat;
struct kstatfs;
struct iattr;
struct pipe_inode_info;
struct task_struct;

#define PATH_MAX	4096
#define NAME_MAX	255
#define MAXSYMLINKS	40
#define PIPE_BUF	4096

/* ---- device numbers (Linux's kernel-internal encoding: 12-bit major, 20-bit minor) ------ */
#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((dev_t)(ma) << MINORBITS) | (mi))

/* The user-space encoding (stat's st_rdev, mknod's dev argument). */
static inline u64 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((u64)(minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u64 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

/* ---- permissions ------------------------------------------------------------------------ */
#define MAY_EXEC	0x00000001
#define MAY_WRITE	0x00000002
#define MAY_READ	0x00000004
#define MAY_APPEND	0x00000008
#define MAY_ACCESS	0x00000010
#define MAY_OPEN	0x00000020
#define MAY_CHDIR	0x00000040
#define MAY_NOT_BLOCK	0x00000080

/* file->f_mode */
#define FMODE_READ		((fmode_t)0x1)
#define FMODE_WRITE		((fmode_t)0x2)
#define FMODE_LSEEK		((fmode_t)0x4)
#define FMODE_PREAD		((fmode_t)0x8)
#define FMODE_PWRITE		((fmode_t)0x10)
#define FMODE_EXEC		((fmode_t)0x20)
#define FMODE_PATH		((fmode_t)0x4000)
#define FMODE_ATOMIC_POS	((fmode_t)0x8000)
#define FMODE_STREAM		((fmode_t)0x200000)

/* d_type values of getdents64 */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12
#define DT_WHT		14

static inline unsigned char fs_umode_to_dtype(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

/* ---- names and paths -------------------------------------------------------------------- */
struct qstr {
	const char	*name;		/* NUL-terminated */
	unsigned int	len;
};

struct path {
	struct vfsmount	*mnt;
	struct dentry	*dentry;
};

/* A path name copied into the kernel (getname() from user space, getname_kernel()). */
struct filename {
	const char	*name;		/* points into iname */
	int		refcnt;
	char		iname[];
};

struct filename *getname(const char __user *filename);
struct filename *getname_flags(const char __user *filename, int flags);	/* LOOKUP_EMPTY */
struct filename *getname_kernel(const char *filename);
void putname(struct filename *name);

/* ---- dentries ------------------------------------------------------------------------- */
#define DNAME_INLINE_LEN	40

#define DCACHE_UNHASHED		0x0001	/* deleted: no longer found by lookups */
#define DCACHE_MOUNTED		0x0002	/* something is mounted here */
#define DCACHE_PINNED		0x0004	/* holds a reference of its own (ramfs-style) */

struct dentry_operations {
	int	(*d_revalidate)(struct dentry *dentry, unsigned int flags);	/* 1 valid, 0 stale */
	int	(*d_delete)(const struct dentry *dentry);	/* 1: free at the last dput() */
	void	(*d_release)(struct dentry *dentry);
	char	*(*d_dname)(struct dentry *dentry, char *buf, int buflen);
};

struct dentry {
	unsigned int		d_flags;	/* DCACHE_*; dcache_lock */
	int			d_count;	/* dcache_lock */
	struct dentry		*d_parent;	/* itself for a root; dcache_lock */
	struct qstr		d_name;		/* dcache_lock (rename changes it) */
	struct inode		*d_inode;	/* NULL: negative; dcache_lock */
	struct super_block	*d_sb;
	const struct dentry_operations *d_op;
	void			*d_fsdata;
	int			d_mounted;	/* number of mounts on it; dcache_lock */
	loff_t			d_offset;	/* readdir cookie in the parent; dcache_lock */
	struct list_head	d_child;	/* in the parent's d_subdirs, creation order */
	struct list_head	d_subdirs;
	unsigned char		d_iname[DNAME_INLINE_LEN];
};

extern spinlock_t dcache_lock;

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_name(struct dentry *parent, const char *name);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_add(struct dentry *dentry, struct inode *inode);
struct dentry *d_make_root(struct inode *root_inode);
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
struct dentry *dget(struct dentry *dentry);
struct dentry *dget_parent(struct dentry *dentry);
void dput(struct dentry *dentry);
void d_delete(struct dentry *dentry);
void d_drop(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
void d_exchange(struct dentry *a, struct dentry *b);
bool d_unhashed(const struct dentry *dentry);
int always_delete_dentry(const struct dentry *dentry);
char *d_path(const struct path *path, char *buf, int buflen);
char *dentry_path_raw(struct dentry *dentry, char *buf, int buflen);

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return dentry->d_inode == NULL;
}

static inline bool d_really_is_positive(const struct dentry *dentry)
{
	return dentry->d_inode != NULL;
}

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

void path_get(const struct path *path);
void path_put(const struct path *path);

static inline bool path_equal(const struct path *a, const struct path *b)
{
	return a->mnt == b->mnt && a->dentry == b->dentry;
}

/* ---- inodes --------------------------------------------------------------------------- */
struct iattr {
	unsigned int	ia_valid;
	umode_t		ia_mode;
	uid_t		ia_uid;
	gid_t		ia_gid;
	loff_t		ia_size;
	struct timespec64 ia_atime;
	struct timespec64 ia_mtime;
	struct timespec64 ia_ctime;
};

#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_CTIME	(1 << 6)
#define ATTR_ATIME_SET	(1 << 7)
#define ATTR_MTIME_SET	(1 << 8)
#define ATTR_FORCE	(1 << 9)
#define ATTR_TOUCH	(1 << 17)

struct kstat {
	u32		result_mask;
	umode_t		mode;
	unsigned int	nlink;
	u32		blksize;
	u64		attributes;
	u64		attributes_mask;
	u64		ino;
	dev_t		dev;
	dev_t		rdev;
	uid_t		uid;
	gid_t		gid;
	loff_t		size;
	struct timespec64 atime;
	struct timespec64 mtime;
	struct timespec64 ctime;
	struct timespec64 btime;
	u64		blocks;
	u64		mnt_id;
};

struct kstatfs {
	long		f_type;
	long		f_bsize;
	u64		f_blocks;
	u64		f_bfree;
	u64		f_bavail;
	u64		f_files;
	u64		f_ffree;
	u64		f_fsid;
	long		f_namelen;
	long		f_frsize;
	long		f_flags;
};

/* Run @fn(@arg) when the caller is done with a get_link() result. */
struct delayed_call {
	void		(*fn)(void *arg);
	void		*arg;
};

static inline void set_delayed_call(struct delayed_call *call, void (*fn)(void *), void *arg)
{
	call->fn = fn;
	call->arg = arg;
}

static inline void do_delayed_call(struct delayed_call *call)
{
	if (call->fn)
		call->fn(call->arg);
	call->fn = NULL;
}

void kfree_link(void *p);	/* a delayed_call fn that kfree()s a kmalloc'ed link body */

struct inode_operations {
	struct dentry	*(*lookup)(struct inode *dir, struct dentry *dentry, unsigned int flags);
	const char	*(*get_link)(struct dentry *dentry, struct inode *inode,
				     struct delayed_call *done);
	int		(*permission)(struct inode *inode, int mask);
	int		(*readlink)(struct dentry *dentry, char __user *buf, int buflen);
	int		(*create)(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
	int		(*link)(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
	int		(*unlink)(struct inode *dir, struct dentry *dentry);
	int		(*symlink)(struct inode *dir, struct dentry *dentry, const char *symname);
	int		(*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int		(*rmdir)(struct inode *dir, struct dentry *dentry);
	int		(*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int		(*rename)(struct inode *old_dir, struct dentry *old_dentry,
				  struct inode *new_dir, struct dentry *new_dentry,
				  unsigned int flags);
	int		(*setattr)(struct dentry *dentry, struct iattr *attr);
	int		(*getattr)(const struct path *path, struct kstat *stat, u32 request_mask,
				   unsigned int query_flags);
};

#define I_NEW		0x1
#define I_FREEING	0x2

struct inode {
	umode_t			i_mode;
	unsigned short		i_opflags;
	uid_t			i_uid;
	gid_t			i_gid;
	unsigned int		i_flags;
	const struct inode_operations *i_op;
	struct super_block	*i_sb;
	unsigned long		i_ino;
	unsigned int		i_nlink;	/* i_rwsem of the inode or its directory */
	dev_t			i_rdev;
	loff_t			i_size;		/* i_rwsem */
	struct timespec64	i_atime;
	struct timespec64	i_mtime;
	struct timespec64	i_ctime;
	u64			i_blocks;	/* 512-byte units */
	unsigned long		i_state;
	atomic_t		i_count;
	struct mutex		i_rwsem;
	const struct file_operations *i_fop;
	struct pipe_inode_info	*i_pipe;	/* FIFOs: under the pipe's own mutex */
	const char		*i_link;	/* symlink body kept in memory, or NULL */
	void			*i_private;	/* the file system's or driver's data */
	struct list_head	i_sb_list;	/* sb->s_inodes; sb->s_inode_list_lock */
};

static inline void inode_lock(struct inode *inode)
{
	mutex_lock(&inode->i_rwsem);
}

static inline void inode_unlock(struct inode *inode)
{
	mutex_unlock(&inode->i_rwsem);
}

static inline loff_t i_size_read(const struct inode *inode)
{
	return READ_ONCE(inode->i_size);
}

static inline void i_size_write(struct inode *inode, loff_t size)
{
	WRITE_ONCE(inode->i_size, size);
}

struct inode *new_inode(struct super_block *sb);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
struct inode *igrab(struct inode *inode);
void ihold(struct inode *inode);
void iput(struct inode *inode);
unsigned int get_next_ino(void);
void set_nlink(struct inode *inode, unsigned int nlink);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
struct timespec64 current_time(struct inode *inode);
void touch_atime(const struct path *path);
void file_update_time(struct file *file);

int generic_permission(struct inode *inode, int mask);
int inode_permission(struct inode *inode, int mask);
int may_setattr(struct inode *inode, const struct iattr *attr);
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
int notify_change(struct dentry *dentry, struct iattr *attr);
void generic_fillattr(struct inode *inode, struct kstat *stat);
int vfs_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		unsigned int query_flags);
int vfs_statfs(const struct path *path, struct kstatfs *buf);

/* Current credentials as the VFS sees them (root until struct cred exists). */
uid_t vfs_fsuid(void);
gid_t vfs_fsgid(void);
bool vfs_in_group_p(gid_t gid);
bool vfs_capable(int cap);	/* CAP_* numbers, Linux's values */
#define CAP_CHOWN		0
#define CAP_DAC_OVERRIDE	1
#define CAP_DAC_READ_SEARCH	2
#define CAP_FOWNER		3
#define CAP_FSETID		4
#define CAP_SYS_ADMIN		21
#define CAP_MKNOD		27

/* ---- files ---------------------------------------------------------------------------- */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namlen, loff_t offset,
			  u64 ino, unsigned int d_type);

struct dir_context {
	filldir_t	actor;
	loff_t		pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen, u64 ino,
			    unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

bool dir_emit_dots(struct file *file, struct dir_context *ctx);

/* A cursor over user or kernel memory (Linux's iov_iter, ITER_IOVEC and ITER_KVEC only). */
struct iovec {
	void __user	*iov_base;
	size_t		iov_len;
};

struct kvec {
	void		*iov_base;
	size_t		iov_len;
};

#define ITER_SOURCE	1	/* data flows out of the iterator (write) */
#define ITER_DEST	0	/* data flows into the iterator (read) */

struct iov_iter {
	bool		kernel;		/* kvec: kernel memory, no uaccess */
	unsigned char	data_source;
	size_t		iov_offset;	/* into the current segment */
	size_t		count;		/* bytes left in total */
	unsigned long	nr_segs;
	union {
		const struct iovec *iov;
		const struct kvec *kvec;
	};
};

void iov_iter_init(struct iov_iter *i, unsigned int direction, const struct iovec *iov,
		   unsigned long nr_segs, size_t count);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction, const struct kvec *kvec,
		   unsigned long nr_segs, size_t count);
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
void iov_iter_advance(struct iov_iter *i, size_t bytes);

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

struct kiocb {
	struct file	*ki_filp;
	loff_t		ki_pos;
	int		ki_flags;	/* IOCB_* */
};

#define IOCB_NOWAIT	(1 << 7)
#define IOCB_APPEND	(1 << 1)

/*
 * NULL slots mean "not supported"; the VFS returns Linux's errno for them (read/write:
 * -EINVAL, ioctl: -ENOTTY, llseek: -ESPIPE unless the file is seekable by default, mmap:
 * -ENODEV). A driver implements either read (user buffer) or read_iter (any buffer; needed
 * for kernel_read(), which exec uses), and likewise for write.
 */
struct file_operations {
	loff_t		(*llseek)(struct file *file, loff_t offset, int whence);
	ssize_t		(*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t		(*write)(struct file *file, const char __user *buf, size_t count,
				 loff_t *pos);
	ssize_t		(*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t		(*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	int		(*iterate_shared)(struct file *file, struct dir_context *ctx);
	__poll_t	(*poll)(struct file *file, struct poll_table_struct *pt);
	long		(*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int		(*mmap)(struct file *file, struct vm_area_struct *vma);
	int		(*open)(struct inode *inode, struct file *file);
	int		(*flush)(struct file *file, fl_owner_t id);
	int		(*release)(struct inode *inode, struct file *file);
	int		(*fsync)(struct file *file, loff_t start, loff_t end, int datasync);
};

struct file {
	atomic_long_t		f_count;
	struct path		f_path;
	struct inode		*f_inode;
	const struct file_operations *f_op;
	unsigned int		f_flags;	/* O_*; F_SETFL changes some: f_lock */
	fmode_t			f_mode;
	spinlock_t		f_lock;
	struct mutex		f_pos_lock;	/* FMODE_ATOMIC_POS files: read/write/lseek */
	loff_t			f_pos;
	void			*private_data;	/* the driver's (seq_file, pipe, tty) */
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

static inline struct dentry *file_dentry(const struct file *f)
{
	return f->f_path.dentry;
}

struct file *get_file(struct file *f);
void fput(struct file *file);
struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt, const char *name,
			       int flags, const struct file_operations *fops);

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize,
				loff_t eof);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
int stream_open(struct inode *inode, struct file *file);
int nonseekable_open(struct inode *inode, struct file *file);
int simple_open(struct inode *inode, struct file *file);	/* private_data = i_private */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from,
				size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count);

ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos);
ssize_t vfs_iter_read(struct file *file, struct iov_iter *iter, loff_t *ppos);
ssize_t vfs_iter_write(struct file *file, struct iov_iter *iter, loff_t *ppos);
ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count);
ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
int iterate_dir(struct file *file, struct dir_context *ctx);
int vfs_fsync(struct file *file, int datasync);
long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
int vfs_truncate(const struct path *path, loff_t length);
int do_truncate(struct dentry *dentry, loff_t length, unsigned int time_attrs,
		struct file *filp);

/* ---- opening -------------------------------------------------------------------------- */
struct open_flags {
	int		open_flag;	/* O_* as given, less O_CLOEXEC handling */
	umode_t		mode;		/* S_IFREG | mode & ~umask when O_CREAT */
	int		acc_mode;	/* MAY_* */
	int		intent;
	int		lookup_flags;	/* LOOKUP_* */
};

int vfs_open(const struct path *path, struct file *file);
struct file *do_filp_open(int dfd, struct filename *pathname, const struct open_flags *op);
long do_sys_openat2(int dfd, const char __user *filename, struct open_how *how);
long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode);
struct file *filp_open(const char *filename, int flags, umode_t mode);
struct file *file_open_root(const struct path *root, const char *filename, int flags,
			    umode_t mode);
struct file *dentry_open(const struct path *path, int flags);
int filp_close(struct file *filp, fl_owner_t id);
int build_open_flags(const struct open_how *how, struct open_flags *op);

/* ---- directory operations (callers hold the directory's i_rwsem) ------------------------ */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool want_excl);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname);
int vfs_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
	       struct dentry *new_dentry, unsigned int flags);
int vfs_readlink(struct dentry *dentry, char __user *buffer, int buflen);
const char *vfs_get_link(struct dentry *dentry, struct delayed_call *done);

/* The syscall bodies, callable from the kernel with a struct filename. */
int do_mkdirat(int dfd, struct filename *name, umode_t mode);
int do_mknodat(int dfd, struct filename *name, umode_t mode, unsigned int dev);
int do_rmdir(int dfd, struct filename *name);
int do_unlinkat(int dfd, struct filename *name);
int do_symlinkat(struct filename *from, int newdfd, struct filename *to);
int do_linkat(int olddfd, struct filename *old, int newdfd, struct filename *new, int flags);
int do_renameat2(int olddfd, struct filename *old, int newdfd, struct filename *new,
		 unsigned int flags);
int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat, int flags);
int vfs_fstat(int fd, struct kstat *stat);

/* ---- file systems and mounts ------------------------------------------------------------ */
#define FS_REQUIRES_DEV		1
#define FS_USERNS_MOUNT		8

/* super_block->s_flags share MS_* values for the mount flags. */
#define SB_RDONLY	1
#define SB_NOSUID	2
#define SB_NODEV	4
#define SB_NOEXEC	8
#define SB_NOATIME	1024
#define SB_KERNMOUNT	(1 << 22)
#define SB_ACTIVE	(1 << 30)

struct file_system_type {
	const char	*name;
	int		fs_flags;
	/* Return the root dentry of a new or existing superblock, with a reference. */
	struct dentry	*(*mount)(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data);
	void		(*kill_sb)(struct super_block *sb);
	struct file_system_type *next;	/* file_systems list; file_systems_lock */
	struct list_head fs_supers;	/* sb_lock */
};

struct super_operations {
	struct inode	*(*alloc_inode)(struct super_block *sb);
	void		(*destroy_inode)(struct inode *inode);
	void		(*evict_inode)(struct inode *inode);	/* last iput of an unlinked inode */
	int		(*statfs)(struct dentry *dentry, struct kstatfs *buf);
	int		(*remount_fs)(struct super_block *sb, int *flags, char *data);
	void		(*put_super)(struct super_block *sb);
	int		(*show_options)(struct seq_file *m, struct dentry *root);
};

struct super_block {
	struct list_head	s_list;		/* all superblocks; sb_lock */
	struct list_head	s_instances;	/* fs_type->fs_supers; sb_lock */
	dev_t			s_dev;		/* anonymous: major 0 */
	unsigned long		s_blocksize;
	unsigned char		s_blocksize_bits;
	unsigned long		s_magic;
	loff_t			s_maxbytes;
	unsigned long		s_flags;
	struct file_system_type	*s_type;
	const struct super_operations *s_op;
	const struct dentry_operations *s_d_op;	/* default for new dentries */
	struct dentry		*s_root;
	int			s_active;	/* mounts using it; sb_lock */
	void			*s_fs_info;
	char			s_id[32];
	spinlock_t		s_inode_list_lock;
	struct list_head	s_inodes;
};

struct vfsmount {
	struct dentry		*mnt_root;
	struct super_block	*mnt_sb;
	int			mnt_flags;	/* MNT_* */
	struct vfsmount		*mnt_parent;	/* itself for the root mount; dcache_lock */
	struct dentry		*mnt_mountpoint;	/* dcache_lock */
	struct list_head	mnt_list;	/* mount_list; dcache_lock */
	int			mnt_count;	/* references (open files, cwd, children); dcache_lock */
	int			mnt_id;
	char			*mnt_devname;
};

#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_NOATIME	0x08
#define MNT_NODIRATIME	0x10
#define MNT_RELATIME	0x20
#define MNT_READONLY	0x40
#define MNT_INTERNAL	0x4000

int register_filesystem(struct file_system_type *fs);
int unregister_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
/* Call @fn for each registered file system (for /proc/filesystems); stops on non-zero. */
int iterate_filesystems(int (*fn)(struct file_system_type *fs, void *arg), void *arg);

struct super_block *sget_fc_nodev(struct file_system_type *type, int flags);
struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
			   int (*fill_super)(struct super_block *sb, void *data, int silent));
struct dentry *mount_single(struct file_system_type *fs_type, int flags, void *data,
			    int (*fill_super)(struct super_block *sb, void *data, int silent));
void kill_litter_super(struct super_block *sb);
void kill_anon_super(struct super_block *sb);
void generic_shutdown_super(struct super_block *sb);

struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags, const char *name,
				void *data);
struct vfsmount *kern_mount(struct file_system_type *type);
void kern_unmount(struct vfsmount *mnt);
struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
long do_mount(const char *dev_name, const char __user *dir_name, const char *type_page,
	      unsigned long flags, void *data_page);
int path_mount(const char *dev_name, struct path *path, const char *type_page,
	       unsigned long flags, void *data_page);
int path_umount(struct path *path, int flags);
/* Mount @mnt on @mountpoint (both referenced by the caller; the new mount keeps its own). */
int do_add_mount(struct vfsmount *mnt, const struct path *mountpoint);
/* One line per mount visible from the current root, in /proc/mounts format. */
int show_mounts(struct seq_file *m);
/* The lowest-level mount on @path's dentry (follow_down), with references; 1 if it moved. */
int follow_down_one(struct path *path);
int follow_up(struct path *path);

/* The root file system ("rootfs", a ramfs) and the initial process's fs_struct. */
void vfs_caches_init(void);
void populate_rootfs(void);
extern struct vfsmount *rootfs_mnt;

/* ---- character devices ------------------------------------------------------------------ */
/*
 * Register @fops for device number @dev and create /dev/NAME (devtmpfs) with @mode (the
 * permission bits; S_IFCHR is implied). Opening any character-special inode with i_rdev
 * @dev, wherever it lives, gets @fops. @name may contain '/' ("input/event0").
 */
int register_chrdev_node(const char *name, umode_t mode, dev_t dev,
			 const struct file_operations *fops);
void unregister_chrdev_node(const char *name, dev_t dev);
int chrdev_open(struct inode *inode, struct file *filp);
extern const struct file_operations def_chr_fops;

/* devtmpfs: create or remove /dev/NAME of any type (mode carries S_IFCHR/S_IFBLK/...). */
int devtmpfs_create_node(const char *name, umode_t mode, uid_t uid, gid_t gid, dev_t dev);
int devtmpfs_delete_node(const char *name);

/* ---- FIFOs and pipes (fs/pipe.c) ------------------------------------------------------- */
extern const struct file_operations pipefifo_fops;
int create_pipe_files(struct file **res, int flags);
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg);
void free_pipe_info(struct pipe_inode_info *pipe);

/* ---- helpers for in-memory and pseudo file systems (fs/vfs/libfs.c) ------------------- */
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;
extern const struct inode_operations simple_symlink_inode_operations;
extern const struct dentry_operations simple_dentry_operations;
extern const struct super_operations simple_super_operations;
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags);
int dcache_dir_open(struct inode *inode, struct file *file);
int dcache_dir_close(struct inode *inode, struct file *file);
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
int dcache_readdir(struct file *file, struct dir_context *ctx);
ssize_t generic_read_dir(struct file *file, char __user *buf, size_t count, loff_t *pos);
int simple_statfs(struct dentry *dentry, struct kstatfs *buf);
int simple_link(struct dentry *old_dentry, struct inode *dir, struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir,
		  struct dentry *new_dentry, unsigned int flags);
int simple_empty(struct dentry *dentry);
int simple_setattr(struct dentry *dentry, struct iattr *iattr);
int simple_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		   unsigned int query_flags);
const char *simple_get_link(struct dentry *dentry, struct inode *inode,
			    struct delayed_call *done);

/*
 * Pseudo file systems (procfs, sysfs, tracefs, debugfs) in a few calls:
 *
 *	static int myfs_fill_super(struct super_block *sb, void *data, int silent)
 *	{
 *		return simple_fill_super_root(sb, MYFS_MAGIC, 0755);
 *	}
 *	... .mount = myfs_mount -> mount_single(fs_type, flags, data, myfs_fill_super)
 *	d = simple_create_dir(sb->s_root, "events", 0755, NULL, NULL, NULL);
 *	simple_create_file(d, "enable", S_IFREG | 0644, my_data, &enable_fops);
 *
 * Files and directories made this way are pinned until simple_remove()/simple_recursive_
 * removal(). A directory whose contents are generated (procfs /proc and /proc/PID) passes
 * its own iops (->lookup that allocates with simple_new_inode() and d_add()s) and fops
 * (->iterate_shared calling dcache_readdir() for the fixed part, then dir_emit() for the
 * generated names); set sb->s_d_op = &simple_dentry_operations so generated dentries are
 * freed at their last dput().
 */
int simple_fill_super_root(struct super_block *sb, unsigned long magic, umode_t root_mode);
struct inode *simple_new_inode(struct super_block *sb, umode_t mode);
struct dentry *simple_create_file(struct dentry *parent, const char *name, umode_t mode,
				  void *data, const struct file_operations *fops);
struct dentry *simple_create_dir(struct dentry *parent, const char *name, umode_t mode,
				 void *data, const struct inode_operations *iops,
				 const struct file_operations *fops);
struct dentry *simple_create_symlink(struct dentry *parent, const char *name,
				     const char *target);
void simple_remove(struct dentry *dentry);
void simple_recursive_removal(struct dentry *dentry);

/* ---- misc ------------------------------------------------------------------------------- */
void emergency_sync(void);
int ksys_sync(void);

#endif /* _STARLING_FS_H */
