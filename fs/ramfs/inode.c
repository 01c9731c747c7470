// SPDX-License-Identifier: GPL-2.0-only
/*
 * ramfs and tmpfs: files kept in memory, in an array of page pointers per inode (a hole is
 * a NULL page and reads as zeros). The dentry tree is the directory structure (pinned
 * dentries, fs/vfs/libfs.c). "tmpfs" is the same file system with Linux's mode=, size=,
 * uid= and gid= options and TMPFS_MAGIC; "rootfs" (fs/vfs/namespace.c) uses it too.
 *
 * A file's data and size change under its inode's i_rwsem. Shared mappings map the file's
 * pages themselves (ramfs_mmap(), ramfs_fault()), so stores through them are file data.
 * Shared anonymous memory is such a mapping of an unlinked file on an internal tmpfs mount
 * (shmem_zero_setup()), as Linux's shmem.
 */
#include <starling/fs.h>
#include <starling/file.h>
#include <starling/namei.h>
#include <starling/seq_file.h>
#include <starling/slab.h>
#include <starling/mm.h>
#include <starling/mm_types.h>
#include <starling/mm_user.h>
#include <starling/pagecache.h>
#include <starling/string.h>
#include <starling/kernel.h>
#include <starling/init.h>
#include <starling/printk.h>
#include <uapi/linux/magic.h>

struct ramfs_inode {
	void		**pages;	/* PAGE_SIZE blocks; NULL: hole; i_rwsem */
	unsigned long	nr_pages;	/* length of the array */
	struct inode	vfs_inode;
};

struct ramfs_fs_info {
	umode_t		mode;
	uid_t		uid;
	gid_t		gid;
	unsigned long	max_bytes;	/* 0: unlimited */
	bool		tmpfs;
};

static const struct super_operations ramfs_ops;
static const struct inode_operations ramfs_dir_inode_operations;
static const struct inode_operations ramfs_file_inode_operations;
static const struct file_operations ramfs_file_operations;
void simple_pin_new(struct dentry *dentry, struct inode *inode);

static struct ramfs_inode *RAMFS_I(struct inode *inode)
{
	return container_of(inode, struct ramfs_inode, vfs_inode);
}

static struct inode *ramfs_alloc_inode(struct super_block *sb)
{
	struct ramfs_inode *ri = kzalloc(sizeof(*ri), GFP_KERNEL);

	return ri ? &ri->vfs_inode : NULL;
}

static void ramfs_truncate_pages(struct ramfs_inode *ri, loff_t size)
{
	unsigned long keep = (unsigned long)DIV_ROUND_UP(size, PAGE_SIZE), i;

	for (i = keep; i < ri->nr_pages; i++) {
		if (ri->pages[i]) {
			free_page((unsigned long)ri->pages[i]);
			ri->pages[i] = NULL;
			ri->vfs_inode.i_blocks -= PAGE_SIZE / 512;
		}
	}
	/* Zero the tail of the last kept page so a later extension reads zeros. */
	if (keep && keep <= ri->nr_pages && ri->pages[keep - 1] && (size % PAGE_SIZE))
		memset((char *)ri->pages[keep - 1] + size % PAGE_SIZE, 0,
		       PAGE_SIZE - size % PAGE_SIZE);
}

static void ramfs_destroy_inode(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode);

	ramfs_truncate_pages(ri, 0);
	kfree(ri->pages);
	if (S_ISLNK(inode->i_mode))
		kfree(inode->i_link);
	kfree(ri);
}

static struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir,
				     umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	inode_init_owner(inode, dir, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		inc_nlink(inode);
		break;
	case S_IFLNK:
		inode->i_op = &simple_symlink_inode_operations;
		break;
	default:
		init_special_inode(inode, inode->i_mode, dev);
		inode->i_op = &ramfs_file_inode_operations;
		break;
	}
	return inode;
}

/* ---- directory operations ------------------------------------------------------------- */

