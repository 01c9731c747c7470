// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the first process (pid 1, kernel_init) does once the kernel is up: run any boot
 * self-tests the command line asks for, unpack the initramfs into the root file system, give
 * itself /dev/console as fds 0, 1 and 2, then start the first program (rdinit=, default
 * /init; then init=; then Linux's default list), as Linux does. Without user-space support in
 * this build the initramfs is still unpacked, but there is no program to start, and the
 * kernel panics with Linux's message.
 */
#include <starling/printk.h>
#include <starling/params.h>
#include <starling/selftest.h>
#include <starling/boot.h>
#include <starling/fs.h>
#include <starling/tty.h>
#include <starling/fdtable.h>
#include <starling/sched.h>

/* pid 1 stops sharing the kernel threads' file table and cwd: init gets its own. */
static void init_own_files(void)
{
	int err = 0;

	current->files = dup_fd(&init_files, &err);
	current->fs = copy_fs_struct(&init_fs);
	if (!current->files || !current->fs)
		panic("kernel_init: no memory for init's files (%d)", err);
}

int kernel_init_run(void)
{
	populate_rootfs();	/* first: the self-tests of the VFS and exec read its files */
	run_boot_selftests();
	if (IS_ENABLED(CONFIG_USERSPACE)) {
		init_own_files();
		console_on_rootfs();
		run_init_process();	/* returns only when nothing could be started */
	}
	panic("No working init found.  Try passing init= option to kernel. "
	      "See Linux Documentation/admin-guide/init.rst for guidance.");
}
