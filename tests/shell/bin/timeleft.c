// SPDX-License-Identifier: GPL-2.0-only
/*
 * timeleft: ppoll(2), pselect6(2) and select(2) (where the arch has it) write the time
 * left back into their timeout. A child writes to a pipe after about 200 ms while the parent waits with a 5 s
 * timeout; each line says "NAME RET left-ok" when what came back is between 3 and 5 s.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int fds[2];

static void start_writer(void)
{
	char c;

	while (read(fds[0], &c, 1) == 1)
		;			/* drain what the last round left */
	if (fork() == 0) {
		usleep(200 * 1000);
		write(fds[1], "x", 1);
		_exit(0);
	}
}

static const char *ok(long long ns)
{
	return ns > 3000000000LL && ns < 5000000000LL ? "left-ok" : "left-wrong";
}

int main(void)
{
	struct pollfd pfd;
	struct timespec ts;
	struct timeval tv;
	fd_set set;
	long ret;

	if (pipe(fds))
		return 1;
	fcntl(fds[0], F_SETFL, O_NONBLOCK);
	start_writer();
	pfd = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	ts = (struct timespec){ .tv_sec = 5 };
	ret = syscall(SYS_ppoll, &pfd, 1, &ts, NULL, 8);
	printf("ppoll %ld %s\n", ret, ok(ts.tv_sec * 1000000000LL + ts.tv_nsec));
	wait(NULL);

	start_writer();
	FD_ZERO(&set);
	FD_SET(fds[0], &set);
	ts = (struct timespec){ .tv_sec = 5 };
	ret = syscall(SYS_pselect6, fds[0] + 1, &set, NULL, NULL, &ts, NULL);
	printf("pselect6 %ld %s\n", ret, ok(ts.tv_sec * 1000000000LL + ts.tv_nsec));
	wait(NULL);

#ifdef SYS_select	/* x86_64; the asm-generic table (riscv64) has only pselect6 */
	start_writer();
	FD_ZERO(&set);
	FD_SET(fds[0], &set);
	tv = (struct timeval){ .tv_sec = 5 };
	ret = syscall(SYS_select, fds[0] + 1, &set, NULL, NULL, &tv);
	printf("select %ld %s\n", ret, ok(tv.tv_sec * 1000000000LL + tv.tv_usec * 1000LL));
	wait(NULL);
#else
	(void)tv;
#endif
	return 0;
}
