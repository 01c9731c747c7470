/* Host shim of <starling/mm.h>: pages come from aligned_alloc. */
#ifndef _STARLING_MM_H
#define _STARLING_MM_H
#include <stdlib.h>
#include <string.h>
#include <starling/slab.h>
#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
static inline unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	void *p = aligned_alloc(PAGE_SIZE, PAGE_SIZE << order);
	if (p && (gfp & __GFP_ZERO))
		memset(p, 0, PAGE_SIZE << order);
	return (unsigned long)p;
}
static inline void free_pages(unsigned long addr, unsigned int order) { free((void *)addr); }
#define __get_free_page(gfp)	__get_free_pages((gfp), 0)
#define get_zeroed_page(gfp)	__get_free_pages((gfp) | __GFP_ZERO, 0)
#define free_page(addr)		free_pages((addr), 0)
#endif
