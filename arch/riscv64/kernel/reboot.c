// SPDX-License-Identifier: GPL-2.0-only
/*
 * Ending the riscv64 machine (<starling/reboot.h>). Power off goes through SBI SRST
 * (OpenSBI then writes the "pass" code to QEMU virt's test device, and QEMU exits with
 * status 0). A panic writes the test device itself (the "sifive,test0" node):
 * (code << 16) | 0x3333 makes QEMU exit with status code, and code 3 matches what x86_64's
 * isa-debug-exit gives (scripts/qemu.sh). SRST cannot carry an exit code, so it is the
 * fallback only. Restart is SRST's cold reboot, or the test device's reset code.
 */
#include <starling/reboot.h>
#include <starling/printk.h>
#include <asm/early.h>
#include <asm/processor.h>
#include <asm/sbi.h>

#define TEST_FINISHER_FAIL	0x3333
#define TEST_FINISHER_PASS	0x5555
#define TEST_FINISHER_RESET	0x7777
#define PANIC_EXIT_CODE		3

static volatile uint32_t *test_dev;	/* mapped by setup.c; NULL without the device */

void reboot_init(void)
{
	if (boot_info.test_pa)
		test_dev = early_ioremap(boot_info.test_pa, 0x1000);
}

void __noreturn arch_poweroff(void)
{
	sbi_system_reset(SBI_SRST_SHUTDOWN, SBI_SRST_NO_REASON);
	if (test_dev)
		*test_dev = TEST_FINISHER_PASS;
	printk(KERN_EMERG "reboot: the firmware did not power off; halting\n");
	__noreturn_halt();
	for (;;)
		;
}

void __noreturn arch_restart(void)
{
	sbi_system_reset(SBI_SRST_COLD_REBOOT, SBI_SRST_NO_REASON);
	if (test_dev)
		*test_dev = TEST_FINISHER_RESET;
	__noreturn_halt();
	for (;;)
		;
}

void __noreturn arch_panic_exit(void)
{
	if (test_dev)
		*test_dev = PANIC_EXIT_CODE << 16 | TEST_FINISHER_FAIL;
	sbi_system_reset(SBI_SRST_SHUTDOWN, SBI_SRST_SYSTEM_FAILURE);
	__noreturn_halt();
	for (;;)
		;
}
