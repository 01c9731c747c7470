// SPDX-License-Identifier: GPL-2.0-only
/*
 * The riscv64 half of writing to read-only kernel text (text_poke() is mm/text_poke.c) and
 * the executable pages for out-of-line instruction slots.
 *
 * Text stays read-only and executable at its kernel address; arch_text_poke_page() writes
 * through the page's other mapping, the direct map (read-write, never executable), which
 * every RAM page has (the image and vmalloc pages alike). Then every hart must drop stale
 * instructions: fence.i here, and SBI RFENCE remote_fence_i for the others (the call
 * returns when they have).
 *
 * Instruction pages come from the module range, within auipc + jalr reach (2 GiB) of
 * kernel text, mapped read-only executable and filled with ebreak.
 *
 * Boot check (starling.selftest=text_poke, riscv64 only): write "li a0, N; ret" into an
 * instruction page, call it, change N, call it again.
 */
#include <starling/errno.h>
#include <starling/init.h>
#include <starling/mm.h>
#include <starling/params.h>
#include <starling/printk.h>
#include <starling/smp.h>
#include <starling/string.h>
#include <starling/text_poke.h>
#include <starling/vmalloc.h>
#include <asm/pgtable.h>
#include <asm/early.h>
#include <asm/sbi.h>

#define RV_EBREAK	0x00100073U
#define RV_LI_A0(n)	(0x00000513U | ((u32)(n) << 20))	/* addi a0, x0, n */
#define RV_RET		0x00008067U				/* jalr x0, 0(ra) */

/* fence.i on every online hart: this one directly, the others through the firmware. */
static void flush_icache_all(void)
{
	unsigned long mask = other_harts_mask();

	__asm__ __volatile__("fence.i" ::: "memory");
	if (mask)
		sbi_remote_fence_i(mask, 0);
}

/* The direct map is writable and every RAM page is in it; text_poke() holds poke_lock. */
void arch_text_poke_page(phys_addr_t pa, unsigned long off, const void *src, size_t len)
{
	memcpy((char *)__va(pa) + off, src, len);
}

void arch_text_poke_sync(void)
{
	flush_icache_all();
}

/**
 * alloc_insn_page() - one read-only executable page within 2 GiB of kernel text
 *
 * Filled with ebreak; write slots with text_poke().
 * Return: the page, or NULL.
 */
void *alloc_insn_page(void)
{
	void *page = __vmalloc_range(PAGE_SIZE, MODULES_VADDR, MODULES_END, GFP_KERNEL,
				     PAGE_KERNEL_ROX);
	u32 *alias;

	if (!page)
		return NULL;
	alias = __va(kernel_virt_to_phys((unsigned long)page));
	for (unsigned int i = 0; i < PAGE_SIZE / sizeof(u32); i++)
		alias[i] = RV_EBREAK;
	flush_icache_all();
	return page;
}

static int __init text_poke_selftest(void)
{
	const char *list;
	long (*fn)(void);
	u32 code[2] = { RV_LI_A0(42), RV_RET };
	long first, second;
	void *page;

	if (!cmdline_find("starling.selftest", &list) || !strstr(list, "text_poke"))
		return 0;
	page = alloc_insn_page();
	if (!page) {
		pr_err("selftest text_poke: FAILED (no instruction page)\n");
		return -ENOMEM;
	}
	fn = (long (*)(void))page;
	text_poke(page, code, sizeof(code));
	first = fn();
	code[0] = RV_LI_A0(7);
	text_poke(page, code, sizeof(code));
	second = fn();
	free_insn_page(page);
	if (first == 42 && second == 7)
		pr_info("selftest text_poke: ok\n");
	else
		pr_err("selftest text_poke: FAILED (returned %ld, then %ld)\n", first, second);
	return 0;
}
late_initcall(text_poke_selftest);
