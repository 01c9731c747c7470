// SPDX-License-Identifier: GPL-2.0-only
/*
 * ioremap: uncached mappings of device memory (on x86_64 the LAPIC and IOAPIC, on riscv64
 * the UART, PLIC and test device), which the direct map does not cover because it maps RAM
 * only. Each call gets its own vmalloc-area range (mm/vmalloc.c) with a guard page after
 * it; the arch's PAGE_KERNEL_NOCACHE says what uncached means (PCD|PWT on x86_64; on QEMU
 * virt, riscv64's physical memory attributes already make device ranges uncached).
 */
#include <starling/printk.h>
#include <starling/vmalloc.h>
#include <asm/pgtable.h>

/**
 * ioremap() - map device memory uncached, read-write, not executable
 * @pa: physical address, any alignment
 * @size: bytes
 * Return: the virtual address of @pa, or NULL.
 */
void *ioremap(phys_addr_t pa, size_t size)
{
	unsigned long offset = pa & ~PAGE_MASK;
	phys_addr_t base = pa - offset;
	struct vm_struct *area;

	if (!size)
		return NULL;
	size = ALIGN(size + offset, PAGE_SIZE);
	area = get_vm_area(size, VM_IOREMAP, VMALLOC_START, VMALLOC_END);
	if (!area)
		return NULL;
	area->phys_addr = base;
	if (ioremap_page_range(area->addr, area->addr + size, base, PAGE_KERNEL_NOCACHE)) {
		free_vm_area(area);
		return NULL;
	}
	return (void *)(area->addr + offset);
}

/**
 * iounmap() - undo ioremap()
 * @addr: the address ioremap() returned
 */
void iounmap(volatile void *addr)
{
	struct vm_struct *area = find_vm_area((void *)((unsigned long)addr & PAGE_MASK));

	if (WARN_ON_ONCE(!area || !(area->flags & VM_IOREMAP)))
		return;
	free_vm_area(area);
}
