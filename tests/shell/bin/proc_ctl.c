// SPDX-License-Identifier: GPL-2.0-only
/*
 * proc_ctl CHECK: process-control corner cases; prints "CHECK: ok", or what went wrong and
 * exits 1.
 *
 *   proc_ctl setpgid_exec   setpgid() on a child works until it execs, then fails EACCES
 *   proc_ctl child_times    times() and getrusage(RUSAGE_CHILDREN) count a reaped child's
 *                           CPU time, and not an unreaped one's
 *   proc_ctl pdeathsig      PR_SET_PDEATHSIG/PR_GET_PDEATHSIG: the child gets the signal when
 *                           the thread that forked it exits, while the process lives on
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FAIL(...)	do { printf(__VA_ARGS__); printf("\n"); exit(1); } while (0)

static int setpgid_exec(void)
{
	int pipefd[2], status;
	pid_t pid;
	char c;

	if (pipe(pipefd))
		FAIL("pipe: %s", strerror(errno));
	pid = fork();
	if (!pid) {
		/* Wait for the go, then exec something that waits for stdin to close. */
		close(pipefd[1]);
		if (read(pipefd[0], &c, 1) != 1)
			_exit(2);
		dup2(pipefd[0], 0);
		execlp("cat", "cat", (char *)NULL);
		_exit(3);
	}
	close(pipefd[0]);
	if (setpgid(pid, pid))
		FAIL("setpgid before exec: %s", strerror(errno));
	if (getpgid(pid) != pid)
		FAIL("getpgid: %d, expected %d", getpgid(pid), pid);
	if (write(pipefd[1], "x", 1) != 1)
		FAIL("write");
	/* Until cat runs, /proc/PID/exe names this program: poll for the exec. */
	for (int i = 0; i < 500; i++) {
		char path[64], buf[256];
		ssize_t n;

		snprintf(path, sizeof(path), "/proc/%d/exe", pid);
		n = readlink(path, buf, sizeof(buf) - 1);
		if (n > 0) {
			buf[n] = 0;
			if (strstr(buf, "busybox") || strstr(buf, "cat"))
				break;
		}
		usleep(10000);
	}
	errno = 0;
	if (setpgid(pid, 0) != -1 || errno != EACCES)
		FAIL("setpgid after exec: %s, expected EACCES", errno ? strerror(errno) : "success");
	errno = 0;
	if (setpgid(getppid(), 0) != -1 || errno != ESRCH)
		FAIL("setpgid on the parent: %s, expected ESRCH", strerror(errno));
	close(pipefd[1]);
	waitpid(pid, &status, 0);
	return 0;
}

static void burn(double seconds)
{
	struct timespec a, b;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	do
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	while ((b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9 < seconds);
}

static int child_times(void)
{
	long hz = sysconf(_SC_CLK_TCK);
	struct rusage ru;
	struct tms t;
	pid_t pid;
	int status;

	pid = fork();
	if (!pid) {
		burn(0.3);
		_exit(0);
	}
	/* Not reaped yet: nothing counted. */
	waitid(P_PID, pid, NULL, WEXITED | WNOWAIT);
	times(&t);
	if (t.tms_cutime + t.tms_cstime != 0)
		FAIL("times before reaping: %ld + %ld ticks", (long)t.tms_cutime, (long)t.tms_cstime);
	waitpid(pid, &status, 0);
	times(&t);
	if (t.tms_cutime + t.tms_cstime < hz / 5)
		FAIL("times after reaping: %ld + %ld ticks, expected >= %ld",
		     (long)t.tms_cutime, (long)t.tms_cstime, hz / 5);
	if (getrusage(RUSAGE_CHILDREN, &ru))
		FAIL("getrusage: %s", strerror(errno));
	if (ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec +
	    ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec < 200000)
		FAIL("RUSAGE_CHILDREN: %ld.%06ld + %ld.%06ld s, expected >= 0.2",
		     (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
		     (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec);
	return 0;
}

static volatile sig_atomic_t got;
static void on_usr1(int sig) { got = sig; }

static pid_t forked;

/* The thread that forks the child, then exits while the process lives on. */
static void *forker(void *arg)
{
	int *ready = arg;
	char c;

	forked = fork();
	if (!forked) {
		struct sigaction sa = { .sa_handler = on_usr1 };
		int sig = -1;

		sigaction(SIGUSR1, &sa, NULL);
		if (prctl(PR_SET_PDEATHSIG, SIGUSR1) || prctl(PR_GET_PDEATHSIG, &sig) ||
		    sig != SIGUSR1)
			_exit(2);
		if (write(ready[1], "r", 1) != 1)
			_exit(3);
		for (int i = 0; i < 1000 && !got; i++)
			usleep(10000);
		_exit(got == SIGUSR1 ? 0 : 4);
	}
	/* This thread exits only once the child has asked for the signal. */
	if (read(ready[0], &c, 1) != 1)
		forked = -1;
	return NULL;
}

static int pdeathsig(void)
{
	int ready[2], status, sig = -1;
	pthread_t thread;

	if (prctl(PR_GET_PDEATHSIG, &sig) || sig != 0)
		FAIL("PR_GET_PDEATHSIG: %d, expected 0", sig);
	errno = 0;
	if (prctl(PR_SET_PDEATHSIG, 65) != -1 || errno != EINVAL)
		FAIL("PR_SET_PDEATHSIG 65: %s, expected EINVAL", strerror(errno));
	if (pipe(ready))
		FAIL("pipe");
	pthread_create(&thread, NULL, forker, ready);
	pthread_join(thread, NULL);
	if (forked < 0)
		FAIL("child did not start");
	if (waitpid(forked, &status, 0) != forked)
		FAIL("waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		FAIL("child: status %#x (4: no SIGUSR1 when the forking thread exited)", status);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct { const char *name; int (*fn)(void); } checks[] = {
		{ "setpgid_exec", setpgid_exec }, { "child_times", child_times },
		{ "pdeathsig", pdeathsig },
	};

	for (size_t i = 0; argc > 1 && i < sizeof(checks) / sizeof(checks[0]); i++) {
		if (strcmp(argv[1], checks[i].name))
			continue;
		checks[i].fn();
		printf("%s: ok\n", argv[1]);
		return 0;
	}
	printf("usage: proc_ctl setpgid_exec|child_times|pdeathsig\n");
	return 2;
}
