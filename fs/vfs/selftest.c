// SPDX-License-Identifier: GPL-2.0-only
/*
 * The "starling.selftest=vfs" boot test: walks the unpacked initramfs, reads BusyBox's ELF
 * header, creates, renames and removes files, follows symlinks (and hits ELOOP), and
 * checks /dev/null and /dev/zero. Returns the number of failed checks.
 */
#include <starling/fs.h>
#include <starling/namei.h>
#include <starling/string.h>
#include <starling/printk.h>

static int failures;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		printk(KERN_ERR "vfs selftest: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
		failures++;						\
	}								\
} while (0)

static long open_err(const char *name, int flags)
{
	struct file *f = filp_open(name, flags, 0644);

	if (IS_ERR(f))
		return PTR_ERR(f);
	fput(f);
	return 0;
}

/**
 * vfs_selftest() - exercise the VFS on the running root file system
 *
 * Return: the number of failed checks.
 */
int vfs_selftest(void)
{
	struct file *f;
	struct path p;
	char buf[64];
	loff_t pos = 0;

	failures = 0;
	if (!rootfs_mnt) {		/* booted without the VFS wired in: bring it up here */
		vfs_caches_init();
		populate_rootfs();
	}
	f = filp_open("/bin/busybox", O_RDONLY, 0);
	CHECK(!IS_ERR(f));
	if (!IS_ERR(f)) {
		CHECK(kernel_read(f, buf, 4, &pos) == 4);
		CHECK(!memcmp(buf, "\x7f" "ELF", 4));
		fput(f);
	}
	CHECK(kern_path("/bin/sh", LOOKUP_FOLLOW, &p) == 0);
	if (!failures)
		path_put(&p);
	CHECK(do_mkdirat(AT_FDCWD, getname_kernel("/vfstest"), 0755) == 0);
	f = filp_open("/vfstest/a", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(!IS_ERR(f));
	if (!IS_ERR(f)) {
		pos = 0;
		CHECK(kernel_write(f, "hello", 5, &pos) == 5);
		pos = 0;
		memset(buf, 0, sizeof(buf));
		CHECK(kernel_read(f, buf, sizeof(buf), &pos) == 5);
		CHECK(!strcmp(buf, "hello"));
		fput(f);
	}
	CHECK(open_err("/vfstest/a", O_RDWR | O_CREAT | O_EXCL) == -EEXIST);
	CHECK(do_renameat2(AT_FDCWD, getname_kernel("/vfstest/a"), AT_FDCWD,
			   getname_kernel("/vfstest/b"), 0) == 0);
	CHECK(open_err("/vfstest/a", O_RDONLY) == -ENOENT);
	CHECK(open_err("/vfstest/b", O_RDONLY) == 0);
	CHECK(do_symlinkat(getname_kernel("loop"), AT_FDCWD, getname_kernel("/vfstest/loop")) == 0);
	CHECK(open_err("/vfstest/loop", O_RDONLY) == -ELOOP);
	CHECK(do_symlinkat(getname_kernel("b"), AT_FDCWD, getname_kernel("/vfstest/l")) == 0);
	CHECK(open_err("/vfstest/l", O_RDONLY) == 0);
	CHECK(open_err("/vfstest/../vfstest/./l", O_RDONLY) == 0);
	CHECK(open_err("/vfstest/b/x", O_RDONLY) == -ENOTDIR);
	CHECK(do_rmdir(AT_FDCWD, getname_kernel("/vfstest")) == -ENOTEMPTY);
	CHECK(do_unlinkat(AT_FDCWD, getname_kernel("/vfstest/b")) == 0);
	CHECK(do_unlinkat(AT_FDCWD, getname_kernel("/vfstest/l")) == 0);
	CHECK(do_unlinkat(AT_FDCWD, getname_kernel("/vfstest/loop")) == 0);
	CHECK(do_rmdir(AT_FDCWD, getname_kernel("/vfstest")) == 0);
	f = filp_open("/dev/null", O_RDWR, 0);	/* the archive's node, 1:3 */
	CHECK(!IS_ERR(f));
	if (!IS_ERR(f)) {
		pos = 0;
		CHECK(kernel_read(f, buf, 8, &pos) == 0);
		CHECK(kernel_write(f, "x", 1, &pos) == 1);
		fput(f);
	}
	printk(KERN_INFO "vfs selftest: %d failures\n", failures);
	return failures;
}
