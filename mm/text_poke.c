// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writing to read-only kernel text (kprobes' breakpoints and their restore) and to the
 * executable pages of out-of-line instruction slots. Text never becomes writable:
 * text_poke() finds the physical page behind each target page and hands the bytes to
 * arch_text_poke_page(), which writes them through a writable alias of that page (a
 * private window on x86_64, the direct map on riscv64); arch_text_poke_sync() then makes
 * the CPUs fetch the new instructions (<starling/text_poke.h>). The caller serialises
 * with stop_machine() (or otherwise keeps other CPUs off the bytes being changed);
 * poke_lock only orders concurrent pokers and guards the arch's alias.
 *
 * Instruction pages come from alloc_insn_page() in arch/$(ARCH)/mm/text_poke.c, which
 * knows the reach the slots need and the trap instruction that fills a fresh page.
 */
#include <starling/printk.h>
#include <starling/spinlock.h>
#include <starling/text_poke.h>
#include <starling/vmalloc.h>
#include <asm/pgtable.h>

static DEFINE_SPINLOCK(poke_lock);

/**
 * text_poke() - copy @len bytes from @src to kernel text at @addr
 * @addr: any mapped kernel address (text, rodata, instruction pages); may span pages
 * @src: bytes to write
 * @len: count
 *
 * Writes through a writable alias of each page, never by making text writable.
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
		arch_text_poke_page(pa, off, from, chunk);
		dst += chunk;
		from += chunk;
		len -= chunk;
	}
	arch_text_poke_sync();
	spin_unlock_irqrestore(&poke_lock, flags);
	return addr;
}

/**
 * free_insn_page() - free a page from alloc_insn_page()
 * @page: the page, or NULL
 */
void free_insn_page(void *page)
{
	vfree(page);
}
