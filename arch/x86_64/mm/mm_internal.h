// SPDX-License-Identifier: GPL-2.0-only
/* Shared by the files of arch/x86_64/mm/ only. */
#ifndef _X86_MM_INTERNAL_H
#define _X86_MM_INTERNAL_H

#include <starling/spinlock.h>
#include <asm/pgtable.h>

/* Page tables handed out before the switch must be reachable through the boot tables. */
#define EARLY_PGTABLE_LIMIT	(4UL << 30)

#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _PAGE_TABLE	(_KERNPG_TABLE | _PAGE_USER)

extern spinlock_t kernel_pgtable_lock;	/* kernel half of init_mm_pgd and its identity map */
extern bool pgtables_early;		/* still on the boot page tables */

unsigned long *pgtable_walk(pgd_t *pgd, unsigned long va, int level, bool alloc,
			    unsigned long table_flags);
void text_poke_init(void);

#endif /* _X86_MM_INTERNAL_H */
