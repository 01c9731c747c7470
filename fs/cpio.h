// SPDX-License-Identifier: GPL-2.0-only
/* The cpio "newc" header parser (fs/cpio.c): pure, fuzzed on the host. */
#ifndef _FS_CPIO_H
#define _FS_CPIO_H

#include <starling/types.h>

#define CPIO_HDR_LEN	110

struct cpio_entry {
	u32		ino, mode, uid, gid, nlink, mtime, filesize;
	u32		devmajor, devminor, rdevmajor, rdevminor, namesize;
	const char	*name;		/* NUL-terminated inside the archive */
	const u8	*data;		/* filesize bytes */
	size_t		next;		/* offset of the next header */
};

/*
 * Parse the entry at @off of @buf (@len bytes). Return: 1 with *@e filled, 0 at the
 * "TRAILER!!!" entry or at zero padding, -EINVAL on a malformed or truncated entry.
 */
int cpio_parse(const u8 *buf, size_t len, size_t off, struct cpio_entry *e);

#endif /* _FS_CPIO_H */
