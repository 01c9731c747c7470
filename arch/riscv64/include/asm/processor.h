// SPDX-License-Identifier: GPL-2.0-only
/* riscv64 CPU helpers: the time counter, spin-wait hint, halting. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <starling/types.h>
#include <asm/timex.h>			/* get_cycles() */

/* Linux's names: a fast-changing counter, and the CPU's seed source (none used yet: Zkr). */
static inline unsigned long random_get_entropy(void)
{
	return get_cycles();
}

static inline size_t arch_get_random_seed_longs(unsigned long *v, size_t max_longs)
{
	return 0;
}

/*
 * Zihintpause's pause (fence w, 0 with pred = W, succ = 0): a hint that this hart spins;
 * a plain fence, so harmless, where the extension is absent. Spelled as its encoding so the
 * assembler need not know the extension.
 */
static inline void cpu_relax(void)
{
	__asm__ __volatile__(".4byte 0x0100000f" ::: "memory");
}

static inline void __noreturn_halt(void)
{
	for (;;)
		__asm__ __volatile__("csrci sstatus, 2; wfi");
}

#endif /* _ASM_PROCESSOR_H */
