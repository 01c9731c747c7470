// SPDX-License-Identifier: GPL-2.0-only
/* x86_64's struct stat (newfstatat, fstat, stat, lstat), Linux's layout: 144 bytes. */
#ifndef _ASM_X86_STAT_H
#define _ASM_X86_STAT_H

#include <starling/types.h>

struct stat {
	unsigned long	st_dev;
	unsigned long	st_ino;
	unsigned long	st_nlink;
	unsigned int	st_mode;
	unsigned int	st_uid;
	unsigned int	st_gid;
	unsigned int	__pad0;
	unsigned long	st_rdev;
	long		st_size;
	long		st_blksize;
	long		st_blocks;
	unsigned long	st_atime;
	unsigned long	st_atime_nsec;
	unsigned long	st_mtime;
	unsigned long	st_mtime_nsec;
	unsigned long	st_ctime;
	unsigned long	st_ctime_nsec;
	long		__unused[3];
};

/* x86_64's struct statfs (asm-generic/statfs.h with 64-bit words): 120 bytes. */
struct statfs {
	long		f_type;
	long		f_bsize;
	unsigned long	f_blocks;
	unsigned long	f_bfree;
	unsigned long	f_bavail;
	unsigned long	f_files;
	unsigned long	f_ffree;
	struct { int val[2]; } f_fsid;
	long		f_namelen;
	long		f_frsize;
	long		f_flags;
	long		f_spare[4];
};

#endif /* _ASM_X86_STAT_H */
