// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 Sv39 page-table walks and the kernel's own mappings once the page allocator runs
 * (mm/init.c built the table at boot). pgtable_walk() descends from the root to the entry of
 * the wanted level (2 = root .. 0 = 4 KiB), allocating missing tables on request; on it are
 * built user address spaces (pgd_alloc, pte_alloc_walk), single kernel pages
 * (map_kernel_page, used by vmalloc and ioremap) and the TLB shootdown.
 *
 * kernel_pgtable_lock serialises changes to the kernel half of init_mm_pgd. Every root
 * entry of the vmalloc and module ranges is populated by arch_mm_init() and never changes
 * afterwards, so copies made by pgd_alloc() see later kernel mappings.
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

pgd_t *init_mm_pgd;
static DEFINE_SPINLOCK(kernel_pgtable_lock);

static inline bool pte_is_leaf(unsigned long v)
{
	return v & _PAGE_LEAF;
}

static inline unsigned long *entry_table(unsigned long v)
{
	return __va((v >> _PAGE_PFN_SHIFT) << PAGE_SHIFT);
}

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
		} else if (pte_is_leaf(v)) {
			return NULL;
		}
		table = entry_table(v);
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
 * Return: the table (direct-map address), or NULL.
 */
pgd_t *pgd_alloc(void)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);

	if (pgd)
		pgd_clone_kernel(pgd);
	return pgd;
}

/* Free the tables below a pointer entry of level @level (the pages they map are not ours). */
static void free_table(unsigned long entry, int level)
{
	unsigned long *table = entry_table(entry);

	if (level > 1) {
		for (int i = 0; i < PTRS_PER_TABLE; i++)
			if ((table[i] & _PAGE_PRESENT) && !pte_is_leaf(table[i]))
				free_table(table[i], level - 1);
	}
	free_page((unsigned long)table);
}

/**
 * pgd_free() - free a root table from pgd_alloc() and its user-half tables
 * @pgd: the table
 */
void pgd_free(pgd_t *pgd)
{
	for (int i = 0; i < KERNEL_PGD_START; i++) {
		unsigned long v = pgd_val(pgd[i]);

		if ((v & _PAGE_PRESENT) && !pte_is_leaf(v))
			free_table(v, 2);
	}
	free_page((unsigned long)pgd);
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

	for (int l = 2; l >= 0; l--) {
		unsigned long v = READ_ONCE(table[(va >> LEVEL_SHIFT(l)) & 511]);
		unsigned long mask = (1UL << LEVEL_SHIFT(l)) - 1;

		if (!(v & _PAGE_PRESENT))
			return (phys_addr_t)-1;
		if (pte_is_leaf(v))
			return (((v >> _PAGE_PFN_SHIFT) << PAGE_SHIFT) & ~mask) | (va & mask);
		table = entry_table(v);
	}
	return (phys_addr_t)-1;
}

/**
 * ioremap() - map device registers read-write, never executable
 * @pa: physical address, any alignment
 * @size: bytes
 *
 * QEMU virt's physical memory attributes make device ranges uncached and strongly ordered,
 * so the page attributes need nothing more (no Svpbmt).
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

/*
 * The other online harts flush [start, end) through SBI RFENCE; the call returns when
 * they have. Hart ids above 63 would need more than one mask word; QEMU virt has at most
 * 512 harts but Starling runs on NR_CPUS of them, numbered from 0 by the firmware.
 */
void arch_flush_tlb_others(unsigned long start, unsigned long end)
{
	unsigned int cpu, me = raw_smp_processor_id();
	unsigned long mask = 0;

	for_each_online_cpu(cpu)
		if (cpu != me && riscv_cpus[cpu].hartid < 64)
			mask |= 1UL << riscv_cpus[cpu].hartid;
	if (mask)
		sbi_remote_sfence_vma(mask, 0, start, end - start);
}

/**
 * flush_tlb_kernel_range() - drop stale translations of [@start, @end) on every hart
 * @start: first address
 * @end: exclusive end
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
