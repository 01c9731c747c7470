// SPDX-License-Identifier: GPL-2.0-only
/*
 * The physical page allocator: a binary buddy system over every page frame that memblock
 * lists as RAM and does not reserve. Blocks are 2^order pages, order 0..MAX_ORDER-1, and
 * always naturally aligned in page-frame numbers, so a block's buddy is pfn ^ (1 << order):
 *
 *   order 2:  [ A A A A | B B B B ]   A (pfn 8) and B (pfn 12) are buddies at order 2;
 *   order 3:  [ A A A A   A A A A ]   freeing the second while the first is free merges them
 *
 * One struct page per frame (mem_map, carved from the first free RAM big enough at boot)
 * holds the state described in <starling/mm_types.h>. Only the first page of a free block is
 * on a free list and carries PG_buddy and the order; a freed block merges with its buddy as
 * long as the buddy is a free block of the same order.
 *
 * Callers see direct-map addresses (__va of the physical address). Freeing checks that the
 * address is the start of an allocated block of that order; anything else (double free,
 * wrong order, never allocated) warns once and leaks rather than corrupt the free lists.
 *
 * With page_poison=1 on the command line (Linux's CONFIG_PAGE_POISONING parameter), every
 * free block is filled with PAGE_POISON and checked when it is handed out again: a write
 * into a page after it was freed (a stale TLB entry, a use after free) is reported as
 * "pagealloc: memory corruption" at the next allocation of that page.
 *
 * Lock order: kmalloc class lock (mm/slab.c) -> zone_lock.
 */
#include <starling/boot.h>
#include <starling/init.h>
#include <starling/kernel.h>
#include <starling/mm.h>
#include <starling/mm_types.h>
#include <starling/printk.h>
#include <starling/spinlock.h>
#include <starling/string.h>
#include "internal.h"

struct free_area {
	struct page	*head;		/* first block on the list, or NULL */
	unsigned long	nr_free;	/* blocks on the list */
};

struct page *mem_map;			/* written once by mm_init() */
unsigned long min_low_pfn, max_pfn;	/* written once by mm_init() */

static DEFINE_SPINLOCK(zone_lock);
static struct free_area free_area[MAX_ORDER];	/* under zone_lock */
static unsigned long nr_free;			/* pages on the free lists; under zone_lock */
static unsigned long managed_pages;		/* pages ever given to the allocator */
static struct memblock_region memmap_region;	/* where mem_map lives, reserved too */
static bool page_poisoning;			/* page_poison=; set before mm_init() */

#define PAGE_POISON		0xaa		/* Linux's value (include/linux/poison.h) */
#define PAGE_POISON_WORD	0xaaaaaaaaaaaaaaaaULL

static int __init page_poison_setup(const char *val)
{
	return kstrtobool(val, &page_poisoning);
}
__setup("page_poison", page_poison_setup);

static void poison_block(unsigned long pfn, unsigned int order)
{
	if (page_poisoning)
		memset(page_to_virt(pfn_to_page(pfn)), PAGE_POISON, PAGE_SIZE << order);
}

/* A block leaves the free lists: every byte must still be PAGE_POISON. */
static void check_poison(struct page *page, unsigned int order)
{
	static int reports;
	const u64 *w = page_to_virt(page);
	size_t words = (PAGE_SIZE << order) / sizeof(*w);

	if (!page_poisoning)
		return;
	for (size_t i = 0; i < words; i++) {
		if (w[i] == PAGE_POISON_WORD)
			continue;
		if (reports++ < 8)
			pr_err("pagealloc: memory corruption at %px (pfn %#lx + %#zx): %016llx\n",
			       &w[i], page_to_pfn(page), i * sizeof(*w),
			       (unsigned long long)w[i]);
		return;
	}
}

/* ---- free lists (zone_lock held) ------------------------------------------------------ */

static void free_list_add(struct page *page, unsigned int order)
{
	struct free_area *area = &free_area[order];

	page->flags = PG_buddy;
	page->order = order;
	page->prev = NULL;
	page->next = area->head;
	if (area->head)
		area->head->prev = page;
	area->head = page;
	area->nr_free++;
}

