// SPDX-License-Identifier: GPL-2.0-only
/*
 * The serial console as a terminal: ttyS0, also /dev/console. Output is polled through
 * arch_console_putc(), the same path printk takes, so kernel messages and terminal output
 * interleave at worst byte by byte and both work with interrupts off. Input comes from the
 * port's receive interrupt: the handler drains the UART and feeds tty_receive(). When the
 * tty is nearly full it throttles the port: the receive interrupt goes off and further bytes
 * wait in the UART (and, under QEMU, in the host behind it) until a reader makes room.
 */
#include <starling/tty.h>
#include <starling/console.h>
#include <starling/interrupt.h>
#include <starling/init.h>
#include <starling/fs.h>
#include <starling/printk.h>
#include <starling/string.h>
#include <asm/serial.h>

static struct tty_struct serial_tty;

/*
 * Bytes taken from the UART that the tty refused (it was full): offered again first once it
 * unthrottles. Only the receive interrupt handler touches them (and the init call before
 * the interrupt is on).
 */
static unsigned char rx_held[64];
static size_t rx_held_len;

static void serial_write(struct tty_struct *tty, const unsigned char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		arch_console_putc(buf[i]);
}

/* tty->lock held: leave further input in the UART until serial_unthrottle(). */
static void serial_throttle(struct tty_struct *tty)
{
	arch_console_disable_rx_irq();
}

/* tty->lock held: the interrupt comes at once if bytes wait in the UART or in rx_held. */
static void serial_unthrottle(struct tty_struct *tty)
{
	arch_console_enable_rx_irq();
}

static const struct tty_driver_ops serial_ops = {
	.write		= serial_write,
	.throttle	= serial_throttle,
	.unthrottle	= serial_unthrottle,
};

/* Offer rx_held to the tty. Return: true when all of it was taken. */
static bool serial_push_held(struct tty_struct *tty)
{
	size_t taken = tty_receive(tty, rx_held, rx_held_len);

	memmove(rx_held, rx_held + taken, rx_held_len - taken);
	rx_held_len -= taken;
	return !rx_held_len;
}

static void serial_rx_interrupt(unsigned int irq, void *dev)
{
	struct tty_struct *tty = dev;
	int c;

	if (rx_held_len && !serial_push_held(tty))
		return;
	/* Stop reading the UART once the tty throttles: the bytes wait there. */
	while (!READ_ONCE(tty->throttled) && (c = arch_console_getc()) >= 0) {
		rx_held[rx_held_len++] = (unsigned char)c;
		if (rx_held_len == sizeof(rx_held) && !serial_push_held(tty))
			return;
	}
	if (rx_held_len)
		serial_push_held(tty);
}

static int serial_tty_init(void)
{
	struct tty_struct *tty = &serial_tty;
	int ret;

	tty->name = "ttyS0";
	tty->dev = MKDEV(4, 64);
	tty->index = 0;
	tty->ops = &serial_ops;
	tty_init_dev(tty);
	ret = request_irq(SERIAL_CONSOLE_IRQ, serial_rx_interrupt, "ttyS0", tty);
	if (ret) {
		pr_err("ttyS0: cannot get IRQ %d: %d\n", SERIAL_CONSOLE_IRQ, ret);
		return ret;
	}
	arch_console_enable_rx_irq();
	/* Anything typed before the interrupt was enabled. */
	serial_rx_interrupt(SERIAL_CONSOLE_IRQ, tty);
	return tty_register_device(tty, true);
}
device_initcall(serial_tty_init);
