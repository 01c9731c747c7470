// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ns16550a UART that QEMU's virt machine puts at 0x10000000 (the device tree says where,
 * and how far apart its registers are: reg-shift), polled: the boot console. setup.c points
 * it at the boot page table's direct map first, then at its ioremap address once the final
 * page table is in place.
 */
#include <starling/compiler.h>
#include <asm/early.h>

#define UART_THR	0	/* transmit holding (write) */
#define UART_IER	1	/* interrupt enable */
#define UART_FCR	2	/* FIFO control (write) */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
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
	uart_out(UART_MCR, 0x03);	/* DTR, RTS */
}

void early_serial_set_base(void *base)
{
	WRITE_ONCE(uart_base, base);
}

void early_serial_putc(char c)
{
	if (!uart_base)
		return;
	while (!(uart_in(UART_LSR) & UART_LSR_THRE))
		;
	uart_out(UART_THR, (uint8_t)c);
}
