// SPDX-License-Identifier: GPL-2.0-only
/*
 * Error numbers (Linux's values) and the ERR_PTR convention: a pointer-returning function
 * encodes -errno in the top page of the address space.
 */
#ifndef _STARLING_ERRNO_H
#define _STARLING_ERRNO_H

#include <uapi/asm-generic/errno.h>
#include <starling/compiler.h>

/* Kernel-internal codes, never seen by user space (as in Linux). */
#define ERESTARTSYS		512
#define ERESTARTNOINTR		513
#define ERESTARTNOHAND		514
#define ENOIOCTLCMD		515
#define ERESTART_RESTARTBLOCK	516

#define MAX_ERRNO		4095
#define IS_ERR_VALUE(x)		unlikely((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

#endif /* _STARLING_ERRNO_H */
