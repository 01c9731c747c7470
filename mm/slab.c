// SPDX-License-Identifier: GPL-2.0-only
/*
 * kmalloc: power-of-two size classes of 16 to 2048 bytes, each object carved from an order-0
 * page that belongs to one class (PG_slab, the class in struct page). Requests above 2048
 * bytes take whole pages from the buddy allocator (PG_large_kmalloc, the order in struct
 * page), so kfree() and ksize() find everything they need from the pointer alone.
 *
 * A slab page keeps its free objects on a singly linked list threaded through the objects:
 *
 *   struct page: freelist --> [ next | FREE cookie | ... ] --> [ next | cookie ] --> NULL
 *
 * The second word of a free object holds a cookie derived from its address; kfree() of an
 * object that already carries it walks the page's free list to confirm a double free and
 * panics (going on would hand the same memory out twice). Pages with at least one free
 * object sit on their class's partial list; one empty page per class is kept for reuse.
 *
 * Lock order: class->lock -> zone_lock (mm/page_alloc.c).
 */
#include <starling/mm.h>
#include <starling/mm_types.h>
#include <starling/printk.h>
#include <starling/slab.h>
#include <starling/spinlock.h>
#include <starling/string.h>
#include <starling/meminfo.h>
#include "internal.h"

#define KMALLOC_MIN_SHIFT	4
#define KMALLOC_MAX_SHIFT	11
#define KMALLOC_MAX_SMALL	(1UL << KMALLOC_MAX_SHIFT)
#define NR_KMALLOC_CLASSES	(KMALLOC_MAX_SHIFT - KMALLOC_MIN_SHIFT + 1)
#define SLAB_FREE_COOKIE	0x5a1bf7eedeadbeefUL

struct free_obj {
	struct free_obj	*next;
	unsigned long	cookie;		/* SLAB_FREE_COOKIE ^ address while free */
};

struct kmalloc_class {
	spinlock_t	lock;
	unsigned int	size;		/* object size; constant */
	struct page	*partial;	/* pages with a free object; under lock */
	unsigned int	nr_empty;	/* partial pages with no object in use; under lock */
};

static struct kmalloc_class kmalloc_classes[NR_KMALLOC_CLASSES];

static unsigned long free_cookie(const void *obj)
{
	return SLAB_FREE_COOKIE ^ (unsigned long)obj;
}

static unsigned int size_class(size_t size)
{
	unsigned int idx = 0;

	while ((1UL << (idx + KMALLOC_MIN_SHIFT)) < size)
		idx++;
	return idx;
}

static unsigned int size_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/* ---- partial list (class->lock held) --------------------------------------------------- */

static void partial_add(struct kmalloc_class *cls, struct page *page)
{
	page->prev = NULL;
	page->next = cls->partial;
	if (cls->partial)
		cls->partial->prev = page;
	cls->partial = page;
}

static void partial_del(struct kmalloc_class *cls, struct page *page)
{
	if (page->prev)
		page->prev->next = page->next;
	else
		cls->partial = page->next;
	if (page->next)
		page->next->prev = page->prev;
	page->next = page->prev = NULL;
}

/* Make a fresh page into a slab of @cls and put it on the partial list. */
static struct page *slab_grow(struct kmalloc_class *cls, unsigned int idx, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp & ~__GFP_ZERO, 0);
	char *base;

	if (!page)
		return NULL;
	base = page_to_virt(page);
	page->flags |= PG_slab;
	page->slab_class = idx;
	page->objects = PAGE_SIZE / cls->size;
	page->inuse = 0;
	page->freelist = NULL;
	for (int i = page->objects - 1; i >= 0; i--) {
		struct free_obj *obj = (struct free_obj *)(base + i * cls->size);

		obj->next = page->freelist;
		obj->cookie = free_cookie(obj);
		page->freelist = obj;
	}
	partial_add(cls, page);
	cls->nr_empty++;
	return page;
}

