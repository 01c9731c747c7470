// SPDX-License-Identifier: GPL-2.0-only
/*
 * The x86_64 half of writing to read-only kernel text (text_poke() is mm/text_poke.c) and
 * the executable pages for kprobes' out-of-line instruction slots.
 *
 * Text stays read-only. arch_text_poke_page() maps each target page a second time, writable
 * and not global, at a private one-page window in the vmalloc area, copies through that
 * alias, removes it and flushes it from this CPU's TLB; nothing else ever uses the window,
 * so no other CPU holds a translation for it. text_poke()'s poke_lock protects the window.
 *
 * Instruction pages live in the module range, within +-2 GiB of kernel text so that slots
 * can jump back with rel32; they are read-only executable (written with text_poke()) and
 * start filled with int3.
 */
#include <starling/printk.h>
#include <starling/slab.h>
#include <starling/string.h>
#include <starling/text_poke.h>
#include <starling/vmalloc.h>
#include <asm/pgtable.h>
#include "mm_internal.h"

static unsigned long poke_addr;	/* the alias window; its PTE under mm/text_poke.c's lock */
static pte_t *poke_pte;

/* A serialising instruction: later instruction fetches see the new bytes. */
static inline void sync_core(void)
{
	u32 a, b, c, d;

	cpuid(0, 0, &a, &b, &c, &d);
}

void text_poke_init(void)
{
	struct vm_struct *area = get_vm_area(PAGE_SIZE, VM_IOREMAP, VMALLOC_START, VMALLOC_END);

	if (!area)
		panic("text_poke_init: no vmalloc space for the poke window");
	poke_addr = area->addr;
	poke_pte = pte_alloc_walk(init_mm_pgd, poke_addr, false);
	if (!poke_pte)
		panic("text_poke_init: no memory for the poke window's page table");
}

/* Map @pa at the window, write through it, unmap it; text_poke() holds poke_lock. */
void arch_text_poke_page(phys_addr_t pa, unsigned long off, const void *src, size_t len)
{
	set_pte(poke_pte, __pte(pa | (PAGE_KERNEL & ~_PAGE_GLOBAL)));
	flush_tlb_one_kernel(poke_addr);
	memcpy((void *)(poke_addr + off), src, len);
	ptep_get_and_clear(poke_pte);
	flush_tlb_one_kernel(poke_addr);
}

/* Other CPUs are kept off the bytes by the caller; this one serialises. */
void arch_text_poke_sync(void)
{
	sync_core();
}

/**
 * alloc_insn_page() - one read-only executable page within rel32 reach of kernel text
 *
 * Filled with int3; write slots with text_poke().
 * Return: the page, or NULL.
 */
void *alloc_insn_page(void)
{
	void *page = __vmalloc_range(PAGE_SIZE, MODULES_VADDR, MODULES_END, GFP_KERNEL,
				     PAGE_KERNEL);
	pte_t *pte;

	if (!page)
		return NULL;
	memset(page, 0xcc, PAGE_SIZE);
	pte = pte_lookup(init_mm_pgd, (unsigned long)page);
	set_pte(pte, __pte(pte_phys(*pte) | PAGE_KERNEL_ROX));
	flush_tlb_kernel_range((unsigned long)page, (unsigned long)page + PAGE_SIZE);
	return page;
}
