// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 Sv39 page-table walks and the kernel's own mappings once the page allocator runs
 * (mm/init.c built the table at boot). pgtable_walk() descends from the root to the entry of
 * the wanted level (2 = root .. 0 = 4 KiB), allocating missing tables on request; on it are
 * built user page tables (pte_lookup, pte_alloc_walk) and single kernel pages
 * (map_kernel_page, used by vmalloc and ioremap). Here too: the TLB shootdown and
 * arch_mm_init(). What every arch shares (pgd_alloc, pgd_free, unmap_kernel_page,
 * kernel_virt_to_phys, flush_tlb_kernel_range) is in mm/pgtable.c.
 *
 * kernel_pgtable_lock (mm/pgtable.c) serialises changes to the kernel half of init_mm_pgd.
 * Every root entry of the vmalloc and module ranges is populated by arch_mm_init() and never
 * changes afterwards, so copies made by pgd_alloc() see later kernel mappings.
 */
#include <starling/errno.h>
#include <starling/init.h>
#include <starling/mm.h>
#include <starling/printk.h>
#include <starling/smp.h>
#include <starling/spinlock.h>
#include <starling/string.h>
#include <starling/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/early.h>
#include <asm/sbi.h>

#define LEVEL_SHIFT(l)	(PAGE_SHIFT + 9 * (l))

/*
 * Pointer to the level-@level entry for @va under @pgd. Missing tables are allocated when
 * @alloc; NULL when one is missing and !@alloc, when allocation fails, or when a larger
 * leaf maps @va above @level. A pointer entry has only V set (the privileged spec reserves
 * U, A and D in non-leaf entries).
 */
static unsigned long *pgtable_walk(pgd_t *pgd, unsigned long va, int level, bool alloc)
{
	unsigned long *table = (unsigned long *)pgd;

	for (int l = 2; l > level; l--) {
		unsigned long *e = &table[(va >> LEVEL_SHIFT(l)) & 511];
		unsigned long v = READ_ONCE(*e);

		if (!(v & _PAGE_PRESENT)) {
			unsigned long page;

			if (!alloc || !(page = get_zeroed_page(GFP_ATOMIC)))
				return NULL;
			v = (__pa((void *)page) >> PAGE_SHIFT) << _PAGE_PFN_SHIFT | _PAGE_PRESENT;
			WRITE_ONCE(*e, v);
		} else if (pgtable_entry_maps(v, l)) {
			return NULL;
		}
		table = __va(pgtable_entry_phys(v));
	}
	return &table[(va >> LEVEL_SHIFT(level)) & 511];
}

/**
 * pte_lookup() - the 4 KiB entry of @va under @pgd, without allocating
 * @pgd: root table
 * @va: address
 * Return: the entry, or NULL when a table is missing or a larger page maps @va.
 */
pte_t *pte_lookup(pgd_t *pgd, unsigned long va)
{
	return (pte_t *)pgtable_walk(pgd, va, 0, false);
}

/**
 * pte_alloc_walk() - the 4 KiB entry of @va under @pgd, allocating missing tables
 * @pgd: root table
 * @va: address
 * @user: unused on riscv64 (pointer entries carry no permission bits)
 * Return: the entry, or NULL when out of memory or a larger page maps @va.
 */
pte_t *pte_alloc_walk(pgd_t *pgd, unsigned long va, bool user)
{
	return (pte_t *)pgtable_walk(pgd, va, 0, true);
}

/**
 * map_kernel_page() - map one 4 KiB page in the kernel half of init_mm_pgd
 * @va: page-aligned kernel address (vmalloc, ioremap or module range)
 * @pa: page-aligned physical address
 * @prot: PAGE_KERNEL, PAGE_KERNEL_RO, PAGE_KERNEL_ROX, PAGE_KERNEL_EXEC, PAGE_KERNEL_NOCACHE
 * Return: 0, -EINVAL (user address or unaligned), -EBUSY (already mapped), -ENOMEM.
 */
int map_kernel_page(unsigned long va, phys_addr_t pa, unsigned long prot)
{
	unsigned long flags;
	pte_t *pte;
	int ret = 0;

	if (va < (unsigned long)-(1L << 38) || (va | pa) & ~PAGE_MASK)
		return -EINVAL;
	spin_lock_irqsave(&kernel_pgtable_lock, flags);
	pte = pte_alloc_walk(init_mm_pgd, va, false);
	if (!pte)
		ret = -ENOMEM;
	else if (WARN_ON_ONCE(pte_present(*pte)))
		ret = -EBUSY;
	else
		set_pte(pte, pfn_pte(pa >> PAGE_SHIFT, prot));
	spin_unlock_irqrestore(&kernel_pgtable_lock, flags);
	/* a hart may have cached "invalid" for this address: Sv39 allows it */
	flush_tlb_one_kernel(va);
	return ret;
}

/*
 * The other online harts flush [start, end) through SBI RFENCE; the call returns when
 * they have.
 */
void arch_flush_tlb_others(unsigned long start, unsigned long end)
{
	unsigned long mask = other_harts_mask();

	if (mask)
		sbi_remote_sfence_vma(mask, 0, start, end - start);
}


/* Give each root entry of [start, end) a table, so that every root copy shares them. */
static void __init prepopulate(unsigned long start, unsigned long end)
{
	unsigned long n = (end - 1 - start) / PGDIR_SIZE + 1;	/* the top entry has no end */

	for (unsigned long i = 0, va = start; i < n; i++, va += PGDIR_SIZE) {
		if (!pgtable_walk(init_mm_pgd, va, 1, true))
			panic("arch_mm_init: no memory for the kernel's page tables");
	}
}

/**
 * arch_mm_init() - take over the page table mm/init.c built, now that pages can be freed
 *                  and allocated
 *
 * Runs once on the boot hart after mm_init().
 */
void __init arch_mm_init(void)
{
	init_mm_pgd = (pgd_t *)kernel_pgd;
	prepopulate(VMALLOC_START, VMALLOC_END + 1);
	prepopulate(ALIGN_DOWN(MODULES_VADDR, PGDIR_SIZE), MODULES_END);
	flush_tlb_all_local();
	pr_info("riscv/mm: Sv39; vmalloc %#lx-%#lx and modules %#lx-%#lx share root entries\n",
		VMALLOC_START, VMALLOC_END, MODULES_VADDR, MODULES_END);
}
