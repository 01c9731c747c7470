// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64's struct stat and struct statfs: asm-generic's layouts with 64-bit longs, as
 * Linux uses on riscv64 (struct stat is 128 bytes, struct statfs 120).
 */
#ifndef _ASM_RISCV_STAT_H
#define _ASM_RISCV_STAT_H

#include <starling/types.h>

struct stat {
	unsigned long	st_dev;
	unsigned long	st_ino;
	unsigned int	st_mode;
	unsigned int	st_nlink;
	unsigned int	st_uid;
	unsigned int	st_gid;
	unsigned long	st_rdev;
	unsigned long	__pad1;
	long		st_size;
	int		st_blksize;
	int		__pad2;
	long		st_blocks;
	long		st_atime;
	unsigned long	st_atime_nsec;
	long		st_mtime;
	unsigned long	st_mtime_nsec;
	long		st_ctime;
	unsigned long	st_ctime_nsec;
	unsigned int	__unused4;
	unsigned int	__unused5;
};

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

#endif /* _ASM_RISCV_STAT_H */
