// SPDX-License-Identifier: GPL-2.0-only
/*
 * The physical page allocator (mm/page_alloc.c, a buddy allocator) seen through the direct
 * map: pages are handed out as kernel virtual addresses.
 */
#ifndef _STARLING_MM_H
#define _STARLING_MM_H

#include <starling/types.h>
#include <starling/slab.h>
#include <asm/page.h>		/* PAGE_SIZE, PAGE_SHIFT, __va, __pa */

#define MAX_ORDER	11	/* orders 0..10: up to 4 MiB blocks */

/* 2^@order contiguous pages, or 0. __GFP_ZERO zeroes them. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
#define __get_free_page(gfp)	__get_free_pages((gfp), 0)
#define get_zeroed_page(gfp)	__get_free_pages((gfp) | __GFP_ZERO, 0)
#define free_page(addr)		free_pages((addr), 0)

unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);

#endif /* _STARLING_MM_H */
