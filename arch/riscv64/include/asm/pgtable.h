// SPDX-License-Identifier: GPL-2.0-only
/*
 * riscv64 Sv39 page tables: entry format and flags, index helpers, table walks for kernel
 * and (later) user address spaces, and TLB flushes. Three levels of one 4 KiB page of 512
 * 8-byte entries each:
 *
 *   va bits  38..30  29..21  20..12  11..0
 *            pgd     pmd     pte     offset
 *
 * An entry is valid with V; it is a leaf (maps 1 GiB, 2 MiB or 4 KiB) when any of R, W, X
 * is set, otherwise it points at the next table. The PPN sits at bit 10. The kernel half of
 * the root (entries 256 to 511) is filled by the boot code and arch_mm_init() (every root
 * entry the vmalloc and module ranges use is populated then) and never changes afterwards,
 * so every address space can copy it. Kernel mappings are global (G). The interface every
 * arch shares (pgd_alloc, map_kernel_page ...) is in <starling/pgtable.h>, included at the
 * end.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <starling/compiler.h>
#include <starling/types.h>
#include <asm/page.h>
#include <asm/processor.h>

#define _PAGE_PRESENT	(1UL << 0)	/* V */
#define _PAGE_READ	(1UL << 1)
#define _PAGE_WRITE	(1UL << 2)
#define _PAGE_EXEC	(1UL << 3)
#define _PAGE_USER	(1UL << 4)
#define _PAGE_GLOBAL	(1UL << 5)
#define _PAGE_ACCESSED	(1UL << 6)
#define _PAGE_DIRTY	(1UL << 7)
#define _PAGE_LEAF	(_PAGE_READ | _PAGE_WRITE | _PAGE_EXEC)
#define _PAGE_PFN_SHIFT	10
#define _PAGE_PFN_MASK	(((1UL << 44) - 1) << _PAGE_PFN_SHIFT)

#define PGDIR_SHIFT	30
#define PMD_SHIFT	21
#define PTRS_PER_TABLE	512
#define PGDIR_SIZE	(1UL << PGDIR_SHIFT)
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))
#define KERNEL_PGD_START	256	/* first root entry of the kernel half */

/* Page protections (the prot argument of the mapping functions). */
#define __PAGE_KERNEL_BASE	(_PAGE_PRESENT | _PAGE_READ | _PAGE_ACCESSED | _PAGE_GLOBAL)
#define PAGE_KERNEL		(__PAGE_KERNEL_BASE | _PAGE_WRITE | _PAGE_DIRTY)
#define PAGE_KERNEL_RO		(__PAGE_KERNEL_BASE)
#define PAGE_KERNEL_ROX		(__PAGE_KERNEL_BASE | _PAGE_EXEC)
#define PAGE_KERNEL_EXEC	(PAGE_KERNEL | _PAGE_EXEC)
#define PAGE_KERNEL_NOCACHE	PAGE_KERNEL	/* QEMU virt: the PMAs make MMIO uncached */
#define PAGE_USER_RO		(_PAGE_PRESENT | _PAGE_READ | _PAGE_USER | _PAGE_ACCESSED)
#define PAGE_USER_RW		(PAGE_USER_RO | _PAGE_WRITE | _PAGE_DIRTY)
#define PAGE_USER_RX		(PAGE_USER_RO | _PAGE_EXEC)
#define PAGE_USER_RWX		(PAGE_USER_RW | _PAGE_EXEC)

/*
 * Kernel virtual ranges besides asm/page.h's: the image takes the first 512 MiB above
 * __START_KERNEL_map; executable allocations (kprobes slots) come from the range above it,
 * within auipc + jalr reach (2 GiB) of kernel text.
 */
#define KERNEL_IMAGE_SIZE	(512UL << 20)
#define MODULES_VADDR		(__START_KERNEL_map + KERNEL_IMAGE_SIZE)	/* 0xffffffffa0000000 */
#define MODULES_END		0xffffffffff000000UL

typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { unsigned long pgd; } pgd_t;

#define pte_val(x)	((x).pte)
#define pmd_val(x)	((x).pmd)
#define pgd_val(x)	((x).pgd)
#define __pte(v)	((pte_t){ (v) })
#define __pmd(v)	((pmd_t){ (v) })
#define __pgd(v)	((pgd_t){ (v) })