static void free_list_del(struct page *page, unsigned int order)
{
	struct free_area *area = &free_area[order];

	if (page->prev)
		page->prev->next = page->next;
	else
		area->head = page->next;
	if (page->next)
		page->next->prev = page->prev;
	page->next = page->prev = NULL;
	page->flags &= ~PG_buddy;
	area->nr_free--;
}

/* Put 2^@order pages at @pfn back, merging with free buddies as far as they go. */
static void __free_one(unsigned long pfn, unsigned int order)
{
	lockdep_assert_held(&zone_lock);
	nr_free += 1UL << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (!pfn_valid(buddy_pfn))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!(buddy->flags & PG_buddy) || buddy->order != order)
			break;
		free_list_del(buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	free_list_add(pfn_to_page(pfn), order);
}

/*
 * Take a block of 2^@order pages lying entirely below @limit_pfn, splitting a larger one
 * if needed. Return its first page, or NULL.
 */
static struct page *__alloc_one(unsigned int order, unsigned long limit_pfn)
{
	lockdep_assert_held(&zone_lock);
	for (unsigned int o = order; o < MAX_ORDER; o++) {
		struct page *page;
		unsigned long pfn;

		for (page = free_area[o].head; page; page = page->next)
			if (page_to_pfn(page) + (1UL << o) <= limit_pfn)
				break;
		if (!page)
			continue;
		free_list_del(page, o);
		pfn = page_to_pfn(page);
		while (o > order) {		/* keep the lower half, free the upper */
			o--;
			free_list_add(pfn_to_page(pfn + (1UL << o)), o);
		}
		nr_free -= 1UL << order;
		page->flags = PG_head;
		page->order = order;
		atomic_set(&page->_refcount, 1);
		return page;
	}
	return NULL;
}

static struct page *alloc_pages_limit(gfp_t gfp, unsigned int order, unsigned long limit_pfn)
{
	struct page *page;
	unsigned long flags;

	if (order >= MAX_ORDER)
		return NULL;
	spin_lock_irqsave(&zone_lock, flags);
	page = __alloc_one(order, limit_pfn);
	spin_unlock_irqrestore(&zone_lock, flags);
	if (page)
		check_poison(page, order);
	if (page && (gfp & __GFP_ZERO))
		memset(page_to_virt(page), 0, PAGE_SIZE << order);
	return page;
}

