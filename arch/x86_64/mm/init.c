// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel's final page tables, built from the page allocator by arch_mm_init() and
 * loaded in place of the boot tables from head.S:
 *
 *   PAGE_OFFSET + pa     every memblock RAM range and the low 1 MiB: RW, NX, global;
 *                        2 MiB pages where aligned. The kernel image's text and rodata
 *                        are read-only here too, so no writable alias of text exists.
 *   __START_KERNEL_map   the image only, 4 KiB pages: _text.._etext read-only executable,
 *                        __start_rodata.._sdata read-only NX, _sdata.._end RW NX
 *   vmalloc, modules     empty, but their PML4 entries are populated now so that every
 *                        address space shares them (see pgtable.c)
 *
 * The low identity map is dropped; arch_map_identity() maps what AP startup needs.
 */
#include <starling/boot.h>
#include <starling/init.h>
#include <starling/mm.h>
#include <starling/mm_types.h>
#include <starling/printk.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include "mm_internal.h"

extern char _text[], _etext[], __start_rodata[], __end_rodata[], _sdata[], _end[];

#define LOW_MEMORY_END		(1UL << 20)

static unsigned long nr_4k, nr_2m;	/* direct-map statistics; boot only */

static void __init boot_map_4k(pgd_t *pgd, unsigned long va, phys_addr_t pa,
			       unsigned long prot)
{
	unsigned long *pte = pgtable_walk(pgd, va, 1, true, _KERNPG_TABLE);

	if (!pte) {
		unsigned long *pmd = pgtable_walk(pgd, va, 2, false, 0);

		if (pmd && (*pmd & _PAGE_PSE))
			return;			/* already covered by a 2 MiB page */
		panic("arch_mm_init: out of memory for page tables at %#lx", va);
	}
	*pte = pa | prot;
	nr_4k++;
}

/* Map [pa, pa + size) at @va with @prot, 2 MiB pages where both sides are aligned. */
static void __init boot_map_range(pgd_t *pgd, unsigned long va, phys_addr_t pa,
				  unsigned long size, unsigned long prot, bool large)
{
	unsigned long end = va + size;

	while (va < end) {
		if (large && IS_ALIGNED(va | pa, PMD_SIZE) && end - va >= PMD_SIZE) {
			unsigned long *pmd = pgtable_walk(pgd, va, 2, true, _KERNPG_TABLE);

			if (!pmd)
				panic("arch_mm_init: out of memory for page tables at %#lx", va);
			if (!(*pmd & _PAGE_PRESENT) || (*pmd & _PAGE_PSE)) {
				*pmd = pa | prot | _PAGE_PSE;
				nr_2m++;
				va += PMD_SIZE;
				pa += PMD_SIZE;
				continue;
			}
			/* a page table is already there (an overlapping range): fill it */
		}
		boot_map_4k(pgd, va, pa, prot);
		va += PAGE_SIZE;
		pa += PAGE_SIZE;
	}
}

/* Direct-map physical [start, end), keeping the kernel's text and rodata read-only. */
static void __init map_direct(pgd_t *pgd, phys_addr_t start, phys_addr_t end)
{
	phys_addr_t ro_start = __pa(_text), ro_end = __pa(_sdata);

	start = ALIGN_DOWN(start, PAGE_SIZE);
	end = ALIGN(end, PAGE_SIZE);
	while (start < end) {
		phys_addr_t stop = end;
		unsigned long prot = PAGE_KERNEL;

		if (start < ro_start)
			stop = min(end, ro_start);
		else if (start < ro_end)
			stop = min(end, ro_end), prot = PAGE_KERNEL_RO;
		boot_map_range(pgd, (unsigned long)__va(start), start, stop - start, prot, true);
		start = stop;
	}
}

static void __init map_image(pgd_t *pgd, const char *start, const char *end,
			     unsigned long prot)
{
	unsigned long va = ALIGN_DOWN((unsigned long)start, PAGE_SIZE);

	boot_map_range(pgd, va, va - __START_KERNEL_map,
		       ALIGN((unsigned long)end, PAGE_SIZE) - va, prot, false);
}

/* Give the vmalloc and module ranges their PML4 entries now: shared by every pgd_alloc(). */
static void __init prepopulate_kernel_pgds(pgd_t *pgd)
{
	unsigned int first = pgd_index(VMALLOC_START), last = pgd_index(VMALLOC_END);

	for (unsigned int i = first; i <= last; i++)
		if (!pgtable_walk(pgd, (unsigned long)i << PGDIR_SHIFT | 0xffff000000000000UL, 3,
				  true, _KERNPG_TABLE))
			panic("arch_mm_init: out of memory for the vmalloc PML4 entries");
	if (!pgtable_walk(pgd, MODULES_VADDR, 3, true, _KERNPG_TABLE))
		panic("arch_mm_init: out of memory for the module PML4 entry");
}

/**
 * arch_mm_init() - build the final kernel page tables and switch to them
 *
 * Runs once on the boot CPU after mm_init(). Page tables come from low memory (reachable
 * through the boot tables) until CR3 is switched.
 */
void __init arch_mm_init(void)
{
	pgd_t *pgd;

	pgd = (pgd_t *)__get_free_pages_below(GFP_KERNEL | __GFP_ZERO, 0, EARLY_PGTABLE_LIMIT);
	if (!pgd)
		panic("arch_mm_init: no memory for the kernel PML4");
	init_mm_pgd = pgd;

	map_direct(pgd, 0, LOW_MEMORY_END);
	for (unsigned int i = 0; i < memblock.nr_memory; i++)
		map_direct(pgd, memblock.memory[i].base,
			   memblock.memory[i].base + memblock.memory[i].size);
	map_image(pgd, _text, __start_rodata, PAGE_KERNEL_ROX);
	map_image(pgd, __start_rodata, _sdata, PAGE_KERNEL_RO);
	map_image(pgd, _sdata, _end, PAGE_KERNEL);
	prepopulate_kernel_pgds(pgd);

	if (!(rdmsr(MSR_EFER) & EFER_NX))
		panic("arch_mm_init: EFER.NXE is off; NX mappings would fault");
	write_cr0(read_cr0() | X86_CR0_WP);
	write_cr4(read_cr4() | X86_CR4_PGE);
	load_pgd(pgd);
	flush_tlb_all_local();
	pgtables_early = false;

	text_poke_init();
	pr_info("x86/mm: kernel page tables: direct map %luM in 2M pages, %lu 4K pages; "
		"text RO+X, rodata RO+NX, data RW+NX\n", nr_2m * 2, nr_4k);
}
