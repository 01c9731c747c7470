// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 virtual memory layout: Sv39 (three levels, 39-bit addresses), Linux 6.1's layout
 * (Documentation/riscv/vm-layout.rst):
 *   0x0000000000000000 - 0x0000003fffffffff  user space (256 GiB)
 *   0xffffffc800000000 - 0xffffffd7ffffffff  vmalloc/ioremap area (64 GiB)
 *   0xffffffd800000000 - 0xfffffff6ffffffff  direct map of physical memory (124 GiB)
 *   0xffffffff80000000 - 0xffffffffffffffff  kernel image: physical KERNEL_PHYS_BASE at
 *                                            __START_KERNEL_map; linked 2 MiB above, where
 *                                            OpenSBI jumps (0x80200000 on QEMU virt)
 * Unlike Linux, the direct map starts at physical 0, not at the start of RAM, so __va() and
 * __pa() need no variable; RAM must therefore lie below 124 GiB.
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

#define KERNEL_PHYS_BASE	_AC(0x80000000, UL)
#define __START_KERNEL_map	_AC(0xffffffff80000000, UL)
#define __START_KERNEL		_AC(0xffffffff80200000, UL)
#define PAGE_OFFSET		_AC(0xffffffd800000000, UL)
#define DIRECT_MAP_SIZE		_AC(0x0000001f00000000, UL)	/* 124 GiB */
#define VMALLOC_START		_AC(0xffffffc800000000, UL)
#define VMALLOC_END		_AC(0xffffffd7ffffffff, UL)
#define TASK_SIZE		_AC(0x0000004000000000, UL)

#ifndef __ASSEMBLY__
#include <starling/types.h>

static inline unsigned long __pa(const volatile void *x)
{
	unsigned long v = (unsigned long)x;

	return v >= __START_KERNEL_map ? v - __START_KERNEL_map + KERNEL_PHYS_BASE :
					 v - PAGE_OFFSET;
}

static inline void *__va(unsigned long pa)
{
	return (void *)(pa + PAGE_OFFSET);
}

#define virt_to_phys(x)		__pa(x)
#define phys_to_virt(x)		__va(x)
#endif

#endif /* _ASM_PAGE_H */
