// SPDX-License-Identifier: GPL-2.0-only
/*
 * segv handled|unhandled: store through a NULL pointer. With "handled", a SIGSEGV handler
 * catches the fault and the program exits 0; with "unhandled" it dies of SIGSEGV.
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

static void on_segv(int sig)
{
	(void)sig;
	_exit(0);
}

int main(int argc, char **argv)
{
	volatile int *p = NULL;

	if (argc > 1 && !strcmp(argv[1], "handled")) {
		struct sigaction sa = { .sa_handler = on_segv };

		sigaction(SIGSEGV, &sa, NULL);
	}
	*p = 1;
	return 2;
}
