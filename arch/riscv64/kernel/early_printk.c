// SPDX-License-Identifier: GPL-2.0-only
/*
 * The riscv64 boot console: formats with lib/vsprintf.c and writes each line to the UART
 * under a spinlock, so lines from different harts do not interleave. Log levels ("\001N"
 * prefixes) are accepted and dropped. In this phase of the port it stands in for printk,
 * which arrives with the generic kernel; also the command-line lookups the arch makes.
 */
#include <starling/kernel.h>
#include <starling/string.h>
#include <asm/early.h>
#include <asm/csr.h>

static int console_lock;	/* taken with amoswap; interrupts off while held */
int panic_timeout;		/* panic=N: 0 halts, anything else ends the machine */

static unsigned long console_lock_irqsave(void)
{
	unsigned long flags = csr_read(sstatus) & SR_SIE;

	csr_clear(sstatus, SR_SIE);
	while (__atomic_exchange_n(&console_lock, 1, __ATOMIC_ACQUIRE))
		;
	return flags;
}

static void console_unlock_irqrestore(unsigned long flags)
{
	__atomic_store_n(&console_lock, 0, __ATOMIC_RELEASE);
	csr_set(sstatus, flags);
}

static void console_write(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			early_serial_putc('\r');
		early_serial_putc(*s);
	}
}

static int vprintk_early(const char *fmt, va_list ap)
{
	char buf[512];
	const char *p = buf;
	unsigned long flags;
	int n;

	n = vscnprintf(buf, sizeof(buf), fmt, ap);
	while (p[0] == '\001' && p[1])	/* KERN_<LEVEL> */
		p += 2;
	flags = console_lock_irqsave();
	console_write(p);
	console_unlock_irqrestore(flags);
	return n;
}

/**
 * early_printk() - print to the boot console
 * @fmt: printf format (Linux's extensions included)
 *
 * Return: the number of characters formatted.
 */
int early_printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk_early(fmt, ap);
	va_end(ap);
	return n;
}

/**
 * early_panic() - print Linux's panic lines, stop the other harts, end the machine
 * @fmt: the reason
 *
 * With panic=0 (the default) the hart halts; otherwise QEMU exits with a failure status.
 */
void __noreturn early_panic(const char *fmt, ...)
{
	static int panicking;
	char buf[256];
	va_list ap;

	csr_clear(sstatus, SR_SIE);
	if (__atomic_exchange_n(&panicking, 1, __ATOMIC_ACQ_REL)) {
		for (;;)	/* another hart is already panicking */
			__asm__ __volatile__("wfi");
	}
	va_start(ap, fmt);
	vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	early_printk("Kernel panic - not syncing: %s\n", buf);
	smp_stop_other_cpus();
	early_printk("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (panic_timeout)
		machine_panic_exit();
	for (;;)
		__asm__ __volatile__("wfi");
}

/**
 * early_param_has() - whether the command line has NAME=VALUE, VALUE one of a comma list
 * @name: e.g. "starling.selftest"
 * @value: e.g. "timer"; NULL matches any value
 *
 * Return: true if present.
 */
bool early_param_has(const char *name, const char *value)
{
	const char *p = boot_info.bootargs;
	size_t nlen = strlen(name), vlen = value ? strlen(value) : 0;

	while (p && *p) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, name, nlen) && p[nlen] == '=') {
			const char *v = p + nlen + 1;

			if (!value)
				return true;
			for (;;) {
				if (!strncmp(v, value, vlen) &&
				    (v[vlen] == ',' || v[vlen] == ' ' || v[vlen] == '\0'))
					return true;
				while (*v && *v != ',' && *v != ' ')
					v++;
				if (*v != ',')
					break;
				v++;
			}
		}
		while (*p && *p != ' ')
			p++;
	}
	return false;
}
