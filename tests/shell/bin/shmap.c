// SPDX-License-Identifier: GPL-2.0-only
/*
 * shmap TEST FILE: MAP_SHARED file mappings. Each test prints "shmap TEST: ok" and exits 0,
 * or prints what went wrong and exits 1. FILE is created (or truncated) by the test.
 *   store    stores through a shared mapping are the file's data (read() sees them)
 *   fork     parent and child see each other's stores, also through a second mapping
 *   private  stores through a MAP_PRIVATE mapping never reach the file
 *   eacces   PROT_WRITE + MAP_SHARED on an O_RDONLY fd: EACCES, also later by mprotect
 *   sigbus   a page wholly beyond the end of the file: SIGBUS (BUS_ADRERR), until the file
 *            grows over it
 *   enodev   files that cannot be mapped shared (/proc/self/stat, /dev/null): ENODEV;
 *            shared /dev/zero is shared memory; msync's argument checks
 *   anon     MAP_SHARED | MAP_ANONYMOUS and MAP_SHARED of /dev/zero: pages first touched
 *            after fork are shared both ways; /proc/self/maps names them "/dev/zero (deleted)"
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE	4096

static const char *test;

static void fail(const char *what)
{
	printf("shmap %s: %s (errno %d)\n", test, what, errno);
	exit(1);
}

static int make_file(const char *path, size_t size, char fill)
{
	char buf[PAGE];
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		fail("open");
	memset(buf, fill, sizeof(buf));
	for (size_t done = 0; done < size; ) {
		size_t n = size - done < sizeof(buf) ? size - done : sizeof(buf);

		if (write(fd, buf, n) != (ssize_t)n)
			fail("write");
		done += n;
	}
	return fd;
}

static void expect_byte(int fd, off_t pos, char want, const char *what)
{
	char c;

	if (pread(fd, &c, 1, pos) != 1)
		fail("pread");
	if (c != want) {
		printf("shmap %s: %s: byte %ld is '%c', not '%c'\n", test, what, (long)pos, c,
		       want);
		exit(1);
	}
}

static char *map(int fd, size_t len, int prot, int flags)
{
	char *p = mmap(NULL, len, prot, flags, fd, 0);

	if (p == MAP_FAILED)
		fail("mmap");
	return p;
}

static void test_store(const char *path)
{
	int fd = make_file(path, 2 * PAGE, 'a');
	char *p = map(fd, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);

	memcpy(p + 100, "hello", 5);
	p[PAGE + 5] = 'z';
	expect_byte(fd, 100, 'h', "read() after a store");
	expect_byte(fd, PAGE + 5, 'z', "read() of the second page");
	if (pwrite(fd, "W", 1, 200) != 1)
		fail("pwrite");
	if (p[200] != 'W')
		fail("write() not seen through the mapping");
	if (msync(p, 2 * PAGE, MS_SYNC))
		fail("msync");
	if (munmap(p, 2 * PAGE))
		fail("munmap");
	/* MAP_SHARED_VALIDATE is the same mapping, and refuses unknown flags */
	p = map(fd, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED_VALIDATE);
	p[300] = 'V';
	expect_byte(fd, 300, 'V', "MAP_SHARED_VALIDATE store");
	munmap(p, PAGE);
	if (mmap(NULL, PAGE, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, fd, 0) != MAP_FAILED ||
	    errno != EOPNOTSUPP)
		fail("MAP_SHARED_VALIDATE | MAP_SYNC is not EOPNOTSUPP");
	close(fd);
}

static void test_fork(const char *path)
{
	int fd = make_file(path, PAGE, '.');
	volatile char *p = (volatile char *)map(fd, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
	int to_child[2], to_parent[2], status;
	char c;
	pid_t pid;

	if (pipe(to_child) || pipe(to_parent))
		fail("pipe");
	pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		int fd2 = open(path, O_RDWR);
		volatile char *q;

		if (fd2 < 0)
			_exit(10);
		q = (volatile char *)mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd2, 0);
		if (q == MAP_FAILED)
			_exit(11);
		if (read(to_child[0], &c, 1) != 1)
			_exit(12);
		if (p[0] != 'P' || q[0] != 'P')
			_exit(13);		/* the parent's store is not here */
		p[1] = 'C';
		q[2] = 'Q';
		if (write(to_parent[1], "x", 1) != 1)
			_exit(14);
		_exit(0);
	}
	p[0] = 'P';
	if (write(to_child[1], "x", 1) != 1)
		fail("write to the child");
	if (read(to_parent[0], &c, 1) != 1)
		fail("the child did not answer");
	if (waitpid(pid, &status, 0) != pid)
		fail("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		printf("shmap fork: the child failed (status 0x%x)\n", status);
		exit(1);
	}
	if (p[1] != 'C')
		fail("the child's store through the inherited mapping is not seen");
	if (p[2] != 'Q')
		fail("the child's store through its own mapping is not seen");
	expect_byte(fd, 1, 'C', "read() of the child's store");
	expect_byte(fd, 2, 'Q', "read() of the child's second store");
	close(fd);
}

