// SPDX-License-Identifier: GPL-2.0-only
/*
 * The page-table interface every arch provides, and the entry accessors that are the same
 * on all of them. Each arch's <asm/pgtable.h> defines the entry format (pte_t, pgd_t, the
 * _PAGE_* bits, the number of levels, the TLB instructions, and the entry hooks
 * mm/pgtable.c reads) and includes this file at its end; everything else includes
 * <asm/pgtable.h>.
 *
 * The kernel half of init_mm_pgd is filled once by arch_mm_init() and never changes
 * afterwards, so every address space copies it (pgd_alloc) and sees later kernel mappings.
 * Kernel page tables change under a lock inside arch/<arch>/mm/; user page tables under the
 * owning address space's lock.
 */
#ifndef _STARLING_PGTABLE_H
#define _STARLING_PGTABLE_H

#include <starling/compiler.h>
#include <starling/types.h>
#include <starling/spinlock.h>

static inline void set_pte(pte_t *ptep, pte_t pte)
{
	WRITE_ONCE(ptep->pte, pte_val(pte));
}

static inline pte_t ptep_get_and_clear(pte_t *ptep)
{
	return __pte(__atomic_exchange_n(&ptep->pte, 0UL, __ATOMIC_SEQ_CST));
}

/* ---- TLB ------------------------------------------------------------------------------ */

/*
 * Flush kernel translations of [start, end) on this CPU, then on the others through
 * arch_flush_tlb_others() (riscv64: SBI RFENCE; x86_64: a weak default that does nothing
 * until SMP code provides the shootdown IPI).
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);
void arch_flush_tlb_others(unsigned long start, unsigned long end);

/* ---- address spaces ------------------------------------------------------------------- */

extern pgd_t *init_mm_pgd;	/* the kernel's root table (direct-map address) */
extern spinlock_t kernel_pgtable_lock;	/* changes to the kernel half of init_mm_pgd */

pgd_t *pgd_alloc(void);
void pgd_free(pgd_t *pgd);
void pgd_clone_kernel(pgd_t *dst);
pte_t *pte_lookup(pgd_t *pgd, unsigned long va);
pte_t *pte_alloc_walk(pgd_t *pgd, unsigned long va, bool user);

/* ---- kernel mappings ------------------------------------------------------------------ */

int map_kernel_page(unsigned long va, phys_addr_t pa, unsigned long prot);
void unmap_kernel_page(unsigned long va);
phys_addr_t kernel_virt_to_phys(unsigned long va);

#endif /* _STARLING_PGTABLE_H */
