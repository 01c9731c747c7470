// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86_64 4-level page tables: entry types and flags, index helpers, table walks for kernel
 * and (later) user address spaces, and TLB flushes. Each level is one 4 KiB page of 512
 * 8-byte entries:
 *
 *   va bits  47..39  38..30  29..21  20..12  11..0
 *            pgd     pud     pmd     pte     offset	(PML4, PDPT, PD, PT)
 *
 * A pmd entry with _PAGE_PSE maps 2 MiB directly. The kernel half of the PML4 (entries 256
 * to 511) is filled once by arch_mm_init() and never changes afterwards, so every address
 * space copies it (pgd_alloc) and sees every later kernel mapping; kernel mappings use
 * _PAGE_GLOBAL and survive CR3 switches. Kernel page tables are changed under a lock inside
 * arch/x86_64/mm/; user page tables under the owning address space's lock. The interface
 * every arch shares (pgd_alloc, map_kernel_page ...) is in <starling/pgtable.h>, included
 * at the end.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <starling/compiler.h>
#include <starling/types.h>
#include <asm/page.h>
#include <asm/processor.h>

#define _PAGE_PRESENT	(1UL << 0)
#define _PAGE_RW	(1UL << 1)
#define _PAGE_USER	(1UL << 2)
#define _PAGE_PWT	(1UL << 3)
#define _PAGE_PCD	(1UL << 4)
#define _PAGE_ACCESSED	(1UL << 5)
#define _PAGE_DIRTY	(1UL << 6)
#define _PAGE_PSE	(1UL << 7)	/* in a pmd/pud: maps 2 MiB/1 GiB */
#define _PAGE_GLOBAL	(1UL << 8)
#define _PAGE_NX	(1UL << 63)
#define PTE_PFN_MASK	0x000ffffffffff000UL
#define PTE_FLAGS_MASK	(~PTE_PFN_MASK)

#define PGDIR_SHIFT	39
#define PUD_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_TABLE	512
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))
#define KERNEL_PGD_START	256	/* first PML4 entry of the kernel half */

/* Page protections (the prot argument of the mapping functions). */
#define __PAGE_KERNEL_BASE	(_PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL		(__PAGE_KERNEL_BASE | _PAGE_RW | _PAGE_DIRTY | _PAGE_NX)
#define PAGE_KERNEL_RO		(__PAGE_KERNEL_BASE | _PAGE_NX)
#define PAGE_KERNEL_ROX		(__PAGE_KERNEL_BASE)
#define PAGE_KERNEL_EXEC	(__PAGE_KERNEL_BASE | _PAGE_RW | _PAGE_DIRTY)
#define PAGE_KERNEL_NOCACHE	(PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT)
#define PAGE_USER_RO		(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED | _PAGE_NX)
#define PAGE_USER_RW		(PAGE_USER_RO | _PAGE_RW | _PAGE_DIRTY)
#define PAGE_USER_RX		(_PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_USER_RWX		(PAGE_USER_RX | _PAGE_RW | _PAGE_DIRTY)

/*
 * Kernel virtual ranges besides asm/page.h's: the image takes the first 512 MiB above
 * __START_KERNEL_map; executable allocations (kprobes slots) come from the module range so
 * that a rel32 jump or call reaches kernel text.
 */
#define KERNEL_IMAGE_SIZE	(512UL << 20)
#define MODULES_VADDR		(__START_KERNEL_map + KERNEL_IMAGE_SIZE)	/* 0xffffffffa0000000 */
#define MODULES_END		0xffffffffff000000UL

typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pud; } pud_t;
typedef struct { unsigned long pgd; } pgd_t;

#define pte_val(x)	((x).pte)
#define pmd_val(x)	((x).pmd)
#define pud_val(x)	((x).pud)
#define pgd_val(x)	((x).pgd)
#define __pte(v)	((pte_t){ (v) })
#define __pmd(v)	((pmd_t){ (v) })
#define __pud(v)	((pud_t){ (v) })
#define __pgd(v)	((pgd_t){ (v) })

