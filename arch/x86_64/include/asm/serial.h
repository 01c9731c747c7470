// SPDX-License-Identifier: GPL-2.0-only
/* The serial console's wiring on a PC: COM1, its I/O port and ISA interrupt line. */
#ifndef _ASM_SERIAL_H
#define _ASM_SERIAL_H

#define SERIAL_CONSOLE_IRQ	4
#define SERIAL_CONSOLE_PORT	0x3f8
#define SERIAL_CONSOLE_TYPE	4		/* PORT_16550A */
#define SERIAL_CONSOLE_BAUD	115200
#define SERIAL_CONSOLE_FIFO	16

#endif /* _ASM_SERIAL_H */
