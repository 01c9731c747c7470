// SPDX-License-Identifier: GPL-2.0-only
/*
 * bench: the guest half of "make bench", one static program with a command per workload.
 *
 * It is built on the host with "gcc -static" and packed into the bench initramfs by
 * bench/mkinitramfs.sh.  Run as /init it prints the first line of the boot (the guest's
 * uptime then) and hands over to /bench/init.sh; run as "bench CMD ARGS" it times one
 * workload with clock_gettime(CLOCK_MONOTONIC) and prints one machine-readable line:
 *
 *	BENCH <metric> <value> <unit>
 *	BENCH-FAIL <metric> <reason, free text to the end of the line>
 *
 * which bench/run.sh on the host collects into the table.  Every command exits 0 when it
 * printed a figure and 1 otherwise.  Nothing here knows which kernel it runs on: Starling and
 * Linux run exactly the same code.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TRACEFS		"/sys/kernel/tracing"
#define SELF		"/bin/bench"

static uint64_t now_ns(clockid_t clk)
{
	struct timespec ts;

	if (clock_gettime(clk, &ts))
		return 0;
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t mono_ns(void)
{
	return now_ns(CLOCK_MONOTONIC);
}

static int fail(const char *metric, const char *what, int err)
{
	if (err)
		printf("BENCH-FAIL %s %s: %s\n", metric, what, strerror(err));
	else
		printf("BENCH-FAIL %s %s\n", metric, what);
	fflush(stdout);
	return 1;
}

static int report(const char *metric, double value, const char *unit)
{
	printf("BENCH %s %.3f %s\n", metric, value, unit);
	fflush(stdout);
	return 0;
}

static long arg_count(int argc, char **argv, int i, long def)
{
	long v;

	if (argc <= i)
		return def;
	v = strtol(argv[i], NULL, 0);
	return v > 0 ? v : def;
}

/* /init: the first line of the boot, then the workload script. */
static __attribute__((noreturn)) void cmd_init(void)
{
	uint64_t up = now_ns(CLOCK_BOOTTIME);

	if (!up)
		up = mono_ns();
	printf("BENCH boot.uptime %.3f ms\n", up / 1e6);
	fflush(stdout);
	execl("/bin/sh", "sh", "/bench/init.sh", (char *)NULL);
	printf("BENCH-FAIL init exec /bin/sh: %s\n", strerror(errno));
	fflush(stdout);
	/* PID 1 must not exit: wait for the harness's time limit. */
	for (;;)
		pause();
}

/* getppid N: the cheapest system call, ns per call.  syscall() avoids any libc caching. */
static int cmd_getppid(const char *metric, long n)
{
	uint64_t t0, t1;
	long i;

	t0 = mono_ns();
	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	t1 = mono_ns();
	return report(metric, (double)(t1 - t0) / n, "ns");
}

/* read N: one byte from /dev/zero per call, ns per call: the vfs_read path probes hit. */
static int cmd_read(const char *metric, long n)
{
	uint64_t t0, t1;
	char c;
	long i;
	int fd;

	fd = open("/dev/zero", O_RDONLY);
	if (fd < 0)
		return fail(metric, "open /dev/zero", errno);
	t0 = mono_ns();
	for (i = 0; i < n; i++) {
		if (read(fd, &c, 1) != 1) {
			close(fd);
			return fail(metric, "read /dev/zero", errno);
		}
	}
	t1 = mono_ns();
	close(fd);
	return report(metric, (double)(t1 - t0) / n, "ns");
}

/* fork N / exec N: fork, then _exit or execve of this program, then wait; us each. */
static int cmd_spawn(const char *metric, long n, int do_exec)
{
	static char *const child_argv[] = { "bench", "exit", NULL };
	static char *const child_envp[] = { NULL };
	uint64_t t0, t1;
	int status;
	long i;
	pid_t pid;

	t0 = mono_ns();
	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid < 0)
			return fail(metric, "fork", errno);
		if (pid == 0) {
			if (do_exec)
				execve(SELF, child_argv, child_envp);
			_exit(do_exec ? 127 : 0);
		}
		if (waitpid(pid, &status, 0) != pid)
			return fail(metric, "waitpid", errno);
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			return fail(metric, do_exec ? "child failed (execve?)" : "child failed", 0);
	}
	t1 = mono_ns();
	return report(metric, (double)(t1 - t0) / n / 1000.0, "us");
}

