// SPDX-License-Identifier: GPL-2.0-only
/*
 * mprot: Linux's argument checks of mprotect(2) and the ->mmap check of mmap(2), one line
 * per case: "NAME RESULT", RESULT being 0 or the errno name.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef PROT_SEM
#define PROT_SEM 0x8
#endif

static const char *err(int ret)
{
	if (!ret)
		return "0";
	switch (errno) {
	case EINVAL:	return "EINVAL";
	case ENOMEM:	return "ENOMEM";
	case EACCES:	return "EACCES";
	case ENODEV:	return "ENODEV";
	default:	return strerror(errno);
	}
}

static void mp(const char *name, void *addr, size_t len, int prot)
{
	printf("%s %s\n", name, err(mprotect(addr, len, prot)));
}

int main(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *m;
	int fd;

	if (p == MAP_FAILED)
		return 1;
	munmap(p + 2 * pg, pg);		/* a hole after two pages */
	mp("unaligned", p + 1, pg, PROT_READ);
	mp("zero_len_bad_prot", p, 0, 0x10);
	mp("wrapping_len", p, SIZE_MAX, PROT_READ);
	mp("bad_prot", p, pg, 0x10);
	mp("prot_sem", p, pg, PROT_READ | PROT_SEM);
	mp("grows_both", p, pg, PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP);
	mp("growsdown_plain", p, pg, PROT_READ | PROT_GROWSDOWN);
	mp("hole", p, 3 * pg, PROT_READ);
	mp("ok", p, 2 * pg, PROT_READ);
	fd = open("/proc/self/stat", O_RDONLY);
	m = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, fd, 0);
	printf("private_proc %s\n", err(m == MAP_FAILED ? -1 : 0));
	return 0;
}
