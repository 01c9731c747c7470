// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interrupt enable on riscv64: sstatus.SIE. The flags word is sstatus itself; only SIE is
 * looked at or restored.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <asm/csr.h>

static inline unsigned long arch_local_save_flags(void)
{
	return csr_read(sstatus);
}

static inline void arch_local_irq_disable(void)
{
	csr_clear(sstatus, SR_SIE);
}

static inline void arch_local_irq_enable(void)
{
	csr_set(sstatus, SR_SIE);
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("csrrc %0, sstatus, %1" : "=r"(flags) : "rK"(SR_SIE) : "memory");
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	csr_set(sstatus, flags & SR_SIE);
}

static inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & SR_SIE);
}

static inline int arch_irqs_disabled(void)
{
	return arch_irqs_disabled_flags(arch_local_save_flags());
}

/*
 * Wait for an interrupt, then take it. wfi with SIE clear still wakes on any interrupt
 * enabled in sie, so one that arrives just before the wfi is not lost; it is taken as soon
 * as SIE is set.
 */
static inline void arch_safe_halt(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
	arch_local_irq_enable();
}

#endif /* _ASM_IRQFLAGS_H */