/* pipe MIB: a child writes MIB MiB through a pipe in 64 KiB writes; MB/s (10^6 bytes/s). */
static int cmd_pipe(const char *metric, long mib)
{
	static char buf[65536];
	uint64_t total = (uint64_t)mib << 20, got = 0, t0, t1;
	int fds[2], status;
	ssize_t r;
	pid_t pid;

	if (pipe(fds))
		return fail(metric, "pipe", errno);
	t0 = mono_ns();
	pid = fork();
	if (pid < 0)
		return fail(metric, "fork", errno);
	if (pid == 0) {
		uint64_t left = total;

		close(fds[0]);
		memset(buf, 'p', sizeof(buf));
		while (left) {
			r = write(fds[1], buf, left < sizeof(buf) ? left : sizeof(buf));
			if (r <= 0)
				_exit(1);
			left -= r;
		}
		_exit(0);
	}
	close(fds[1]);
	while ((r = read(fds[0], buf, sizeof(buf))) > 0)
		got += r;
	t1 = mono_ns();
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (got != total)
		return fail(metric, "short transfer", 0);
	return report(metric, (double)total / ((t1 - t0) / 1e9) / 1e6, "MB/s");
}

static int write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	ssize_t r;

	if (fd < 0)
		return -errno;
	r = write(fd, s, strlen(s));
	close(fd);
	return r < 0 ? -errno : 0;
}

/*
 * marker N METRIC [off]: N writes of a 16-byte message to trace_marker; writes per second.
 * With "off" (tracing_on is 0) a write may fail with EBADF as it does on Linux, where the
 * disabled buffer refuses the event: the call still counts.
 */
static int cmd_marker(const char *metric, long n, int off)
{
	static const char msg[] = "bench marker 42\n";
	uint64_t t0, t1;
	long i;
	int fd;

	fd = open(TRACEFS "/trace_marker", O_WRONLY);
	if (fd < 0)
		return fail(metric, "open " TRACEFS "/trace_marker", errno);
	t0 = mono_ns();
	for (i = 0; i < n; i++) {
		if (write(fd, msg, sizeof(msg) - 1) < 0 && !(off && errno == EBADF)) {
			close(fd);
			return fail(metric, "write trace_marker", errno);
		}
	}
	t1 = mono_ns();
	close(fd);
	return report(metric, n / ((t1 - t0) / 1e9), "writes/s");
}

/* Sum of the "overrun:" lines of per_cpu/cpuN/stats: events the ring buffer dropped. */
static long long overruns(int ncpu)
{
	char path[96], line[128];
	long long sum = 0, v;
	FILE *f;
	int cpu;

	for (cpu = 0; cpu < ncpu; cpu++) {
		snprintf(path, sizeof(path), TRACEFS "/per_cpu/cpu%d/stats", cpu);
		f = fopen(path, "r");
		if (!f)
			return -1;
		while (fgets(line, sizeof(line), f))
			if (sscanf(line, "overrun: %lld", &v) == 1)
				sum += v;
		fclose(f);
	}
	return sum;
}

static long count_lines(const char *buf, ssize_t n, long *lost)
{
	const char *p = buf, *end = buf + n, *nl;
	long lines = 0;

	/* "CPU:%d [LOST %lu EVENTS]" lines are not events; they name events lost. */
	while (p < end && (nl = memchr(p, '\n', end - p))) {
		const char *l = memmem(p, nl - p, "[LOST ", 6);

		if (l)
			*lost += strtol(l + 6, NULL, 10);
		else
			lines++;
		p = nl + 1;
	}
	return lines;
}

/*
 * drain MS: one producer per CPU (pinned) writes to trace_marker for MS milliseconds while
 * this process reads trace_pipe; then the rest is drained.  Prints events drained per second,
 * and the lost events (per-CPU overrun counters, plus any LOST lines trace_pipe reports).
 */
