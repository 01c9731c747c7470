// SPDX-License-Identifier: GPL-2.0-only
/*
 * Device interrupts. request_irq() routes a platform interrupt line (on x86_64 an ISA IRQ
 * through the IOAPIC) to @handler, which runs in hardirq context on the CPU the arch chose.
 */
#ifndef _STARLING_INTERRUPT_H
#define _STARLING_INTERRUPT_H

#include <starling/types.h>

typedef void (*irq_handler_t)(unsigned int irq, void *dev);

int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev);
/* Per-CPU count of interrupts of @irq (for /proc/interrupts). */
unsigned long irq_count(unsigned int irq, unsigned int cpu);
const char *irq_name(unsigned int irq);

#endif /* _STARLING_INTERRUPT_H */
