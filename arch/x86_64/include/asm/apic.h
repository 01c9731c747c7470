// SPDX-License-Identifier: GPL-2.0-only
/* The local APIC (xAPIC, MMIO) and the IOAPIC on x86_64. */
#ifndef _ASM_APIC_H
#define _ASM_APIC_H

#include <starling/types.h>

#define APIC_ID		0x020
#define APIC_TPR	0x080
#define APIC_EOI	0x0b0
#define APIC_SVR	0x0f0
#define APIC_ESR	0x280
#define APIC_ICR_LOW	0x300
#define APIC_ICR_HIGH	0x310
#define APIC_LVT_TIMER	0x320
#define APIC_LVT_LINT0	0x350
#define APIC_LVT_LINT1	0x360
#define APIC_LVT_ERROR	0x370
#define APIC_TIMER_INIT	0x380
#define APIC_TIMER_CUR	0x390
#define APIC_TIMER_DIV	0x3e0

#define APIC_ICR_INIT		0x00000500
#define APIC_ICR_STARTUP	0x00000600
#define APIC_ICR_NMI		0x00000400
#define APIC_ICR_LEVEL_ASSERT	0x00004000
#define APIC_ICR_LEVEL_TRIGGER	0x00008000
#define APIC_ICR_BUSY		0x00001000
#define APIC_DEST_SELF		0x00040000	/* destination shorthand: this CPU */
#define APIC_LVT_MASKED		0x00010000
#define APIC_TIMER_PERIODIC	0x00020000

u32 lapic_read(u32 reg);
void lapic_write(u32 reg, u32 v);
void lapic_eoi(void);
void lapic_setup_this_cpu(void);
unsigned int lapic_id(void);
void lapic_send_ipi(unsigned int apic_id, u32 icr_low);

extern unsigned int cpu_apic_id[];	/* logical CPU -> APIC id */

#endif /* _ASM_APIC_H */