static void test_private(const char *path)
{
	int fd = make_file(path, PAGE, 'a');
	char *s = map(fd, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
	char *p = map(fd, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);

	p[0] = 'x';
	expect_byte(fd, 0, 'a', "read() after a private store");
	if (s[0] != 'a')
		fail("a private store reached a shared mapping");
	close(fd);
}

static void test_eacces(const char *path)
{
	int fd = make_file(path, PAGE, 'r');
	char *p;

	close(fd);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		fail("open O_RDONLY");
	if (mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) != MAP_FAILED ||
	    errno != EACCES)
		fail("PROT_WRITE + MAP_SHARED on O_RDONLY is not EACCES");
	p = map(fd, PAGE, PROT_READ, MAP_SHARED);
	if (p[0] != 'r')
		fail("read-only shared mapping reads wrong data");
	if (mprotect(p, PAGE, PROT_READ | PROT_WRITE) == 0 || errno != EACCES)
		fail("mprotect(PROT_WRITE) of it is not EACCES");
	munmap(p, PAGE);
	/* a private writable mapping of the same fd is fine */
	p = map(fd, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	p[0] = 'w';
	expect_byte(fd, 0, 'r', "read() after a private store");
	close(fd);
}

static sigjmp_buf env;
static volatile int sig_code;
static void *volatile sig_addr;

static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	sig_code = si->si_code;
	sig_addr = si->si_addr;
	siglongjmp(env, 1);
}

/* 1 if reading @p raised SIGBUS at @p with BUS_ADRERR, 0 if it read fine. */
static int bus_at(volatile char *p)
{
	sig_addr = NULL;
	if (sigsetjmp(env, 1) == 0) {
		(void)*p;
		return 0;
	}
	if (sig_addr != (void *)p || sig_code != BUS_ADRERR) {
		printf("shmap sigbus: SIGBUS code %d at %p, expected %d at %p\n", sig_code,
		       sig_addr, BUS_ADRERR, (void *)p);
		exit(1);
	}
	return 1;
}

static void test_sigbus(const char *path)
{
	struct sigaction sa = { .sa_sigaction = on_sigbus, .sa_flags = SA_SIGINFO };
	int fd = make_file(path, 100, 'b');
	volatile char *p = (volatile char *)map(fd, 2 * PAGE, PROT_READ | PROT_WRITE,
						 MAP_SHARED);

	sigaction(SIGBUS, &sa, NULL);
	if (bus_at(p + 50) || p[50] != 'b')
		fail("inside the file");
	if (bus_at(p + PAGE - 1) || p[PAGE - 1] != 0)
		fail("the last page beyond the end does not read zero");
	if (!bus_at(p + PAGE))
		fail("no SIGBUS a page beyond the end");
	if (!bus_at(p + PAGE + 123))
		fail("no SIGBUS inside the page beyond the end");
	if (ftruncate(fd, PAGE + 10))
		fail("ftruncate");
	if (bus_at(p + PAGE))
		fail("SIGBUS after the file grew");
	p[PAGE + 1] = 'g';
	expect_byte(fd, PAGE + 1, 'g', "store into the grown page");
	close(fd);
}

static void test_enodev(const char *path)
{
	int fd = open("/proc/self/stat", O_RDONLY), z;
	volatile char *p;
	pid_t pid;
	int status;

	(void)path;
	if (fd < 0)
		fail("open /proc/self/stat");
	if (mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0) != MAP_FAILED || errno != ENODEV)
		fail("MAP_SHARED of /proc/self/stat is not ENODEV");
	close(fd);
	fd = open("/dev/null", O_RDWR);
	if (fd < 0)
		fail("open /dev/null");
	if (mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) != MAP_FAILED ||
	    errno != ENODEV)
		fail("MAP_SHARED of /dev/null is not ENODEV");
	close(fd);
	z = open("/dev/zero", O_RDWR);
	if (z < 0)
		fail("open /dev/zero");
	p = (volatile char *)map(z, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
	close(z);
	pid = fork();
	if (pid == 0) {
		p[0] = 'k';
		_exit(p[1] != 0);
	}
	if (waitpid(pid, &status, 0) != pid || status)
		fail("child of the /dev/zero mapping");
	if (p[0] != 'k')
		fail("shared /dev/zero is not shared across fork");
	/* msync: Linux's checks */
	if (msync((void *)p, PAGE, MS_ASYNC) || msync((void *)p, PAGE, MS_SYNC | MS_INVALIDATE))
		fail("msync of a mapping");
	if (msync((void *)(p + 1), PAGE, MS_SYNC) == 0 || errno != EINVAL)
		fail("msync of an unaligned address is not EINVAL");
	if (msync((void *)p, PAGE, MS_SYNC | MS_ASYNC) == 0 || errno != EINVAL)
		fail("msync with MS_SYNC | MS_ASYNC is not EINVAL");
	if (msync((void *)p, PAGE, 8) == 0 || errno != EINVAL)
		fail("msync with an unknown flag is not EINVAL");
	munmap((void *)p, PAGE);
	if (msync((void *)p, PAGE, MS_SYNC) == 0 || errno != ENOMEM)
		fail("msync of an unmapped range is not ENOMEM");
	if (msync((void *)p, 0, MS_SYNC))
		fail("msync of zero bytes");
}

