// SPDX-License-Identifier: GPL-2.0-only
/*
 * struct page: one per physical page frame between the lowest and highest RAM address,
 * allocated at boot by mm_init() (mm/page_alloc.c). A page is in exactly one state:
 *
 *   hole/reserved  PG_reserved: firmware, kernel image, memmap, or not RAM at all
 *   free           PG_buddy on the first page of a free block of 2^order pages
 *   allocated      PG_head on the first page of a block handed out with its order;
 *                  _refcount counts users, put_page() frees the block at zero
 *   slab           PG_head|PG_slab: an order-0 page carved into kmalloc objects
 *   large kmalloc  PG_head|PG_large_kmalloc: a kmalloc() too big for a size class
 *
 * Pages inside a block (not its first page) carry no state flags.
 */
#ifndef _STARLING_MM_TYPES_H
#define _STARLING_MM_TYPES_H

#include <starling/atomic.h>
#include <starling/types.h>
#include <asm/page.h>

#define PG_reserved		(1U << 0)
#define PG_buddy		(1U << 1)
#define PG_head			(1U << 2)
#define PG_slab			(1U << 3)
#define PG_large_kmalloc	(1U << 4)

struct page {
	u16		flags;		/* PG_*; under zone_lock (buddy) or the page's owner */
	u8		order;		/* block order when PG_buddy or PG_head */
	u8		slab_class;	/* kmalloc size class index when PG_slab */
	atomic_t	_refcount;	/* users of an allocated block; 0 when free */
	struct page	*next, *prev;	/* buddy free list, or a kmalloc class's partial list */
	void		*freelist;	/* PG_slab: first free object */
	u16		inuse;		/* PG_slab: objects handed out */
	u16		objects;	/* PG_slab: objects in this page */
};

extern struct page *mem_map;		/* struct page of min_low_pfn .. max_pfn - 1 */
extern unsigned long min_low_pfn;	/* lowest RAM page frame */
extern unsigned long max_pfn;		/* highest RAM page frame + 1 */

static inline struct page *pfn_to_page(unsigned long pfn)
{
	return mem_map + (pfn - min_low_pfn);
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map) + min_low_pfn;
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn >= min_low_pfn && pfn < max_pfn;
}

static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(__pa(addr) >> PAGE_SHIFT);
}

static inline void *page_to_virt(const struct page *page)
{
	return __va(page_to_pfn(page) << PAGE_SHIFT);
}

static inline phys_addr_t page_to_phys(const struct page *page)
{
	return (phys_addr_t)page_to_pfn(page) << PAGE_SHIFT;
}

/* A direct-map address of RAM that has a struct page (not necessarily allocated). */
static inline bool virt_addr_valid(const void *addr)
{
	return pfn_valid(__pa(addr) >> PAGE_SHIFT);
}

#define page_address(page)	page_to_virt(page)

static inline int page_ref_count(const struct page *page)
{
	return atomic_read(&page->_refcount);
}

/* Take another reference on an allocated block (copy-on-write sharing, page cache). */
static inline void get_page(struct page *page)
{
	atomic_inc(&page->_refcount);
}

void put_page(struct page *page);

struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
#define alloc_page(gfp)		alloc_pages((gfp), 0)
#define __free_page(page)	__free_pages((page), 0)

/*
 * Like __get_free_pages() but only from physical memory below @limit: for arch code that
 * must reach the new memory through the boot page tables, which map only low memory.
 */
unsigned long __get_free_pages_below(gfp_t gfp, unsigned int order, phys_addr_t limit);

#endif /* _STARLING_MM_TYPES_H */