static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOSPC;
	simple_pin_new(dentry, inode);
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int ret = ramfs_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!ret)
		inc_nlink(dir);
	return ret;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return ramfs_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry, const char *symname)
{
	struct inode *inode;
	size_t len = strlen(symname);
	char *body;

	if (len >= PAGE_SIZE)
		return -ENAMETOOLONG;
	body = kmemdup(symname, len + 1, GFP_KERNEL);
	if (!body)
		return -ENOMEM;
	inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (!inode) {
		kfree(body);
		return -ENOSPC;
	}
	inode->i_link = body;
	inode->i_size = (loff_t)len;
	simple_pin_new(dentry, inode);
	dir->i_mtime = dir->i_ctime = current_time(dir);
	return 0;
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.create		= ramfs_create,
	.lookup		= simple_lookup,
	.link		= simple_link,
	.unlink		= simple_unlink,
	.symlink	= ramfs_symlink,
	.mkdir		= ramfs_mkdir,
	.rmdir		= simple_rmdir,
	.mknod		= ramfs_mknod,
	.rename		= simple_rename,
};

/* ---- file data ------------------------------------------------------------------------ */

static int ramfs_grow_array(struct ramfs_inode *ri, unsigned long nr)
{
	unsigned long n = ri->nr_pages ? ri->nr_pages : 4;
	void **pages;

	if (nr <= ri->nr_pages)
		return 0;
	while (n < nr)
		n *= 2;
	pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOSPC;
	if (ri->nr_pages)
		memcpy(pages, ri->pages, ri->nr_pages * sizeof(*pages));
	kfree(ri->pages);
	ri->pages = pages;
	ri->nr_pages = n;
	return 0;
}

