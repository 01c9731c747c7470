// SPDX-License-Identifier: GPL-2.0-only
/*
 * The vmalloc area: virtually contiguous kernel mappings built page by page with the arch's
 * map_kernel_page(). One address-ordered list of struct vm_struct covers every range handed
 * out (the vmalloc range and the arch's module range); a new area takes the lowest gap in
 * the requested range that fits it plus one unmapped guard page, so running off the end of
 * an area faults instead of scribbling on the next one.
 *
 *   VMALLOC_START                                                       VMALLOC_END
 *   | area A | guard |   gap   | area B | guard |          free ...           |
 *
 * Lock order: vmap_lock -> kmalloc class lock -> zone_lock; kernel page-table changes take
 * the arch's page-table lock inside map_kernel_page()/unmap_kernel_page().
 */
#include <starling/errno.h>
#include <starling/mm.h>
#include <starling/mm_types.h>
#include <starling/printk.h>
#include <starling/slab.h>
#include <starling/spinlock.h>
#include <starling/vmalloc.h>
#include <asm/pgtable.h>

static DEFINE_SPINLOCK(vmap_lock);
static struct vm_struct *vmlist;	/* sorted by addr; under vmap_lock */

static void unmap_area(struct vm_struct *area)
{
	for (unsigned long va = area->addr; va < area->addr + area->size; va += PAGE_SIZE)
		unmap_kernel_page(va);
	flush_tlb_kernel_range(area->addr, area->addr + area->size);
}

/**
 * get_vm_area() - reserve virtual addresses in [@start, @end), nothing mapped yet
 * @size: bytes, rounded up to whole pages; a guard page follows
 * @flags: VM_* recorded in the area
 * @start: lowest acceptable address (page aligned)
 * @end: exclusive upper bound
 * Return: the area, or NULL when the range is full or memory is short.
 */
struct vm_struct *get_vm_area(size_t size, unsigned long flags, unsigned long start,
			      unsigned long end)
{
	struct vm_struct *area, **link;
	unsigned long addr = start, need, irqflags;

	size = ALIGN(size, PAGE_SIZE);
	if (!size || size > end - start)
		return NULL;
	need = size + PAGE_SIZE;
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;

	spin_lock_irqsave(&vmap_lock, irqflags);
	for (link = &vmlist; *link; link = &(*link)->next) {
		struct vm_struct *v = *link;
		unsigned long v_end = v->addr + v->size + PAGE_SIZE;

		if (v_end <= addr)
			continue;
		if (v->addr >= addr + need)
			break;
		addr = v_end;
	}
	if (addr < start || addr + need - 1 > end - 1 || addr + need < addr) {
		spin_unlock_irqrestore(&vmap_lock, irqflags);
		kfree(area);
		return NULL;
	}
	area->addr = addr;
	area->size = size;
	area->flags = flags;
	area->next = *link;
	*link = area;
	spin_unlock_irqrestore(&vmap_lock, irqflags);
	return area;
}

/**
 * find_vm_area() - the area starting at @addr
 * @addr: an address get_vm_area() returned
 * Return: the area, or NULL.
 */
struct vm_struct *find_vm_area(const void *addr)
{
	struct vm_struct *v;
	unsigned long flags;

	spin_lock_irqsave(&vmap_lock, flags);
	for (v = vmlist; v; v = v->next)
		if (v->addr == (unsigned long)addr)
			break;
	spin_unlock_irqrestore(&vmap_lock, flags);
	return v;
}

/**
 * free_vm_area() - unmap an area, flush the TLBs and give its addresses back
 * @area: from get_vm_area(); the pages it mapped are not freed
 */
