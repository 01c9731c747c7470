// SPDX-License-Identifier: GPL-2.0-only
/*
 * legacy_stat FILE: call the legacy stat(2), lstat(2) and fstat(2) system calls (numbers 4,
 * 6 and 5 on x86_64) on FILE and print "stat SIZE", "lstat SIZE", "fstat SIZE".  glibc has
 * used newfstatat for all three since 2.33, so BusyBox never reaches them.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct stat st;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: legacy_stat FILE\n");
		return 2;
	}
	if (syscall(SYS_stat, argv[1], &st)) {
		perror("stat");
		return 1;
	}
	printf("stat %lld\n", (long long)st.st_size);
	if (syscall(SYS_lstat, argv[1], &st)) {
		perror("lstat");
		return 1;
	}
	printf("lstat %lld\n", (long long)st.st_size);
	fd = open(argv[1], O_RDONLY);
	if (fd < 0 || syscall(SYS_fstat, fd, &st)) {
		perror("fstat");
		return 1;
	}
	printf("fstat %lld\n", (long long)st.st_size);
	close(fd);
	return 0;
}