static void slab_release(struct kmalloc_class *cls, struct page *page)
{
	partial_del(cls, page);
	cls->nr_empty--;
	page->flags &= ~PG_slab;
	page->freelist = NULL;
	__free_pages(page, 0);
}

static void *slab_alloc(size_t size, gfp_t gfp)
{
	unsigned int idx = size_class(size);
	struct kmalloc_class *cls = &kmalloc_classes[idx];
	struct free_obj *obj;
	struct page *page;
	unsigned long flags;

	spin_lock_irqsave(&cls->lock, flags);
	page = cls->partial;
	if (!page)
		page = slab_grow(cls, idx, gfp);
	if (!page) {
		spin_unlock_irqrestore(&cls->lock, flags);
		return NULL;
	}
	obj = page->freelist;
	if (obj->cookie != free_cookie(obj) ||
	    (obj->next && virt_to_page(obj->next) != page))
		panic("kmalloc-%u: free list of page %px corrupted at %px (use after free?)",
		      cls->size, page_to_virt(page), obj);
	page->freelist = obj->next;
	if (!page->inuse++)
		cls->nr_empty--;
	if (!page->freelist)
		partial_del(cls, page);
	spin_unlock_irqrestore(&cls->lock, flags);

	obj->next = NULL;
	obj->cookie = 0;
	if (gfp & __GFP_ZERO)
		memset(obj, 0, cls->size);
	return obj;
}

static bool obj_on_freelist(const struct page *page, const void *ptr)
{
	for (const struct free_obj *o = page->freelist; o; o = o->next)
		if (o == ptr)
			return true;
	return false;
}

static void slab_free(struct page *page, void *ptr)
{
	struct kmalloc_class *cls = &kmalloc_classes[page->slab_class];
	struct free_obj *obj = ptr;
	unsigned long flags;

	if (((char *)ptr - (char *)page_to_virt(page)) % cls->size)
		panic("kfree: %px is inside a kmalloc-%u object, not its start", ptr, cls->size);
	spin_lock_irqsave(&cls->lock, flags);
	if (obj->cookie == free_cookie(obj) && obj_on_freelist(page, obj))
		panic("kfree: double free of kmalloc-%u object %px", cls->size, ptr);
	obj->next = page->freelist;
	obj->cookie = free_cookie(obj);
	if (!page->freelist)
		partial_add(cls, page);
	page->freelist = obj;
	if (!--page->inuse) {
		cls->nr_empty++;
		if (cls->nr_empty > 1)
			slab_release(cls, page);
	}
	spin_unlock_irqrestore(&cls->lock, flags);
}

/* The struct page behind a kmalloc pointer; panics for anything kmalloc never returned. */
static struct page *kmalloc_page(const void *ptr, const char *who)
{
	struct page *page;

	if (!virt_addr_valid(ptr))
		panic("%s: %px was not allocated by kmalloc", who, ptr);
	page = virt_to_page(ptr);
	if ((page->flags & (PG_head | PG_slab)) == (PG_head | PG_slab))
		return page;
	if ((page->flags & (PG_head | PG_large_kmalloc)) == (PG_head | PG_large_kmalloc) &&
	    !((unsigned long)ptr & ~PAGE_MASK))
		return page;
	panic("%s: %px was not allocated by kmalloc (or was already freed)", who, ptr);
}

void kmalloc_init(void)
{
	for (unsigned int i = 0; i < NR_KMALLOC_CLASSES; i++) {
		struct kmalloc_class *cls = &kmalloc_classes[i];

		*cls = (struct kmalloc_class) {
			.lock = __SPIN_LOCK_UNLOCKED(kmalloc_class.lock),
			.size = 1U << (i + KMALLOC_MIN_SHIFT),
		};
	}
}