static ssize_t ramfs_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	struct ramfs_inode *ri = RAMFS_I(inode);
	loff_t pos = iocb->ki_pos, size;
	ssize_t done = 0;

	inode_lock(inode);
	size = i_size_read(inode);
	while (pos < size && iov_iter_count(to)) {
		unsigned long idx = (unsigned long)(pos / PAGE_SIZE);
		size_t off = (size_t)(pos % PAGE_SIZE);
		size_t n = min_t(size_t, PAGE_SIZE - off, (size_t)(size - pos));
		size_t got;

		n = min(n, iov_iter_count(to));
		if (idx < ri->nr_pages && ri->pages[idx])
			got = copy_to_iter((char *)ri->pages[idx] + off, n, to);
		else
			got = iov_iter_zero(n, to);
		done += (ssize_t)got;
		pos += (loff_t)got;
		if (got < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	inode_unlock(inode);
	if (done > 0)
		iocb->ki_pos = pos;
	return done;
}

static ssize_t ramfs_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct file *file = iocb->ki_filp;
	struct inode *inode = file_inode(file);
	struct ramfs_inode *ri = RAMFS_I(inode);
	struct ramfs_fs_info *fsi = inode->i_sb->s_fs_info;
	ssize_t done = 0;
	loff_t pos;

	inode_lock(inode);
	pos = (iocb->ki_flags & IOCB_APPEND) ? i_size_read(inode) : iocb->ki_pos;
	if (!iov_iter_count(from))
		goto out;
	while (iov_iter_count(from)) {
		unsigned long idx = (unsigned long)(pos / PAGE_SIZE);
		size_t off = (size_t)(pos % PAGE_SIZE);
		size_t n = min_t(size_t, PAGE_SIZE - off, iov_iter_count(from));
		size_t got;

		if (fsi && fsi->max_bytes && (unsigned long)pos + n > fsi->max_bytes) {
			if (!done)
				done = -ENOSPC;
			break;
		}
		if (ramfs_grow_array(ri, idx + 1)) {
			if (!done)
				done = -ENOSPC;
			break;
		}
		if (!ri->pages[idx]) {
			ri->pages[idx] = (void *)get_zeroed_page(GFP_KERNEL);
			if (!ri->pages[idx]) {
				if (!done)
					done = -ENOSPC;
				break;
			}
			inode->i_blocks += PAGE_SIZE / 512;
		}
		got = copy_from_iter((char *)ri->pages[idx] + off, n, from);
		done += (ssize_t)got;
		pos += (loff_t)got;
		if (pos > i_size_read(inode))
			i_size_write(inode, pos);
		if (got < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	if (done > 0) {
		iocb->ki_pos = pos;
		file_update_time(file);
		inode->i_mode &= ~S_ISUID;
	}
out:
	inode_unlock(inode);
	return done;
}

static int ramfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	int ret = setattr_prepare(dentry, attr);

	if (ret)
		return ret;
	if ((attr->ia_valid & ATTR_SIZE) && attr->ia_size != i_size_read(inode)) {
		struct ramfs_fs_info *fsi = inode->i_sb->s_fs_info;

		if (fsi && fsi->max_bytes && (unsigned long)attr->ia_size > fsi->max_bytes)
			return -EFBIG;
		if (attr->ia_size < i_size_read(inode))
			ramfs_truncate_pages(RAMFS_I(inode), attr->ia_size);
		i_size_write(inode, attr->ia_size);
		inode->i_mtime = inode->i_ctime = current_time(inode);
	}
	setattr_copy(inode, attr);
	return 0;
}

static const struct inode_operations ramfs_file_inode_operations = {
	.setattr	= ramfs_setattr,
	.getattr	= simple_getattr,
};

/*
 * A shared mapping's page @pgoff: the file's own page, allocated (zeroed, as a hole reads)
 * when the file has none there yet, so that stores through the mapping are the file's data.
 * A page wholly at or beyond the end of the file is -EIO, SIGBUS to the program, as Linux.
 * The part of the last page beyond the end is mapped but never read back by read().
 */
static struct page *ramfs_fault(struct vm_area_struct *vma, unsigned long pgoff)
{
	struct inode *inode = file_inode(vma->vm_file);
	struct ramfs_inode *ri = RAMFS_I(inode);
	struct page *page = ERR_PTR(-EIO);
	loff_t size;

	inode_lock(inode);
	size = i_size_read(inode);
	if (pgoff >= (unsigned long)DIV_ROUND_UP(size, PAGE_SIZE))
		goto out_unlock;
	page = ERR_PTR(-ENOMEM);
	if (ramfs_grow_array(ri, pgoff + 1))
		goto out_unlock;
	if (!ri->pages[pgoff]) {
		ri->pages[pgoff] = (void *)get_zeroed_page(GFP_KERNEL);
		if (!ri->pages[pgoff])
			goto out_unlock;
		inode->i_blocks += PAGE_SIZE / 512;
	}
	page = virt_to_page(ri->pages[pgoff]);
	get_page(page);
out_unlock:
	inode_unlock(inode);
	return page;
}

static const struct vm_operations_struct ramfs_vm_ops = {
	.fault		= ramfs_fault,
};

/* Only shared mappings come here; private ones copy through read (mm/memory.c). */
static int ramfs_mmap(struct file *file, struct vm_area_struct *vma)
{
	vma->vm_ops = &ramfs_vm_ops;
	return 0;
}

static const struct file_operations ramfs_file_operations = {
	.read_iter	= ramfs_read_iter,
	.write_iter	= ramfs_write_iter,
	.mmap		= ramfs_mmap,
	.llseek		= generic_file_llseek,
};

/**
 * ramfs_get_page() - the page holding the file bytes [@pos, @pos + PAGE_SIZE), shared
 * @file: an open file; only ramfs/tmpfs regular files have such pages
 * @pos: page-aligned file offset
 *
 * Private file mappings map this page read-only and copy it at the first write
 * (mm/memory.c), so an executable's text is one set of pages for every process. The page
 * keeps the reference taken here after a truncation drops the file's own.
 * Return: the page with a reference, or NULL (another file system, a hole, or a page that
 * is not wholly below the file's size).
 */
struct page *ramfs_get_page(struct file *file, loff_t pos)
{
	struct inode *inode = file_inode(file);
	struct ramfs_inode *ri;
	unsigned long idx = (unsigned long)(pos / PAGE_SIZE);
	struct page *page = NULL;

	if (file->f_op != &ramfs_file_operations || (pos & (PAGE_SIZE - 1)) || pos < 0)
		return NULL;
	ri = RAMFS_I(inode);
	inode_lock(inode);
	if (pos + (loff_t)PAGE_SIZE <= i_size_read(inode) && idx < ri->nr_pages && ri->pages[idx]) {
		page = virt_to_page(ri->pages[idx]);
		get_page(page);
	}
	inode_unlock(inode);
	return page;
}

/* ---- superblocks -------------------------------------------------------------------------- */

static int ramfs_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct ramfs_fs_info *fsi = dentry->d_sb->s_fs_info;

	simple_statfs(dentry, buf);
	if (fsi && fsi->max_bytes) {
		buf->f_blocks = fsi->max_bytes / PAGE_SIZE;
		buf->f_bfree = buf->f_bavail = buf->f_blocks;
	} else {
		buf->f_blocks = totalram_pages();
		buf->f_bfree = buf->f_bavail = nr_free_pages();
	}
	return 0;
}

