// SPDX-License-Identifier: GPL-2.0-only
/*
 * The serial console's wiring on QEMU virt, as TIOCGSERIAL reports it: a 16550A-compatible
 * UART at 0x10000000, clocked at 3.6864 MHz, whose interrupt line is the PLIC source the
 * device tree names (arch_console_irq()). MMIO: no I/O port.
 */
#ifndef _ASM_SERIAL_H
#define _ASM_SERIAL_H

unsigned int arch_console_irq(void);

#define SERIAL_CONSOLE_IRQ	arch_console_irq()
#define SERIAL_CONSOLE_PORT	0
#define SERIAL_CONSOLE_TYPE	4		/* PORT_16550A */
#define SERIAL_CONSOLE_BAUD	230400		/* 3686400 / 16 */
#define SERIAL_CONSOLE_FIFO	16

#endif /* _ASM_SERIAL_H */
