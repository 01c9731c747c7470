// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writing to read-only kernel text: mm/text_poke.c walks the target pages, and the arch
 * supplies how one page is written and how every CPU is made to fetch the new bytes.
 * text_poke(), alloc_insn_page() and free_insn_page() are declared in <asm/pgtable.h>.
 */
#ifndef _STARLING_TEXT_POKE_H
#define _STARLING_TEXT_POKE_H

#include <starling/types.h>

/* Copy @len bytes from @src to offset @off of the RAM page at @pa; poke_lock held. */
void arch_text_poke_page(phys_addr_t pa, unsigned long off, const void *src, size_t len);
/* After the last page: make every CPU fetch the new instructions; poke_lock held. */
void arch_text_poke_sync(void);

#endif /* _STARLING_TEXT_POKE_H */
