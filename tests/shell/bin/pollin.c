// SPDX-License-Identifier: GPL-2.0-only
/*
 * pollin FILE MS: open FILE read-only, poll() it for POLLIN for at most MS milliseconds and
 * print "ready" (POLLIN set), "timeout", or the revents in hex; exit 0, or 1 on an error.
 * BusyBox has no applet that polls a file.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct pollfd p;
	int n;

	if (argc != 3) {
		fprintf(stderr, "usage: pollin FILE MS\n");
		return 1;
	}
	p.fd = open(argv[1], O_RDONLY);
	if (p.fd < 0) {
		perror(argv[1]);
		return 1;
	}
	p.events = POLLIN;
	p.revents = 0;
	n = poll(&p, 1, atoi(argv[2]));
	if (n < 0) {
		perror("poll");
		return 1;
	}
	if (n == 0)
		printf("timeout\n");
	else if (p.revents == (POLLIN | POLLRDNORM) || p.revents == POLLIN)
		printf("ready\n");
	else
		printf("revents %#x\n", p.revents);
	return 0;
}
