// SPDX-License-Identifier: GPL-2.0-only
/*
 * The few file operations the memory and exec code need (file mappings, reading
 * executables): a reference to a file, a read at an offset, fd lookup, the checks and the
 * ->mmap call of a new mapping. They go through the
 * VFS when it is built in; without it they fail cleanly, so address spaces and anonymous
 * memory work on their own.
 */
#include <starling/errno.h>
#include <starling/mm_user.h>
#include <starling/pagecache.h>

#if __has_include(<starling/fs.h>)
#include <starling/fs.h>
#include <starling/file.h>
#define HAVE_VFS	1
#else
#define HAVE_VFS	0
#endif

#if HAVE_VFS
struct file *mm_file_get(struct file *file)
{
	return get_file(file);
}

void mm_file_put(struct file *file)
{
	fput(file);
}

ssize_t mm_file_read(struct file *file, void *buf, size_t count, loff_t pos)
{
	return kernel_read(file, buf, count, &pos);
}

struct file *mm_fget(int fd)
{
	return fd < 0 ? NULL : fget(fd);
}

struct page *mm_file_get_page(struct file *file, loff_t pos)
{
	return ramfs_get_page(file, pos);
}

int mm_shmem_zero_setup(struct vm_area_struct *vma)
{
	return shmem_zero_setup(vma);
}

int mm_file_mmap_check(struct file *file, unsigned long prot, bool shared,
		       unsigned long *vm_flags)
{
	if (shared) {
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		if (!(file->f_mode & FMODE_WRITE))
			*vm_flags &= ~VM_MAYWRITE;
	}
	if (!(file->f_mode & FMODE_READ))
		return -EACCES;
	if (!file->f_op->mmap)
		return -ENODEV;		/* private mappings too, as Linux */
	return 0;
}

int mm_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	return file->f_op->mmap ? file->f_op->mmap(file, vma) : -ENODEV;
}
#else
struct file *mm_file_get(struct file *file)
{
	return file;
}

void mm_file_put(struct file *file)
{
}

ssize_t mm_file_read(struct file *file, void *buf, size_t count, loff_t pos)
{
	return -EIO;
}

struct file *mm_fget(int fd)
{
	return NULL;
}

struct page *mm_file_get_page(struct file *file, loff_t pos)
{
	return NULL;
}

int mm_shmem_zero_setup(struct vm_area_struct *vma)
{
	return 0;
}

int mm_file_mmap_check(struct file *file, unsigned long prot, bool shared,
		       unsigned long *vm_flags)
{
	return shared ? -ENODEV : 0;
}

int mm_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	return -ENODEV;
}
#endif
