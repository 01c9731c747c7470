// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ns16550a UART that QEMU's virt machine puts at 0x10000000 (the device tree says where,
 * how far apart its registers are - reg-shift - and which PLIC source it raises): the
 * system console (<starling/console.h>). Output is polled; input and the
 * transmitter-empty interrupt come through the PLIC (irq.c) once request_irq() routes
 * them. setup.c points it at the boot page table's direct map first, then at its fixmap
 * address once the final page table is in place.
 */
#include <starling/compiler.h>
#include <starling/console.h>
#include <asm/early.h>
#include <asm/processor.h>

#define UART_RBR	0	/* receive buffer (read) */
#define UART_THR	0	/* transmit holding (write) */
#define UART_IER	1	/* interrupt enable */
#define UART_IER_RDI	0x01	/* received data available */
#define UART_IER_THRI	0x02	/* transmit holding register empty */
#define UART_FCR	2	/* FIFO control (write) */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_LSR_DR	0x01	/* data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */

static volatile uint8_t *uart_base;	/* set by the boot hart before other harts run */
static unsigned int uart_shift;

static uint8_t uart_in(unsigned int reg)
{
	return uart_base[reg << uart_shift];
}

static void uart_out(unsigned int reg, uint8_t v)
{
	uart_base[reg << uart_shift] = v;
}

void early_serial_init(void *base, unsigned int shift)
{
	uart_base = base;
	uart_shift = shift;
	/* OpenSBI already set the line up (8n1); keep its speed, turn interrupts off */
	uart_out(UART_IER, 0);
	uart_out(UART_FCR, 0x07);	/* enable and clear the FIFOs */
	uart_out(UART_MCR, 0x0b);	/* DTR, RTS, OUT2 */
}

void early_serial_set_base(void *base)
{
	WRITE_ONCE(uart_base, base);
}

/* setup.c initialises the UART as soon as the device tree names it. */
void arch_console_init(void)
{
}

void __noprobe arch_console_putc(char c)
{
	int spins = 1000000;

	if (!uart_base)
		return;
	while (!(uart_in(UART_LSR) & UART_LSR_THRE) && --spins)
		cpu_relax();
	uart_out(UART_THR, (uint8_t)c);
}

int arch_console_getc(void)
{
	if (!uart_base || !(uart_in(UART_LSR) & UART_LSR_DR))
		return -1;
	return uart_in(UART_RBR);
}

void arch_console_enable_rx_irq(void)
{
	uart_out(UART_IER, uart_in(UART_IER) | UART_IER_RDI);
}

void arch_console_disable_rx_irq(void)
{
	uart_out(UART_IER, uart_in(UART_IER) & ~UART_IER_RDI);
}

/* The PLIC source the device tree gives the UART (10 on QEMU virt). */
unsigned int arch_console_irq(void)
{
	return boot_info.uart_irq;
}

/* Raise (or stop) the transmitter-empty interrupt: a way to test the interrupt's routing. */
void arch_console_tx_irq(bool on)
{
	uint8_t ier = uart_in(UART_IER);

	uart_out(UART_IER, on ? ier | UART_IER_THRI : ier & ~UART_IER_THRI);
}
