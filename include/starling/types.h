// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fixed-width and kernel scalar types. Only compiler-provided freestanding headers are used,
 * so the same definitions work in the kernel and in host unit tests.
 */
#ifndef _STARLING_TYPES_H
#define _STARLING_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef long ssize_t;
typedef long loff_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned int gfp_t;
typedef unsigned long phys_addr_t;
typedef unsigned long dev_t;

#endif /* _STARLING_TYPES_H */
