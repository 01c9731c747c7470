// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 page-table walks and the kernel's own mappings. pgtable_walk() descends from a
 * PML4 to the entry of the wanted level (4 = PML4 .. 1 = PTE), allocating missing tables
 * on request; on it are built user page tables (pte_lookup, pte_alloc_walk), single kernel
 * pages (map_kernel_page, used by vmalloc and ioremap) and the identity window for AP
 * startup. What every arch shares (pgd_alloc, pgd_free, unmap_kernel_page,
 * kernel_virt_to_phys, flush_tlb_kernel_range) is in mm/pgtable.c.
 *
 * kernel_pgtable_lock (mm/pgtable.c) serialises changes to init_mm_pgd: its kernel half and,
 * here, the identity map.
 */
#include <starling/errno.h>
#include <starling/mm.h>
#include <starling/mm_types.h>
#include <starling/printk.h>
#include <starling/string.h>
#include <asm/pgtable.h>
#include "mm_internal.h"

#define LEVEL_SHIFT(l)	(PAGE_SHIFT + 9 * ((l) - 1))

bool pgtables_early = true;

static unsigned long pgtable_alloc_table(void)
{
	unsigned long va;

	if (pgtables_early)
		va = __get_free_pages_below(GFP_ATOMIC | __GFP_ZERO, 0, EARLY_PGTABLE_LIMIT);
	else
		va = get_zeroed_page(GFP_ATOMIC);
	return va ? __pa((void *)va) : 0;
}

/*
 * Pointer to the level-@level entry for @va under @pgd. Missing tables are allocated when
 * @alloc (their parent entries get @table_flags); NULL when one is missing and !@alloc,
 * when allocation fails, or when a large page maps @va above @level.
 */
unsigned long *pgtable_walk(pgd_t *pgd, unsigned long va, int level, bool alloc,
			    unsigned long table_flags)
{
	unsigned long *table = (unsigned long *)pgd;

	for (int l = 4; l > level; l--) {
		unsigned long *e = &table[(va >> LEVEL_SHIFT(l)) & 511];
		unsigned long v = READ_ONCE(*e);

		if (!(v & _PAGE_PRESENT)) {
			unsigned long pa;

			if (!alloc || !(pa = pgtable_alloc_table()))
				return NULL;
			v = pa | table_flags;
			WRITE_ONCE(*e, v);
		} else if (v & _PAGE_PSE) {
			return NULL;
		} else if ((table_flags & _PAGE_USER) && !(v & _PAGE_USER)) {
			v |= _PAGE_USER;
			WRITE_ONCE(*e, v);
		}
		table = __va(v & PTE_PFN_MASK);
	}
	return &table[(va >> LEVEL_SHIFT(level)) & 511];
}

/**
 * pte_lookup() - the PTE mapping @va in @pgd
 * @pgd: a PML4
 * @va: any address
 * Return: the entry (possibly not present), or NULL when no page table covers @va or a
 * 2 MiB/1 GiB page maps it.
 */
pte_t *pte_lookup(pgd_t *pgd, unsigned long va)
{
	return (pte_t *)pgtable_walk(pgd, va, 1, false, 0);
}

/**
 * pte_alloc_walk() - the PTE for @va in @pgd, allocating page tables as needed
 * @pgd: a PML4
 * @va: any address
 * @user: the tables are reachable from user mode (_PAGE_USER on the upper levels)
 *
 * The caller holds the lock of the address space that owns @pgd.
 * Return: the entry, or NULL when out of memory or a large page maps @va.
 */
pte_t *pte_alloc_walk(pgd_t *pgd, unsigned long va, bool user)
{
	return (pte_t *)pgtable_walk(pgd, va, 1, true, user ? _PAGE_TABLE : _KERNPG_TABLE);
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

	if (pgd_index(va) < KERNEL_PGD_START || (va | pa) & ~PAGE_MASK)
		return -EINVAL;
	spin_lock_irqsave(&kernel_pgtable_lock, flags);
	WARN_ON_ONCE(!pgtables_early && !(pgd_val(init_mm_pgd[pgd_index(va)]) & _PAGE_PRESENT));
	pte = pte_alloc_walk(init_mm_pgd, va, false);
	if (!pte)
		ret = -ENOMEM;
	else if (WARN_ON_ONCE(pte_present(*pte)))
		ret = -EBUSY;
	else
		set_pte(pte, __pte(pa | prot));
	spin_unlock_irqrestore(&kernel_pgtable_lock, flags);
	return ret;
}

/**
 * arch_map_identity() - map physical [@pa, @pa + @size) at the same virtual address,
 *			 writable and executable, in init_mm_pgd (for the AP startup trampoline)
 * @pa: physical start, below 4 GiB
 * @size: bytes
 *
 * Application processors load init_mm_pgd and run at the trampoline's physical address
 * until they jump to the kernel. These entries live in the user half of init_mm_pgd
 * only; user address spaces never see them.
 * Return: 0, -EINVAL or -ENOMEM.
 */
int arch_map_identity(phys_addr_t pa, size_t size)
{
	unsigned long start = ALIGN_DOWN(pa, PAGE_SIZE), end = ALIGN(pa + size, PAGE_SIZE);
	unsigned long flags;
	int ret = 0;

	if (end > (4UL << 30) || end <= start)
		return -EINVAL;
	spin_lock_irqsave(&kernel_pgtable_lock, flags);
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		pte_t *pte = pte_alloc_walk(init_mm_pgd, a, false);

		if (!pte) {
			ret = -ENOMEM;
			break;
		}
		set_pte(pte, __pte(a | _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY));
	}
	spin_unlock_irqrestore(&kernel_pgtable_lock, flags);
	return ret;
}

/**
 * arch_unmap_identity() - undo arch_map_identity() and flush the TLBs
 * @pa: physical start
 * @size: bytes
 */
void arch_unmap_identity(phys_addr_t pa, size_t size)
{
	unsigned long start = ALIGN_DOWN(pa, PAGE_SIZE), end = ALIGN(pa + size, PAGE_SIZE);
	unsigned long flags;

	spin_lock_irqsave(&kernel_pgtable_lock, flags);
	for (unsigned long a = start; a < end; a += PAGE_SIZE) {
		pte_t *pte = pte_lookup(init_mm_pgd, a);

		if (pte)
			ptep_get_and_clear(pte);
	}
	spin_unlock_irqrestore(&kernel_pgtable_lock, flags);
	flush_tlb_kernel_range(start, end);
}

/* Default until SMP code provides the shootdown IPI: there are no other CPUs to flush. */
__attribute__((__weak__)) void arch_flush_tlb_others(unsigned long start, unsigned long end)
{
}
