// SPDX-License-Identifier: GPL-2.0-only
/*
 * stamp: the host half of the boot figure.  "stamp CMD ARGS..." starts CMD with its stdout
 * and stderr on a pipe, and copies every line it prints to stdout prefixed with the host's
 * wall time since CMD was started, in milliseconds ("%.3f "), taken when the line's newline
 * arrived; carriage returns are removed.
 * The last line is "%.3f EXIT <status>", the exit status of CMD as a shell would give it.
 * bench/run.sh starts QEMU through it, so the stamp on the first line /init prints is the
 * host time from QEMU's start to that line.  Stdin of CMD is /dev/null.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int main(int argc, char **argv)
{
	char buf[4096], line[8192];
	size_t len = 0;
	int fds[2], status;
	uint64_t t0, t;
	ssize_t n, i;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: stamp CMD [ARGS...]\n");
		return 2;
	}
	if (pipe(fds)) {
		perror("stamp: pipe");
		return 2;
	}
	t0 = mono_ns();
	pid = fork();
	if (pid < 0) {
		perror("stamp: fork");
		return 2;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		if (null >= 0)
			dup2(null, 0);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[1], argv + 1);
		perror("stamp: exec");
		_exit(127);
	}
	close(fds[1]);
	/*
	 * A line is stamped when its newline arrives: a console line may begin with escape
	 * sequences printed long before the text that follows them.
	 */
	while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++) {
			char c = buf[i];

			if (c == '\r')
				continue;
			if (c == '\n') {
				t = mono_ns();
				printf("%.3f %.*s\n", (t - t0) / 1e6, (int)len, line);
				fflush(stdout);
				len = 0;
			} else if (len < sizeof(line)) {
				line[len++] = c;
			}
		}
	}
	t = mono_ns();
	if (len)
		printf("%.3f %.*s\n", (t - t0) / 1e6, (int)len, line);
	if (waitpid(pid, &status, 0) != pid)
		status = 0x7f00;
	t = mono_ns();
	printf("%.3f EXIT %d\n", (t - t0) / 1e6,
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
