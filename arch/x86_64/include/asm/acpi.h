// SPDX-License-Identifier: GPL-2.0-only
/* What Starling reads from the ACPI tables on x86_64 (arch/x86_64/kernel/acpi.c). */
#ifndef _ASM_ACPI_H
#define _ASM_ACPI_H

#include <starling/types.h>

#define MAX_IOAPIC_ISO	16

struct acpi_info {
	bool		found;
	u32		pm1a_cnt;	/* I/O port of PM1a_CNT_BLK */
	u32		pm1b_cnt;
	u32		pm_tmr;		/* I/O port of the 3.579545 MHz PM timer, 0 if none */
	u16		slp_typ_s5a;	/* SLP_TYPa of \_S5 */
	u16		slp_typ_s5b;
	u8		reset_space;	/* FADT reset register (1 = I/O) */
	u64		reset_addr;
	u8		reset_value;
	u64		lapic_addr;
	unsigned int	nr_cpus;
	u8		lapic_ids[16];	/* enabled processors, in MADT order */
	u64		ioapic_addr;
	u32		ioapic_gsi_base;
	unsigned int	nr_iso;
	struct {
		u8	source;		/* ISA IRQ */
		u32	gsi;
		u16	flags;		/* MPS INTI flags: polarity, trigger */
	} iso[MAX_IOAPIC_ISO];
};

extern struct acpi_info acpi;

void acpi_init(void);
/* ISA IRQ @irq -> global system interrupt, applying interrupt source overrides. */
u32 acpi_isa_irq_to_gsi(unsigned int irq, u16 *flags);

#endif /* _ASM_ACPI_H */
