// SPDX-License-Identifier: GPL-2.0-only
/* x86_64-internal interfaces shared by files under arch/x86_64 (not for generic code). */
#ifndef _ASM_X86_H
#define _ASM_X86_H

#include <starling/types.h>

struct pt_regs;

/* Vectors */
#define X86_TRAP_DE		0
#define X86_TRAP_DB		1
#define X86_TRAP_NMI		2
#define X86_TRAP_BP		3
#define X86_TRAP_UD		6
#define X86_TRAP_DF		8
#define X86_TRAP_GP		13
#define X86_TRAP_PF		14
#define FIRST_EXTERNAL_VECTOR	0x20
#define IRQ_VECTOR_BASE		0x20	/* ISA/IOAPIC IRQ n -> vector 0x20 + n */
#define CALL_FUNCTION_VECTOR	0xf0
#define RESCHEDULE_VECTOR	0xf1
#define STOP_VECTOR		0xf2
#define IRQ_WORK_VECTOR		0xf6	/* self-IPI: irq_work_run() */
#define LOCAL_TIMER_VECTOR	0xec
#define SPURIOUS_APIC_VECTOR	0xff

void cpu_init_percpu(unsigned int cpu);	/* GS base -> this CPU's struct x86_cpu */
void cpu_init_tables(unsigned int cpu);	/* GDT, TSS, IDT */
void tss_set_kernel_stack(unsigned long sp0);

typedef void (*irq_handler_fn)(struct pt_regs *regs, unsigned int vector);
void set_vector_handler(unsigned int vector, irq_handler_fn fn);

extern u64 acpi_rsdp_pa;

#endif /* _ASM_X86_H */