void kmalloc_shrink(void)
{
	for (unsigned int i = 0; i < NR_KMALLOC_CLASSES; i++) {
		struct kmalloc_class *cls = &kmalloc_classes[i];
		unsigned long flags;
		struct page *page, *next;

		spin_lock_irqsave(&cls->lock, flags);
		for (page = cls->partial; page; page = next) {
			next = page->next;
			if (!page->inuse)
				slab_release(cls, page);
		}
		spin_unlock_irqrestore(&cls->lock, flags);
	}
}

/**
 * kmalloc_cached_pages() - empty slab pages kept for reuse
 *
 * Such a page holds no object and would go back to the page allocator at the next
 * kmalloc_shrink(); /proc/meminfo counts it as free, so MemFree does not depend on which
 * size classes happened to empty last.
 * Return: the count, a snapshot.
 */
unsigned long kmalloc_cached_pages(void)
{
	unsigned long n = 0;

	for (unsigned int i = 0; i < NR_KMALLOC_CLASSES; i++)
		n += READ_ONCE(kmalloc_classes[i].nr_empty);
	return n;
}

/**
 * kmalloc() - allocate @size bytes of kernel memory
 * @size: bytes wanted; 0 gets the smallest object
 * @flags: GFP_KERNEL or GFP_ATOMIC (neither sleeps), optionally | __GFP_ZERO
 *
 * Objects up to 2048 bytes are aligned to their power-of-two size class; larger ones are
 * whole pages.
 * Return: the memory, or NULL.
 */
void *kmalloc(size_t size, gfp_t flags)
{
	unsigned int order;
	struct page *page;

	if (size <= KMALLOC_MAX_SMALL)
		return slab_alloc(size, flags);
	order = size_order(size);
	if (order >= MAX_ORDER)
		return NULL;
	page = alloc_pages(flags, order);
	if (!page)
		return NULL;
	page->flags |= PG_large_kmalloc;
	return page_to_virt(page);
}

/**
 * kfree() - free memory from kmalloc()
 * @ptr: the pointer kmalloc() returned, or NULL (ignored)
 *
 * Panics on a pointer kmalloc never returned and on a detected double free.
 */
void kfree(const void *ptr)
{
	struct page *page;

	if (!ptr)
		return;
	page = kmalloc_page(ptr, "kfree");
	if (page->flags & PG_slab) {
		slab_free(page, (void *)ptr);
		return;
	}
	page->flags &= ~PG_large_kmalloc;
	__free_pages(page, page->order);
}

/**
 * ksize() - usable size of a kmalloc() allocation
 * @ptr: the pointer kmalloc() returned, or NULL
 * Return: the bytes usable at @ptr (at least what was asked for); 0 for NULL.
 */
size_t ksize(const void *ptr)
{
	struct page *page;

	if (!ptr)
		return 0;
	page = kmalloc_page(ptr, "ksize");
	if (page->flags & PG_slab)
		return kmalloc_classes[page->slab_class].size;
	return PAGE_SIZE << page->order;
}

/**
 * kmemdup() - copy @len bytes at @src into new kmalloc memory
 * @src: source
 * @len: bytes
 * @flags: GFP flags for kmalloc()
 * Return: the copy, or NULL.
 */
void *kmemdup(const void *src, size_t len, gfp_t flags)
{
	void *p = kmalloc(len, flags);

	if (p)
		memcpy(p, src, len);
	return p;
}

/**
 * kstrndup() - copy at most @max bytes of string @s, always NUL-terminated
 * @s: the string, or NULL
 * @max: bytes to copy at most, excluding the NUL
 * @flags: GFP flags for kmalloc()
 * Return: the copy, or NULL (also for a NULL @s).
 */
char *kstrndup(const char *s, size_t max, gfp_t flags)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, flags);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

/**
 * kstrdup() - copy string @s into new kmalloc memory
 * @s: the string, or NULL
 * @flags: GFP flags for kmalloc()
 * Return: the copy, or NULL (also for a NULL @s).
 */
char *kstrdup(const char *s, gfp_t flags)
{
	return s ? kmemdup(s, strlen(s) + 1, flags) : NULL;
}
