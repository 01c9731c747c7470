// SPDX-License-Identifier: GPL-2.0-only
/*
 * tlb_stress [ROUNDS]: unmap pages while another thread, on another CPU, keeps writing to
 * them; prints "tlb_stress: ok", or what went wrong and exits 1.
 *
 * Each round maps NPAGES anonymous pages, faults them in, and starts the writer storing a
 * marker into every page in a loop. The main thread then unmaps them (munmap, an mremap
 * that shrinks, or MADV_DONTNEED, in turn), waits until the writer has taken its SIGSEGV
 * (or, after MADV_DONTNEED, ran on), and checks that freshly mapped pages read as zeroes.
 *
 * The kernel must shoot down the writer CPU's TLB before it frees the pages: until then the
 * writer may still store through a stale translation, and a page freed first can already
 * belong to someone else. Booted with page_poison=1, such a store into a free page is
 * reported by the allocator as "pagealloc: memory corruption" (tests/boot/run.sh looks for
 * it); without poisoning, the zero check catches a page reused within the window.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define NPAGES	32
#define MARKER	0x5a5a5a5a5a5a5a5aULL

static long page_size;
static volatile uint64_t *volatile target;	/* the pages the writer stores into */
static volatile int go, faulted, stop, idle;
static volatile unsigned long stores;
static sigjmp_buf writer_jmp;

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);	/* best effort: one CPU still runs */
}

static void on_segv(int sig)
{
	(void)sig;
	faulted = 1;
	siglongjmp(writer_jmp, 1);
}

static void *writer(void *arg)
{
	(void)arg;
	pin(1);
	sigsetjmp(writer_jmp, 1);
	for (;;) {
		/* idle is set only after seeing go == 0: no store is under way then. */
		while (!go && !stop)
			idle = 1;
		if (stop)
			return NULL;
		for (unsigned long i = 0; go; i = (i + 1) % NPAGES) {
			target[i * (page_size / 8) + (i & 7)] = MARKER;
			stores++;
		}
	}
}

static int check_zero(const uint64_t *p, size_t words, const char *what, int round)
{
	for (size_t i = 0; i < words; i++) {
		if (p[i]) {
			printf("tlb_stress: round %d: fresh page after %s holds %#llx at word %zu\n",
			       round, what, (unsigned long long)p[i], i);
			return 1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	static const char *const how[] = { "munmap", "mremap", "madvise" };
	int rounds = argc > 1 ? atoi(argv[1]) : 300;
	struct sigaction sa;
	pthread_t thread;
	size_t len;

	page_size = sysconf(_SC_PAGESIZE);
	len = NPAGES * page_size;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_segv;
	sa.sa_flags = SA_NODEFER;
	sigaction(SIGSEGV, &sa, NULL);
	pin(0);
	if (pthread_create(&thread, NULL, writer, NULL)) {
		printf("tlb_stress: pthread_create failed\n");
		return 1;
	}
	for (int r = 0; r < rounds; r++) {
		int mode = r % 3;
		uint64_t *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				   -1, 0);
		unsigned long seen;
		uint64_t *fresh;

		if (p == MAP_FAILED) {
			printf("tlb_stress: mmap failed\n");
			return 1;
		}
		memset(p, 0, len);
		target = p;
		faulted = 0;
		seen = stores;
		go = 1;
		while (stores - seen < 1000)
			;
		switch (mode) {
		case 0:
			munmap(p, len);
			break;
		case 1:
			/* Shrink to one page: the other pages go; then drop the rest. */
			if (mremap(p, len, page_size, 0) == MAP_FAILED) {
				printf("tlb_stress: mremap failed\n");
				return 1;
			}
			munmap(p, page_size);
			break;
		default:
			madvise(p, len, MADV_DONTNEED);
			break;
		}
		if (mode != 2) {
			while (!faulted)
				;
		} else {
			seen = stores;
			while (stores - seen < 1000)
				;
		}
		/* The writer stops storing before the address can be mapped again. */
		idle = 0;
		go = 0;
		while (!idle)
			;
		fresh = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (fresh == MAP_FAILED) {
			printf("tlb_stress: mmap failed\n");
			return 1;
		}
		if (check_zero(fresh, len / 8, how[mode], r))
			return 1;
		munmap(fresh, len);
		if (mode == 2)
			munmap(p, len);
	}
	stop = 1;
	pthread_join(thread, NULL);
	printf("tlb_stress: ok\n");
	return 0;
}
