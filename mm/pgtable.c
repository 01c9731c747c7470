// SPDX-License-Identifier: GPL-2.0-only
/*
 * The page-table code that is the same on every arch: the kernel's root table and its lock,
 * new and freed address spaces, clearing and translating kernel mappings, and the kernel
 * TLB flush. It reads entries only through the hooks each <asm/pgtable.h> defines
 * (PGTABLE_LEVELS, pgtable_entry_phys(), pgtable_entry_maps()), with levels numbered from
 * PGTABLE_LEVELS - 1 (the root) down to 0 (the 4 KiB PTEs). Walks that allocate, and the
 * kernel mappings themselves, stay in arch/<arch>/mm/pgtable.c: what a new table entry
 * holds differs by arch.
 *
 * kernel_pgtable_lock serialises changes to the kernel half of init_mm_pgd. Every root entry
 * of that half is populated by arch_mm_init() and never changes afterwards, so the copies
 * pgd_alloc() makes see later kernel mappings.
 */
#include <starling/mm.h>
#include <starling/spinlock.h>
#include <starling/string.h>
#include <asm/pgtable.h>

#define LEVEL_SHIFT(l)	(PAGE_SHIFT + 9 * (l))

pgd_t *init_mm_pgd;
DEFINE_SPINLOCK(kernel_pgtable_lock);

/**
 * pgd_clone_kernel() - copy the kernel half of init_mm_pgd into @dst
 * @dst: a root table
 */
void pgd_clone_kernel(pgd_t *dst)
{
	memcpy(dst + KERNEL_PGD_START, init_mm_pgd + KERNEL_PGD_START,
	       (PTRS_PER_TABLE - KERNEL_PGD_START) * sizeof(pgd_t));
}

/**
 * pgd_alloc() - a root table for a new address space: empty user half, shared kernel half
 * Return: its direct-map address, or NULL.
 */
pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (pgd)
		pgd_clone_kernel(pgd);
	return pgd;
}

/*
 * Free the table @entry points at and the tables below it (the pages they map are not
 * ours). @level counts from 1: the table @entry points at holds entries of level @level - 1.
 */
static void free_table(unsigned long entry, int level)
{
	unsigned long *table = __va(pgtable_entry_phys(entry));

	if (level > 1) {
		for (int i = 0; i < PTRS_PER_TABLE; i++)
			if ((table[i] & _PAGE_PRESENT) && !pgtable_entry_maps(table[i], level - 1))
				free_table(table[i], level - 1);
	}
	free_page((unsigned long)table);
}

/**
 * pgd_free() - free a root table from pgd_alloc() and the user-half page tables under it
 * @pgd: not loaded on any CPU; the pages its PTEs map are not freed (the caller has dropped
 *       them already)
 */
void pgd_free(pgd_t *pgd)
{
	for (int i = 0; i < KERNEL_PGD_START; i++) {
		unsigned long v = pgd_val(pgd[i]);

		if ((v & _PAGE_PRESENT) && !pgtable_entry_maps(v, PGTABLE_LEVELS - 1))
			free_table(v, PGTABLE_LEVELS - 1);
	}
	free_page((unsigned long)pgd);
}

/**
 * unmap_kernel_page() - clear the kernel PTE of @va; the caller flushes the TLBs
 *                       (flush_tlb_kernel_range) before reusing the page or the address
 * @va: page-aligned kernel address mapped by map_kernel_page()
 */
void unmap_kernel_page(unsigned long va)
{
	unsigned long flags;
	pte_t *pte;

	spin_lock_irqsave(&kernel_pgtable_lock, flags);
	pte = pte_lookup(init_mm_pgd, va);
	if (pte)
		ptep_get_and_clear(pte);
	spin_unlock_irqrestore(&kernel_pgtable_lock, flags);
}

/**
 * kernel_virt_to_phys() - translate a mapped kernel address through init_mm_pgd
 * @va: any address
 * Return: the physical address, or (phys_addr_t)-1 when @va is not mapped.
 */
phys_addr_t kernel_virt_to_phys(unsigned long va)
{
	unsigned long *table = (unsigned long *)init_mm_pgd;

	for (int l = PGTABLE_LEVELS - 1; l >= 0; l--) {
		unsigned long v = READ_ONCE(table[(va >> LEVEL_SHIFT(l)) & 511]);
		unsigned long mask = (1UL << LEVEL_SHIFT(l)) - 1;

		if (!(v & _PAGE_PRESENT))
			return (phys_addr_t)-1;
		if (pgtable_entry_maps(v, l))
			return (pgtable_entry_phys(v) & ~mask) | (va & mask);
		table = __va(pgtable_entry_phys(v));
	}
	return (phys_addr_t)-1;
}

/**
 * flush_tlb_kernel_range() - drop stale translations of [@start, @end) on every CPU
 * @start: first address
 * @end: exclusive end
 *
 * Flushes this CPU (one address at a time, or everything for large ranges), then calls
 * arch_flush_tlb_others() for the other CPUs.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	if (end - start > 64 * PAGE_SIZE) {
		flush_tlb_all_local();
	} else {
		for (unsigned long va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE)
			flush_tlb_one_kernel(va);
	}
	arch_flush_tlb_others(start, end);
}