void free_vm_area(struct vm_struct *area)
{
	struct vm_struct **link;
	unsigned long flags;

	unmap_area(area);
	spin_lock_irqsave(&vmap_lock, flags);
	for (link = &vmlist; *link; link = &(*link)->next) {
		if (*link == area) {
			*link = area->next;
			break;
		}
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
	kfree(area);
}

/**
 * ioremap_page_range() - map physical [@pa, @pa + @end - @addr) at [@addr, @end)
 * @addr: page-aligned start, inside an area from get_vm_area()
 * @end: page-aligned end
 * @pa: page-aligned physical start
 * @prot: page protection (arch PAGE_* value)
 * Return: 0 or -ENOMEM; on error, pages already mapped stay mapped for the caller to undo.
 */
int ioremap_page_range(unsigned long addr, unsigned long end, phys_addr_t pa,
		       unsigned long prot)
{
	for (; addr < end; addr += PAGE_SIZE, pa += PAGE_SIZE) {
		int ret = map_kernel_page(addr, pa, prot);

		if (ret)
			return ret;
	}
	return 0;
}

/**
 * __vmalloc_range() - allocate pages and map them contiguously inside [@start, @end)
 * @size: bytes, rounded up to pages
 * @start: range start (e.g. VMALLOC_START, MODULES_VADDR)
 * @end: range end
 * @gfp: for the pages; __GFP_ZERO zeroes them
 * @prot: page protection
 * Return: the address, or NULL.
 */
void *__vmalloc_range(size_t size, unsigned long start, unsigned long end, gfp_t gfp,
		      unsigned long prot)
{
	struct vm_struct *area;
	struct page **pages;
	unsigned int i = 0;

	area = get_vm_area(size, VM_ALLOC, start, end);
	if (!area)
		return NULL;
	pages = kcalloc(area->size >> PAGE_SHIFT, sizeof(*pages), gfp & ~__GFP_ZERO);
	if (!pages)
		goto out_free_area;
	for (; i < area->size >> PAGE_SHIFT; i++) {
		pages[i] = alloc_page(gfp);
		if (!pages[i])
			goto out_free_area;
		if (map_kernel_page(area->addr + ((unsigned long)i << PAGE_SHIFT),
				    page_to_phys(pages[i]), prot)) {
			__free_page(pages[i]);
			goto out_free_area;
		}
	}
	area->pages = pages;
	area->nr_pages = i;
	return (void *)area->addr;

out_free_area:
	free_vm_area(area);		/* unmaps whatever was mapped */
	while (i--)
		__free_page(pages[i]);
	kfree(pages);
	return NULL;
}

/**
 * vmalloc() - allocate @size bytes of virtually contiguous kernel memory (RW, NX)
 * @size: bytes
 * Return: the address, or NULL.
 */
void *vmalloc(size_t size)
{
	return __vmalloc_range(size, VMALLOC_START, VMALLOC_END, GFP_KERNEL, PAGE_KERNEL);
}

/**
 * vzalloc() - vmalloc() with the memory zeroed
 * @size: bytes
 * Return: the address, or NULL.
 */
void *vzalloc(size_t size)
{
	return __vmalloc_range(size, VMALLOC_START, VMALLOC_END, GFP_KERNEL | __GFP_ZERO,
			       PAGE_KERNEL);
}

/**
 * vfree() - free memory from vmalloc(), vzalloc() or __vmalloc_range()
 * @addr: the address returned, or NULL (ignored)
 *
 * Anything else warns once and is left alone.
 */
void vfree(const void *addr)
{
	struct vm_struct *area;
	struct page **pages;
	unsigned int nr;

	if (!addr)
		return;
	area = find_vm_area(addr);
	if (WARN_ON_ONCE(!area || !(area->flags & VM_ALLOC)))
		return;
	pages = area->pages;
	nr = area->nr_pages;
	free_vm_area(area);
	for (unsigned int i = 0; i < nr; i++)
		__free_page(pages[i]);
	kfree(pages);
}

/**
 * is_vmalloc_addr() - whether @addr lies in the vmalloc or module range
 * @addr: any address
 * Return: true or false.
 */
bool is_vmalloc_addr(const void *addr)
{
	unsigned long a = (unsigned long)addr;

	return (a >= VMALLOC_START && a < VMALLOC_END) || (a >= MODULES_VADDR && a < MODULES_END);
}
