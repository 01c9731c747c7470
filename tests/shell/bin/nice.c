// SPDX-License-Identifier: GPL-2.0-only
/*
 * nice [-n ADJUSTMENT] [COMMAND [ARG...]]: run COMMAND with its nice value raised by
 * ADJUSTMENT (default 10; negative lowers it). Without a command, print the current nice
 * value. Debian's static BusyBox has no nice applet; this one behaves as BusyBox's does: it
 * reads the value with getpriority(), writes value + ADJUSTMENT with setpriority() (the
 * kernel clamps it to -20..19) and, when that fails, prints
 * "nice: setpriority(N): <error>" and exits 125 without running the command.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long adjustment = 10;
	int old, i = 1;

	errno = 0;
	old = getpriority(PRIO_PROCESS, 0);
	if (old == -1 && errno) {
		fprintf(stderr, "nice: getpriority: %s\n", strerror(errno));
		return 125;
	}
	if (argc == 1) {
		printf("%d\n", old);
		return 0;
	}
	if (!strcmp(argv[i], "-n") && i + 1 < argc) {
		adjustment = strtol(argv[i + 1], NULL, 10);
		i += 2;
	} else if (!strncmp(argv[i], "-n", 2)) {
		adjustment = strtol(argv[i] + 2, NULL, 10);
		i++;
	}
	if (adjustment < -40)
		adjustment = -40;
	if (adjustment > 40)
		adjustment = 40;
	if (i >= argc) {
		fprintf(stderr, "usage: nice [-n ADJUSTMENT] [COMMAND [ARG...]]\n");
		return 125;
	}
	if (setpriority(PRIO_PROCESS, 0, old + (int)adjustment)) {
		fprintf(stderr, "nice: setpriority(%d): %s\n", old + (int)adjustment,
			strerror(errno));
		return 125;
	}
	execvp(argv[i], argv + i);
	fprintf(stderr, "nice: can't execute '%s': %s\n", argv[i], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}
