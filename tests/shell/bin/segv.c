// SPDX-License-Identifier: GPL-2.0-only
/*
 * segv handled|unhandled|code: store through a NULL pointer. With "handled", a SIGSEGV
 * handler catches the fault and the program exits 0; with "unhandled" it dies of SIGSEGV.
 * With "code" it prints the si_code of two faults, "map N" for the NULL store and "acc N"
 * for a store into a read-only mapping (Linux: SEGV_MAPERR 1, SEGV_ACCERR 2).
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf back;
static volatile int code;

static void on_segv(int sig)
{
	(void)sig;
	_exit(0);
}

static void on_segv_info(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	code = si->si_code;
	siglongjmp(back, 1);
}

static int fault_code(volatile int *p)
{
	code = -1;
	if (!sigsetjmp(back, 1))
		*p = 1;
	return code;
}

int main(int argc, char **argv)
{
	volatile int *p = NULL;

	if (argc > 1 && !strcmp(argv[1], "code")) {
		struct sigaction sa = { .sa_sigaction = on_segv_info, .sa_flags = SA_SIGINFO };
		void *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		sigaction(SIGSEGV, &sa, NULL);
		printf("map %d\n", fault_code(NULL));
		printf("acc %d\n", fault_code(ro));
		return 0;
	}
	if (argc > 1 && !strcmp(argv[1], "handled")) {
		struct sigaction sa = { .sa_handler = on_segv };

		sigaction(SIGSEGV, &sa, NULL);
	}
	*p = 1;
	return 2;
}
