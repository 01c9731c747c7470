// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the first process (pid 1, kernel_init) does once the kernel is up: run any boot
 * self-tests the command line asks for, then start the first program (rdinit=, default
 * /init, from the initramfs; then init=), as Linux does. Without user-space support in this
 * build there is no program to start, and the kernel panics with Linux's message.
 */
#include <starling/printk.h>
#include <starling/params.h>
#include <starling/selftest.h>
#include <starling/boot.h>

int kernel_init_run(void)
{
	run_boot_selftests();
	if (IS_ENABLED(CONFIG_USERSPACE))
		return run_init_process();
	panic("No working init found.  Try passing init= option to kernel. "
	      "See Linux Documentation/admin-guide/init.rst for guidance.");
}
