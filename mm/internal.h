// SPDX-License-Identifier: GPL-2.0-only
/* Interfaces private to mm/: the page allocator's boot hooks and statistics for tests. */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <starling/types.h>

void kmalloc_init(void);				/* mm/slab.c, called by mm_init() */
unsigned long free_area_count(unsigned int order);	/* free blocks of exactly @order */
void kmalloc_shrink(void);			/* give cached empty slab pages back */

#endif /* _MM_INTERNAL_H */
