// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sharing a file system's in-memory file pages with user page tables. ramfs/tmpfs keep every
 * file's data in whole pages already; a private file mapping can map such a page read-only
 * instead of copying it, and copy it only on the first write (mm/memory.c). Executables
 * then share their text between processes, like Linux's page cache.
 */
#ifndef _STARLING_PAGECACHE_H
#define _STARLING_PAGECACHE_H

#include <starling/types.h>

struct file;
struct page;
struct vm_area_struct;

/*
 * ramfs_get_page() - the ramfs/tmpfs page holding the file bytes [@pos, @pos + PAGE_SIZE)
 * @file: any open file; NULL is returned for files of other file systems
 * @pos: page-aligned file offset
 *
 * Only a page that lies wholly below the file's size is returned, so what a mapping sees
 * beyond the end of the file stays the zeroes of a private copy.
 * Return: the page with a reference taken (put_page() it), or NULL (not ramfs, a hole,
 * the end of the file).
 */
struct page *ramfs_get_page(struct file *file, loff_t pos);

/* mm/file_glue.c: ramfs_get_page() when the VFS is built in, else NULL. */
struct page *mm_file_get_page(struct file *file, loff_t pos);

/*
 * shmem_zero_setup() - make @vma, a new shared anonymous mapping, a shared mapping of an
 * unlinked tmpfs file of its size (fs/ramfs/inode.c). 0 or -errno.
 */
int shmem_zero_setup(struct vm_area_struct *vma);

/* mm/file_glue.c: shmem_zero_setup() when the VFS is built in, else 0 (plain anonymous). */
int mm_shmem_zero_setup(struct vm_area_struct *vma);

#endif /* _STARLING_PAGECACHE_H */