static inline unsigned int pgd_index(unsigned long va) { return (va >> PGDIR_SHIFT) & 511; }
static inline unsigned int pmd_index(unsigned long va) { return (va >> PMD_SHIFT) & 511; }
static inline unsigned int pte_index(unsigned long va) { return (va >> PAGE_SHIFT) & 511; }

static inline bool pte_present(pte_t pte) { return pte_val(pte) & _PAGE_PRESENT; }
static inline bool pte_write(pte_t pte) { return pte_val(pte) & _PAGE_WRITE; }
static inline bool pte_user(pte_t pte) { return pte_val(pte) & _PAGE_USER; }
static inline bool pte_none(pte_t pte) { return !pte_val(pte); }
static inline unsigned long pte_pfn(pte_t pte)
{
	return (pte_val(pte) & _PAGE_PFN_MASK) >> _PAGE_PFN_SHIFT;
}
static inline phys_addr_t pte_phys(pte_t pte) { return (phys_addr_t)pte_pfn(pte) << PAGE_SHIFT; }
static inline pte_t pfn_pte(unsigned long pfn, unsigned long prot)
{
	return __pte((pfn << _PAGE_PFN_SHIFT) | prot);
}

static inline pte_t pte_wrprotect(pte_t pte) { return __pte(pte_val(pte) & ~_PAGE_WRITE); }
static inline pte_t pte_mkwrite(pte_t pte) { return __pte(pte_val(pte) | _PAGE_WRITE); }
static inline pte_t pte_mkdirty(pte_t pte) { return __pte(pte_val(pte) | _PAGE_DIRTY); }

/* ---- TLB ------------------------------------------------------------------------------ */

/*
 * sfence.vma orders this hart's earlier page-table stores before its later translations
 * and drops cached ones: for one address, or for all with no operand. Kernel mappings are
 * global, so neither form needs an ASID.
 */
static inline void flush_tlb_one_kernel(unsigned long va)
{
	__asm__ __volatile__("sfence.vma %0" :: "r"(va) : "memory");
}
#define flush_tlb_one_user	flush_tlb_one_kernel

static inline void flush_tlb_all_local(void)
{
	__asm__ __volatile__("sfence.vma" ::: "memory");
}
#define flush_tlb_local		flush_tlb_all_local

/* ---- address spaces ------------------------------------------------------------------- */

#define SATP_MODE_SV39_VAL	(8UL << 60)

static inline void load_pgd(pgd_t *pgd)
{
	unsigned long satp = SATP_MODE_SV39_VAL | (__pa(pgd) >> PAGE_SHIFT);

	__asm__ __volatile__("csrw satp, %0; sfence.vma" :: "r"(satp) : "memory");
}

/* Is @pgd the page table this hart runs on? */
static inline bool pgd_loaded(pgd_t *pgd)
{
	unsigned long satp;

	__asm__ __volatile__("csrr %0, satp" : "=r"(satp));
	return ((satp & ((1UL << 44) - 1)) << PAGE_SHIFT) == __pa(pgd);
}

/* ---- kernel mappings ------------------------------------------------------------------ */

void *ioremap(phys_addr_t pa, size_t size);
void iounmap(volatile void *addr);

void *text_poke(void *addr, const void *src, size_t len);
void *alloc_insn_page(void);
void free_insn_page(void *page);

/* ---- entry hooks for mm/pgtable.c: levels 2 (root) .. 0 (4 KiB) ---------------------- */

#define PGTABLE_LEVELS	3

/* The physical address an entry points at: the next table, or the memory it maps. */
static inline phys_addr_t pgtable_entry_phys(unsigned long v)
{
	return (v >> _PAGE_PFN_SHIFT) << PAGE_SHIFT;
}

/* Does the entry @v map memory itself (a leaf: R, W or X set), at any level? */
static inline bool pgtable_entry_maps(unsigned long v, int level)
{
	return v & _PAGE_LEAF;
}

#include <starling/pgtable.h>	/* set_pte(), pgd_alloc(), map_kernel_page() ... */

#endif /* _ASM_PGTABLE_H */
