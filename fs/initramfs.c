// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unpack the initramfs (an uncompressed cpio newc archive, or several concatenated) into
 * the root file system, as Linux's populate_rootfs() does: directories, regular files,
 * symlinks, device nodes and FIFOs, with their modes, owners and mtimes. Hard links (the
 * same inode number with nlink > 1) are linked to the first name seen. Bad entries end the
 * unpacking with a message; what was unpacked stays.
 */
#include <starling/fs.h>
#include <starling/namei.h>
#include <starling/init.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/printk.h>
#include <asm/page.h>
#include "cpio.h"

struct hardlink {
	u32	ino, major, minor;
	char	*name;
	struct hardlink *next;
};

static void set_attrs(const char *name, const struct cpio_entry *e)
{
	struct path path;
	struct iattr attr = {
		.ia_valid = ATTR_UID | ATTR_GID | ATTR_MTIME | ATTR_ATIME | ATTR_MTIME_SET |
			    ATTR_ATIME_SET | ATTR_FORCE,
		.ia_uid = e->uid, .ia_gid = e->gid,
		.ia_mtime = { .tv_sec = e->mtime }, .ia_atime = { .tv_sec = e->mtime },
	};

	if (kern_path(name, 0, &path))
		return;
	inode_lock(path.dentry->d_inode);
	if (!S_ISLNK(e->mode)) {
		attr.ia_valid |= ATTR_MODE;
		attr.ia_mode = (umode_t)(e->mode & 07777);
	}
	notify_change(path.dentry, &attr);
	inode_unlock(path.dentry->d_inode);
	path_put(&path);
}

static int write_file(const char *name, const struct cpio_entry *e)
{
	struct file *f = filp_open(name, O_WRONLY | O_CREAT | O_TRUNC, e->mode & 07777);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return (int)PTR_ERR(f);
	n = e->filesize ? kernel_write(f, e->data, e->filesize, &pos) : 0;
	fput(f);
	return n < 0 ? (int)n : 0;
}

static int unpack_entry(const struct cpio_entry *e, struct hardlink **links)
{
	const char *name = e->name;
	umode_t mode = (umode_t)e->mode;
	char *full;
	int ret = 0;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	if (!strcmp(name, ".") || !*name)
		return 0;
	full = kmalloc(strlen(name) + 2, GFP_KERNEL);
	if (!full)
		return -ENOMEM;
	full[0] = '/';
	strcpy(full + 1, name[0] == '/' ? name + 1 : name);

	if (S_ISREG(mode) && e->nlink > 1) {
		struct hardlink *h;

		for (h = *links; h; h = h->next) {
			if (h->ino == e->ino && h->major == e->devmajor && h->minor == e->devminor) {
				struct filename *o = getname_kernel(h->name);
				struct filename *n = getname_kernel(full);

				ret = do_linkat(AT_FDCWD, o, AT_FDCWD, n, 0);
				goto out;
			}
		}
		h = kzalloc(sizeof(*h), GFP_KERNEL);
		if (h) {
			h->ino = e->ino;
			h->major = e->devmajor;
			h->minor = e->devminor;
			h->name = kstrdup(full, GFP_KERNEL);
			h->next = *links;
			*links = h;
		}
	}
	switch (mode & S_IFMT) {
	case S_IFDIR:
		ret = do_mkdirat(AT_FDCWD, getname_kernel(full), mode & 07777);
		if (ret == -EEXIST)
			ret = 0;
		break;
	case S_IFREG:
		ret = write_file(full, e);
		break;
	case S_IFLNK: {
		char *target = kmalloc(e->filesize + 1, GFP_KERNEL);

		if (!target) {
			ret = -ENOMEM;
			break;
		}
		memcpy(target, e->data, e->filesize);
		target[e->filesize] = '\0';
		ret = do_symlinkat(getname_kernel(target), AT_FDCWD, getname_kernel(full));
		kfree(target);
		break;
	}
	case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		ret = do_mknodat(AT_FDCWD, getname_kernel(full), mode,
				 (unsigned int)new_encode_dev(MKDEV(e->rdevmajor, e->rdevminor)));
		break;
	default:
		ret = -EINVAL;
	}
	if (!ret)
		set_attrs(full, e);
out:
	kfree(full);
	return ret;
}

/**
 * unpack_to_rootfs() - unpack a cpio archive into the current root
 * @buf: the archive
 * @len: its size
 *
 * Return: the number of entries unpacked, or -errno at the first bad entry.
 */
int unpack_to_rootfs(const u8 *buf, size_t len);
int unpack_to_rootfs(const u8 *buf, size_t len)
{
	struct hardlink *links = NULL, *h;
	struct cpio_entry e;
	size_t off = 0;
	int n = 0, ret;

	for (;;) {
		int r;

		ret = cpio_parse(buf, len, off, &e);
		if (ret < 0)
			break;
		if (ret == 0) {
			if (!e.namesize || e.next >= len)
				break;
			off = e.next;	/* another archive follows the trailer */
			continue;
		}
		r = unpack_entry(&e, &links);
		if (r && r != -EEXIST)
			pr_warn("initramfs: %s: error %d\n", e.name, r);
		n++;
		off = e.next;
	}
	while (links) {
		h = links->next;
		kfree(links->name);
		kfree(links);
		links = h;
	}
	return ret < 0 ? ret : n;
}

/**
 * populate_rootfs() - unpack the boot loader's initrd into the root file system
 */
void populate_rootfs(void)
{
	int n;

	if (!initrd_size) {
		pr_info("initramfs: none loaded\n");
		return;
	}
	n = unpack_to_rootfs((const u8 *)__va(initrd_start_pa), (size_t)initrd_size);
	if (n < 0)
		pr_err("initramfs: unpacking failed (%d); continuing with what was unpacked\n", n);
	else
		pr_info("initramfs: unpacked %d entries (%llu bytes)\n", n,
			(unsigned long long)initrd_size);
}
