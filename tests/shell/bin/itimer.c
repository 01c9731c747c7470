// SPDX-License-Identifier: GPL-2.0-only
/*
 * itimer CHECK: exercise setitimer()/getitimer() for the CPU-time timers; prints one line
 * per step and exits 1 at the first step that fails.
 *
 *   itimer virtual   ITIMER_VIRTUAL, 20 ms periodic: getitimer() reads the interval back,
 *                    and SIGVTALRM arrives while the process spins in user mode
 *   itimer prof      ITIMER_PROF, 20 ms periodic: SIGPROF arrives while the process
 *                    spins in system calls
 *   itimer idle      ITIMER_VIRTUAL and ITIMER_PROF do not run while the process sleeps
 *   itimer left      getitimer() counts down with CPU time: after 200 ms of CPU, a 10 s
 *                    timer has 9.3 s to 9.9 s left
 *   itimer default   SIGVTALRM's default action ends the process (exit status 128 + 26)
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t hits;

static void on_signal(int sig)
{
	(void)sig;
	hits++;
}

static double now(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long usecs(const struct timeval *tv)
{
	return tv->tv_sec * 1000000L + tv->tv_usec;
}

static int arm(int which, long value_us, long interval_us)
{
	struct itimerval v = {
		.it_value = { value_us / 1000000, value_us % 1000000 },
		.it_interval = { interval_us / 1000000, interval_us % 1000000 },
	};

	if (setitimer(which, &v, NULL)) {
		perror("setitimer");
		return -1;
	}
	return 0;
}

/* Spin (in user mode, or in getppid() calls) until @want signals or 30 s of wall time. */
static int spin_for_signals(int want, int in_syscalls)
{
	double end = now(CLOCK_MONOTONIC) + 30;
	volatile unsigned long n = 0;

	while (hits < want && now(CLOCK_MONOTONIC) < end) {
		for (int i = 0; i < 100000; i++) {
			if (in_syscalls)
				getppid();
			else
				n++;
		}
	}
	return hits >= want ? 0 : -1;
}

static int periodic(int which, int sig, int in_syscalls, const char *name)
{
	struct itimerval cur;

	signal(sig, on_signal);
	if (arm(which, 20000, 20000))
		return 1;
	if (getitimer(which, &cur)) {
		perror("getitimer");
		return 1;
	}
	/* Linux adds a tick (4 ms at HZ=250, 10 ms at HZ=100) to the value it arms. */
	if (usecs(&cur.it_interval) != 20000 || usecs(&cur.it_value) <= 0 ||
	    usecs(&cur.it_value) > 30000) {
		printf("%s: getitimer read value %ld us, interval %ld us\n", name,
		       usecs(&cur.it_value), usecs(&cur.it_interval));
		return 1;
	}
	if (spin_for_signals(3, in_syscalls)) {
		printf("%s: %d signals in 30 s of spinning\n", name, (int)hits);
		return 1;
	}
	arm(which, 0, 0);
	printf("%s: periodic ok\n", name);
	return 0;
}

static int idle(void)
{
	struct itimerval v, p;
	struct timespec ts = { 0, 300000000 };

	signal(SIGVTALRM, on_signal);
	signal(SIGPROF, on_signal);
	if (arm(ITIMER_VIRTUAL, 100000, 0) || arm(ITIMER_PROF, 100000, 0))
		return 1;
	nanosleep(&ts, NULL);
	getitimer(ITIMER_VIRTUAL, &v);
	getitimer(ITIMER_PROF, &p);
	if (hits || usecs(&v.it_value) < 50000 || usecs(&p.it_value) < 50000) {
		printf("idle: %d signals, virtual %ld us, prof %ld us left after sleeping\n",
		       (int)hits, usecs(&v.it_value), usecs(&p.it_value));
		return 1;
	}
	printf("idle: ok\n");
	return 0;
}

static int left(void)
{
	struct itimerval v, old;
	volatile unsigned long n = 0;
	double start;

	if (arm(ITIMER_VIRTUAL, 10000000, 0))
		return 1;
	start = now(CLOCK_PROCESS_CPUTIME_ID);
	while (now(CLOCK_PROCESS_CPUTIME_ID) - start < 0.2)
		for (int i = 0; i < 10000; i++)
			n++;
	getitimer(ITIMER_VIRTUAL, &v);
	if (usecs(&v.it_value) < 9300000 || usecs(&v.it_value) > 9900000 ||
	    usecs(&v.it_interval)) {
		printf("left: %ld us left, interval %ld us, after 200 ms of CPU\n",
		       usecs(&v.it_value), usecs(&v.it_interval));
		return 1;
	}
	/* Disarming returns the old setting. */
	memset(&v, 0, sizeof(v));
	if (setitimer(ITIMER_VIRTUAL, &v, &old) || usecs(&old.it_value) < 9300000) {
		printf("left: setitimer returned %ld us as the old value\n", usecs(&old.it_value));
		return 1;
	}
	getitimer(ITIMER_VIRTUAL, &v);
	if (usecs(&v.it_value)) {
		printf("left: %ld us left after disarming\n", usecs(&v.it_value));
		return 1;
	}
	printf("left: ok\n");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "virtual"))
		return periodic(ITIMER_VIRTUAL, SIGVTALRM, 0, "virtual");
	if (argc == 2 && !strcmp(argv[1], "prof"))
		return periodic(ITIMER_PROF, SIGPROF, 1, "prof");
	if (argc == 2 && !strcmp(argv[1], "idle"))
		return idle();
	if (argc == 2 && !strcmp(argv[1], "left"))
		return left();
	if (argc == 2 && !strcmp(argv[1], "default")) {
		arm(ITIMER_VIRTUAL, 20000, 0);
		spin_for_signals(1, 0);		/* the signal ends the process first */
		printf("default: still alive after 30 s\n");
		return 1;
	}
	fprintf(stderr, "usage: itimer virtual|prof|idle|left|default\n");
	return 2;
}
