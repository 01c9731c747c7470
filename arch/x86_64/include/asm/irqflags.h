// SPDX-License-Identifier: GPL-2.0-only
/* Interrupt flag control on x86_64 (RFLAGS.IF, bit 9). */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#define X86_EFLAGS_IF	0x200UL

static inline unsigned long arch_local_save_flags(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=rm"(flags) :: "memory");
	return flags;
}

static inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cli" ::: "memory");
}

static inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("sti" ::: "memory");
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = arch_local_save_flags();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_local_irq_enable();
}

static inline int arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

static inline int arch_irqs_disabled(void)
{
	return arch_irqs_disabled_flags(arch_local_save_flags());
}

/* Wait for an interrupt with interrupts enabled, atomically (sti; hlt). */
static inline void arch_safe_halt(void)
{
	__asm__ __volatile__("sti; hlt" ::: "memory");
}

#endif /* _ASM_IRQFLAGS_H */
