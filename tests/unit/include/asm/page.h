// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host shim of <asm/page.h>: the "direct map" is a host buffer. A test that uses __va/__pa
 * defines unit_page_offset so that __va(pa) == pa + unit_page_offset, e.g. a malloc'ed
 * region standing for physical memory starting at some fake physical address.
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#include <starling/types.h>

extern unsigned long unit_page_offset;	/* the test defines it */

static inline unsigned long __pa(const volatile void *x)
{
	return (unsigned long)x - unit_page_offset;
}

static inline void *__va(unsigned long pa)
{
	return (void *)(pa + unit_page_offset);
}

#define virt_to_phys(x)		__pa(x)
#define phys_to_virt(x)		__va(x)

#endif /* _ASM_PAGE_H */