/* The last reference to an allocated block is gone: give it back. */
static void free_block(struct page *page)
{
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	if (WARN_ON_ONCE(!(page->flags & PG_head))) {	/* lost a race with another free */
		spin_unlock_irqrestore(&zone_lock, flags);
		return;
	}
	page->flags = 0;
	if (page_poisoning) {
		/* Only the last reference frees, so nobody else touches the block now. */
		spin_unlock_irqrestore(&zone_lock, flags);
		poison_block(page_to_pfn(page), page->order);
		spin_lock_irqsave(&zone_lock, flags);
	}
	__free_one(page_to_pfn(page), page->order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

/* ---- boot: memblock to free lists ------------------------------------------------------ */

typedef void (*free_range_fn)(unsigned long start_pfn, unsigned long end_pfn, void *arg);

static bool region_reserved_next(u64 cursor, u64 end, u64 *rbase, u64 *rend)
{
	const struct memblock_region *best = NULL;
	u64 best_base = 0, best_end = 0;

	for (unsigned int i = 0; i <= memblock.nr_reserved; i++) {
		const struct memblock_region *r = i < memblock.nr_reserved ?
						  &memblock.reserved[i] : &memmap_region;
		u64 b = ALIGN_DOWN(r->base, (u64)PAGE_SIZE);
		u64 e = ALIGN(r->base + r->size, (u64)PAGE_SIZE);

		if (!r->size || e <= cursor || b >= end)
			continue;
		if (!best || b < best_base) {
			best = r;
			best_base = b;
			best_end = e;
		}
	}
	*rbase = best_base;
	*rend = best_end;
	return best;
}

/* Call @fn for each page range of RAM not covered by any reservation. */
static void for_each_free_range(free_range_fn fn, void *arg)
{
	for (unsigned int i = 0; i < memblock.nr_memory; i++) {
		const struct memblock_region *m = &memblock.memory[i];
		u64 cursor = ALIGN(m->base, (u64)PAGE_SIZE);
		u64 end = ALIGN_DOWN(m->base + m->size, (u64)PAGE_SIZE);
		u64 rbase, rend;

		while (cursor < end) {
			if (!region_reserved_next(cursor, end, &rbase, &rend)) {
				fn(cursor >> PAGE_SHIFT, end >> PAGE_SHIFT, arg);
				break;
			}
			if (rbase > cursor)
				fn(cursor >> PAGE_SHIFT, rbase >> PAGE_SHIFT, arg);
			cursor = max(cursor, rend);
		}
	}
}

struct memmap_fit {
	unsigned long	pages;		/* wanted */
	unsigned long	pfn;		/* lowest fit so far, or ~0UL */
};

static void find_memmap_home(unsigned long start_pfn, unsigned long end_pfn, void *arg)
{
	struct memmap_fit *fit = arg;

	if (end_pfn - start_pfn >= fit->pages && start_pfn < fit->pfn)
		fit->pfn = start_pfn;
}

static void free_boot_range(unsigned long start_pfn, unsigned long end_pfn, void *arg)
{
	lockdep_assert_held(&zone_lock);
	managed_pages += end_pfn - start_pfn;
	while (start_pfn < end_pfn) {
		unsigned int order = MAX_ORDER - 1;

		while (order && ((start_pfn & ((1UL << order) - 1)) ||
				 start_pfn + (1UL << order) > end_pfn))
			order--;
		for (unsigned long pfn = start_pfn; pfn < start_pfn + (1UL << order); pfn++)
			pfn_to_page(pfn)->flags = 0;
		poison_block(start_pfn, order);
		__free_one(start_pfn, order);
		start_pfn += 1UL << order;
	}
}

/**
 * mm_init() - build the page allocator from memblock, then kmalloc
 *
 * Sizes mem_map to span the lowest to the highest RAM page, places it in the lowest free
 * RAM that holds it, marks every frame reserved, then frees each unreserved range into the
 * buddy lists. Must run once, on the boot CPU, before anything allocates.
 */
void mm_init(void)
{
	struct memmap_fit fit = { .pfn = ~0UL };
	unsigned long physpages = 0, flags, lo = ~0UL, hi = 0;

	for (unsigned int i = 0; i < memblock.nr_memory; i++) {
		const struct memblock_region *m = &memblock.memory[i];
		unsigned long s = ALIGN(m->base, (u64)PAGE_SIZE) >> PAGE_SHIFT;
		unsigned long e = ALIGN_DOWN(m->base + m->size, (u64)PAGE_SIZE) >> PAGE_SHIFT;

		if (s >= e)
			continue;
		lo = min(lo, s);
		hi = max(hi, e);
		physpages += e - s;
	}
	if (!physpages)
		panic("mm_init: memblock lists no usable RAM");

	memmap_region = (struct memblock_region) { 0 };
	fit.pages = DIV_ROUND_UP((hi - lo) * sizeof(struct page), PAGE_SIZE);
	for_each_free_range(find_memmap_home, &fit);
	if (fit.pfn == ~0UL)
		panic("mm_init: no free RAM for %lu pages of struct page", fit.pages);
	memmap_region.base = (u64)fit.pfn << PAGE_SHIFT;
	memmap_region.size = (u64)fit.pages << PAGE_SHIFT;

	min_low_pfn = lo;
	max_pfn = hi;
	mem_map = __va(memmap_region.base);
	memset(mem_map, 0, (hi - lo) * sizeof(struct page));
	for (unsigned long pfn = lo; pfn < hi; pfn++)
		pfn_to_page(pfn)->flags = PG_reserved;

	spin_lock_irqsave(&zone_lock, flags);
	memset(free_area, 0, sizeof(free_area));
	nr_free = 0;
	managed_pages = 0;
	for_each_free_range(free_boot_range, NULL);
	spin_unlock_irqrestore(&zone_lock, flags);

	kmalloc_init();

	pr_info("Memory: %luK/%luK available (%luK reserved)\n",
		nr_free << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		(physpages - nr_free) << (PAGE_SHIFT - 10));
}

/* ---- the API ---------------------------------------------------------------------------- */

/**
 * alloc_pages() - allocate 2^@order physically contiguous pages
 * @gfp: GFP_KERNEL or GFP_ATOMIC (the allocator never sleeps), optionally | __GFP_ZERO
 * @order: 0 .. MAX_ORDER - 1
 *
 * Return: the first page of the block with a reference count of 1, or NULL.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	return alloc_pages_limit(gfp, order, ~0UL);
}

/**
 * __get_free_pages() - allocate 2^@order contiguous pages, seen through the direct map
 * @gfp: GFP_KERNEL or GFP_ATOMIC, optionally | __GFP_ZERO
 * @order: 0 .. MAX_ORDER - 1
 *
 * Return: the block's kernel virtual address, or 0 when no block is free.
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages_limit(gfp, order, ~0UL);

	return page ? (unsigned long)page_to_virt(page) : 0;
}

/**
 * __get_free_pages_below() - allocate 2^@order pages lying entirely below physical @limit
 * @gfp: as for __get_free_pages()
 * @order: 0 .. MAX_ORDER - 1
 * @limit: exclusive physical bound
 *
 * Slow (scans the free lists); meant for boot-time page tables.
 * Return: the block's kernel virtual address, or 0.
 */
unsigned long __get_free_pages_below(gfp_t gfp, unsigned int order, phys_addr_t limit)
{
	struct page *page = alloc_pages_limit(gfp, order, limit >> PAGE_SHIFT);

	return page ? (unsigned long)page_to_virt(page) : 0;
}

/**
 * put_page() - drop a reference to an allocated block; the last one frees it
 * @page: the first page of a block from alloc_pages()/__get_free_pages()
 */
void put_page(struct page *page)
{
	int left;

	if (WARN_ON_ONCE(!(READ_ONCE(page->flags) & PG_head)))
		return;				/* free or reserved: a double free */
	left = atomic_dec_return(&page->_refcount);
	if (WARN_ON_ONCE(left < 0))
		return;
	if (!left)
		free_block(page);
}

/**
 * __free_pages() - drop a reference to a block of 2^@order pages
 * @page: the first page of the block
 * @order: the order it was allocated with; a mismatch warns and leaks the block
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (WARN_ON_ONCE((READ_ONCE(page->flags) & PG_head) && page->order != order))
		return;
	put_page(page);
}

/**
 * free_pages() - free a block from __get_free_pages()
 * @addr: its address (0 is ignored)
 * @order: the order it was allocated with
 *
 * Freeing an address that is not an allocated block (double free, a page in the middle of a
 * block, memory never allocated) warns once and does nothing.
 */
void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (WARN_ON_ONCE(!virt_addr_valid((void *)addr) || (addr & ~PAGE_MASK)))
		return;
	__free_pages(virt_to_page((void *)addr), order);
}

/**
 * nr_free_pages() - pages currently on the free lists
 * Return: the count; a snapshot, not stable without zone_lock.
 */
unsigned long nr_free_pages(void)
{
	return READ_ONCE(nr_free);
}

/**
 * totalram_pages() - pages handed to the allocator at boot (RAM less reservations)
 * Return: the count.
 */
unsigned long totalram_pages(void)
{
	return managed_pages;
}

unsigned long free_area_count(unsigned int order)
{
	return order < MAX_ORDER ? READ_ONCE(free_area[order].nr_free) : 0;
}
