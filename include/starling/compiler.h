// SPDX-License-Identifier: GPL-2.0-only
/*
 * Compiler helpers shared by every layer: attributes, barriers, once-accessors, container_of.
 */
#ifndef _STARLING_COMPILER_H
#define _STARLING_COMPILER_H

#include <starling/types.h>

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#undef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __noreturn		__attribute__((__noreturn__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __used			__attribute__((__used__))
#define __maybe_unused		__attribute__((__unused__))
#define __section(s)		__attribute__((__section__(s)))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __user			/* marks a user-space pointer for the reader */
#define __init			__section(".init.text")
#define __initdata		__section(".init.data")

/* No function-entry patch site (where the arch compiles one in: -pg -mfentry). */
#define notrace			__attribute__((__no_instrument_function__))

/*
 * Code on the way into or inside a probe handler. The linker script brackets the section
 * with __noprobe_text_start/__noprobe_text_end and kprobes refuse that range.
 */
#define __noprobe		__section(".noprobe.text") noinline notrace
/* A small helper of __noprobe code: always inlined, so it is never-probe text too. */
#define nokprobe_inline		__always_inline

#define barrier()		__asm__ __volatile__("" ::: "memory")
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile __typeof__(x) *)&(x) = (v))

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define ALIGN(x, a)		(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define min(a, b)		((a) < (b) ? (a) : (b))
#define max(a, b)		((a) > (b) ? (a) : (b))
#define min_t(t, a, b)		((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define max_t(t, a, b)		((t)(a) > (t)(b) ? (t)(a) : (t)(b))
#define clamp(v, lo, hi)	min(max(v, lo), hi)

#define BUILD_BUG_ON(c)		_Static_assert(!(c), #c)

/* Config symbols are always defined to 0 or 1 (generated autoconf.h). */
#define IS_ENABLED(option)	(option)

#endif /* _STARLING_COMPILER_H */
