// SPDX-License-Identifier: GPL-2.0-only
/*
 * The serial console as a terminal: ttyS0, also /dev/console. Output is polled through
 * arch_console_putc(), the same path printk takes, so kernel messages and terminal output
 * interleave at worst byte by byte and both work with interrupts off. Input comes from the
 * port's receive interrupt: the handler drains the UART and feeds tty_receive().
 */
#include <starling/tty.h>
#include <starling/console.h>
#include <starling/interrupt.h>
#include <starling/init.h>
#include <starling/fs.h>
#include <starling/printk.h>
#include <asm/serial.h>

static struct tty_struct serial_tty;

static void serial_write(struct tty_struct *tty, const unsigned char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		arch_console_putc(buf[i]);
}

static const struct tty_driver_ops serial_ops = {
	.write = serial_write,
};

static void serial_rx_interrupt(unsigned int irq, void *dev)
{
	struct tty_struct *tty = dev;
	unsigned char buf[64];
	size_t n = 0;
	int c;

	while ((c = arch_console_getc()) >= 0) {
		buf[n++] = (unsigned char)c;
		if (n == sizeof(buf)) {
			tty_receive(tty, buf, n);
			n = 0;
		}
	}
	if (n)
		tty_receive(tty, buf, n);
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
