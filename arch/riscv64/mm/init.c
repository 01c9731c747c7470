// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 boot-time memory: a bump allocator of physical pages that steps around every
 * reserved range, and the final kernel page table (Sv39), which replaces head.S's
 * gigabyte mappings:
 *   - the image at __START_KERNEL_map in 4 KiB pages, W^X: text R+X, rodata R, data and
 *     bss R+W;
 *   - the direct map of each RAM range at PAGE_OFFSET + physical address, R+W, never X, in
 *     the largest pages alignment allows (1 GiB, 2 MiB, 4 KiB);
 *   - device registers mapped by early_ioremap() in Linux's fixmap range, just below the
 *     vmalloc area (which the generic ioremap() uses once the page allocator runs).
 * All kernel mappings are global; the user half of the root table stays empty. Pages for
 * tables come from a bump allocator until setup.c hands RAM to memblock
 * (early_alloc_end() says how far it went); afterwards mm/pgtable.c allocates them.
 */
#include <starling/string.h>
#include <starling/printk.h>
#include <asm/early.h>
#include <asm/page.h>
#include <asm/csr.h>

#define PTE_V		0x001UL
#define PTE_R		0x002UL
#define PTE_W		0x004UL
#define PTE_X		0x008UL
#define PTE_G		0x020UL
#define PTE_A		0x040UL
#define PTE_D		0x080UL
#define PTE_PPN_SHIFT	10

#define PROT_TEXT	(PTE_V | PTE_R | PTE_X | PTE_G | PTE_A)
#define PROT_RO		(PTE_V | PTE_R | PTE_G | PTE_A)
#define PROT_RW		(PTE_V | PTE_R | PTE_W | PTE_G | PTE_A | PTE_D)

#define LEVEL_SHIFT(l)	(PAGE_SHIFT + 9 * (l))	/* level 2: 1 GiB, 1: 2 MiB, 0: 4 KiB */
#define LEVEL_SIZE(l)	(1UL << LEVEL_SHIFT(l))

static unsigned long next_free_pa;	/* bump pointer; boot hart only, before SMP */
#define FIXADDR_START	0xffffffc6fea00000UL	/* Linux 6.1's Sv39 fixmap: 6 MiB */
#define FIXADDR_END	0xffffffc6ff000000UL

unsigned long *kernel_pgd;		/* the final root table, once built */
static unsigned long ioremap_next = FIXADDR_START;
static bool early_alloc_done;		/* set by early_alloc_end(): memblock owns RAM now */
unsigned long kernel_satp;		/* satp value for the final table (secondary harts) */

static bool in_reserved(unsigned long pa, unsigned long *skip_to)
{
	for (unsigned int i = 0; i < boot_info.nr_reserved; i++) {
		const struct phys_range *r = &boot_info.reserved[i];

		if (pa + PAGE_SIZE > r->base && pa < r->base + r->size) {
			*skip_to = ALIGN(r->base + r->size, PAGE_SIZE);
			return true;
		}
	}
	return false;
}

static bool in_memory(unsigned long pa)
{
	for (unsigned int i = 0; i < boot_info.nr_mem; i++) {
		const struct phys_range *r = &boot_info.mem[i];

		if (pa >= r->base && pa + PAGE_SIZE <= r->base + r->size)
			return true;
	}
	return false;
}

/**
 * early_alloc_page() - a zeroed physical page for boot-time tables
 *
 * Pages come from just after the kernel image upwards, skipping reserved ranges. Boot hart,
 * before SMP. Panics when memory runs out (nothing could continue).
 *
 * Return: the page's physical address.
 */
unsigned long early_alloc_page(void)
{
	unsigned long pa, skip;

	if (early_alloc_done)
		panic("riscv: early_alloc_page() after the page allocator took over");
	if (!next_free_pa)
		next_free_pa = ALIGN(__pa(_end), PAGE_SIZE);
	for (;;) {
		pa = next_free_pa;
		if (!in_memory(pa))
			panic("riscv: out of boot memory at %#lx", pa);
		if (in_reserved(pa, &skip)) {
			next_free_pa = skip;
			continue;
		}
		next_free_pa = pa + PAGE_SIZE;
		memset(__va(pa), 0, PAGE_SIZE);
		return pa;
	}
}

/**
 * early_alloc_end() - stop the boot allocator and say where it stopped
 *
 * Return: the physical address after the last page it handed out; everything from the end
 * of the image up to there must stay reserved.
 */
unsigned long early_alloc_end(void)
{
	early_alloc_done = true;
	return next_free_pa ? next_free_pa : ALIGN(__pa(_end), PAGE_SIZE);
}

