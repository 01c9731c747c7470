// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 virtual memory layout (4-level paging, as Linux):
 *   0x0000000000000000 - 0x00007fffffffffff  user space
 *   0xffff888000000000 -                     direct map of all physical memory (PAGE_OFFSET)
 *   0xffffc90000000000 -                     vmalloc/ioremap area (VMALLOC_START)
 *   0xffffffff80000000 - 0xffffffffbfffffff  kernel image: physical 0 + __START_KERNEL_map;
 *                                            the kernel is linked at 0xffffffff81000000
 */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#ifdef __ASSEMBLY__
#define _AC(x, y)		x
#else
#define _AC(x, y)		x##y
#endif

#define PAGE_SHIFT		12
#define PAGE_SIZE		(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

#define __START_KERNEL_map	_AC(0xffffffff80000000, UL)
#define __START_KERNEL		_AC(0xffffffff81000000, UL)
#define PAGE_OFFSET		_AC(0xffff888000000000, UL)
#define VMALLOC_START		_AC(0xffffc90000000000, UL)
#define VMALLOC_END		_AC(0xffffe8ffffffffff, UL)
#define TASK_SIZE		_AC(0x00007ffffffff000, UL)

#ifndef __ASSEMBLY__
#include <starling/types.h>

extern unsigned long phys_base_end;	/* highest RAM address + 1 */

static inline unsigned long __pa(const volatile void *x)
{
	unsigned long v = (unsigned long)x;

	return v >= __START_KERNEL_map ? v - __START_KERNEL_map : v - PAGE_OFFSET;
}

static inline void *__va(unsigned long pa)
{
	return (void *)(pa + PAGE_OFFSET);
}

#define virt_to_phys(x)		__pa(x)
#define phys_to_virt(x)		__va(x)
#endif

#endif /* _ASM_PAGE_H */