/* The /proc/self/maps line of the mapping at @p: "rw-s 00000000 ... /dev/zero (deleted)". */
static void expect_maps_line(volatile char *p, const char *what)
{
	char line[512], start[32];
	FILE *f = fopen("/proc/self/maps", "r");
	int found = 0;

	if (!f)
		fail("open /proc/self/maps");
	snprintf(start, sizeof(start), "%lx-", (unsigned long)p);
	while (fgets(line, sizeof(line), f)) {
		size_t n = strlen(line);

		if (strncmp(line, start, strlen(start)))
			continue;
		found = 1;
		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		if (!strstr(line, " rw-s 00000000 ") || n < 20 ||
		    strcmp(line + n - 20, " /dev/zero (deleted)")) {
			printf("shmap anon: %s: maps line \"%s\"\n", what, line);
			exit(1);
		}
	}
	fclose(f);
	if (!found)
		fail("the mapping is not in /proc/self/maps");
}

/*
 * Two pages of @p, a shared mapping made before fork and never touched: the child stores
 * into page 0, which the parent reads after it exits; the parent stores into page 1, which
 * the child reads. Neither page exists before fork.
 */
static void share_after_fork(volatile char *p, const char *what)
{
	int to_child[2], status;
	char c;
	pid_t pid;

	if (pipe(to_child))
		fail("pipe");
	pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		p[0] = 'c';
		p[2] = p[1] + 1;	/* the first load of page 0 in the child reads 0 */
		if (read(to_child[0], &c, 1) != 1)
			_exit(10);
		if (p[PAGE] != 'p')
			_exit(11);	/* the parent's store into page 1 is not here */
		p[PAGE + 1] = 'C';
		_exit(0);
	}
	p[PAGE] = 'p';
	if (write(to_child[1], "x", 1) != 1)
		fail("write to the child");
	if (waitpid(pid, &status, 0) != pid)
		fail("waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		printf("shmap anon: %s: the child failed (status 0x%x)\n", what, status);
		exit(1);
	}
	if (p[0] != 'c' || p[2] != 1) {
		printf("shmap anon: %s: the child's store into page 0 is not seen\n", what);
		exit(1);
	}
	if (p[PAGE + 1] != 'C') {
		printf("shmap anon: %s: the child's store into page 1 is not seen\n", what);
		exit(1);
	}
	close(to_child[0]);
	close(to_child[1]);
}

static void test_anon(const char *path)
{
	volatile char *p;
	int z;

	(void)path;
	p = (volatile char *)mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
				  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		fail("mmap MAP_SHARED | MAP_ANONYMOUS");
	share_after_fork(p, "MAP_SHARED | MAP_ANONYMOUS");
	expect_maps_line(p, "MAP_SHARED | MAP_ANONYMOUS");
	if (munmap((void *)p, 2 * PAGE))
		fail("munmap");
	z = open("/dev/zero", O_RDWR);
	if (z < 0)
		fail("open /dev/zero");
	p = (volatile char *)map(z, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
	close(z);
	share_after_fork(p, "/dev/zero");
	expect_maps_line(p, "/dev/zero");
	if (munmap((void *)p, 2 * PAGE))
		fail("munmap");
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*fn)(const char *path);
	} tests[] = {
		{ "store", test_store }, { "fork", test_fork }, { "private", test_private },
		{ "eacces", test_eacces }, { "sigbus", test_sigbus }, { "enodev", test_enodev },
		{ "anon", test_anon },
	};

	if (argc != 3) {
		fprintf(stderr, "usage: shmap TEST FILE\n");
		return 2;
	}
	test = argv[1];
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (!strcmp(tests[i].name, test)) {
			tests[i].fn(argv[2]);
			printf("shmap %s: ok\n", test);
			return 0;
		}
	}
	fprintf(stderr, "shmap: unknown test %s\n", test);
	return 2;
}