static int ramfs_show_options(struct seq_file *m, struct dentry *root)
{
	struct ramfs_fs_info *fsi = root->d_sb->s_fs_info;

	if (fsi->max_bytes)
		seq_printf(m, ",size=%luk", fsi->max_bytes >> 10);
	if (fsi->mode != 0755 && fsi->mode != 0777)
		seq_printf(m, ",mode=%o", fsi->mode);
	else if (fsi->tmpfs && fsi->mode == 0777)
		seq_printf(m, ",mode=%o", fsi->mode);
	if (fsi->uid)
		seq_printf(m, ",uid=%u", fsi->uid);
	if (fsi->gid)
		seq_printf(m, ",gid=%u", fsi->gid);
	return 0;
}

static void ramfs_put_super(struct super_block *sb)
{
	kfree(sb->s_fs_info);
	sb->s_fs_info = NULL;
}

static const struct super_operations ramfs_ops = {
	.alloc_inode	= ramfs_alloc_inode,
	.destroy_inode	= ramfs_destroy_inode,
	.statfs		= ramfs_statfs,
	.show_options	= ramfs_show_options,
	.put_super	= ramfs_put_super,
};

/* Parse "mode=1777,size=1m,uid=0,gid=0" (unknown options are errors, as tmpfs). */
static int ramfs_parse_options(char *data, struct ramfs_fs_info *fsi)
{
	char *opt = data, *next, *val;

	while (opt && *opt) {
		unsigned long long v;
		char *end;

		next = strchr(opt, ',');
		if (next)
			*next++ = '\0';
		val = strchr(opt, '=');
		if (val)
			*val++ = '\0';
		if (!strcmp(opt, "mode") && val) {
			if (kstrtoull(val, 8, &v))
				return -EINVAL;
			fsi->mode = (umode_t)(v & 07777);
		} else if (!strcmp(opt, "size") && val) {
			v = simple_strtoull(val, &end, 0);
			switch (*end) {
			case 'k': case 'K': v <<= 10; end++; break;
			case 'm': case 'M': v <<= 20; end++; break;
			case 'g': case 'G': v <<= 30; end++; break;
			case '%': v = (unsigned long long)totalram_pages() * PAGE_SIZE * v / 100;
				end++; break;
			}
			if (*end)
				return -EINVAL;
			fsi->max_bytes = (unsigned long)ALIGN(v, PAGE_SIZE);
		} else if (!strcmp(opt, "uid") && val) {
			if (kstrtoull(val, 0, &v))
				return -EINVAL;
			fsi->uid = (uid_t)v;
		} else if (!strcmp(opt, "gid") && val) {
			if (kstrtoull(val, 0, &v))
				return -EINVAL;
			fsi->gid = (gid_t)v;
		} else if (!strcmp(opt, "nr_inodes") || !strcmp(opt, "huge") ||
			   !strcmp(opt, "mpol") || !strcmp(opt, "inode64")) {
			/* accepted, no effect */
		} else if (fsi->tmpfs) {
			return -EINVAL;
		}
		opt = next;
	}
	return 0;
}

