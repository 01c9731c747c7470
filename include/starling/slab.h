// SPDX-License-Identifier: GPL-2.0-only
/*
 * kmalloc/kfree for small objects (mm/slab.c): power-of-two size classes carved from pages;
 * larger requests go to the page allocator. Host unit tests map these to malloc/free.
 */
#ifndef _STARLING_SLAB_H
#define _STARLING_SLAB_H

#include <starling/types.h>

#define GFP_KERNEL	0x0u		/* may sleep */
#define GFP_ATOMIC	0x1u		/* never sleeps; may fail */
#define __GFP_ZERO	0x100u		/* zero the memory */

void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *ptr);
size_t ksize(const void *ptr);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > (size_t)-1 / size)
		return NULL;
	return kmalloc(n * size, flags | __GFP_ZERO);
}

char *kstrdup(const char *s, gfp_t flags);
char *kstrndup(const char *s, size_t max, gfp_t flags);
void *kmemdup(const void *src, size_t len, gfp_t flags);

#endif /* _STARLING_SLAB_H */
