// SPDX-License-Identifier: GPL-2.0-only
/*
 * The 16550 UART at COM1 (I/O port 0x3f8), the console. Output is polled so that printk
 * works from any context, early boot and panic included. Input arrives through IRQ 4
 * (routed by the IOAPIC) and is handed to the TTY layer by serial_rx_poll().
 */
#include <starling/console.h>
#include <asm/io.h>
#include <asm/processor.h>

#define COM1		0x3f8
#define UART_RBR	0	/* receive buffer (DLAB=0) */
#define UART_THR	0	/* transmit holding (DLAB=0) */
#define UART_DLL	0	/* divisor low (DLAB=1) */
#define UART_IER	1
#define UART_DLM	1	/* divisor high (DLAB=1) */
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_LSR_DR	0x01
#define UART_LSR_THRE	0x20

void arch_console_init(void)
{
	outb(0x00, COM1 + UART_IER);
	outb(0x80, COM1 + UART_LCR);	/* DLAB */
	outb(0x01, COM1 + UART_DLL);	/* 115200 baud */
	outb(0x00, COM1 + UART_DLM);
	outb(0x03, COM1 + UART_LCR);	/* 8N1 */
	outb(0xc7, COM1 + UART_FCR);	/* FIFO on, cleared, 14-byte threshold */
	outb(0x0b, COM1 + UART_MCR);	/* DTR, RTS, OUT2 (IRQ gate) */
}

void __noprobe arch_console_putc(char c)
{
	int spins = 100000;

	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE) && --spins)
		cpu_relax();
	outb((u8)c, COM1 + UART_THR);
}

int arch_console_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RBR);
}

void arch_console_enable_rx_irq(void)
{
	outb(inb(COM1 + UART_IER) | 0x01, COM1 + UART_IER);	/* received-data interrupt */
}

/*
 * Stop the received-data interrupt: bytes stay in the UART's FIFO, and once it is full the
 * sender waits (QEMU stops reading the chardev behind the port).
 */
void arch_console_disable_rx_irq(void)
{
	outb(inb(COM1 + UART_IER) & ~0x01, COM1 + UART_IER);
}

unsigned int arch_console_irq(void)
{
	return 4;	/* COM1 on the ISA bus */
}

/* Raise (or stop) the transmitter-empty interrupt: a way to test the interrupt's routing. */
void arch_console_tx_irq(bool on)
{
	u8 ier = inb(COM1 + UART_IER);

	outb(on ? ier | 0x02 : ier & ~0x02, COM1 + UART_IER);
}