static int cmd_drain(long ms)
{
	static char buf[65536];
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN), events = 0, lost_lines = 0, i;
	long long ov0, ov1;
	uint64_t t0, t1, stop;
	pid_t pids[64];
	int fd, status, live;
	ssize_t r;

	if (ncpu < 1)
		ncpu = 1;
	if (ncpu > 64)
		ncpu = 64;
	fd = open(TRACEFS "/trace_pipe", O_RDONLY | O_NONBLOCK);
	if (fd < 0)
		return fail("ring.drain", "open " TRACEFS "/trace_pipe", errno);
	/* Empty the buffer first: trace_pipe consumes what it reads. */
	while ((r = read(fd, buf, sizeof(buf))) > 0)
		;
	ov0 = overruns(ncpu);
	t0 = mono_ns();
	stop = t0 + (uint64_t)ms * 1000000ull;
	for (i = 0; i < ncpu; i++) {
		pids[i] = fork();
		if (pids[i] < 0)
			return fail("ring.drain", "fork", errno);
		if (pids[i] == 0) {
			static const char msg[] = "bench drain 4242\n";
			cpu_set_t set;
			int mfd, k;

			CPU_ZERO(&set);
			CPU_SET(i, &set);
			sched_setaffinity(0, sizeof(set), &set);	/* best effort */
			mfd = open(TRACEFS "/trace_marker", O_WRONLY);
			if (mfd < 0)
				_exit(1);
			while (mono_ns() < stop)
				for (k = 0; k < 64; k++)
					if (write(mfd, msg, sizeof(msg) - 1) < 0)
						_exit(1);
			_exit(0);
		}
	}
	live = ncpu;
	for (;;) {
		r = read(fd, buf, sizeof(buf));
		if (r > 0) {
			events += count_lines(buf, r, &lost_lines);
			continue;
		}
		if (r < 0 && errno != EAGAIN && errno != EINTR)
			return fail("ring.drain", "read trace_pipe", errno);
		if (!live)
			break;	/* producers done and the buffer is empty */
		while (live && waitpid(-1, &status, WNOHANG) > 0) {
			if (!WIFEXITED(status) || WEXITSTATUS(status))
				return fail("ring.drain", "producer failed (write trace_marker)", 0);
			live--;
		}
		if (live)
			sched_yield();
	}
	t1 = mono_ns();
	close(fd);
	ov1 = overruns(ncpu);
	if (!events)
		return fail("ring.drain", "no events read from trace_pipe", 0);
	report("ring.drain", events / ((t1 - t0) / 1e9), "events/s");
	/* The overrun counters and the LOST lines count the same events: prefer the first. */
	printf("BENCH ring.drain.lost %lld events\n",
	       ov0 < 0 || ov1 < 0 ? (long long)lost_lines : ov1 - ov0);
	fflush(stdout);
	return 0;
}

/* meminfo: MemTotal - MemAvailable, in MiB. */
static int cmd_meminfo(void)
{
	long long total = -1, avail = -1, v;
	char line[128];
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return fail("mem.used", "open /proc/meminfo", errno);
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "MemTotal: %lld kB", &v) == 1)
			total = v;
		else if (sscanf(line, "MemAvailable: %lld kB", &v) == 1)
			avail = v;
	}
	fclose(f);
	if (total < 0 || avail < 0)
		return fail("mem.used", "no MemTotal or MemAvailable in /proc/meminfo", 0);
	return report("mem.used", (total - avail) / 1024.0, "MiB");
}

static int usage(void)
{
	fprintf(stderr,
		"usage: bench getppid N METRIC | read N METRIC | fork N | exec N | pipe MIB |\n"
		"             marker N METRIC [off] | drain MS | meminfo | write PATH STRING | exit\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');
	const char *cmd;

	base = base ? base + 1 : argv[0];
	if (!strcmp(base, "init") || getpid() == 1)
		cmd_init();
	if (argc < 2)
		return usage();
	cmd = argv[1];
	if (!strcmp(cmd, "exit"))
		return 0;
	if (!strcmp(cmd, "getppid"))
		return cmd_getppid(argc > 3 ? argv[3] : "sys.getppid", arg_count(argc, argv, 2, 10000));
	if (!strcmp(cmd, "read"))
		return cmd_read(argc > 3 ? argv[3] : "sys.read", arg_count(argc, argv, 2, 10000));
	if (!strcmp(cmd, "fork"))
		return cmd_spawn("sys.fork", arg_count(argc, argv, 2, 100), 0);
	if (!strcmp(cmd, "exec"))
		return cmd_spawn("sys.exec", arg_count(argc, argv, 2, 50), 1);
	if (!strcmp(cmd, "pipe"))
		return cmd_pipe("sys.pipe", arg_count(argc, argv, 2, 16));
	if (!strcmp(cmd, "marker"))
		return cmd_marker(argc > 3 ? argv[3] : "ring.marker", arg_count(argc, argv, 2, 10000),
				  argc > 4 && !strcmp(argv[4], "off"));
	if (!strcmp(cmd, "drain"))
		return cmd_drain(arg_count(argc, argv, 2, 500));
	if (!strcmp(cmd, "meminfo"))
		return cmd_meminfo();
	if (!strcmp(cmd, "write") && argc == 4) {
		int err = write_str(argv[2], argv[3]);

		if (err)
			fprintf(stderr, "bench: write %s: %s\n", argv[2], strerror(-err));
		return err ? 1 : 0;
	}
	return usage();
}
