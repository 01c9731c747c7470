// SPDX-License-Identifier: GPL-2.0-only
/*
 * The host and domain names uname(2) reports, for kernel readers and writers other than
 * the syscalls themselves (/proc/sys/kernel/hostname and domainname). kernel/sys_info.c
 * keeps the names under a lock; these copy in and out of kernel buffers.
 */
#ifndef _STARLING_UTSNAME_H
#define _STARLING_UTSNAME_H

#include <starling/types.h>

#define __NEW_UTS_LEN		64

/* Copy the host name (NUL-terminated, truncated to @size - 1) into @buf. */
void uts_get_nodename(char *buf, size_t size);
/* Copy the domain name into @buf, like uts_get_nodename(). */
void uts_get_domainname(char *buf, size_t size);
/* Set the host name to the @len bytes at @name (no permission check). Return: 0 or -EINVAL. */
int uts_set_nodename(const char *name, size_t len);
/* Set the domain name, like uts_set_nodename(). */
int uts_set_domainname(const char *name, size_t len);

#endif /* _STARLING_UTSNAME_H */
