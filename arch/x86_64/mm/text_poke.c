// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writing to read-only kernel text (kprobes' int3 and restore) and executable pages for
 * kprobes' out-of-line instruction slots.
 *
 * Text stays read-only. text_poke() maps each target page a second time, writable and not
 * global, at a private one-page window in the vmalloc area, copies through that alias,
 * removes it and flushes it from this CPU's TLB; nothing else ever uses the window, so no
 * other CPU holds a translation for it. The caller serialises with stop_machine() (or
 * otherwise keeps other CPUs off the bytes being changed); poke_lock only protects the
 * window.
 *
 * Instruction pages live in the module range, within +-2 GiB of kernel text so that slots
 * can jump back with rel32; they are read-only executable (written with text_poke()) and
 * start filled with int3.
 */
#include <starling/printk.h>
#include <starling/slab.h>
#include <starling/spinlock.h>
#include <starling/string.h>
#include <starling/vmalloc.h>
#include <asm/pgtable.h>
#include "mm_internal.h"

static DEFINE_SPINLOCK(poke_lock);
static unsigned long poke_addr;	/* the alias window; its PTE under poke_lock */
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

/**
 * text_poke() - copy @len bytes from @src to kernel text at @addr
 * @addr: any mapped kernel address (text, rodata, instruction pages); may span pages
 * @src: bytes to write
 * @len: count
 *
 * Writes through a temporary writable alias, never by making text writable.
 * Return: @addr.
 */
void *text_poke(void *addr, const void *src, size_t len)
{
	unsigned long dst = (unsigned long)addr, flags;
	const char *from = src;

	spin_lock_irqsave(&poke_lock, flags);
	while (len) {
		unsigned long off = dst & ~PAGE_MASK;
		size_t chunk = min_t(size_t, len, PAGE_SIZE - off);
		phys_addr_t pa = kernel_virt_to_phys(dst & PAGE_MASK);

		if (pa == (phys_addr_t)-1)
			panic("text_poke: %px is not mapped", (void *)dst);
		set_pte(poke_pte, __pte(pa | (PAGE_KERNEL & ~_PAGE_GLOBAL)));
		flush_tlb_one_kernel(poke_addr);
		memcpy((void *)(poke_addr + off), from, chunk);
		ptep_get_and_clear(poke_pte);
		flush_tlb_one_kernel(poke_addr);
		dst += chunk;
		from += chunk;
		len -= chunk;
	}
	sync_core();
	spin_unlock_irqrestore(&poke_lock, flags);
	return addr;
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

/**
 * free_insn_page() - free a page from alloc_insn_page()
 * @page: the page, or NULL
 */
void free_insn_page(void *page)
{
	vfree(page);
}
