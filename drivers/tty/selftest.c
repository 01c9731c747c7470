// SPDX-License-Identifier: GPL-2.0-only
/*
 * Boot self-test "starling.selftest=tty": drives a terminal with a capturing driver through
 * the TTY core (tty_receive, tty_kernel_read/write, the termios path): line editing and
 * echo, ^C, ^D, raw mode and ONLCR. Only non-blocking reads: it runs as a late initcall,
 * before there is a process that could sleep. The line discipline's sleeping paths
 * (VMIN/VTIME, signals) are covered by the host tests (tests/unit/n_tty_test.c).
 */
#include <starling/tty.h>
#include <starling/init.h>
#include <starling/params.h>
#include <starling/printk.h>
#include <starling/string.h>
#include <starling/errno.h>
#include "tty_internal.h"

static char captured[256];
static size_t captured_len;

static void capture_write(struct tty_struct *tty, const unsigned char *buf, size_t n)
{
	n = min_t(size_t, n, sizeof(captured) - 1 - captured_len);
	memcpy(captured + captured_len, buf, n);
	captured_len += n;
	captured[captured_len] = 0;
}

static const struct tty_driver_ops capture_ops = {
	.write = capture_write,
};

static struct tty_struct test_tty;
static int failures;

static void check(bool ok, const char *what)
{
	if (!ok) {
		printk(KERN_ERR "selftest tty: %s failed (echo \"%s\")\n", what, captured);
		failures++;
	}
}

static void feed(const char *s)
{
	tty_receive(&test_tty, (const unsigned char *)s, strlen(s));
}

static bool read_is(const char *want)
{
	char buf[64];
	ssize_t n = tty_kernel_read(&test_tty, buf, sizeof(buf) - 1, true);

	if (n < 0)
		return false;
	buf[n] = 0;
	return (size_t)n == strlen(want) && !memcmp(buf, want, n);
}

/**
 * tty_selftest() - exercise the TTY core with a fake device.
 *
 * Return: the number of failed checks.
 */
int tty_selftest(void)
{
	struct ktermios t;
	char buf[8];

	failures = 0;
	captured_len = 0;
	test_tty.name = "ttytest";
	test_tty.ops = &capture_ops;
	tty_init_dev(&test_tty);

	feed("ab\177c\r");
	check(read_is("ac\n"), "erase + ICRNL line");
	check(!strcmp(captured, "ab\b \bc\r\n"), "echo of the edited line");
	check(tty_kernel_read(&test_tty, buf, sizeof(buf), true) == -EAGAIN, "empty -> EAGAIN");

	captured_len = 0;
	feed("lost\003");
	check(!strcmp(captured, "lost^C"), "^C echo");
	feed("\004");
	check(read_is(""), "^D on an empty line reads 0 (the ^C flushed \"lost\")");

	t = test_tty.ldisc.termios;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 0;
	tty_set_termios(&test_tty, &t);
	check(read_is(""), "raw VMIN=0 VTIME=0 with no input");
	feed("xyz");
	check(read_is("xyz"), "raw read");

	captured_len = 0;
	tty_kernel_write(&test_tty, "a\nb", 3);
	check(!strcmp(captured, "a\r\nb"), "ONLCR output");

	if (failures)
		printk(KERN_ERR "selftest tty: FAILED (%d checks)\n", failures);
	else
		printk(KERN_INFO "selftest tty: ok\n");
	return failures;
}

static int tty_selftest_initcall(void)
{
	const char *list;

	if (cmdline_find("starling.selftest", &list) && strstr(list, "tty"))
		tty_selftest();
	return 0;
}
late_initcall(tty_selftest_initcall);
