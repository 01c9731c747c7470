// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ending the machine on x86_64 under QEMU.
 *   power off: ACPI S5 (SLP_TYP from \_S5, SLP_EN) on PM1a/PM1b control; QEMU exits with 0.
 *   restart:   the FADT reset register, then port 0xcf9, then the keyboard controller.
 *   panic:     QEMU's isa-debug-exit device at port 0xf4 (scripts/qemu.sh adds it): writing
 *              1 makes QEMU exit with status 3. Without that device, restart (QEMU started
 *              with -no-reboot then exits).
 */
#include <starling/reboot.h>
#include <starling/printk.h>
#include <asm/acpi.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/timex.h>

#define ACPI_SLP_EN		(1u << 13)
#define QEMU_DEBUG_EXIT_PORT	0xf4

static void __noreturn halt_forever(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

void __noreturn arch_poweroff(void)
{
	if (acpi.pm1a_cnt) {
		outw((acpi.slp_typ_s5a << 10) | ACPI_SLP_EN, acpi.pm1a_cnt);
		if (acpi.pm1b_cnt)
			outw((acpi.slp_typ_s5b << 10) | ACPI_SLP_EN, acpi.pm1b_cnt);
		udelay(500 * 1000);	/* QEMU acts on the write a little later */
	}
	printk(KERN_EMERG "reboot: power off failed, halting\n");
	halt_forever();
}

void __noreturn arch_restart(void)
{
	if (acpi.reset_space == 1 && acpi.reset_addr)
		outb(acpi.reset_value, acpi.reset_addr);
	outb(0x06, 0xcf9);
	outb(0xfe, 0x64);
	halt_forever();
}

void __noreturn arch_panic_exit(void)
{
	outl(1, QEMU_DEBUG_EXIT_PORT);
	arch_restart();
}
