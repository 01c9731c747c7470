// SPDX-License-Identifier: GPL-2.0-only
/*
 * The N_TTY line discipline (drivers/tty/n_tty.c): input editing, echo, signal characters
 * and output post-processing, as a pure state machine. It knows nothing of devices, locks or
 * tasks: the TTY layer (drivers/tty/tty_io.c) owns the lock that serialises every call and
 * supplies four callbacks, which the host unit tests replace with fakes.
 */
#ifndef _STARLING_N_TTY_H
#define _STARLING_N_TTY_H

#include <starling/types.h>
#include <uapi/asm-generic/termbits.h>

#define N_TTY_BUF_SIZE	4096		/* a power of two */
/* Linux's TTY_THRESHOLD_THROTTLE and TTY_THRESHOLD_UNTHROTTLE (drivers/tty/n_tty.c). */
#define N_TTY_THRESHOLD_THROTTLE	128	/* throttle below this much room */
#define N_TTY_THRESHOLD_UNTHROTTLE	128	/* unthrottle at this much readable input */

struct n_tty;

struct n_tty_ops {
	/* Send @len bytes to the device, already post-processed. Called with the lock held. */
	void (*write)(void *ctx, const unsigned char *buf, size_t len);
	/* A signal character arrived with ISIG set: signal the foreground process group. */
	void (*signal)(void *ctx, int sig);
	/*
	 * Sleep until new input, a signal, or @timeout_ms (negative: no timeout). Entered with
	 * the lock held, returns with it held. Return: 0, or -ERESTARTSYS for a signal.
	 */
	int (*wait)(void *ctx, long timeout_ms);
	/* A monotonic clock in milliseconds, for VTIME. */
	unsigned long (*now_ms)(void *ctx);
};

struct n_tty {
	struct ktermios		termios;
	const struct n_tty_ops	*ops;
	void			*ctx;

	/* Input. Indices only grow; & (N_TTY_BUF_SIZE - 1) makes a position. */
	unsigned char		read_buf[N_TTY_BUF_SIZE];
	unsigned char		line_end[N_TTY_BUF_SIZE / 8];	/* bit: a line terminator */
	size_t			read_head;	/* next byte received goes here */
	size_t			canon_head;	/* end of the last complete line */
	size_t			read_tail;	/* next byte read() returns */
	bool			lnext;		/* the next byte is literal (after VLNEXT) */
	bool			stopped;	/* output stopped by VSTOP (IXON) */

	/* Output. */
	unsigned int		column;		/* cursor column, for tabs and erasing */
	unsigned int		canon_column;	/* column where the current input line began */
};

#define N_TTY_DISABLED_CHAR	0	/* in the buffer: an EOF line end, not returned */

void n_tty_init(struct n_tty *ld, const struct n_tty_ops *ops, void *ctx);
void n_tty_default_termios(struct ktermios *t);
void n_tty_set_termios(struct n_tty *ld, const struct ktermios *t);
size_t n_tty_receive(struct n_tty *ld, const unsigned char *buf, size_t n);
bool n_tty_throttle_wanted(const struct n_tty *ld);
bool n_tty_unthrottle_wanted(const struct n_tty *ld);
ssize_t n_tty_read(struct n_tty *ld, unsigned char *buf, size_t nr, bool nonblock);
size_t n_tty_write(struct n_tty *ld, const unsigned char *buf, size_t n);
bool n_tty_readable(const struct n_tty *ld);
size_t n_tty_inq(const struct n_tty *ld);
void n_tty_flush_input(struct n_tty *ld);

#endif /* _STARLING_N_TTY_H */
