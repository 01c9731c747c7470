// SPDX-License-Identifier: GPL-2.0-only
/*
 * getprio WHICH WHO [NICE]: make the raw getpriority(2) system call (or setpriority(2) when
 * NICE is given) and print its result: the kernel's value for getpriority (20 - nice, 1..40,
 * which the C library would turn back into a nice value), 0 for setpriority, or the error's
 * name (EINVAL, ESRCH, EPERM, EACCES). WHICH is 0 (PRIO_PROCESS), 1 (PRIO_PGRP), 2 (PRIO_USER)
 * or any other number.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *errname(int err)
{
	switch (err) {
	case EINVAL:	return "EINVAL";
	case ESRCH:	return "ESRCH";
	case EPERM:	return "EPERM";
	case EACCES:	return "EACCES";
	default:	return "other";
	}
}

int main(int argc, char **argv)
{
	long ret;

	if (argc < 3) {
		fprintf(stderr, "usage: getprio WHICH WHO [NICE]\n");
		return 2;
	}
	if (argc > 3)
		ret = syscall(SYS_setpriority, atoi(argv[1]), atoi(argv[2]), atoi(argv[3]));
	else
		ret = syscall(SYS_getpriority, atoi(argv[1]), atoi(argv[2]));
	if (ret < 0)
		printf("%s\n", errname(errno));
	else
		printf("%ld\n", ret);
	return 0;
}
