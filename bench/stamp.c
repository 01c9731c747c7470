// SPDX-License-Identifier: GPL-2.0-only
/*
 * stamp: the host half of the boot figure.  "stamp CMD ARGS..." starts CMD with its stdout
 * and stderr on a pipe, and copies every line it prints to stdout prefixed with the host's
 * wall time since CMD was started, in milliseconds ("%.3f "), taken when the line's newline
 * arrived; carriage returns are removed.
 * The last line is "%.3f EXIT <status>", the exit status of CMD as a shell would give it, or
 * "%.3f EXIT killed" after -w gave up on it.
 * bench/run.sh starts QEMU through it, so the stamp on the first line /init prints is the
 * host time from QEMU's start to that line.  Stdin of CMD is /dev/null.
 *
 * "stamp -w WORD SECONDS CMD ARGS..." also sends SIGTERM to CMD when no line containing WORD
 * has arrived within SECONDS: a kernel that never reaches /init costs that long, not the
 * whole time limit of a run.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
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

	const char *word = NULL;
	uint64_t deadline = 0;
	int seen = 0, killed = 0;

	if (argc > 4 && !strcmp(argv[1], "-w")) {
		word = argv[2];
		deadline = (uint64_t)(atof(argv[3]) * 1e9);
		argv += 3;
		argc -= 3;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: stamp [-w WORD SECONDS] CMD [ARGS...]\n");
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

		setpgid(0, 0);	/* its own process group, so that -w stops all of it */

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
	for (;;) {
		if (word && !seen) {
			struct pollfd pfd = { .fd = fds[0], .events = POLLIN };
			uint64_t el = mono_ns() - t0;
			int ms = el >= deadline ? 0 : (int)((deadline - el) / 1000000) + 1;

			if (poll(&pfd, 1, ms) == 0) {
				kill(-pid, SIGTERM);
				killed = 1;
				word = NULL;	/* once */
			}
		}
		n = read(fds[0], buf, sizeof(buf));
		if (n <= 0)
			break;
		for (i = 0; i < n; i++) {
			char c = buf[i];

			if (c == '\r')
				continue;
			if (c == '\n') {
				t = mono_ns();
				printf("%.3f %.*s\n", (t - t0) / 1e6, (int)len, line);
				fflush(stdout);
				if (word && memmem(line, len, word, strlen(word)))
					seen = 1;
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
	if (killed)
		printf("%.3f EXIT killed\n", (t - t0) / 1e6);
	else
		printf("%.3f EXIT %d\n", (t - t0) / 1e6,
		       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	return 0;
}