static inline unsigned int pgd_index(unsigned long va) { return (va >> PGDIR_SHIFT) & 511; }
static inline unsigned int pud_index(unsigned long va) { return (va >> PUD_SHIFT) & 511; }
static inline unsigned int pmd_index(unsigned long va) { return (va >> PMD_SHIFT) & 511; }
static inline unsigned int pte_index(unsigned long va) { return (va >> PAGE_SHIFT) & 511; }

static inline bool pte_present(pte_t pte) { return pte_val(pte) & _PAGE_PRESENT; }
static inline bool pte_write(pte_t pte) { return pte_val(pte) & _PAGE_RW; }
static inline bool pte_user(pte_t pte) { return pte_val(pte) & _PAGE_USER; }
static inline bool pte_none(pte_t pte) { return !pte_val(pte); }
static inline phys_addr_t pte_phys(pte_t pte) { return pte_val(pte) & PTE_PFN_MASK; }
static inline unsigned long pte_pfn(pte_t pte) { return pte_phys(pte) >> PAGE_SHIFT; }
static inline pte_t pfn_pte(unsigned long pfn, unsigned long prot)
{
	return __pte((pfn << PAGE_SHIFT) | prot);
}

static inline pte_t pte_wrprotect(pte_t pte) { return __pte(pte_val(pte) & ~_PAGE_RW); }
static inline pte_t pte_mkwrite(pte_t pte) { return __pte(pte_val(pte) | _PAGE_RW); }
static inline pte_t pte_mkdirty(pte_t pte) { return __pte(pte_val(pte) | _PAGE_DIRTY); }

/* ---- TLB ------------------------------------------------------------------------------ */

static inline void flush_tlb_one_kernel(unsigned long va)
{
	__asm__ __volatile__("invlpg (%0)" :: "r"(va) : "memory");
}
#define flush_tlb_one_user	flush_tlb_one_kernel

/* This CPU: every non-global translation (user mappings). */
static inline void flush_tlb_local(void)
{
	write_cr3(read_cr3());
}

/* This CPU: everything, global kernel mappings included (toggling CR4.PGE). */
static inline void flush_tlb_all_local(void)
{
	unsigned long cr4 = read_cr4();

	write_cr4(cr4 & ~X86_CR4_PGE);
	write_cr4(cr4);
}

/* ---- address spaces ------------------------------------------------------------------- */

static inline void load_pgd(pgd_t *pgd)
{
	write_cr3(__pa(pgd));
}

/* Is @pgd the page table this CPU runs on? */
static inline bool pgd_loaded(pgd_t *pgd)
{
	return read_cr3() == __pa(pgd);
}

/* ---- kernel mappings ------------------------------------------------------------------ */

void *ioremap(phys_addr_t pa, size_t size);
void iounmap(volatile void *addr);

int arch_map_identity(phys_addr_t pa, size_t size);
void arch_unmap_identity(phys_addr_t pa, size_t size);

void *text_poke(void *addr, const void *src, size_t len);
void *alloc_insn_page(void);
void free_insn_page(void *page);

/* ---- entry hooks for mm/pgtable.c: levels 3 (PML4) .. 0 (PTE) ------------------------ */

#define PGTABLE_LEVELS	4

/* The physical address an entry points at: the next table, or the memory it maps. */
static inline phys_addr_t pgtable_entry_phys(unsigned long v) { return v & PTE_PFN_MASK; }

/* Does the level-@level entry @v map memory itself (a PTE, or a 2 MiB or 1 GiB page)? */
static inline bool pgtable_entry_maps(unsigned long v, int level)
{
	return level == 0 || (level < 3 && (v & _PAGE_PSE));
}

#include <starling/pgtable.h>	/* set_pte(), pgd_alloc(), map_kernel_page() ... */

#endif /* _ASM_PGTABLE_H */
