// SPDX-License-Identifier: GPL-2.0-only
/*
 * Virtually contiguous kernel memory (mm/vmalloc.c): page-by-page allocations and MMIO
 * mappings placed in [VMALLOC_START, VMALLOC_END), executable allocations in the arch's
 * module range. Each mapping is followed by one unmapped guard page.
 */
#ifndef _STARLING_VMALLOC_H
#define _STARLING_VMALLOC_H

#include <starling/types.h>

struct page;

#define VM_ALLOC	0x1	/* vmalloc(): pages owned by the area */
#define VM_IOREMAP	0x2	/* ioremap(): physical range, not owned */

struct vm_struct {
	struct vm_struct	*next;		/* address-ordered list; under vmap_lock */
	unsigned long		addr;		/* page aligned */
	unsigned long		size;		/* mapped bytes, without the guard page */
	unsigned long		flags;		/* VM_* */
	unsigned int		nr_pages;	/* VM_ALLOC: entries in pages[] */
	struct page		**pages;	/* VM_ALLOC */
	phys_addr_t		phys_addr;	/* VM_IOREMAP */
};

void *vmalloc(size_t size);
void *vzalloc(size_t size);
void vfree(const void *addr);
void *__vmalloc_range(size_t size, unsigned long start, unsigned long end, gfp_t gfp,
		      unsigned long prot);

struct vm_struct *get_vm_area(size_t size, unsigned long flags, unsigned long start,
			      unsigned long end);
struct vm_struct *find_vm_area(const void *addr);
void free_vm_area(struct vm_struct *area);
int ioremap_page_range(unsigned long addr, unsigned long end, phys_addr_t pa,
		       unsigned long prot);
bool is_vmalloc_addr(const void *addr);

#endif /* _STARLING_VMALLOC_H */