/* Map one page of size LEVEL_SIZE(level) at @va to @pa in @pgd, allocating tables. */
static void map_one(unsigned long *pgd, unsigned long va, unsigned long pa, unsigned long prot,
		    int level)
{
	unsigned long *table = pgd;

	for (int l = 2; l > level; l--) {
		unsigned long *pte = &table[(va >> LEVEL_SHIFT(l)) & 511];

		if (!(*pte & PTE_V))
			*pte = (early_alloc_page() >> PAGE_SHIFT) << PTE_PPN_SHIFT | PTE_V;
		else if (*pte & (PTE_R | PTE_W | PTE_X))
			panic("riscv: %#lx is already mapped by a larger page", va);
		table = __va((*pte >> PTE_PPN_SHIFT) << PAGE_SHIFT);
	}
	table[(va >> LEVEL_SHIFT(level)) & 511] = (pa >> PAGE_SHIFT) << PTE_PPN_SHIFT | prot;
}

/* Map [va, va + size) to pa with the largest pages that fit. */
static void map_range(unsigned long *pgd, unsigned long va, unsigned long pa, unsigned long size,
		      unsigned long prot, bool large)
{
	unsigned long end = va + size;

	while (va < end) {
		int level = 0;

		for (int l = large ? 2 : 0; l > 0; l--) {
			if (IS_ALIGNED(va | pa, LEVEL_SIZE(l)) && end - va >= LEVEL_SIZE(l)) {
				level = l;
				break;
			}
		}
		map_one(pgd, va, pa, prot, level);
		va += LEVEL_SIZE(level);
		pa += LEVEL_SIZE(level);
	}
}

static void map_kernel_part(unsigned long *pgd, const char *start, const char *end,
			    unsigned long prot)
{
	unsigned long va = ALIGN_DOWN((unsigned long)start, PAGE_SIZE);
	unsigned long va_end = ALIGN((unsigned long)end, PAGE_SIZE);

	map_range(pgd, va, __pa((void *)va), va_end - va, prot, false);
}

/**
 * early_ioremap() - map device registers, uncached by the platform's rules (PMAs)
 * @pa: physical address
 * @size: bytes
 *
 * Works before and after paging_init() switches tables. Boot hart, before SMP.
 *
 * Return: the virtual address for @pa.
 */
void *early_ioremap(unsigned long pa, unsigned long size)
{
	unsigned long off = pa & (PAGE_SIZE - 1);
	unsigned long va = ioremap_next;

	size = ALIGN(size + off, PAGE_SIZE);
	if (!kernel_pgd)
		panic("early_ioremap before paging_init");
	if (va + size > FIXADDR_END)
		panic("riscv: early_ioremap: the fixmap range is full");
	map_range(kernel_pgd, va, pa - off, size, PROT_RW, false);
	ioremap_next += size + PAGE_SIZE;	/* an unmapped guard page between mappings */
	__asm__ __volatile__("sfence.vma" ::: "memory");
	return (void *)(va + off);
}

/* Build the final page table and switch to it; the console moves to its ioremap address. */
void paging_init(void)
{
	unsigned long total = 0;
	void *uart;

	kernel_pgd = __va(early_alloc_page());
	map_kernel_part(kernel_pgd, _text, _etext, PROT_TEXT);
	map_kernel_part(kernel_pgd, __start_rodata, __end_rodata, PROT_RO);
	map_kernel_part(kernel_pgd, _sdata, _end, PROT_RW);
	for (unsigned int i = 0; i < boot_info.nr_mem; i++) {
		const struct phys_range *r = &boot_info.mem[i];

		if (r->base + r->size > DIRECT_MAP_SIZE)
			panic("riscv: RAM at %#lx-%#lx lies beyond the direct map", r->base,
				    r->base + r->size - 1);
		map_range(kernel_pgd, (unsigned long)__va(r->base), r->base, r->size, PROT_RW,
			  true);
		total += r->size;
	}
	uart = early_ioremap(boot_info.uart_pa, boot_info.uart_size);

	kernel_satp = SATP_MODE_SV39 | (__pa(kernel_pgd) >> PAGE_SHIFT);
	__asm__ __volatile__("sfence.vma" ::: "memory");
	csr_write(satp, kernel_satp);
	__asm__ __volatile__("sfence.vma" ::: "memory");
	early_serial_set_base(uart);

	printk("Memory: %luK RAM (%luK kernel code, %luK rwdata, %luK rodata)\n",
		     total >> 10, (unsigned long)(_etext - _text) >> 10, (unsigned long)(_end - _sdata) >> 10,
		     (unsigned long)(__end_rodata - __start_rodata) >> 10);
	printk("Sv39: kernel image W^X in 4K pages; direct map at %#lx; fixmap at %#lx\n",
	       PAGE_OFFSET, FIXADDR_START);
}
