// SPDX-License-Identifier: GPL-2.0-only
/*
 * Parse cpio "newc" (070701) and "crc" (070702) headers: 6 bytes of magic, 13 fields of 8 hex
 * digits, the name (namesize bytes with its NUL) padded to 4, the data padded to 4. Every
 * length is checked against the buffer before use, since the archive is untrusted input.
 */
#include <starling/errno.h>
#include <starling/string.h>
#include "cpio.h"

static int hex8(const u8 *p, u32 *out)
{
	u32 v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		u8 c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -EINVAL;
	}
	*out = v;
	return 0;
}

int cpio_parse(const u8 *buf, size_t len, size_t off, struct cpio_entry *e)
{
	u32 *fields[] = { &e->ino, &e->mode, &e->uid, &e->gid, &e->nlink, &e->mtime,
			  &e->filesize, &e->devmajor, &e->devminor, &e->rdevmajor,
			  &e->rdevminor, &e->namesize, NULL };
	u32 check;
	size_t name_end, data_end;
	int i;

	e->namesize = 0;
	e->next = len;
	while (off < len && off % 4 == 0 && len - off >= 4 && !buf[off] && !buf[off + 1] &&
	       !buf[off + 2] && !buf[off + 3])
		off += 4;	/* padding between concatenated archives */
	if (off >= len)
		return 0;
	if (len - off < CPIO_HDR_LEN)
		return -EINVAL;
	if (memcmp(buf + off, "07070", 5) || (buf[off + 5] != '1' && buf[off + 5] != '2'))
		return -EINVAL;
	for (i = 0; fields[i]; i++)
		if (hex8(buf + off + 6 + 8 * i, fields[i]))
			return -EINVAL;
	if (hex8(buf + off + 6 + 8 * 12, &check))
		return -EINVAL;
	if (e->namesize == 0 || e->namesize > 4096)
		return -EINVAL;
	name_end = off + CPIO_HDR_LEN + e->namesize;
	if (name_end > len || buf[name_end - 1] != '\0')
		return -EINVAL;
	e->name = (const char *)buf + off + CPIO_HDR_LEN;
	name_end = (name_end + 3) & ~(size_t)3;
	if (name_end > len && !(e->filesize == 0 && !strcmp(e->name, "TRAILER!!!")))
		return -EINVAL;
	if (!strcmp(e->name, "TRAILER!!!")) {
		e->next = name_end;
		return 0;
	}
	if (e->filesize > len || name_end > len - e->filesize)
		return -EINVAL;
	e->data = buf + name_end;
	data_end = name_end + e->filesize;
	e->next = (data_end + 3) & ~(size_t)3;
	return 1;
}
