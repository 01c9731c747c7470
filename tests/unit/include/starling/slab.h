/* Host shim of <starling/slab.h>: kmalloc is malloc. */
#ifndef _STARLING_SLAB_H
#define _STARLING_SLAB_H
#include <stdlib.h>
#include <string.h>
#include <starling/types.h>
#define GFP_KERNEL	0x0u
#define GFP_ATOMIC	0x1u
#define __GFP_ZERO	0x100u
static inline void *kmalloc(size_t size, gfp_t flags)
{
	return (flags & __GFP_ZERO) ? calloc(1, size ? size : 1) : malloc(size ? size : 1);
}
static inline void *kzalloc(size_t size, gfp_t flags) { return kmalloc(size, flags | __GFP_ZERO); }
static inline void *kcalloc(size_t n, size_t size, gfp_t flags) { return calloc(n ? n : 1, size ? size : 1); }
static inline void kfree(const void *p) { free((void *)p); }
static inline char *kstrdup(const char *s, gfp_t flags) { return s ? strdup(s) : NULL; }
static inline char *kstrndup(const char *s, size_t n, gfp_t flags) { return s ? strndup(s, n) : NULL; }
static inline void *kmemdup(const void *src, size_t len, gfp_t flags)
{
	void *p = malloc(len ? len : 1);
	if (p)
		memcpy(p, src, len);
	return p;
}
#endif