static int ramfs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct ramfs_fs_info *fsi = kzalloc(sizeof(*fsi), GFP_KERNEL);
	struct inode *root;
	int ret;

	if (!fsi)
		return -ENOMEM;
	sb->s_fs_info = fsi;
	sb->s_op = &ramfs_ops;
	fsi->tmpfs = strcmp(sb->s_type->name, "ramfs") && strcmp(sb->s_type->name, "rootfs");
	fsi->mode = fsi->tmpfs ? 01777 : 0755;
	sb->s_magic = fsi->tmpfs ? TMPFS_MAGIC : RAMFS_MAGIC;
	if (data) {
		ret = ramfs_parse_options(data, fsi);
		if (ret)
			return ret;
	}
	root = ramfs_get_inode(sb, NULL, S_IFDIR | fsi->mode, 0);
	if (!root)
		return -ENOMEM;
	root->i_uid = fsi->uid;
	root->i_gid = fsi->gid;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *ramfs_mount(struct file_system_type *fs_type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, ramfs_fill_super);
}

static struct file_system_type ramfs_fs_type = {
	.name		= "ramfs",
	.mount		= ramfs_mount,
	.kill_sb	= kill_litter_super,
};

static struct file_system_type tmpfs_fs_type = {
	.name		= "tmpfs",
	.mount		= ramfs_mount,
	.kill_sb	= kill_litter_super,
};

/* Called from vfs_caches_init() before the root is mounted. */
void init_ramfs_fs(void);
void init_ramfs_fs(void)
{
	register_filesystem(&ramfs_fs_type);
	register_filesystem(&tmpfs_fs_type);
}

static struct vfsmount *shm_mnt;	/* set once, by the first shared anonymous mapping */

/**
 * shmem_zero_setup() - back a shared anonymous mapping with a file of its own
 * @vma: the new mapping (MAP_SHARED | MAP_ANONYMOUS, or MAP_SHARED of /dev/zero)
 *
 * As Linux, the backing is an unlinked regular file the size of the mapping on an internal
 * tmpfs mount, named "dev/zero" so that /proc/PID/maps shows "/dev/zero (deleted)". The
 * file replaces @vma's vm_file (dropping the reference to /dev/zero, if any), and
 * ramfs_fault() serves it, so every process that inherits the mapping shares every page,
 * whichever touches it first. The file, and its pages, go with the last mapping of it.
 * Return: 0 or -errno (-ENOMEM).
 */
int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct inode *inode;
	struct file *file;

	if (!shm_mnt) {
		struct vfsmount *m = kern_mount(&tmpfs_fs_type);

		if (IS_ERR(m))
			return (int)PTR_ERR(m);
		if (cmpxchg(&shm_mnt, NULL, m))
			mntput(m);
	}
	inode = ramfs_get_inode(shm_mnt->mnt_sb, NULL, S_IFREG | 0777, 0);
	if (!inode)
		return -ENOMEM;
	inode->i_size = (loff_t)(vma->vm_end - vma->vm_start);
	clear_nlink(inode);
	file = alloc_file_pseudo(inode, shm_mnt, "dev/zero", O_RDWR, &ramfs_file_operations);
	if (IS_ERR(file)) {
		iput(inode);
		return (int)PTR_ERR(file);
	}
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = file;
	vma->vm_ops = &ramfs_vm_ops;
	return 0;
}
